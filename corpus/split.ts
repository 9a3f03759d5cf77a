import { DATE_PATTERN, findDate } from './dates.js';
import { canonicalDocNumber } from './docNumber.js';
import { headerLike, linesOf, MAX_TITLE_LINE, ORGAN, organLine, TITLE_END, type Line } from './header/lines.js';
import { fieldLine, type Imprint } from './header/imprint.js';
import { noteDate } from './header/signature.js';
import { joinLayoutLines, slice, type NormText } from './normalize.js';
import type { Problem } from './problems.js';

/** [start, end) in a document's normalised text. */
export type Range = [number, number];

export interface HeaderSpans {
  /** One range per issuing body printed in the header (joint documents list several). */
  issuers: Range[];
  /** The title may wrap over several lines: one range per piece, in order. */
  title: Range[];
  docNumber: Range | null;
  date: Range | null;
  /**
   * The issuers in full when they are printed elsewhere than before the title (signature, metadata);
   * `issuers` stays what the title line printed, since a 关于 title is issuer + 关于….
   */
  signers?: Range[];
}

export type DocumentKind = 'decree' | 'appointments';
/** Where the title was read: the printed header, a metadata field, the page's title, or (last) the file name. */
export type TitleSource = 'header' | 'metadata' | 'page-title' | 'file-name';

/** One document cut from an issue: its normalised text (layout lines rejoined below the header) and header. */
export interface SourceDocument {
  kind: DocumentKind;
  norm: NormText;
  header: HeaderSpans;
  /** Where the body starts in `norm` (after the header). */
  bodyStart: number;
  titleSource: TitleSource;
  /** The title when no text of the input holds one (the file name). */
  fallbackTitle?: string;
  /** What the reader had to guess, as problems (rule id + message), so an analyst can filter on them. */
  warnings: Problem[];
  /** The 版记 (抄送, 印发) cut off the end of `norm`. */
  imprint?: Imprint;
}

// A 发文字号 line, also in parentheses under the title (national database exports print every number so).
const NUMBER_LINE = /^([（(]?)([\u4e00-\u9fff]{1,16}〔\d{4}〕第?\d{1,5}号|[\u4e00-\u9fff]{1,16}令第?\d{1,5}号)(.*)$/;
// An order's serial on the line under 上海市人民政府令: （第19号） or 第19号, its digits set apart (第7 0 9号).
const ORDER_SERIAL_LINE = /^[（(]?第\d(?: ?\d){0,4}号[）)]?$/;
const DATE_ONLY = new RegExp(`^${DATE_PATTERN.source}$`);
const ISSUE_KIND_ONLY = /(?:令|公告|通告|决定|命令|通报|批复|函)$/;
const APPOINTMENT_LINE = /^(.{2,30}?)(?:任免人员|人事任免|任免名单|任免事项|任免职务)$/;

export interface Header {
  firstLine: number;
  lastLine: number;
  kind: DocumentKind;
  issuers: Range[];
  title: Range[];
  docNumber: Range | null;
  date: Range | null;
}

/** The 发文字号 at line k: its range, the text after it, and its first line (an order prints two), or null. */
function numberAt(lines: Line[], k: number): { range: Range; rest: string; firstLine: number } | null {
  const line = lines[k]!;
  const prev = lines[k - 1];
  if (ORDER_SERIAL_LINE.test(line.text) && prev && /令$/.test(prev.text) && headerLike(prev) && canonicalDocNumber(`${prev.text}${line.text}`)) {
    return { range: [prev.s, line.e], rest: '', firstLine: k - 1 };
  }
  const m = NUMBER_LINE.exec(line.text);
  if (!m || !canonicalDocNumber(m[2]!)) return null;
  const open = m[1]!;
  let rest = m[3]!;
  if (open) {
    if (!/^[）)]$/.test(rest)) return null; // （号）and nothing else on the line
    rest = '';
  }
  const s = line.s + open.length;
  return { range: [s, s + m[2]!.length], rest, firstLine: k };
}

/** Title lines ending at line `last` (inclusive): the one holding 关于 and those under it, or a rule's own title. */
function titleAbove(lines: Line[], last: number): { t: number; at: number } | null {
  for (let j = last; j >= Math.max(0, last - 3) && headerLike(lines[j]!, MAX_TITLE_LINE); j--) {
    const at = lines[j]!.text.indexOf('关于');
    if (at >= 0) return { t: j, at };
  }
  const l = lines[last];
  if (!l || !headerLike(l, MAX_TITLE_LINE)) return null;
  if (ISSUE_KIND_ONLY.test(l.text)) return { t: last, at: 0 };
  if (!TITLE_END.test(l.text) || l.text.length < 4) return null;
  // A rule titled by itself (…管理办法): one line, or two when the first does not name an organ.
  const up = lines[last - 1];
  const wrapped = up && headerLike(up, MAX_TITLE_LINE) && !ORGAN.test(up.text) && !TITLE_END.test(up.text) && up.text.length >= 10;
  return { t: wrapped ? last - 1 : last, at: 0 };
}

/** Header ending in a 发文字号 line at index k: issuer line(s) + title line(s) + number (+ date). */
function numberedHeader(lines: Line[], k: number): Header | null {
  const num = numberAt(lines, k);
  if (!num) return null;
  let date: Range | null = null;
  let lastLine = k;
  if (num.rest) {
    const d = findDate(num.rest);
    if (!d || d.index !== 0 || d.end !== num.rest.length) return null; // a number inside a sentence, not a header
    const at = num.range[1];
    date = [at + d.index, at + d.end];
  } else if (lines[k + 1] && DATE_ONLY.test(lines[k + 1]!.text) && findDate(lines[k + 1]!.text)) {
    date = [lines[k + 1]!.s, lines[k + 1]!.e];
    lastLine = k + 1;
  } else if (lines[k + 1] && noteDate(lines[k + 1]!)) {
    // 法释 and laws: （2015年6月23日…会议通过，自…起施行） under the number.
    date = noteDate(lines[k + 1]!);
    lastLine = k + 1;
  }
  if (num.firstLine < k) return orderHeader(lines, num.firstLine, k, num.range);
  const found = titleAbove(lines, num.firstLine - 1);
  // An order on a line of its own (国务院令第709号) over the sentence promulgating a text (《…》已经…通过，现予
  // 公布) heads that text, with or without a title above; a number alone in a body's list does not.
  if (!found) return orderAlone(lines, k, num.range) ? orderHeader(lines, k, k, num.range) : null;
  const { t, at } = found;
  const issuers: Range[] = [];
  const title: Range[] = [];
  const tl = lines[t]!;
  const before = tl.text.slice(0, at).trim();
  if (before) issuers.push([tl.s, tl.s + before.length]);
  for (let j = t; j < num.firstLine; j++) title.push([j === t ? tl.s + at : lines[j]!.s, lines[j]!.e]);
  let first = t;
  if (!issuers.length) {
    for (let j = t - 1; j >= Math.max(0, t - 3) && headerLike(lines[j]!) && ORGAN.test(lines[j]!.text); j--) {
      issuers.unshift([lines[j]!.s, lines[j]!.e]);
      first = j;
    }
  }
  // An order names its organ (广东省人民政府令第270号 under the rule's title).
  const nl = lines[k]!;
  const organ = issuers.length ? null : orderOrgan(nl.text.slice(num.range[0] - nl.s, num.range[1] - nl.s));
  if (organ) issuers.push(shift(organ, -num.range[0]));
  return { firstLine: first, lastLine, kind: 'decree', issuers, title, docNumber: num.range, date };
}

const PROMULGATES = /^.{0,120}?(?:现予|现|予以)(?:公布|发布)/;

function orderAlone(lines: Line[], k: number, number: Range): boolean {
  const l = lines[k]!;
  return number[0] === l.s && number[1] === l.e && !l.text.includes('〔') && PROMULGATES.test(lines[k + 1]?.text ?? '');
}

/**
 * Where the organ stands in an order number or its organ line (国务院 of 中华人民共和国国务院令第709号: the
 * state's name aside), or null for a year number.
 */
export function orderOrgan(number: string): Range | null {
  const organ = number.lastIndexOf('令');
  if (organ < 0 || number.includes('〔')) return null;
  const state = number.startsWith('中华人民共和国') && organ > 7 ? 7 : 0;
  return organ > state ? [state, organ] : null;
}

/**
 * An order printed as 上海市人民政府令 / （第19号） (lines `first`..`k`), or on one line: the organ issues it
 * (中华人民共和国 aside), and its title is the rule it promulgates (《…办法》已经…通过，现予公布) when the
 * first sentence names one; else the title is read elsewhere.
 */
function orderHeader(lines: Line[], first: number, k: number, docNumber: Range): Header {
  const order = lines[first]!;
  const next = lines[k + 1];
  const rule = next && /^《([^》]{2,80})》/.exec(next.text);
  const title: Range[] = rule ? [[next.s + 1, next.s + 1 + rule[1]!.length]] : [];
  const organ = orderOrgan(order.text);
  const issuers: Range[] = organ ? [shift(organ, -order.s)] : [];
  return { firstLine: first, lastLine: k, kind: 'decree', issuers, title, docNumber, date: null };
}

function appointmentHeader(lines: Line[], k: number): Header | null {
  const l = lines[k]!;
  const m = APPOINTMENT_LINE.exec(l.text);
  if (!m || !headerLike(l)) return null;
  return { firstLine: k, lastLine: k, kind: 'appointments', issuers: [[l.s, l.s + m[1]!.length]], title: [[l.s, l.e]], docNumber: null, date: null };
}

function shift(r: Range, by: number): Range {
  return [r[0] - by, r[1] - by];
}

/** Every document header in an issue's normalised text, in order, none overlapping. */
export function findHeaders(lines: Line[]): Header[] {
  const headers: Header[] = [];
  for (let k = 0; k < lines.length; k++) {
    const h = numberedHeader(lines, k) ?? appointmentHeader(lines, k);
    if (!h) continue;
    const prev = headers[headers.length - 1];
    if (prev && h.firstLine <= prev.lastLine) continue; // a number quoted right under another header
    headers.push(h);
    k = h.lastLine;
  }
  return headers;
}

/**
 * Cuts `norm` into one document per header: from its first line (or `from` for the first) to the next.
 * A header with lastLine -1 is an empty one: the document is body from its start.
 */
export function cutDocuments(norm: NormText, lines: Line[], headers: Header[], from?: number): SourceDocument[] {
  return headers.map((h, i) => {
    const start = i === 0 && from !== undefined ? from : lines[h.firstLine]?.s ?? 0;
    const headerEnd = h.lastLine >= 0 ? lines[h.lastLine]!.e : start;
    const next = headers[i + 1];
    const end = next ? lines[next.firstLine]!.s : norm.text.length;
    const head = slice(norm, start, headerEnd);
    // Signature lines (one body per line, the date under them) and the 版记 are never a paragraph broken by layout.
    const body = joinLayoutLines(slice(norm, headerEnd, end), (l) => organLine(l) || DATE_ONLY.test(l) || fieldLine(l));
    return {
      kind: h.kind,
      norm: concat(head, body),
      bodyStart: headerEnd - start,
      titleSource: 'header',
      warnings: [],
      header: {
        issuers: h.issuers.map((r) => shift(r, start)),
        title: h.title.map((r) => shift(r, start)),
        docNumber: h.docNumber && shift(h.docNumber, start),
        date: h.date && shift(h.date, start),
      },
    };
  });
}

/** Finds every document header in an issue's normalised text and cuts the issue into documents. */
export function splitIssue(norm: NormText): SourceDocument[] {
  const lines = linesOf(norm.text);
  return cutDocuments(norm, lines, findHeaders(lines));
}

export function concat(a: NormText, b: NormText): NormText {
  const map = new Int32Array(a.text.length + b.map.length);
  map.set(a.map.subarray(0, a.text.length));
  map.set(b.map, a.text.length);
  return { text: a.text + b.text, map };
}
