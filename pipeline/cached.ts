import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { docKey, type DocKey } from '../extractors/resolve.js';
import type { LoadInput } from '../graph/loader.js';
import type { AgencyRecord, DocumentRecord } from '../graph/model.js';
import { writePieces } from './atomic.js';
import { headOf, type Choice, type Head } from './conflicts.js';
import { readLines } from './reports/spill.js';
import type { FileResult } from './extract.js';

/** A run's results read back from its out directory: `cache/<sha256>.json` per input, `export.json`. */

/** One input after extraction: where its result is cached, and the keys resolution needs. */
export interface Entry {
  path: string;
  sha256: string | null;
  rejected?: string;
  keys: DocKey[];
  /** Extracted, waiting for keywords in its pending file. */
  pending?: boolean;
  /** What choosing between records of one id needs, per document. */
  heads: Head[];
}

export const cacheFile = (out: string, sha256: string) => join(out, 'cache', `${sha256}.json`);
export const pendingFile = (out: string, sha256: string) => join(out, 'cache', `${sha256}.pending.json`);

/** A cache entry as read: the input's rejection, or its documents, read one at a time. */
type CacheEntry = { rejected: string } | { documents: Iterable<DocumentRecord> };

/**
 * A cache entry is JSON, `{ path, documents }` or `{ path, rejected }`, written a document per line so a
 * large input is read back a document at a time (an entry written whole, on one line, is read whole).
 * Null when it is missing or does not start as one; a broken document line is an error naming the file.
 * Iterate the documents to the end (or break): that closes the file.
 */
export function readCache(file: string): CacheEntry | null {
  let lines: Generator<string>;
  let first: string;
  try {
    lines = readLines(file);
    first = lines.next().value ?? '';
  } catch {
    return null;
  }
  if (first.endsWith(DOCUMENTS)) return { documents: rest(file, lines) };
  lines.return(undefined);
  try {
    const whole = JSON.parse(first) as FileResult;
    return 'rejected' in whole ? { rejected: whole.rejected } : { documents: whole.documents };
  } catch {
    return null;
  }
}

const DOCUMENTS = '"documents":[';

function* rest(file: string, lines: Generator<string>): Generator<DocumentRecord> {
  for (const line of lines) {
    if (line === ']}') return;
    try {
      yield JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as DocumentRecord;
    } catch {
      throw new Error(`${file}: unreadable cache entry (was the out directory changed during the run?)`);
    }
  }
}

/** Writes an input's documents as a cache entry that `readCache` reads one document at a time. */
export function writeCache(file: string, path: string, documents: Iterable<DocumentRecord>): Promise<void> {
  function* lines() {
    yield `{"path":${JSON.stringify(path)},${DOCUMENTS}`;
    let n = 0;
    for (const d of documents) yield `${n++ ? ',' : ''}\n${JSON.stringify(d)}`;
    yield '\n]}\n';
  }
  return writePieces(file, lines());
}

/** The documents of a cache entry; none when it is missing or a rejection. */
export function cachedOrNone(file: string): Iterable<DocumentRecord> {
  const c = readCache(file);
  return c && 'documents' in c ? c.documents : [];
}

/**
 * An input's documents from the cache, one at a time. The cache is by content, so copies of one file at
 * two paths share a result: each document gets the path of the input it is read for.
 */
export function* cachedDocuments(out: string, e: Entry): Generator<DocumentRecord> {
  for (const d of cachedOrNone(cacheFile(out, e.sha256!))) {
    d.source.path = e.path;
    yield d;
  }
}

/** The run's documents, resolved, read back from the cache one input at a time. */
export function streamForLoad(out: string, entries: Entry[], agencies: AgencyRecord[], resolve: (d: DocumentRecord) => void, { keeps, sourcesOf }: Pick<Choice, 'keeps' | 'sourcesOf'>): LoadInput {
  async function* all(): AsyncGenerator<DocumentRecord> {
    for (const e of entries) {
      if (e.rejected !== undefined || !e.sha256) continue;
      for (const d of cachedDocuments(out, e)) {
        resolve(d);
        if (keeps(e.path, d)) yield d;
      }
    }
  }
  return { documents: all(), agencies, sourcesOf };
}

/** What choosing between records of one id needs, for a previous run's inputs, from the cache. */
export async function cachedHeads(out: string, entries: Entry[]): Promise<Head[]> {
  const heads: Head[] = [];
  for (const e of entries) if (e.rejected === undefined && e.sha256) for (const d of cachedDocuments(out, e)) heads.push(headOf(e.path, d));
  return heads;
}

/** Resolution keys of a previous run's inputs, read from the cache one input at a time. */
export async function cachedKeys(out: string, entries: Entry[]): Promise<DocKey[]> {
  const keys: DocKey[] = [];
  for (const e of entries) if (e.rejected === undefined && e.sha256) for (const d of cachedOrNone(cacheFile(out, e.sha256))) keys.push(docKey(d));
  return keys;
}

/** The agencies of the last export: its `"agencies":` line, without parsing the documents. */
export async function exportedAgencies(out: string): Promise<AgencyRecord[]> {
  const lines = createInterface({ input: createReadStream(join(out, 'export.json'), 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.startsWith('"agencies":')) {
      lines.close();
      return JSON.parse(line.slice('"agencies":'.length).replace(/,$/, '')) as AgencyRecord[];
    }
  }
  return [];
}
