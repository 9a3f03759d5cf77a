import { createHash } from 'node:crypto';
import PQueue from 'p-queue';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { AgencyCollector, docKey, makeResolver, type DocKey } from '../extractors/resolve.js';
import { AdminImportWriter } from '../graph/adminImport.js';
import { connect, settingsFromEnv, type Neo4jSettings } from '../graph/connection.js';
import { cypherScriptDocument, cypherScriptHead, cypherScriptTail } from '../graph/cypherScript.js';
import { loadExport, type LoadCounters, type LoadInput } from '../graph/loader.js';
import { documentRows } from '../graph/statements.js';
import { SCHEMA_VERSION, type DocumentRecord, type Rejected } from '../graph/model.js';
import { AtomicStream, writeFileAtomic } from './atomic.js';
import { DEFAULT_BUDGET, type Budget } from './extract.js';
import { chooseRecords, headOf, writeConflictsReport, type Head } from './conflicts.js';
import { findInputs, InputError, MISSING, readInput } from './inputs.js';
import { MANIFEST, readManifest, serialize, type Conflict, type Facts, type Manifest } from './manifest.js';
import { claimOut, hashOutputs, pruneCache, removeStaleOutputs, statOutputs } from './outdir.js';
import { statOf } from './fileStat.js';
import { addKeywords, extractToPending, handled } from './pending.js';
import { ExtractionPool, KeywordThread } from './pool.js';
import type { Progress } from './progress.js';
import { reportBuilder } from './reports/build.js';
import { REPORT_KINDS } from './reports/model.js';
import { cachedDocuments, cachedHeads, cachedKeys, cacheFile, cachedOrNone, exportedAgencies, pendingFile, readCache, streamForLoad, type Entry } from './cached.js';
import { readRows } from './reports/spill.js';
import { writeReports } from './reports/write.js';
import { SiteBuilder } from './reports/site/site.js';
import { upToDate } from './upToDate.js';

/**
 * The main job. Out directory layout:
 *   export.json            the JSON export (docs/export-format.md), one document per line
 *   graph.cypher           the same graph for cypher-shell
 *   import/                CSVs + import.sh for neo4j-admin database import
 *   reports/<kind>.<fmt>   citation, gap, agency and deadline reports
 *   reports/index.html     the report site (+ *-view.html, decree/, agency/, deadlines/)
 *   cache/<sha256>.json    per-input extraction results, by content hash
 *   cache/<sha256>.pending.json  during a run only: extracted documents (one per line) waiting for keywords
 *   manifest.json          every input, processed or rejected, by content hash; every output by hash
 *                          (written last; its presence marks the directory as ours)
 *   .decree-graph.lock     during a run only: pid and host of the run that holds the directory
 * Memory stays bounded whatever the corpus size: documents live in the cache; the run holds a small key
 * per document for resolution and streams each output. Every file is written atomically and nothing
 * carries a timestamp, so a run killed at any point and re-run gives the same directory as a clean run.
 */
export interface RunOptions {
  inputs: string[];
  out: string;
  neo4jUri?: string;
  workers?: number;
  budget?: Budget;
  /** The date the report site marks deadlines from; default: the day its pages are opened. */
  asOf?: string;
  progress: Progress;
}

export interface Changes {
  decrees: { added: string[]; removed: string[] };
  citations: { added: number; removed: number };
  assignments: { added: number; removed: number };
}

/** processed + skipped + rejected = every input; notTaken are files met and left aside, with why. */
export interface RunSummary {
  processed: number;
  skipped: number;
  rejected: Rejected[];
  notTaken: Rejected[];
  conflicts: Conflict[];
  documents: number;
  facts: Facts;
  changes: Changes | null;
  load: LoadCounters | null;
  seconds: number;
}

/** Keys of the facts the change report counts, accumulated input by input. */
class FactKeys {
  readonly decrees = new Set<string>();
  readonly citations = new Set<string>();
  readonly assignments = new Set<string>();

  add(docs: Iterable<DocumentRecord>): void {
    for (const d of docs) {
      this.decrees.add(d.id);
      for (const c of d.citations) this.citations.add(`${d.id}|${c.docNumber ?? c.title}|${c.relation}|${c.text}`);
      for (const a of d.assignments) this.assignments.add(`${d.id}|${a.agencyId}|${a.role}|${a.task}`);
    }
  }
}

/** What changed between the documents of the inputs that changed, before and after. */
function diffKeys(a: FactKeys, b: FactKeys): Changes {
  const minus = (x: Set<string>, y: Set<string>) => [...x].filter((k) => !y.has(k));
  return {
    decrees: { added: minus(b.decrees, a.decrees).sort(), removed: minus(a.decrees, b.decrees).sort() },
    citations: { added: minus(b.citations, a.citations).length, removed: minus(a.citations, b.citations).length },
    assignments: { added: minus(b.assignments, a.assignments).length, removed: minus(a.assignments, b.assignments).length },
  };
}

/**
 * Checks Neo4j first (an unreachable server fails the run before any work), then takes the out directory
 * (refused when it holds files we did not write, or when another run holds its lock).
 */
export async function run(opts: RunOptions): Promise<RunSummary> {
  const settings = settingsFromEnv(opts.neo4jUri);
  const driver = settings ? await connect(settings) : null;
  try {
    const unlock = await claimOut(opts.out);
    try {
      return await runLocked(opts, settings && driver ? { driver, settings } : null);
    } finally {
      await unlock();
    }
  } finally {
    await driver?.close();
  }
}

type Db = { driver: Driver; settings: Neo4jSettings } | null;

async function runLocked(opts: RunOptions, db: Db): Promise<RunSummary> {
  const t0 = performance.now();
  const { out } = opts;
  const budget = opts.budget ?? DEFAULT_BUDGET;
  const stored = await readManifest(join(out, MANIFEST));
  // A manifest without a summary only marks a directory claimed by a run that did not finish.
  // Cached facts of another export version lack fields or mean others: such a run starts afresh.
  const previous = stored?.summary && stored.exportVersion === SCHEMA_VERSION ? stored : null;
  const found = await findInputs(opts.inputs, [out]);
  const { files, missing } = found;
  opts.progress.start(files.length + missing.length + found.rejected.length);
  // Before anything is read: a file changed after its stat then differs from it on the next run.
  const stats = new Map(await Promise.all(files.map(async (f) => [f, await statOf(f)] as const)));
  if (await upToDate(out, previous, files, found, (sha) => cacheFile(out, sha), stats)) {
    for (const f of files) opts.progress.tick(f, 'skipped');
    opts.progress.done();
    const p = previous!;
    const entries: Entry[] = files.map((path) => ({ path, sha256: p.inputs[path]!.sha256, rejected: p.inputs[path]!.reason, keys: [], heads: [] }));
    const rejected = files.filter((f) => p.inputs[f]!.status === 'rejected').map((f) => ({ path: f, reason: p.inputs[f]!.reason! }));
    // With a server, the database is checked document by document (by hash) and what is missing loaded.
    const loadAll = async (d: NonNullable<Db>) => {
      const choice = chooseRecords(await cachedHeads(out, entries));
      return loadInto(d, streamForLoad(out, entries, await exportedAgencies(out), makeResolver(await cachedKeys(out, entries)), choice));
    };
    const load = db ? await loadAll(db) : null;
    const none = { added: 0, removed: 0 };
    return {
      processed: 0,
      skipped: files.length - rejected.length,
      rejected,
      notTaken: found.notTaken,
      conflicts: p.conflicts,
      documents: p.summary!.documents,
      facts: p.summary!.facts,
      changes: { decrees: { added: [], removed: [] }, citations: none, assignments: none },
      load,
      seconds: (performance.now() - t0) / 1000,
    };
  }

  // Pass 1: extract what is new or changed (workers), keep only keys; results go to the cache.
  // Keywords, the slowest step, need the one segmenter thread (see KeywordThread): it works through the
  // new inputs in input order from the start, while pass 1 extracts and pass 2 writes. Until then an
  // extracted input waits as a pending file (its documents, one per line); only a result with keywords is cached.
  const entries = new Map<string, Entry>();
  // Only a re-run reports changes, and only the inputs that changed are compared.
  const before = new FactKeys();
  const after = new FactKeys();
  const fresh = new Set<string>();
  const pool = new ExtractionPool(opts.workers, budget.seconds);
  const segmenting = new KeywordThread(budget.seconds);
  const keywordsDropped = new Set<string>();
  // Inputs are read as workers are ready for them: a few in flight, never the whole corpus at once.
  const reading = new PQueue({ concurrency: pool.size * 2 });
  const extracted = new Map<string, Promise<void>>();
  for (const path of files) {
    extracted.set(path, reading.add(async () => {
      let bytes: Buffer;
      try {
        bytes = await readInput(path, budget.megabytes * 2 ** 20);
      } catch (err) {
        if (!(err instanceof InputError)) throw err;
        entries.set(path, { path, sha256: null, rejected: err.message, keys: [], heads: [] });
        return opts.progress.tick(path, 'rejected');
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const was = previous?.inputs[path];
      const keys: DocKey[] = [];
      const heads: Head[] = [];
      const take = (d: DocumentRecord) => {
        keys.push(docKey(d));
        heads.push(headOf(path, d));
      };
      const cached = was?.sha256 === sha256 ? readCache(cacheFile(out, sha256)) : null;
      let rejected = cached && 'rejected' in cached ? cached.rejected : undefined;
      if (cached && 'documents' in cached) for (const d of cached.documents) take(d);
      if (!cached) {
        rejected = await extractToPending(pool, path, bytes, pendingFile(out, sha256), take);
        fresh.add(path);
        if (rejected !== undefined) {
          keys.length = heads.length = 0;
          // Over a budget is not cached: a later run with another budget reads the input again.
          if (!rejected.startsWith('limit/')) await writeFileAtomic(cacheFile(out, sha256), JSON.stringify({ path, rejected }));
        }
        // For the change report: this input's documents before (if it was read before) and now.
        if (previous) {
          if (was?.sha256) before.add(cachedOrNone(cacheFile(out, was.sha256)));
          if (rejected === undefined) after.add(readRows<DocumentRecord>(pendingFile(out, sha256)));
        }
      }
      const pending = !cached && rejected === undefined;
      entries.set(path, { path, sha256, rejected, keys, pending, heads });
      if (!pending) opts.progress.tick(path, rejected !== undefined ? 'rejected' : 'skipped');
    }));
  }
  // Two in flight: one being segmented, the next one read and queued. Inputs with the same content
  // (copies at two paths) are segmented once.
  const segmentingQueue = new PQueue({ concurrency: 2 });
  const bySha256 = new Map<string, Promise<string | undefined>>();
  const segmented = new Map(
    files.map((path) => [
      path,
      handled(segmentingQueue.add(async () => {
        // A failed pass 1 is reported by pass 1.
        if (!(await extracted.get(path)!.then(() => true, () => false))) return;
        const e = entries.get(path);
        if (!e?.pending) return;
        const sha256 = e.sha256!;
        const failed = await (bySha256.get(sha256) ?? bySha256.set(sha256, addKeywords(out, path, sha256, segmenting, keywordsDropped)).get(sha256)!);
        if (failed !== undefined) e.rejected = failed;
        e.pending = false;
        opts.progress.tick(path, failed === undefined ? 'processed' : 'rejected');
      })),
    ]),
  );
  // Jobs not started are dropped, those started finish (the thread is not replaced under them).
  const stopSegmenting = async () => {
    segmentingQueue.clear();
    await segmentingQueue.onIdle();
    await segmenting.close();
  };
  try {
    await Promise.all(extracted.values());
  } catch (err) {
    await stopSegmenting();
    throw err;
  } finally {
    await pool.close();
  }
  for (const path of missing) {
    entries.set(path, { path, sha256: null, rejected: MISSING, keys: [], heads: [] });
    opts.progress.tick(path, 'rejected');
  }
  for (const r of found.rejected) {
    entries.set(r.path, { path: r.path, sha256: null, rejected: r.reason, keys: [], heads: [] });
    opts.progress.tick(r.path, 'rejected');
  }
  if (previous) {
    for (const [path, e] of Object.entries(previous.inputs)) {
      if (!entries.has(path) && e.sha256) before.add(cachedOrNone(cacheFile(out, e.sha256)));
    }
  }

  // Pass 2: resolve against the whole run and stream every output, one cached input at a time.
  // Input order, not completion order: the outputs are the same whatever the scheduling.
  const ordered = [...files, ...missing, ...found.rejected.map((r) => r.path)].map((p) => entries.get(p)!);
  const resolve = makeResolver(ordered.flatMap((e) => e.keys));
  // One 发文字号 from two places: the export keeps both records, the graph files and Neo4j one.
  const choice = chooseRecords(ordered.flatMap((e) => e.heads));
  const { conflicts, keeps, sourcesOf } = choice;
  const agencies = new AgencyCollector();
  const exportFile = new AtomicStream(join(out, 'export.json'));
  const script = new AtomicStream(join(out, 'graph.cypher'));
  const admin = new AdminImportWriter(join(out, 'import'), ordered.flatMap((e) => e.keys.map((k) => k.id)));
  const reports = REPORT_KINDS.map(reportBuilder);
  const site = new SiteBuilder();
  const rejected: Rejected[] = [];
  const facts: Facts = { citations: 0, assignments: 0, amounts: 0, deadlines: 0, appointments: 0 };
  let documents = 0;
  await exportFile.write(`{"schemaVersion":${SCHEMA_VERSION},\n"documents":[\n`);
  await script.write(cypherScriptHead());
  try {
    for (const e of ordered) {
      await segmented.get(e.path);
      if (e.rejected !== undefined) {
        rejected.push({ path: e.path, reason: e.rejected });
        continue;
      }
      for (const d of await cachedDocuments(out, e)) {
        resolve(d);
        agencies.add(d);
        await exportFile.write(`${documents ? ',\n' : ''}${JSON.stringify(d)}`);
        if (keeps(e.path, d)) {
          const rows = documentRows(d, sourcesOf(d));
          await script.write(cypherScriptDocument(rows));
          await admin.add(rows);
        }
        for (const r of reports) r.add(d);
        site.add(d, sourcesOf(d));
        documents++;
        for (const k of Object.keys(facts) as (keyof Facts)[]) facts[k] += d[k].length;
      }
    }
  } finally {
    await stopSegmenting();
  }
  opts.progress.done();
  const agencyList = agencies.list();
  await exportFile.write(`\n],\n"agencies":${JSON.stringify(agencyList)},\n"rejected":${JSON.stringify(rejected)},\n"conflicts":${JSON.stringify(conflicts)}}\n`);
  await exportFile.close();
  await script.write(cypherScriptTail(agencyList));
  await script.close();
  const written = ['export.json', 'graph.cypher'];
  written.push(...(await admin.finish(agencyList)).map((f) => `import/${f}`));
  written.push(...(await writeReports(join(out, 'reports'), reports, agencyList)).map((f) => `reports/${f}`));
  written.push(`reports/${await writeConflictsReport(join(out, 'reports'), conflicts)}`);
  const changes = previous ? diffKeys(before, after) : null;
  written.push(...(await site.write(join(out, 'reports'), agencyList, changes, opts.asOf ?? null)).map((f) => `reports/${f}`));

  const manifest: Manifest = { tool: 'decree-graph', schemaVersion: 1, exportVersion: SCHEMA_VERSION, inputs: {}, notTaken: found.notTaken, conflicts, outputs: {}, summary: { documents, facts } };
  for (const e of ordered) {
    const was = e.rejected !== undefined ? { status: 'rejected' as const, reason: e.rejected, documents: [] } : { status: 'processed' as const, documents: e.keys.map((k) => k.id) };
    manifest.inputs[e.path] = { sha256: e.sha256, ...was, stat: stats.get(e.path) };
  }
  // Pass 3 (with a server): load, streaming the resolved documents from the cache again.
  const load = db ? await loadInto(db, streamForLoad(out, ordered, agencyList, resolve, choice)) : null;
  manifest.outputStats = await statOutputs(out, written);
  manifest.outputs = await hashOutputs(out, written);
  await removeStaleOutputs(out, stored?.outputs ?? {}, manifest.outputs);
  // Written last: a run killed before this point is simply re-done by the next one.
  await writeFileAtomic(join(out, MANIFEST), serialize(manifest));
  await pruneCache(out, new Set(Object.values(manifest.inputs).filter((e) => !keywordsDropped.has(e.sha256!)).map((e) => `${e.sha256}.json`)));
  const accepted = ordered.filter((e) => e.rejected === undefined);
  return {
    processed: accepted.filter((e) => fresh.has(e.path)).length,
    skipped: accepted.filter((e) => !fresh.has(e.path)).length,
    rejected,
    notTaken: found.notTaken,
    conflicts,
    documents,
    facts,
    changes,
    load,
    seconds: (performance.now() - t0) / 1000,
  };
}

async function loadInto(db: NonNullable<Db>, input: LoadInput): Promise<LoadCounters> {
  return loadExport(db.driver, db.settings.database, input);
}
