import { access, rm } from 'node:fs/promises';
import type { DocumentRecord } from '../graph/model.js';
import { AtomicStream, writeFileAtomic } from './atomic.js';
import { cacheFile, pendingFile, writeCache } from './cached.js';
import { type ExtractionPool, type KeywordThread, withKeywords } from './pool.js';
import { readRows } from './reports/spill.js';

// An input's pending file (`cache/<sha256>.pending.json`, a document per line): written by extraction,
// read by the keyword thread, then turned into the input's cache entry.

/**
 * Extracts one input in a worker, its documents going to its pending file batch by batch as they come
 * (each also to `take`), so the whole input is never held here. All or nothing: the pending file is there
 * only if the input was read to its end; returns why it is rejected, if it is.
 */
export async function extractToPending(pool: ExtractionPool, path: string, bytes: Buffer, file: string, take: (d: DocumentRecord) => void): Promise<string | undefined> {
  const pending = new AtomicStream(file);
  let writing = Promise.resolve();
  let ended = false;
  const result = await pool.extract(path, bytes, (docs) => {
    // A worker stopped over its time budget may still have sent batches.
    if (ended) return;
    docs.forEach(take);
    const lines = docs.map((d) => `${JSON.stringify(d)}\n`).join('');
    writing = handled(writing.then(() => pending.write(lines)));
  });
  ended = true;
  await writing;
  if ('documents' in result) await pending.close();
  else await pending.discard();
  return 'rejected' in result ? result.rejected : undefined;
}

/**
 * Keywords of an extracted input's documents, from the segmenter thread; then its result is cached and
 * the pending file goes. Returns why the input is rejected, if it is.
 */
export async function addKeywords(out: string, path: string, sha256: string, segmenting: KeywordThread, dropped: Set<string>): Promise<string | undefined> {
  const file = pendingFile(out, sha256);
  if (!(await access(file).then(() => true, () => false))) throw new Error(`${file}: pending result missing (was the out directory changed during the run?)`);
  const keywords = await segmenting.run({ file });
  // A failed input's keys are already part of the run's resolution; its documents are left out of the outputs.
  if ('failed' in keywords) await writeFileAtomic(cacheFile(out, sha256), JSON.stringify({ path, rejected: keywords.failed }));
  else {
    // Over the budget is kept for this run only (not cached): the next run segments the input again.
    if ('dropped' in keywords) dropped.add(sha256);
    await writeCache(cacheFile(out, sha256), path, withKeywords(readRows<DocumentRecord>(file), keywords));
  }
  await rm(file, { force: true });
  return 'failed' in keywords ? keywords.failed : undefined;
}

/** A promise awaited later (pass 2 awaits each input's keywords), or never if the run fails first. */
export const handled = <T>(p: Promise<T>) => {
  p.catch(() => {});
  return p;
};
