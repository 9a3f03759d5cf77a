import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { ExportFile } from './model.js';
import { applySchema } from './schema.js';
import { agencyStatement, documentHash, documentStatements, DROP_ORPHANS, type Statement } from './statements.js';

export interface LoadCounters {
  documents: number;
  /** Documents whose content hash matched the graph: nothing written. */
  unchanged: number;
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

const emptyCounters = (): LoadCounters => ({ documents: 0, unchanged: 0, nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 });

async function runAll(tx: ManagedTransaction, statements: Statement[], c: LoadCounters): Promise<void> {
  for (const s of statements) {
    const res = await tx.run(s.cypher, s.params);
    const u = res.summary.counters.updates();
    c.nodesCreated += u.nodesCreated;
    c.nodesDeleted += u.nodesDeleted;
    c.relationshipsCreated += u.relationshipsCreated;
    c.relationshipsDeleted += u.relationshipsDeleted;
    c.propertiesSet += u.propertiesSet;
  }
}

/**
 * Loads an export: schema, agencies, then one transaction per document (all of its facts or none).
 * executeWrite retries transient errors (leader switch, deadlock) with back-off.
 */
export async function loadExport(driver: Driver, database: string, exp: ExportFile, onDocument?: (done: number, total: number) => void): Promise<LoadCounters> {
  const c = emptyCounters();
  await applySchema(driver, database);
  const session = driver.session({ database, bookmarkManager: undefined });
  try {
    await session.executeWrite((tx) => runAll(tx, [agencyStatement(exp.agencies)], c));
    let done = 0;
    for (const d of exp.documents) {
      const hash = documentHash(d);
      await session.executeWrite(async (tx) => {
        const current = await tx.run('MATCH (d:Decree {id: $id}) RETURN d.hash AS hash', { id: d.id });
        if (current.records[0]?.get('hash') === hash) {
          c.unchanged++;
          return;
        }
        await runAll(tx, documentStatements(d), c);
        c.documents++;
      });
      onDocument?.(++done, exp.documents.length);
    }
    await session.executeWrite((tx) => runAll(tx, [DROP_ORPHANS], c));
  } finally {
    await session.close();
  }
  return c;
}

/**
 * Removes what an export loaded: its decrees and their facts, then stubs, laws, agencies, persons and
 * gazettes left with no relationships. Tests use it to clean up only what they made.
 */
export async function unloadExport(driver: Driver, database: string, exp: ExportFile): Promise<void> {
  const ids = exp.documents.map((d) => d.id);
  const paths = [...new Set(exp.documents.map((d) => d.source.path))];
  const agencies = exp.agencies.map((a) => a.id);
  await driver.executeQuery(
    `UNWIND $ids AS id
     MATCH (d:Decree {id: id})
     OPTIONAL MATCH (d)-[:CITES]->(t) WHERE t:Law OR t.stub = true
     WITH d, collect(t) AS cited
     CALL (d) { MATCH (d)-[:HAS_TASK]->(t:Task) DETACH DELETE t }
     CALL (d) { MATCH (x:Deadline {decree: d.id}) DETACH DELETE x }
     CALL (d) { MATCH (x:Amount {decree: d.id}) DETACH DELETE x }
     CALL (d) { MATCH (p:Person)-[h:HOLDS {decree: d.id}]->() DELETE h }
     DETACH DELETE d
     WITH cited UNWIND cited AS t
     WITH DISTINCT t WHERE NOT ()-[:CITES]->(t)
     DETACH DELETE t`,
    { ids },
    { database },
  );
  await driver.executeQuery(
    `UNWIND $agencies AS id MATCH (a:Agency {id: id}) WHERE NOT (a)--() DELETE a
     WITH count(*) AS _
     MATCH (p:Person) WHERE NOT (p)--() DELETE p
     WITH count(*) AS _
     UNWIND $paths AS path MATCH (g:Gazette {path: path}) WHERE NOT (g)--() DELETE g`,
    { agencies, paths },
    { database },
  );
}
