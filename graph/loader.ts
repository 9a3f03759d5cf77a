import type { Driver, ManagedTransaction } from 'neo4j-driver';
import PQueue from 'p-queue';
import type { AgencyRecord, DocumentRecord, ExportFile } from './model.js';
import { applySchema } from './schema.js';
import { agencyStatement, documentRows, DROP_ORPHANS, OWNS, rowsStatement, type Statement } from './statements.js';

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

/** Documents loaded at once; more only adds lock contention on shared nodes (agencies, stubs). */
const LOAD_CONCURRENCY = 2;
/** Documents whose stored hashes are fetched in one query. */
const LOAD_BATCH = 100;

/**
 * A node another document's transaction deleted after this one read it (two documents taking the same
 * title stub, read-committed isolation): the transaction rolled back whole; run again, it sees the result.
 * The driver retries only transient errors, and Neo4j files this one as a client error.
 */
const isLostRace = (err: unknown) => (err as { code?: string }).code === 'Neo.ClientError.Statement.EntityNotFound';
const RACE_RETRIES = 3;

const emptyCounters = (): LoadCounters => ({ documents: 0, unchanged: 0, nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 });

function count(c: LoadCounters, res: { summary: { counters: { updates(): Record<string, number> } } }): void {
  const u = res.summary.counters.updates();
  c.nodesCreated += u.nodesCreated!;
  c.nodesDeleted += u.nodesDeleted!;
  c.relationshipsCreated += u.relationshipsCreated!;
  c.relationshipsDeleted += u.relationshipsDeleted!;
  c.propertiesSet += u.propertiesSet!;
}

/** Sends the statements without waiting for each (the driver pipelines them in order), then collects. */
async function runAll(tx: ManagedTransaction, statements: Statement[], c: LoadCounters): Promise<void> {
  for (const res of await Promise.all(statements.map((s) => tx.run(s.cypher, s.params)))) count(c, res);
}

/** What a load takes: an export, or documents streamed from a run's cache with the run's agencies. */
export interface LoadInput {
  documents: Iterable<DocumentRecord> | AsyncIterable<DocumentRecord>;
  agencies: AgencyRecord[];
}

/**
 * Loads documents: schema, agencies, then one transaction per document (all of its facts or none).
 * Unchanged documents (same content hash as in the graph) are skipped. executeWrite retries transient
 * errors (leader switch, deadlock) with back-off.
 */
export async function loadExport(driver: Driver, database: string, input: LoadInput, onDocument?: (done: number) => void): Promise<LoadCounters> {
  const c = emptyCounters();
  try {
    await loadInto(driver, database, input, c, onDocument);
  } catch (cause) {
    const of = Array.isArray(input.documents) ? ` of ${input.documents.length}` : '';
    throw new Error(
      `loading Neo4j stopped after ${c.documents + c.unchanged}${of} documents: ${(cause as Error).message}. ` +
        'Each document is written in one transaction, so the graph holds only whole documents; run the same load again to resume.',
      { cause },
    );
  }
  return c;
}

async function loadInto(driver: Driver, database: string, input: LoadInput, c: LoadCounters, onDocument?: (done: number) => void): Promise<void> {
  await applySchema(driver, database);
  const write = async (statements: Statement[], into: LoadCounters) => {
    const session = driver.session({ database });
    try {
      // Counters of an attempt that is retried are discarded with it.
      const attempt = emptyCounters();
      for (let tries = 1; ; tries++) {
        try {
          await session.executeWrite(async (tx) => {
            Object.assign(attempt, emptyCounters());
            await runAll(tx, statements, attempt);
          });
          break;
        } catch (err) {
          if (!isLostRace(err) || tries === RACE_RETRIES) throw err;
        }
      }
      for (const k of Object.keys(attempt) as (keyof LoadCounters)[]) into[k] += attempt[k];
    } finally {
      await session.close();
    }
  };
  await write([agencyStatement(input.agencies)], c);
  // A few documents in flight, each its own transaction: the server works while the client waits.
  const queue = new PQueue({ concurrency: LOAD_CONCURRENCY });
  const failures: unknown[] = [];
  let done = 0;
  let batch: DocumentRecord[] = [];
  const flush = async () => {
    // Stored hashes for a batch at once; the batch bounds what is held while documents stream in.
    const stored = await driver.executeQuery('UNWIND $ids AS id MATCH (d:Decree {id: id}) RETURN d.id AS id, d.hash AS hash', { ids: batch.map((d) => d.id) }, { database });
    const hashes = new Map(stored.records.map((r) => [r.get('id') as string, r.get('hash') as string | null]));
    for (const d of batch) {
      queue
        .add(async () => {
          const rows = documentRows(d);
          if (hashes.get(d.id) === rows.decree.hash) c.unchanged++;
          else {
            await write([rowsStatement(rows)], c);
            c.documents++;
          }
          onDocument?.(++done);
        })
        .catch((err: unknown) => {
          // Stop starting documents; those in flight finish or roll back on their own.
          failures.push(err);
          queue.clear();
        });
    }
    batch = [];
    await queue.onSizeLessThan(LOAD_CONCURRENCY * 8);
  };
  for await (const d of input.documents) {
    batch.push(d);
    if (batch.length >= LOAD_BATCH) await flush();
    if (failures.length) break;
  }
  if (batch.length && !failures.length) await flush();
  await queue.onIdle();
  if (failures.length) throw failures[0];
  await write([DROP_ORPHANS], c);
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
     CALL (d) { MATCH (d)-[:${OWNS}]->(x) DETACH DELETE x }
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
