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
