import { join } from 'node:path';
import { csvLine } from '../graph/csv.js';
import type { DocumentRecord } from '../graph/model.js';
import { writeFileAtomic } from './atomic.js';
import type { Conflict } from './manifest.js';

/** What the choice between records of one id looks at. */
export interface Head {
  id: string;
  path: string;
  start: number;
  format: DocumentRecord['source']['format'];
  date: string | null;
}

export const headOf = (path: string, d: DocumentRecord): Head => ({ id: d.id, path, start: d.source.start, format: d.source.format, date: d.issuedDate });

const FORMAT_RANK: Record<Head['format'], number> = { pdf: 0, text: 1, html: 2 };

const byteOrder = (a: string, b: string) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * The record the graph keeps when one id (发文字号) comes from several places: a PDF (the printed gazette
 * or document, the official text) before a text, a text before a web page, then the later 成文日期 (a corrected re-issue),
 * then the path in byte order, then the earlier position in the file. It depends only on the records,
 * never on input or load order, so every run and every load keeps the same one.
 */
export function preferred(a: Head, b: Head): number {
  if (a.format !== b.format) return FORMAT_RANK[a.format] - FORMAT_RANK[b.format];
  if (a.date !== b.date) return (b.date ?? '') < (a.date ?? '') ? -1 : 1;
  return byteOrder(a.path, b.path) || a.start - b.start;
}

const key = (h: { path: string; start: number }) => `${h.start}\u0000${h.path}`;

/** Every id with more than one record: the kept one and the others, sorted by id. */
export function chooseRecords(heads: Head[]): { conflicts: Conflict[]; keeps: (path: string, d: DocumentRecord) => boolean } {
  const byId = new Map<string, Head[]>();
  for (const h of heads) (byId.get(h.id) ?? byId.set(h.id, []).get(h.id)!).push(h);
  const conflicts: Conflict[] = [];
  const dropped = new Set<string>();
  for (const [id, hs] of byId) {
    if (hs.length < 2) continue;
    const [kept, ...others] = hs.sort(preferred).map(({ path, start }) => ({ path, start }));
    conflicts.push({ id, kept: kept!, others });
    for (const o of others) dropped.add(`${id}\u0000${key(o)}`);
  }
  conflicts.sort((a, b) => byteOrder(a.id, b.id));
  return { conflicts, keeps: (path, d) => !dropped.has(`${d.id}\u0000${key({ path, start: d.source.start })}`) };
}

/** `reports/conflicts.csv`: one line per record the graph did not keep, beside the one it kept. */
export async function writeConflictsReport(dir: string, conflicts: Conflict[]): Promise<string> {
  const lines = ['\ufeff', csvLine(['id', 'kept path', 'kept start', 'other path', 'other start'])];
  for (const c of conflicts) for (const o of c.others) lines.push(csvLine([c.id, c.kept.path, c.kept.start, o.path, o.start], true));
  await writeFileAtomic(join(dir, 'conflicts.csv'), lines.join(''));
  return 'conflicts.csv';
}
