/**
 * From a PDF's printed lines to text the splitter reads, offsets still pointing at the source (the lines
 * as printed, `\n` after each, `\f` after each page):
 *  - page furniture dropped: page numbers (`— 3 —`, `- 3 -`, `第3页 共9页`), running heads and footers
 *    repeated at the edge of most pages, a browser print's URL line;
 *  - lines wrapped by the column width joined where the sentence goes on, on the same page or the next;
 *    a 发文字号 broken over two lines (`（唐政办发〔2019〕` / `1 号）`) always;
 *  - Kangxi radicals and CJK compatibility ideographs folded to the unified ideographs they stand for;
 *  - spaces between the digits of a year or a serial (`〔20 19〕`, `1 0号`) dropped.
 */
import radicals from './data/radicals.json' with { type: 'json' };
import { isHeading, ITEM_START, type NormText } from '../normalize.js';
import type { PdfLine } from './layout.js';

const FOLD = radicals as Record<string, string>;

/** The unified ideograph for a radical or compatibility character some PDF producers emit, else itself. */
function foldChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0x2e80 && code <= 0x2fdf) return FOLD[ch] ?? ch;
  if (code >= 0xf900 && code <= 0xfaff) {
    const n = ch.normalize('NFC');
    return n.length === 1 ? n : ch;
  }
  return ch;
}

const D = '[0-9０-９]';
const PAGE_NUMBER = new RegExp(
  [
    `^[-—–－―─~～·•\\s]*${D}{1,4}[-—–－―─~～·•\\s]*$`,
    `^第\\s*${D}+\\s*页(?:[\\s，,/]*共\\s*${D}+\\s*页)?$`,
    `^共\\s*${D}+\\s*页[\\s，,/]*第\\s*${D}+\\s*页$`,
    `^${D}+\\s*/\\s*${D}+$`,
    `^page\\s*${D}+(?:\\s*of\\s*${D}+)?$`,
  ].join('|'),
  'i',
);
/** A browser's print footer: the page's address and `1/2`. */
const URL_LINE = /^(?:https?:\/\/|www\.)\S+(?:\s+\d+\s*\/\s*\d+)?$/i;
const EDGE_LINES = 2;

/** The lines at the top and bottom of a page (by position: a column's head is not first in reading order). */
function edgeLines(lines: PdfLine[]): PdfLine[] {
  const byTop = [...lines].sort((a, b) => a.box[1] - b.box[1]);
  return byTop.length <= 2 * EDGE_LINES ? byTop : [...byTop.slice(0, EDGE_LINES), ...byTop.slice(-EDGE_LINES)];
}

/**
 * What repeats of a running head or footer: its text, digits aside (a page number in it), at the same
 * height on the page. A document's closing date at the foot of several pages is at a different height on each.
 */
const furnitureKey = (l: PdfLine) => `${Math.round(l.box[1] / 3)}|${l.text.replace(/\s+/g, '').replace(/[0-9０-９]+/g, '#')}`;

/** Lines that are furniture: page numbers and URLs at a page's edge, and edge lines repeated on most pages. */
export function furniture(pages: PdfLine[][]): Set<PdfLine> {
  const out = new Set<PdfLine>();
  const seen = new Map<string, Set<number>>();
  for (const lines of pages) {
    for (const l of edgeLines(lines)) {
      const t = l.text.trim();
      if (PAGE_NUMBER.test(t) || URL_LINE.test(t)) out.add(l);
      const key = furnitureKey(l);
      if (!seen.has(key)) seen.set(key, new Set());
      seen.get(key)!.add(l.page);
    }
  }
  const withText = pages.filter((p) => p.length).length;
  // A running head or footer is on 40% of the pages with text, and on three at least; in a file of two pages,
  // on both, set smaller than the text (two one-page notices of one issuer repeat their large heading).
  const two = withText === 2;
  const min = two ? 2 : Math.max(3, Math.ceil(0.4 * withText));
  const small = two ? 0.9 * medianSize(pages.flat()) : Infinity;
  for (const lines of pages) {
    for (const l of edgeLines(lines)) if ((seen.get(furnitureKey(l))?.size ?? 0) >= min && l.size < small) out.add(l);
  }
  return out;
}

/** The size of most of the text: the median of the lines' sizes, each weighted by its length. */
function medianSize(lines: PdfLine[]): number {
  const sized = lines.map((l) => [l.size, l.text.length] as const).sort((a, b) => a[0] - b[0]);
  let half = sized.reduce((n, [, len]) => n + len, 0) / 2;
  for (const [size, len] of sized) if ((half -= len) <= 0) return size;
  return 0;
}

const SENTENCE_END = /[。；！？：…」”]\s*$/;
// An attachment's label alone on its line (附件二, 附件1：) opens a block even after a line that fills the column.
const ATTACHMENT_LABEL = /^附件\s*[一二三四五六七八九十\d]*\s*[:：]?$/;
const NUMBER_ACROSS = /[〔［\[﹝【（(]\s*(?:[0-9０-９]\s*){4}[〕］\]﹞】）)]\s*第?\s*(?:[0-9０-９]\s*){1,5}号|令\s*第\s*(?:[0-9０-９]\s*){1,5}号/g;

const ORDER_SERIAL = /^[（(]?第[\s0-9０-９]{1,12}号[）)]?$/;

/** A 发文字号 runs across the break between `a` and `b`. */
function numberAcross(a: string, b: string): boolean {
  const tail = a.slice(-24);
  const joined = tail + b.slice(0, 16);
  for (const m of joined.matchAll(NUMBER_ACROSS)) if (m.index! < tail.length && m.index! + m[0].length > tail.length) return true;
  return false;
}

/**
 * `b` goes on with `a`'s sentence: a 发文字号 is broken between them, or `a` fills its column and `b` is not
 * indented, or both are lines of an indented block.
 */
function continues(a: PdfLine, b: PdfLine): boolean {
  // An order's organ above its serial (中华人民共和国国务院令 / 第 7 0 9 号) is a block of two lines.
  if (/令$/.test(a.text.trim()) && ORDER_SERIAL.test(b.text.trim())) return false;
  if (numberAcross(a.text.trimEnd(), b.text.trimStart())) return true;
  const at = a.text.trim();
  if (Math.abs(a.size - b.size) > 0.15 * a.size || SENTENCE_END.test(at)) return false;
  // A line that fills its column was wrapped, even one that opens an item (`第一条 为了规范…`); a centred
  // line (a title) starts further in than a paragraph's indent.
  const paragraphLine = a.box[0] <= a.col[0] + 2.5 * a.size;
  const wrapped = paragraphLine && a.box[2] >= a.col[1] - 1.5 * a.size && b.box[0] <= b.col[0] + 0.5 * b.size;
  // What looks like an item after a wrapped line is the sentence going on (`依照本法第二百三十四条、` /
  // `第二百三十二条的规定…`): an item opens a paragraph, and the line before one does not fill the column
  // without ending a sentence.
  if (ATTACHMENT_LABEL.test(b.text.trim())) return false;
  if (wrapped) return true;
  if (ITEM_START.test(b.text.trim())) return false;
  if (isHeading(at)) return false;
  // An indented block (a law's revision note, a quotation) wraps at its own edges: `b` starts where `a`
  // does, and `a`, a long line, is at least as long.
  return Math.abs(a.box[0] - b.box[0]) < 0.5 * a.size && a.box[2] >= b.box[2] - 0.5 * a.size && a.box[2] - a.box[0] >= 0.6 * (a.col[1] - a.col[0]);
}

// Spaces inside a number that ends in 年/号/〕 or follows 〔/第: the digits of one year or serial.
const SPACED_NUMBER = /(?<=[〔第]\s*)[0-9０-９](?:\s*[0-9０-９])+|[0-9０-９](?:\s*[0-9０-９])+(?=\s*[年号〕])/g;

/** Source offsets (relative to the line) of the line's characters kept in the clean text. */
function keptChars(text: string): number[] {
  const drop = new Set<number>();
  for (const m of text.matchAll(SPACED_NUMBER)) {
    for (let i = 0; i < m[0].length; i++) if (/\s/.test(m[0][i]!)) drop.add(m.index! + i);
  }
  const kept: number[] = [];
  for (let i = 0; i < text.length; i++) if (!drop.has(i)) kept.push(i);
  return kept;
}

/** The source text (lines as printed) and the clean text with its map into the source. */
export function cleanText(pages: PdfLine[][]): { source: string; lineStarts: Map<PdfLine, number>; clean: NormText } {
  const drop = furniture(pages);
  const src: string[] = [];
  const lineStarts = new Map<PdfLine, number>();
  let len = 0;
  for (const lines of pages) {
    for (const l of lines) {
      lineStarts.set(l, len);
      src.push(l.text, '\n');
      len += l.text.length + 1;
    }
    src.push('\f');
    len += 1;
  }
  const out: string[] = [];
  const map: number[] = [];
  let prev: PdfLine | null = null;
  for (const l of pages.flat()) {
    if (drop.has(l)) continue;
    const at = lineStarts.get(l)!;
    if (prev && !continues(prev, l)) {
      out.push('\n');
      map.push(lineStarts.get(prev)! + prev.text.length);
    }
    for (const i of keptChars(l.text)) {
      out.push(foldChar(l.text[i]!));
      map.push(at + i);
    }
    prev = l;
  }
  map.push(len);
  return { source: src.join(''), lineStarts, clean: { text: out.join(''), map: Int32Array.from(map) } };
}
