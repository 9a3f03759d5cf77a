import { readGazette, readInput, type Gazette } from '../corpus/read.js';
import { describeProblem, RejectError } from '../corpus/problems.js';
import { extractDocument, type ExtractOptions } from '../extractors/document.js';
import { keywordsOf } from '../extractors/keywords.js';
import { resolveRun } from '../extractors/resolve.js';
import { SCHEMA_VERSION, type DocumentRecord, type ExportFile, type Rejected } from '../graph/model.js';
import { findInputs, InputError, MISSING, readInput as readFileWithin } from './inputs.js';
import { addPlaces } from './places.js';
import { ExtractionPool } from './pool.js';

export interface Budget {
  /** Largest input read, in MB. */
  megabytes: number;
  /** Longest extraction of one input. */
  seconds: number;
}

/** Met by a 200 MB gazette and, since extraction is linear, by any smaller input however it is built. */
export const DEFAULT_BUDGET: Budget = { megabytes: 256, seconds: 120 };

export type FileResult = { path: string; documents: DocumentRecord[] } | { path: string; rejected: string };

/**
 * Reads one file into document records; bad input becomes a reason, never an exception.
 * With `keywords: false` the documents' bodies come back instead, for segmentation elsewhere.
 */
export function extractBytes(path: string, bytes: Uint8Array, opts: ExtractOptions = {}): FileResult & { bodies?: string[] } {
  return settle(path, () => extractGazette(readGazette(path, bytes), opts));
}

/** As `extractBytes`, for any input: PDFs are read asynchronously. */
export async function extractInput(path: string, bytes: Uint8Array, opts: ExtractOptions = {}): Promise<FileResult & { bodies?: string[] }> {
  let gazette: Gazette;
  try {
    gazette = await readInput(path, bytes);
  } catch (err) {
    return failure(path, err);
  }
  return settle(path, () => extractGazette(gazette, opts));
}

function extractGazette(gazette: Gazette, opts: ExtractOptions): { path: string; documents: DocumentRecord[]; bodies?: string[] } {
  const { path } = gazette;
  const documents = gazette.documents.map((d) => extractDocument(gazette, d, opts));
  addPlaces(gazette, documents);
  return opts.keywords === false ? { path, documents, bodies: gazette.documents.map((d) => d.norm.text.slice(d.bodyStart)) } : { path, documents };
}

function settle<T extends FileResult>(path: string, work: () => T): T | FileResult {
  try {
    return work();
  } catch (err) {
    return failure(path, err);
  }
}

function failure(path: string, err: unknown): FileResult {
  if (err instanceof RejectError) return { path, rejected: describeProblem(err.problem) };
  // An extractor bug must not stop the batch either; it is reported with the file that triggered it.
  return { path, rejected: `internal: ${(err as Error).stack ?? String(err)}` };
}

/** One file read within the size budget and extracted by the pool within the time budget; keywords added here. */
async function extractFile(path: string, maxBytes: number, pool: ExtractionPool): Promise<FileResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFileWithin(path, maxBytes);
  } catch (err) {
    if (err instanceof InputError) return { path, rejected: err.message };
    throw err;
  }
  const { bodies, ...result } = await pool.extract(path, bytes);
  if ('documents' in result) result.documents.forEach((d, i) => (d.keywords = keywordsOf(bodies![i]!)));
  return result;
}

/** Combines per-file results into one export: documents of the run resolved against each other. */
export function assembleExport(results: FileResult[]): ExportFile {
  const documents: DocumentRecord[] = [];
  const rejected: Rejected[] = [];
  for (const r of results) {
    if ('rejected' in r) rejected.push({ path: r.path, reason: r.rejected });
    else documents.push(...r.documents);
  }
  const { agencies } = resolveRun(documents);
  return { schemaVersion: SCHEMA_VERSION, documents, agencies, rejected };
}

/**
 * `extract` and `load`: one worker reads the files in turn, within `run`'s budgets (a file that hangs the
 * reader, even in a library's synchronous code, is stopped at the time budget and rejected with limit/time).
 * `notTaken` (files met and left aside, with why) is listed by the caller, as `run` lists it; not exported.
 */
export async function extractInputs(args: string[], budget: Budget = DEFAULT_BUDGET): Promise<{ exported: ExportFile; notTaken: Rejected[] }> {
  const { files, missing, rejected, notTaken } = await findInputs(args);
  const results: FileResult[] = [...missing.map((path) => ({ path, rejected: MISSING })), ...rejected.map((r) => ({ path: r.path, rejected: r.reason }))];
  const pool = new ExtractionPool(1, budget.seconds);
  try {
    for (const f of files) results.push(await extractFile(f, budget.megabytes * 2 ** 20, pool));
  } finally {
    await pool.close();
  }
  return { exported: assembleExport(results), notTaken };
}
