/**
 * The 版记 (imprint) that closes a document under GB/T 9704-2012: who else receives it (抄送：…) and who
 * printed it when (广东省人民政府办公厅　2020年3月26日印发). It is metadata, not body: a document's facts
 * never come from it.
 */
import { findDate } from '../dates.js';
import { slice, type NormText } from '../normalize.js';
import type { Range, SourceDocument } from '../split.js';
import { linesOf, type Line } from './lines.js';

/** Ranges index `norm`, the imprint's own text (the document's text ends where it starts). */
export interface Imprint {
  norm: NormText;
  /** One range per body in the 抄送 (and 抄报, 分送) lists, in print order. */
  copyTo: Range[];
  printedBy: Range | null;
  /** The printing date as printed (2020年3月26日). */
  printedDate: Range | null;
}

// A list of recipients, possibly wrapped over lines until its 。 (抄送：市委办公厅，市人大常委会办公厅。).
const LIST = /^(?:抄送|抄报|分送)[:：]/;
// The printing line: the printing office, the date, 印发 (the office may be missing).
const PRINTED = /印发$/;
// Other lines an imprint holds: its 主送 (when the header had none), the disclosure mode, subject words,
// who proofread it, how many copies.
const OTHER = /^(?:(?:主送|公开方式|公开属性|主题词|校对|核稿)[:：]|[（(]共印\d+份[）)]$)/;
const MAX_LINES = 8;

/** An imprint's field line, its first line for a list: never joined to the text around it. */
export const fieldLine = (t: string) => LIST.test(t) || OTHER.test(t) || printedLine(t) !== null;

/** The printing line's office and date, relative to the line: [office | null, date]. */
function printedLine(t: string): [Range | null, Range] | null {
  const d = PRINTED.test(t) ? findDate(t) : null;
  const by = d && t.slice(0, d.index).trim();
  // The office may be a unit of one (…办公厅秘书处), so any name before the date, not only a body's.
  if (!d || (by && !/^[\u4e00-\u9fff（）()]{2,40}$/.test(by))) return null;
  return [by ? [0, by.length] : null, [d.index, d.end]];
}

/** The last line of the list opening at line `i`: it goes on over lines without a colon until its 。. */
function listEnd(lines: Line[], i: number): number {
  let j = i;
  while (!/。$/.test(lines[j]!.text) && j + 1 < lines.length && !fieldLine(lines[j + 1]!.text) && !/[：:]|。./.test(lines[j + 1]!.text)) j++;
  return j;
}

/** Lines i.. are all imprint lines, one of them a list or the printing line. */
function isImprint(lines: Line[], i: number): boolean {
  let field = false;
  for (let j = i; j < lines.length; j++) {
    const t = lines[j]!.text;
    if (LIST.test(t)) j = listEnd(lines, j);
    else if (!OTHER.test(t) && !printedLine(t)) return false;
    field ||= !OTHER.test(t);
  }
  return field;
}

/** Cuts the imprint off the end of a document's text, if it has one. */
export function withImprint(doc: SourceDocument): SourceDocument {
  const lines = linesOf(doc.norm.text, doc.bodyStart);
  let k = Math.max(0, lines.length - MAX_LINES);
  while (k < lines.length && !(fieldLine(lines[k]!.text) && isImprint(lines, k))) k++;
  if (k === lines.length) return doc;
  const start = lines[k]!.s;
  const norm = slice(doc.norm, start, doc.norm.text.length);
  const imprint: Imprint = { norm, copyTo: [], printedBy: null, printedDate: null };
  const block = linesOf(norm.text);
  for (let i = 0; i < block.length; i++) {
    const l = block[i]!;
    const printed = printedLine(l.text);
    if (LIST.test(l.text)) {
      const j = listEnd(block, i);
      imprint.copyTo.push(...names(norm.text, l.s + 3, block[j]!.e));
      i = j;
    } else if (printed) {
      const [by, date] = printed;
      imprint.printedBy = by && [l.s + by[0], l.s + by[1]];
      imprint.printedDate = [l.s + date[0], l.s + date[1]];
    }
  }
  return { ...doc, norm: slice(doc.norm, 0, start), imprint };
}

/** The ranges of the names in a list from `s` to `e`, split at 、，； and line ends, the closing 。 left out. */
function names(text: string, s: number, e: number): Range[] {
  const out: Range[] = [];
  let from = s;
  for (let i = s; i <= e; i++) {
    if (i < e && !/[，,、；;\n。]/.test(text[i]!)) continue;
    const part = text.slice(from, i);
    const lead = part.length - part.trimStart().length;
    const name = part.trim();
    if (name) out.push([from + lead, from + lead + name.length]);
    from = i + 1;
  }
  return out;
}
