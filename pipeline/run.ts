import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import PQueue from 'p-queue';
import { access, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AgencyCollector, docKey, makeResolver, type DocKey } from '../extractors/resolve.js';
import { AdminImportWriter } from '../graph/adminImport.js';
import { connect, settingsFromEnv } from '../graph/connection.js';
import { cypherScriptDocument, cypherScriptHead, cypherScriptTail } from '../graph/cypherScript.js';
import { loadExport, type LoadCounters, type LoadInput } from '../graph/loader.js';
import { documentRows } from '../graph/statements.js';
import { SCHEMA_VERSION, type AgencyRecord, type DocumentRecord, type Rejected } from '../graph/model.js';
import { AtomicStream, writeFileAtomic } from './atomic.js';
import type { FileResult } from './extract.js';
import { findInputs, MISSING, unreadable } from './inputs.js';
import { ExtractionPool, KeywordThread } from './pool.js';
import type { Progress } from './progress.js';
import { reportBuilder } from './reports/build.js';
import { REPORT_KINDS } from './reports/model.js';
import { writeReports } from './reports/write.js';
import { SiteBuilder } from './reports/site/site.js';

/**
 * The main job. Out directory layout:
 *   export.json            the JSON export (docs/export-format.md), one document per line
 *   graph.cypher           the same graph for cypher-shell
 *   import/                CSVs + import.sh for neo4j-admin database import
 *   reports/<kind>.<fmt>   citation, gap, agency and deadline reports
 *   reports/index.html     the report site (+ *-view.html, agencies.html, decree/, agency/)
 *   cache/<sha256>.json    per-input extraction results, by content hash
 *   cache/<sha256>.pending.json  during a run only: extracted, waiting for keywords
 *   manifest.json          every input, processed or rejected, by content hash (written last)
 * Memory stays bounded whatever the corpus size: documents live in the cache; the run holds a small key
 * per document for resolution and streams each output. Every file is written atomically and nothing
 * carries a timestamp, so a run killed at any point and re-run gives the same directory as a clean run.
 */
export interface RunOptions {
  inputs: string[];
  out: string;
  neo4jUri?: string;
  workers?: number;
  /** The date the report site marks deadlines from; default: the day its pages are opened. */
  asOf?: string;
  progress: Progress;
}

interface ManifestEntry {
  /** null when the file could not be read. */
  sha256: string | null;
  status: 'processed' | 'rejected';
  reason?: string;
  documents: string[];
}

interface Manifest {
  /** The export's SCHEMA_VERSION: a cache written for another version is not reused. */
  schemaVersion: number;
  inputs: Record<string, ManifestEntry>;
  /** Totals of the run that wrote the outputs, reported again by an unchanged re-run. */
  summary: { documents: number; facts: RunSummary['facts'] };
}

export interface Changes {
  decrees: { added: string[]; removed: string[] };
  citations: { added: number; removed: number };
  assignments: { added: number; removed: number };
}

export interface RunSummary {
  processed: number;
  skipped: number;
  rejected: Rejected[];
  documents: number;
  facts: Record<'citations' | 'assignments' | 'amounts' | 'deadlines' | 'appointments', number>;
  changes: Changes | null;
  load: LoadCounters | null;
  seconds: number;
}

/** One input after extraction: where its result is cached, and the keys resolution needs. */
interface Entry {
  path: string;
  sha256: string | null;
  rejected?: string;
  keys: DocKey[];
  /** Extracted, waiting for keywords in its pending file. */
  pending?: boolean;
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

const cacheFile = (out: string, sha256: string) => join(out, 'cache', `${sha256}.json`);
const pendingFile = (out: string, sha256: string) => join(out, 'cache', `${sha256}.pending.json`);

/**
 * Keywords of an extracted input's documents, from the segmenter thread; then its result is cached and
 * the pending file goes. Returns why the input is rejected, if it is.
 */
async function addKeywords(out: string, path: string, sha256: string, segmenting: KeywordThread): Promise<string | undefined> {
  const file = pendingFile(out, sha256);
  const pending = await readJson<{ result: FileResult & { documents: DocumentRecord[] }; bodies: string[] }>(file);
  if (!pending) throw new Error(`${file}: pending result missing or unreadable (was the out directory changed during the run?)`);
  const keywords = await segmenting.run({ bodies: pending.bodies });
  // A failed input's keys are already part of the run's resolution; its documents are left out of the outputs.
  if ('failed' in keywords) await writeFileAtomic(cacheFile(out, sha256), JSON.stringify({ path, rejected: keywords.failed }));
  else {
    pending.result.documents.forEach((d, i) => (d.keywords = keywords[i]!));
    await writeFileAtomic(cacheFile(out, sha256), JSON.stringify(pending.result));
  }
  await rm(file, { force: true });
  return 'failed' in keywords ? keywords.failed : undefined;
}

/** A promise awaited later (pass 2 awaits each input's keywords), or never if the run fails first. */
const handled = <T>(p: Promise<T>) => {
  p.catch(() => {});
  return p;
};

const documentsOf = (r: FileResult | null) => (r && 'documents' in r ? r.documents : []);

/**
 * An input's documents from the cache. The cache is by content, so copies of one file at two paths share
 * a result: each document gets the path of the input it is read for.
 */
async function cachedDocuments(out: string, e: Entry): Promise<DocumentRecord[]> {
  const docs = documentsOf(await readJson<FileResult>(cacheFile(out, e.sha256!)));
  for (const d of docs) d.source.path = e.path;
  return docs;
}

/** Leftovers of a run that was killed mid-write. */
async function removeTempFiles(dir: string): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return;
  }
  for (const e of entries) if (e.isFile() && e.name.endsWith('.tmp')) await rm(join(e.parentPath, e.name), { force: true });
}

/** Keys of the facts the change report counts, accumulated input by input. */
class FactKeys {
  readonly decrees = new Set<string>();
  readonly citations = new Set<string>();
  readonly assignments = new Set<string>();

  add(docs: DocumentRecord[]): void {
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

export async function run(opts: RunOptions): Promise<RunSummary> {
  const t0 = performance.now();
  const { out } = opts;
  await mkdir(join(out, 'cache'), { recursive: true });
  await removeTempFiles(out);
  const manifestRead = await readJson<Manifest>(join(out, 'manifest.json'));
  // Cached facts of another export version lack fields or mean others: such an out directory is redone.
  const previous = manifestRead?.schemaVersion === SCHEMA_VERSION ? manifestRead : null;
  const { files, missing } = await findInputs(opts.inputs);
  opts.progress.start(files.length + missing.length);
  const unchanged = await unchangedRun(out, previous, files, missing);
  if (unchanged) {
    for (const f of files) opts.progress.tick(f, 'skipped');
    opts.progress.done();
    await pruneCache(out, previous!);
    const entries: Entry[] = files.map((path) => ({ path, sha256: previous!.inputs[path]!.sha256, rejected: previous!.inputs[path]!.reason, keys: [] }));
    const load = settingsFromEnv(opts.neo4jUri)
      ? await loadInto(opts.neo4jUri, streamForLoad(out, entries, await exportedAgencies(out), makeResolver(await cachedKeys(out, entries))))
      : null;
    return { ...unchanged, load, seconds: (performance.now() - t0) / 1000 };
  }

  // Pass 1: extract what is new or changed (workers), keep only keys; results go to the cache.
  // Keywords, the slowest step, need the one segmenter thread (see KeywordThread): it works through the
  // new inputs in input order from the start, while pass 1 extracts and pass 2 writes. Until then an
  // extracted input waits as a pending file (result and bodies); only a result with keywords is cached.
  const entries = new Map<string, Entry>();
  // Only a re-run reports changes, and only the inputs that changed are compared.
  const before = new FactKeys();
  const after = new FactKeys();
  let processed = 0;
  let skipped = 0;
  const pool = new ExtractionPool(opts.workers);
  const segmenting = new KeywordThread();
  // Inputs are read as workers are ready for them: a few in flight, never the whole corpus at once.
  const reading = new PQueue({ concurrency: pool.size * 2 });
  const extracted = new Map<string, Promise<void>>();
  for (const path of files) {
    extracted.set(path, reading.add(async () => {
      let bytes: Buffer;
      try {
        bytes = await readFile(path);
      } catch (err) {
        entries.set(path, { path, sha256: null, rejected: unreadable(err), keys: [] });
        return opts.progress.tick(path, 'rejected');
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const was = previous?.inputs[path];
      let result = was?.sha256 === sha256 ? await readJson<FileResult>(cacheFile(out, sha256)) : null;
      const cached = !!result;
      if (result) skipped++;
      else {
        const { bodies, ...fresh } = await pool.extract(path, bytes);
        result = fresh;
        if ('documents' in fresh) await writeFileAtomic(pendingFile(out, sha256), JSON.stringify({ result, bodies }));
        else await writeFileAtomic(cacheFile(out, sha256), JSON.stringify(result));
        processed++;
        // For the change report: this input's documents before (if it was read before) and now.
        if (previous) {
          if (was?.sha256) before.add(documentsOf(await readJson<FileResult>(cacheFile(out, was.sha256))));
          after.add(documentsOf(result));
        }
      }
      const pending = !cached && 'documents' in result;
      entries.set(path, { path, sha256, rejected: 'rejected' in result ? result.rejected : undefined, keys: documentsOf(result).map(docKey), pending });
      if (!pending) opts.progress.tick(path, 'rejected' in result ? 'rejected' : 'skipped');
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
        const failed = await (bySha256.get(sha256) ?? bySha256.set(sha256, addKeywords(out, path, sha256, segmenting)).get(sha256)!);
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
    entries.set(path, { path, sha256: null, rejected: MISSING, keys: [] });
    opts.progress.tick(path, 'rejected');
  }
  if (previous) {
    for (const [path, e] of Object.entries(previous.inputs)) {
      if (!entries.has(path) && e.sha256) before.add(documentsOf(await readJson<FileResult>(cacheFile(out, e.sha256))));
    }
  }

  // Pass 2: resolve against the whole run and stream every output, one cached input at a time.
  // Input order, not completion order: the outputs are the same whatever the scheduling.
  const ordered = [...files, ...missing].map((p) => entries.get(p)!);
  const resolve = makeResolver(ordered.flatMap((e) => e.keys));
  const agencies = new AgencyCollector();
  const exportFile = new AtomicStream(join(out, 'export.json'));
  const script = new AtomicStream(join(out, 'graph.cypher'));
  const admin = new AdminImportWriter(join(out, 'import'), ordered.flatMap((e) => e.keys.map((k) => k.id)));
  const reports = REPORT_KINDS.map(reportBuilder);
  const site = new SiteBuilder();
  const rejected: Rejected[] = [];
  const facts: RunSummary['facts'] = { citations: 0, assignments: 0, amounts: 0, deadlines: 0, appointments: 0 };
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
        const rows = documentRows(d);
        await script.write(cypherScriptDocument(rows));
        await admin.add(rows);
        for (const r of reports) r.add(d);
        site.add(d);
        documents++;
        for (const k of Object.keys(facts) as (keyof RunSummary['facts'])[]) facts[k] += d[k].length;
      }
    }
  } finally {
    await stopSegmenting();
  }
  opts.progress.done();
  const agencyList = agencies.list();
  await exportFile.write(`\n],\n"agencies":${JSON.stringify(agencyList)},\n"rejected":${JSON.stringify(rejected)}}\n`);
  await exportFile.close();
  await script.write(cypherScriptTail(agencyList));
  await script.close();
  await admin.finish(agencyList);
  await writeReports(join(out, 'reports'), reports, agencyList);
  await site.write(join(out, 'reports'), agencyList, previous ? diffKeys(before, after) : null, opts.asOf ?? null);

  const manifest: Manifest = { schemaVersion: SCHEMA_VERSION, inputs: {}, summary: { documents, facts } };
  for (const e of ordered) {
    manifest.inputs[e.path] = e.rejected !== undefined ? { sha256: e.sha256, status: 'rejected', reason: e.rejected, documents: [] } : { sha256: e.sha256, status: 'processed', documents: e.keys.map((k) => k.id) };
  }
  // Pass 3 (with a server): load, streaming the resolved documents from the cache again.
  const load = settingsFromEnv(opts.neo4jUri) ? await loadInto(opts.neo4jUri, streamForLoad(out, ordered, agencyList, resolve)) : null;
  // Written last: a run killed before this point is simply re-done by the next one.
  await writeFileAtomic(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  await pruneCache(out, manifest);
  return {
    processed,
    skipped,
    rejected,
    documents,
    facts,
    changes: previous ? diffKeys(before, after) : null,
    load,
    seconds: (performance.now() - t0) / 1000,
  };
}

/** Results of inputs no longer in the manifest (changed or removed since) are not kept. */
async function pruneCache(out: string, manifest: Manifest): Promise<void> {
  const keep = new Set(Object.values(manifest.inputs).map((e) => `${e.sha256}.json`));
  for (const f of await readdir(join(out, 'cache'))) if (!keep.has(f)) await rm(join(out, 'cache', f), { force: true });
}

/** The run's documents, resolved, read back from the cache one input at a time. */
function streamForLoad(out: string, entries: Entry[], agencies: AgencyRecord[], resolve: (d: DocumentRecord) => void): LoadInput {
  async function* all(): AsyncGenerator<DocumentRecord> {
    for (const e of entries) {
      if (e.rejected !== undefined || !e.sha256) continue;
      for (const d of await cachedDocuments(out, e)) {
        resolve(d);
        yield d;
      }
    }
  }
  return { documents: all(), agencies };
}

/** Resolution keys of a previous run's inputs, read from the cache one input at a time. */
async function cachedKeys(out: string, entries: Entry[]): Promise<DocKey[]> {
  const keys: DocKey[] = [];
  for (const e of entries) if (e.rejected === undefined && e.sha256) keys.push(...documentsOf(await readJson<FileResult>(cacheFile(out, e.sha256))).map(docKey));
  return keys;
}

/** The agencies of the last export: its `"agencies":` line, without parsing the documents. */
async function exportedAgencies(out: string): Promise<AgencyRecord[]> {
  const lines = createInterface({ input: createReadStream(join(out, 'export.json'), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.startsWith('"agencies":')) {
      lines.close();
      return JSON.parse(line.slice('"agencies":'.length).replace(/,$/, '')) as AgencyRecord[];
    }
  }
  return [];
}

async function loadInto(uri: string | undefined, input: LoadInput): Promise<LoadCounters | null> {
  const settings = settingsFromEnv(uri);
  if (!settings) return null;
  const driver = await connect(settings);
  try {
    return await loadExport(driver, settings.database, input);
  } finally {
    await driver.close();
  }
}

/**
 * The same inputs with the same content as the last complete run, and its outputs all there: nothing to
 * do. Hashing is the only work (the summary comes from the manifest, not from re-reading the export).
 */
async function unchangedRun(out: string, previous: Manifest | null, files: string[], missing: string[]): Promise<Omit<RunSummary, 'load' | 'seconds'> | null> {
  if (!previous || missing.length || previous.summary === undefined) return null;
  const paths = Object.keys(previous.inputs);
  if (paths.length !== files.length || files.some((f) => !previous.inputs[f])) return null;
  for (const f of ['export.json', 'graph.cypher', 'import/import.sh', 'reports/citations.html', 'reports/index.html']) {
    if (!(await access(join(out, f)).then(() => true, () => false))) return null;
  }
  for (const f of files) {
    const entry = previous.inputs[f]!;
    // Streamed: an unchanged re-run of a large corpus never holds a whole file.
    const hash = createHash('sha256');
    try {
      for await (const chunk of createReadStream(f)) hash.update(chunk as Buffer);
    } catch {
      return null;
    }
    if (hash.digest('hex') !== entry.sha256) return null;
  }
  const rejected = paths.filter((p) => previous.inputs[p]!.status === 'rejected').map((p) => ({ path: p, reason: previous.inputs[p]!.reason! }));
  const none = { added: 0, removed: 0 };
  return {
    processed: 0,
    skipped: files.length,
    rejected,
    documents: previous.summary.documents,
    facts: previous.summary.facts,
    changes: { decrees: { added: [], removed: [] }, citations: none, assignments: none },
  };
}
