import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { docKey, type DocKey } from '../extractors/resolve.js';
import type { LoadInput } from '../graph/loader.js';
import type { AgencyRecord, DocumentRecord } from '../graph/model.js';
import { headOf, type Choice, type Head } from './conflicts.js';
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

export async function readJson<T>(path: string): Promise<T | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch {
    return null;
  }
}

export const cacheFile = (out: string, sha256: string) => join(out, 'cache', `${sha256}.json`);
export const pendingFile = (out: string, sha256: string) => join(out, 'cache', `${sha256}.pending.json`);

export const documentsOf = (r: FileResult | null) => (r && 'documents' in r ? r.documents : []);

/**
 * An input's documents from the cache. The cache is by content, so copies of one file at two paths share
 * a result: each document gets the path of the input it is read for.
 */
export async function cachedDocuments(out: string, e: Entry): Promise<DocumentRecord[]> {
  const docs = documentsOf(await readJson<FileResult>(cacheFile(out, e.sha256!)));
  for (const d of docs) d.source.path = e.path;
  return docs;
}

/** The run's documents, resolved, read back from the cache one input at a time. */
export function streamForLoad(out: string, entries: Entry[], agencies: AgencyRecord[], resolve: (d: DocumentRecord) => void, { keeps, sourcesOf }: Pick<Choice, 'keeps' | 'sourcesOf'>): LoadInput {
  async function* all(): AsyncGenerator<DocumentRecord> {
    for (const e of entries) {
      if (e.rejected !== undefined || !e.sha256) continue;
      for (const d of await cachedDocuments(out, e)) {
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
  for (const e of entries) if (e.rejected === undefined && e.sha256) heads.push(...(await cachedDocuments(out, e)).map((d) => headOf(e.path, d)));
  return heads;
}

/** Resolution keys of a previous run's inputs, read from the cache one input at a time. */
export async function cachedKeys(out: string, entries: Entry[]): Promise<DocKey[]> {
  const keys: DocKey[] = [];
  for (const e of entries) if (e.rejected === undefined && e.sha256) keys.push(...documentsOf(await readJson<FileResult>(cacheFile(out, e.sha256))).map(docKey));
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
