import { DATE_PATTERN, findDate } from './dates.js';
import { canonicalDocNumber } from './docNumber.js';
import { ITEM_START, joinLayoutLines, slice, type NormText } from './normalize.js';

/** [start, end) in a document's normalised text. */
export type Range = [number, number];

export interface HeaderSpans {
  /** One range per issuing body (joint documents list several). */
  issuers: Range[];
  /** The title may wrap over several lines: one range per piece, in order. */
  title: Range[];
  docNumber: Range | null;
  date: Range | null;
}

export type DocumentKind = 'decree' | 'appointments';

/** One document cut from an issue: its normalised text (layout lines rejoined below the header) and header. */
export interface SourceDocument {
  kind: DocumentKind;
  norm: NormText;
  header: HeaderSpans;
  /** Where the body starts in `norm` (after the header). */
  bodyStart: number;
}

interface Line {
  s: number;
  e: number;
  text: string;
}

const NUMBER_LINE = /^([\u4e00-\u9fff]{1,16}〔\d{4}〕第?\d{1,5}号|[\u4e00-\u9fff]{1,12}令第?\d{1,5}号)(.*)$/;
const DATE_ONLY = new RegExp(`^${DATE_PATTERN.source}$`);
const ORGAN = /(?:人民政府|政府|办公厅|办公室|委员会|管委会|党委|总局|局|厅|部|委|院|署|会|中心|银行|小组)$/;
const ISSUE_KIND_ONLY = /(?:令|公告|通告|决定|命令|通报|批复|函)$/;
const APPOINTMENT_LINE = /^(.{2,30}?)(?:任免人员|人事任免|任免名单|任免事项|任免职务)$/;
const MAX_HEADER_LINE = 80;

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) lines.push({ s: s + lead, e: s + lead + t.length, text: t });
    s = e + 1;
  }
  return lines;
}

/** A line that may belong to a header block: short, no sentence punctuation, not a numbered item. */
function headerLike(l: Line): boolean {
  return l.text.length <= MAX_HEADER_LINE && !/[。；，：\t]/.test(l.text) && (!ITEM_START.test(l.text) || l.text.startsWith('关于'));
}

interface Header {
  firstLine: number;
  lastLine: number;
  kind: DocumentKind;
  issuers: Range[];
  title: Range[];
  docNumber: Range | null;
  date: Range | null;
}

/** Header ending in a 发文字号 line at index k: issuer line(s) + title line(s) + number (+ date). */
function numberedHeader(lines: Line[], k: number): Header | null {
  const line = lines[k]!;
  const m = NUMBER_LINE.exec(line.text);
  if (!m || !canonicalDocNumber(m[1]!)) return null;
  const rest = m[2]!;
  let date: Range | null = null;
  let lastLine = k;
  if (rest) {
    const d = findDate(rest);
    if (!d || d.index !== 0 || d.end !== rest.length) return null; // a number inside a sentence, not a header
    date = [line.s + m[1]!.length + d.index, line.s + m[1]!.length + d.end];
  } else if (lines[k + 1] && DATE_ONLY.test(lines[k + 1]!.text) && findDate(lines[k + 1]!.text)) {
    date = [lines[k + 1]!.s, lines[k + 1]!.e];
    lastLine = k + 1;
  }
  const docNumber: Range = [line.s, line.s + m[1]!.length];

  // Title: lines above the number, up to the one that holds 关于; issuers above that.
  let t = -1;
  for (let j = k - 1; j >= Math.max(0, k - 4) && headerLike(lines[j]!); j--) {
    if (lines[j]!.text.includes('关于')) { t = j; break; }
  }
  const issuers: Range[] = [];
  const title: Range[] = [];
  if (t >= 0) {
    const tl = lines[t]!;
    const at = tl.text.indexOf('关于');
    const before = tl.text.slice(0, at).trim();
    if (before) issuers.push([tl.s, tl.s + before.length]);
    for (let j = t; j < k; j++) title.push([j === t ? tl.s + at : lines[j]!.s, lines[j]!.e]);
  } else if (k > 0 && headerLike(lines[k - 1]!) && ISSUE_KIND_ONLY.test(lines[k - 1]!.text)) {
    t = k - 1;
    title.push([lines[t]!.s, lines[t]!.e]);
  } else {
    return null;
  }
  let first = t;
  if (!issuers.length) {
    for (let j = t - 1; j >= Math.max(0, t - 3) && headerLike(lines[j]!) && ORGAN.test(lines[j]!.text); j--) {
      issuers.unshift([lines[j]!.s, lines[j]!.e]);
      first = j;
    }
  }
  return { firstLine: first, lastLine, kind: 'decree', issuers, title, docNumber, date };
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

/** Finds every document header in an issue's normalised text and cuts the issue into documents. */
export function splitIssue(norm: NormText): SourceDocument[] {
  const lines = linesOf(norm.text);
  const headers: Header[] = [];
  for (let k = 0; k < lines.length; k++) {
    const h = numberedHeader(lines, k) ?? appointmentHeader(lines, k);
    if (!h) continue;
    const prev = headers[headers.length - 1];
    if (prev && h.firstLine <= prev.lastLine) continue; // a number quoted right under another header
    headers.push(h);
    k = h.lastLine;
  }
  return headers.map((h, i) => {
    const start = lines[h.firstLine]!.s;
    const headerEnd = lines[h.lastLine]!.e;
    const next = headers[i + 1];
    const end = next ? lines[next.firstLine]!.s : norm.text.length;
    const head = slice(norm, start, headerEnd);
    const body = joinLayoutLines(slice(norm, headerEnd, end));
    return {
      kind: h.kind,
      norm: concat(head, body),
      bodyStart: headerEnd - start,
      header: {
        issuers: h.issuers.map((r) => shift(r, start)),
        title: h.title.map((r) => shift(r, start)),
        docNumber: h.docNumber && shift(h.docNumber, start),
        date: h.date && shift(h.date, start),
      },
    };
  });
}

export function concat(a: NormText, b: NormText): NormText {
  const map = new Int32Array(a.text.length + b.map.length);
  map.set(a.map.subarray(0, a.text.length));
  map.set(b.map, a.text.length);
  return { text: a.text + b.text, map };
}
