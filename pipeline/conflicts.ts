import { join } from 'node:path';
import { csvLine } from '../graph/csv.js';
import type { DocumentRecord } from '../graph/model.js';
import { ownSource, type SourceRow } from '../graph/statements.js';
import { writeFileAtomic } from './atomic.js';
import type { Conflict } from './manifest.js';

/** What the choice between records of one id looks at. */
export interface Head {
  id: string;
  path: string;
  start: number;
  end: number;
  format: DocumentRecord['source']['format'];
  date: string | null;
}

export const headOf = (path: string, d: DocumentRecord): Head => ({ id: d.id, path, start: d.source.start, end: d.source.end, format: d.source.format, date: d.issuedDate });

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

export interface Choice {
  /** Every id with more than one record: the kept one and the others, sorted by id. */
  conflicts: Conflict[];
  /** The record is the one the graph holds for its id. */
  keeps: (path: string, d: DocumentRecord) => boolean;
  /** Every record of the document's id, the kept one first (chosen), then in the order of preference. */
  sourcesOf: (d: DocumentRecord) => SourceRow[];
}

export function chooseRecords(heads: Head[]): Choice {
  const byId = new Map<string, Head[]>();
  for (const h of heads) (byId.get(h.id) ?? byId.set(h.id, []).get(h.id)!).push(h);
  const conflicts: Conflict[] = [];
  const dropped = new Set<string>();
  const sources = new Map<string, SourceRow[]>();
  for (const [id, hs] of byId) {
    if (hs.length < 2) continue;
    hs.sort(preferred);
    const [kept, ...others] = hs.map(({ path, start }) => ({ path, start }));
    conflicts.push({ id, kept: kept!, others });
    for (const o of others) dropped.add(`${id}\u0000${key(o)}`);
    sources.set(id, hs.map(({ path, start, end, format }, i) => ({ path, start, end, format, chosen: i === 0 })));
  }
  conflicts.sort((a, b) => byteOrder(a.id, b.id));
  return {
    conflicts,
    keeps: (path, d) => !dropped.has(`${d.id}\u0000${key({ path, start: d.source.start })}`),
    sourcesOf: (d) => sources.get(d.id) ?? ownSource(d),
  };
}

/** An export's documents as the graph takes them: one record per id (see `preferred`), with its sources. */
export function chooseDocuments(documents: DocumentRecord[]): { documents: DocumentRecord[]; sourcesOf: Choice['sourcesOf'] } {
  const { keeps, sourcesOf } = chooseRecords(documents.map((d) => headOf(d.source.path, d)));
  return { documents: documents.filter((d) => keeps(d.source.path, d)), sourcesOf };
}

/** `reports/conflicts.csv`: one line per record the graph did not keep, beside the one it kept. */
export async function writeConflictsReport(dir: string, conflicts: Conflict[]): Promise<string> {
  const lines = ['\ufeff', csvLine(['id', 'kept path', 'kept start', 'other path', 'other start'])];
  for (const c of conflicts) for (const o of c.others) lines.push(csvLine([c.id, c.kept.path, c.kept.start, o.path, o.start], true));
  await writeFileAtomic(join(dir, 'conflicts.csv'), lines.join(''));
  return 'conflicts.csv';
}
