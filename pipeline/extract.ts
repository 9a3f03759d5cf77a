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

/** With `emit`, an input's documents are handed over in batches of this many as they are extracted. */
const BATCH = 100;

/** Where a streamed extraction hands its documents; the result then carries none of them. */
type Emit = (documents: DocumentRecord[]) => void;

/** Reads one file into document records; bad input becomes a reason, never an exception. */
export function extractBytes(path: string, bytes: Uint8Array, opts: ExtractOptions = {}): FileResult {
  return settle(path, () => extractGazette(readGazette(path, bytes), opts));
}

/**
 * As `extractBytes`, for any input: PDFs are read asynchronously. With `emit`, documents go there in
 * batches (a very large input is never one list, nor one message from a worker) and the result's list is
 * empty; a rejection can still follow batches, so the receiver keeps them apart until the result.
 */
export async function extractInput(path: string, bytes: Uint8Array, opts: ExtractOptions = {}, emit?: Emit): Promise<FileResult> {
  let gazette: Gazette;
  try {
    gazette = await readInput(path, bytes);
  } catch (err) {
    return failure(path, err);
  }
  return settle(path, () => extractGazette(gazette, opts, emit));
}

function extractGazette(gazette: Gazette, opts: ExtractOptions, emit?: Emit): FileResult {
  const { path } = gazette;
  if (!emit) {
    const documents = gazette.documents.map((d) => extractDocument(gazette, d, opts));
    addPlaces(gazette, documents);
    return { path, documents };
  }
  // One document held back: a batch's last document holds a page's warning only if the next starts after it.
  const held: DocumentRecord[] = [];
  let first = true;
  for (const d of gazette.documents) {
    held.push(extractDocument(gazette, d, opts));
    if (held.length > BATCH) {
      const batch = held.splice(0, BATCH);
      addPlaces(gazette, batch, { first, next: held[0]!.source.start });
      emit(batch);
      first = false;
    }
  }
  addPlaces(gazette, held, { first, next: Infinity });
  emit(held);
  return { path, documents: [] };
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
  const documents: DocumentRecord[] = [];
  const result = await pool.extract(path, bytes, (batch) => documents.push(...batch));
  if (!('documents' in result)) return result;
  for (const d of documents) d.keywords = keywordsOf(d.body.text);
  return { path, documents };
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
