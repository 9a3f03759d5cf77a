import type { Driver } from 'neo4j-driver';

/**
 * Eventually consistent: a commit queues its text for the full-text indexes instead of analysing it (the
 * whole body of each document) before it returns; measured, full-text updates were a third of the load's
 * commit time. A load waits for the queue once, at its end (AWAIT_FULLTEXT), so what it loaded is found.
 */
const FULLTEXT = "OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk', `fulltext.eventually_consistent`: true}}";
export const AWAIT_FULLTEXT = 'CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()';

/** Constraints and indexes; IF NOT EXISTS makes applying them idempotent. */
export const SCHEMA: string[] = [
  'CREATE CONSTRAINT decree_id IF NOT EXISTS FOR (d:Decree) REQUIRE d.id IS UNIQUE',
  'CREATE CONSTRAINT law_id IF NOT EXISTS FOR (l:Law) REQUIRE l.id IS UNIQUE',
  'CREATE CONSTRAINT planned_id IF NOT EXISTS FOR (p:Planned) REQUIRE p.id IS UNIQUE',
  'CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (a:Agency) REQUIRE a.id IS UNIQUE',
  'CREATE CONSTRAINT task_id IF NOT EXISTS FOR (t:Task) REQUIRE t.id IS UNIQUE',
  'CREATE CONSTRAINT person_id IF NOT EXISTS FOR (p:Person) REQUIRE p.id IS UNIQUE',
  'CREATE CONSTRAINT gazette_path IF NOT EXISTS FOR (g:Gazette) REQUIRE g.path IS UNIQUE',
  'CREATE INDEX decree_number IF NOT EXISTS FOR (d:Decree) ON (d.docNumber)',
  'CREATE INDEX decree_date IF NOT EXISTS FOR (d:Decree) ON (d.issuedDate)',
  'CREATE INDEX decree_title_key IF NOT EXISTS FOR (d:Decree) ON (d.titleKey)',
  // Range questions: what falls due between two dates.
  'CREATE INDEX deadline_due IF NOT EXISTS FOR (x:Deadline) ON (x.dueDate)',
  // Title stubs are adopted by the decree they name by its title or by the title it issues (batch.ts).
  'CREATE INDEX decree_issues_key IF NOT EXISTS FOR (d:Decree) ON (d.issuesKey)',
  // The CJK analyzer indexes Chinese text as character bigrams, so 清洁取暖 finds text without segmentation.
  `CREATE FULLTEXT INDEX decree_title IF NOT EXISTS FOR (d:Decree) ON EACH [d.title] ${FULLTEXT}`,
  `CREATE FULLTEXT INDEX body_text IF NOT EXISTS FOR (b:Body) ON EACH [b.text] ${FULLTEXT}`,
  `CREATE FULLTEXT INDEX task_heading IF NOT EXISTS FOR (t:Task) ON EACH [t.heading] ${FULLTEXT}`,
];

const NAMES = SCHEMA.map((q) => /(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS/.exec(q)![1]!);

/**
 * Nothing to do when every index of the schema is there and online (every load after the first): one
 * read instead of 16 schema statements. Otherwise all are created in one transaction, waited for once.
 */
export async function applySchema(driver: Driver, database: string): Promise<void> {
  const online = await driver.executeQuery("SHOW INDEXES YIELD name, state WHERE state = 'ONLINE' RETURN collect(name) AS names", {}, { database });
  const names = new Set(online.records[0]!.get('names') as string[]);
  if (NAMES.every((n) => names.has(n))) return;
  const session = driver.session({ database });
  try {
    await session.executeWrite(async (tx) => {
      for (const q of SCHEMA) await tx.run(q);
    });
  } finally {
    await session.close();
  }
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database });
}
