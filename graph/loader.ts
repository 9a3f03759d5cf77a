import type { Driver, ManagedTransaction } from 'neo4j-driver';
import PQueue from 'p-queue';
import type { AgencyRecord, DocumentRecord, ExportFile } from './model.js';
import { applySchema, AWAIT_FULLTEXT } from './schema.js';
import { ADOPT_TITLE_STUBS, batchStatements } from './batch.js';
import { agencyStatement, CITED_ONLY, documentRows, DROP_ORPHANS, OWNS, type DocumentRows, type SourceRow, type Statement } from './statements.js';

export interface LoadCounters {
  documents: number;
  /** Documents whose content hash matched the graph: nothing written. */
  unchanged: number;
  /** Documents the server refused (a batch retried alone down to them), with its reason; the others loaded. */
  failed: { id: string; reason: string }[];
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
}

export interface LoadOptions {
  /** Documents per transaction (default LOAD_BATCH). */
  batchSize?: number;
  /** Called as documents are done (written, unchanged or failed), with how many are. */
  onDocument?: (done: number) => void;
}

/**
 * Documents per transaction, chosen by measurement (README, "Benchmark"): one document per transaction
 * spends most of its time committing (the log is forced to disk each time); 50 loaded fastest, larger
 * batches no faster while a refused batch costs more to retry and holds locks concurrent loads wait on.
 */
const LOAD_BATCH = 50;
/** Transactions in flight: the server works on one while the client sends the next. */
const LOAD_CONCURRENCY = 2;

/**
 * A node another transaction deleted after this one read it (two documents taking the same title stub,
 * read-committed isolation): the transaction rolled back whole; run again, it sees the result. The driver
 * retries only transient errors (deadlocks among them), and Neo4j files this one as a client error.
 */
const isLostRace = (err: unknown) => (err as { code?: string }).code === 'Neo.ClientError.Statement.EntityNotFound';
const RACE_RETRIES = 3;
/** A load citing an orphan after the cleanup found it (DROP_ORPHANS): the delete failed; run again, it keeps it. */
const isCitedMeanwhile = (err: unknown) => (err as { code?: string }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed' && /still has relationships/.test((err as Error).message);
/** The server refused what a document asked (a type, a constraint): the document's fault, not the load's. */
const isRefused = (err: unknown) => !isLostRace(err) && /^Neo\.ClientError\./.test((err as { code?: string }).code ?? '');

type Totals = Omit<LoadCounters, 'failed'>;
const emptyTotals = (): Totals => ({ documents: 0, unchanged: 0, nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 });

function count(c: Totals, res: { summary: { counters: { updates(): Record<string, number> } } }): void {
  const u = res.summary.counters.updates();
  c.nodesCreated += u.nodesCreated!;
  c.nodesDeleted += u.nodesDeleted!;
  c.relationshipsCreated += u.relationshipsCreated!;
  c.relationshipsDeleted += u.relationshipsDeleted!;
  c.propertiesSet += u.propertiesSet!;
}

/** Sends the statements without waiting for each (the driver pipelines them in order), then collects. */
async function runAll(tx: ManagedTransaction, statements: Statement[], c: Totals): Promise<void> {
  for (const res of await Promise.all(statements.map((s) => tx.run(s.cypher, s.params)))) count(c, res);
}

/** What a load takes: an export, or documents streamed from a run's cache with the run's agencies. */
export interface LoadInput {
  documents: Iterable<DocumentRecord> | AsyncIterable<DocumentRecord>;
  agencies: AgencyRecord[];
  /** Every record of a document's 发文字号 in the run (pipeline/conflicts.ts); default: its own. */
  sourcesOf?: (d: DocumentRecord) => SourceRow[];
}

/**
 * Loads documents: schema, agencies, then batches of documents, each in one transaction (all of its
 * documents' facts or none), two in flight. Unchanged documents (same content hash as in the graph) are
 * skipped before anything is sent. A batch the server refuses is retried in halves down to one document,
 * which is reported in `failed`; a load that cannot go on (server gone) throws.
 */
export async function loadExport(driver: Driver, database: string, input: LoadInput, opts: LoadOptions = {}): Promise<LoadCounters> {
  const c: LoadCounters = { ...emptyTotals(), failed: [] };
  try {
    await loadInto(driver, database, input, c, opts);
  } catch (cause) {
    const of = Array.isArray(input.documents) ? ` of ${input.documents.length}` : '';
    throw new Error(
      `loading Neo4j stopped after ${c.documents + c.unchanged}${of} documents: ${(cause as Error).message}. ` +
        'Each batch of documents is written in one transaction, so the graph holds only whole documents; run the same load again to resume.',
      { cause },
    );
  }
  return c;
}

async function loadInto(driver: Driver, database: string, input: LoadInput, c: LoadCounters, opts: LoadOptions): Promise<void> {
  await applySchema(driver, database);
  /** One transaction; its counters are added only once it commits (a retried attempt's are discarded). */
  const write = async (statements: Statement[], isRace = isLostRace) => {
    const session = driver.session({ database });
    try {
      const attempt = emptyTotals();
      for (let tries = 1; ; tries++) {
        try {
          await session.executeWrite(async (tx) => {
            Object.assign(attempt, emptyTotals());
            await runAll(tx, statements, attempt);
          });
          break;
        } catch (err) {
          if (!isRace(err) || tries === RACE_RETRIES) throw err;
        }
      }
      for (const k of Object.keys(attempt) as (keyof Totals)[]) c[k] += attempt[k];
    } finally {
      await session.close();
    }
  };
  let done = 0;
  const finished = (n: number) => {
    done += n;
    opts.onDocument?.(done);
  };
  /** A batch, or, refused, its halves: one bad document never keeps the others out. */
  const writeBatch = async (docs: DocumentRows[]): Promise<void> => {
    try {
      await write(batchStatements(docs));
      c.documents += docs.length;
      finished(docs.length);
    } catch (err) {
      if (!isRefused(err)) throw err;
      if (docs.length === 1) {
        c.failed.push({ id: docs[0]!.id, reason: (err as Error).message });
        return finished(1);
      }
      const half = Math.ceil(docs.length / 2);
      await writeBatch(docs.slice(0, half));
      await writeBatch(docs.slice(half));
    }
  };
  await write([agencyStatement(input.agencies)]);
  const batchSize = opts.batchSize ?? LOAD_BATCH;
  const queue = new PQueue({ concurrency: LOAD_CONCURRENCY });
  const failures: unknown[] = [];
  let batch: DocumentRecord[] = [];
  const flush = async () => {
    // Stored hashes for the batch at once: unchanged documents are dropped before anything is sent.
    const stored = await driver.executeQuery('UNWIND $ids AS id MATCH (d:Decree {id: id}) RETURN d.id AS id, d.hash AS hash', { ids: batch.map((d) => d.id) }, { database });
    const hashes = new Map(stored.records.map((r) => [r.get('id') as string, r.get('hash') as string | null]));
    const changed: DocumentRows[] = [];
    for (const d of batch) {
      let rows: DocumentRows;
      try {
        rows = documentRows(d, input.sourcesOf?.(d));
      } catch (err) {
        c.failed.push({ id: d.id, reason: (err as Error).message });
        continue;
      }
      if (hashes.get(d.id) === rows.decree.hash) c.unchanged++;
      else changed.push(rows);
    }
    finished(batch.length - changed.length);
    batch = [];
    if (changed.length) {
      queue.add(() => writeBatch(changed)).catch((err: unknown) => {
        // Stop starting batches; those in flight finish or roll back on their own.
        failures.push(err);
        queue.clear();
      });
    }
    // Bounds what is held while documents stream in: the batches in flight and one waiting.
    await queue.onSizeLessThan(1);
  };
  for await (const d of input.documents) {
    batch.push(d);
    if (batch.length >= batchSize) await flush();
    if (failures.length) break;
  }
  if (batch.length && !failures.length) await flush();
  await queue.onIdle();
  if (failures.length) throw failures[0];
  await write([ADOPT_TITLE_STUBS]);
  await write([DROP_ORPHANS], isCitedMeanwhile);
  await driver.executeQuery(AWAIT_FULLTEXT, {}, { database });
}

/**
 * Removes what an export loaded: its decrees and their facts, then stubs, laws, planned documents, agencies, persons and
 * gazettes left with no relationships. Tests use it to clean up only what they made.
 */
export async function unloadExport(driver: Driver, database: string, exp: ExportFile): Promise<void> {
  const ids = exp.documents.map((d) => d.id);
  const paths = [...new Set(exp.documents.map((d) => d.source.path))];
  const agencies = exp.agencies.map((a) => a.id);
  await driver.executeQuery(
    `UNWIND $ids AS id
     MATCH (d:Decree {id: id})
     OPTIONAL MATCH (d)-[:CITES]->(t) WHERE ${CITED_ONLY}
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
