import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeAdminImport } from '../graph/adminImport.js';
import { connect, settingsFromEnv } from '../graph/connection.js';
import { cypherScript } from '../graph/cypherScript.js';
import { loadExport, type LoadCounters } from '../graph/loader.js';
import { keywordsOf } from '../extractors/keywords.js';
import type { ExportFile } from '../graph/model.js';
import { writeFileAtomic } from './atomic.js';
import { assembleExport, type FileResult } from './extract.js';
import { findInputs } from './inputs.js';
import { ExtractionPool } from './pool.js';
import type { Progress } from './progress.js';
import { writeReports } from './reports/write.js';

/**
 * The main job. Out directory layout (docs/out-directory.md):
 *   export.json            the JSON export (docs/export-format.md)
 *   graph.cypher           the same graph for cypher-shell
 *   import/                CSVs + import.sh for neo4j-admin database import
 *   reports/<kind>.<fmt>   citation, gap, agency and deadline reports
 *   cache/<sha256>.json    per-input extraction results, by content hash
 *   manifest.json          which inputs were processed or rejected, by content hash (written last)
 * Every file is written atomically and nothing carries a timestamp, so a run killed at any point and
 * re-run gives the same directory as a clean run.
 */
export interface RunOptions {
  inputs: string[];
  out: string;
  neo4jUri?: string;
  workers?: number;
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
  schemaVersion: 1;
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
  rejected: { path: string; reason: string }[];
  documents: number;
  facts: Record<'citations' | 'assignments' | 'amounts' | 'deadlines' | 'appointments', number>;
  changes: Changes | null;
  load: LoadCounters | null;
  seconds: number;
}

async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
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

function keys(exp: ExportFile | null) {
  const decrees = new Set<string>();
  const citations = new Set<string>();
  const assignments = new Set<string>();
  for (const d of exp?.documents ?? []) {
    decrees.add(d.id);
    for (const c of d.citations) citations.add(`${d.id}|${c.docNumber ?? c.title}|${c.relation}|${c.text}`);
    for (const a of d.assignments) assignments.add(`${d.id}|${a.agencyId}|${a.role}|${a.task}`);
  }
  return { decrees, citations, assignments };
}

export function diffExports(before: ExportFile | null, after: ExportFile): Changes | null {
  if (!before) return null;
  const a = keys(before);
  const b = keys(after);
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
  const previous = await readJson<Manifest>(join(out, 'manifest.json'));
  const { files, missing } = await findInputs(opts.inputs);
  opts.progress.start(files.length + missing.length);
  const unchanged = await unchangedRun(out, previous, files, missing);
  if (unchanged) {
    for (const f of files) opts.progress.tick(f, 'skipped');
    opts.progress.done();
    const exp = opts.neo4jUri || process.env.NEO4J_URI ? await readJson<ExportFile>(join(out, 'export.json')) : null;
    return { ...unchanged, load: exp ? await loadInto(opts.neo4jUri, exp) : null, seconds: (performance.now() - t0) / 1000 };
  }
  const previousExport = previous ? await readJson<ExportFile>(join(out, 'export.json')) : null;

  const results = new Map<string, FileResult>();
  const hashes = new Map<string, string>();
  let processed = 0;
  let skipped = 0;
  const reject = (path: string, reason: string) => {
    results.set(path, { path, rejected: reason });
    opts.progress.tick(path, 'rejected');
  };
  const pool = new ExtractionPool(opts.workers);
  try {
    await Promise.all(
      files.map(async (path) => {
        let bytes: Buffer;
        try {
          bytes = await readFile(path);
        } catch (err) {
          return reject(path, `read: cannot read the file: ${(err as Error).message}`);
        }
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        hashes.set(path, sha256);
        const cachePath = join(out, 'cache', `${sha256}.json`);
        const cached = previous?.inputs[path]?.sha256 === sha256 ? await readJson<FileResult>(cachePath) : null;
        let result: FileResult;
        if (cached) {
          result = cached;
          skipped++;
        } else {
          const { bodies, ...extracted } = await pool.extract(path, bytes);
          if ('documents' in extracted) extracted.documents.forEach((d, i) => (d.keywords = keywordsOf(bodies![i]!)));
          result = extracted;
          await writeFileAtomic(cachePath, JSON.stringify(result));
          processed++;
        }
        results.set(path, result);
        opts.progress.tick(path, 'rejected' in result ? 'rejected' : cached ? 'skipped' : 'processed');
      }),
    );
  } finally {
    await pool.close();
  }
  for (const path of missing) reject(path, 'read: ENOENT no such file or directory (or a link to nowhere)');
  opts.progress.done();

  // Input order, not completion order: the export is the same whatever the scheduling.
  const ordered = [...files, ...missing].map((p) => results.get(p)!);
  const exp = assembleExport(ordered);
  await writeFileAtomic(join(out, 'export.json'), JSON.stringify(exp, null, 2) + '\n');
  await writeFileAtomic(join(out, 'graph.cypher'), cypherScript(exp));
  await writeAdminImport(join(out, 'import'), exp);
  await writeReports(join(out, 'reports'), exp);

  const load = await loadInto(opts.neo4jUri, exp);
  // Every input, processed or rejected with its reason. Written last: a run killed before this point is
  // simply re-done by the next one.
  const { documents, facts } = totals(exp);
  const manifest: Manifest = { schemaVersion: 1, inputs: {}, summary: { documents, facts } };
  for (const r of ordered) {
    const sha256 = hashes.get(r.path) ?? null;
    manifest.inputs[r.path] = 'rejected' in r ? { sha256, status: 'rejected', reason: r.rejected, documents: [] } : { sha256, status: 'processed', documents: r.documents.map((d) => d.id) };
  }
  await writeFileAtomic(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

  return { processed, skipped, ...totals(exp), changes: diffExports(previousExport, exp), load, seconds: (performance.now() - t0) / 1000 };
}

function totals(exp: ExportFile) {
  const count = (k: keyof RunSummary['facts']) => exp.documents.reduce((n, d) => n + d[k].length, 0);
  return {
    rejected: exp.rejected,
    documents: exp.documents.length,
    facts: { citations: count('citations'), assignments: count('assignments'), amounts: count('amounts'), deadlines: count('deadlines'), appointments: count('appointments') },
  };
}

async function loadInto(uri: string | undefined, exp: ExportFile): Promise<LoadCounters | null> {
  const settings = settingsFromEnv(uri);
  if (!settings) return null;
  const driver = await connect(settings);
  try {
    return await loadExport(driver, settings.database, exp);
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
  for (const f of ['export.json', 'graph.cypher', 'import/import.sh', 'reports/citations.html']) {
    if (!(await readFile(join(out, f)).then(() => true, () => false))) return null;
  }
  for (const f of files) {
    const entry = previous.inputs[f]!;
    let sha: string;
    try {
      sha = createHash('sha256').update(await readFile(f)).digest('hex');
    } catch {
      return null;
    }
    if (sha !== entry.sha256) return null;
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
