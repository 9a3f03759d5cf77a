/**
 * Normalisation for extraction. Every output character remembers the decoded-source offset it came from,
 * so any span found in normalised text maps back to the source (eyecite's Document: raw + clean + map).
 *
 * Two passes, applied in this order by the pipeline:
 *  1. `normalizeChars` — per character, line structure kept: CR/CRLF → LF, full-width digits and Latin
 *     letters → ASCII, ASCII punctuation inside CJK text → full-width, document-number brackets → 〔〕,
 *     layout spaces next to CJK removed (`2018 年 4 月`, `25 号`). The splitter reads this.
 *  2. `joinLayoutLines` — per document: a paragraph broken by page layout (`开发\n\n区管委会`) is rejoined.
 */
export interface NormText {
  text: string;
  /** map[i] = offset in the decoded source of text[i]; map[text.length] = source offset just past the end. */
  map: Int32Array;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

/** Maps [s, e) of normalised text back to the decoded source, returning the source's own text. */
export function sourceSpan(norm: NormText, source: string, s: number, e: number): Span {
  const start = norm.map[s]!;
  const end = e > s ? norm.map[e - 1]! + 1 : start;
  return { start, end, text: source.slice(start, end) };
}

/** A view of part of a normalised text, offsets still into the same source. */
export function slice(norm: NormText, s: number, e: number): NormText {
  const map = new Int32Array(e - s + 1);
  map.set(norm.map.subarray(s, e));
  map[e - s] = e > s ? norm.map[e - 1]! + 1 : norm.map[s]!;
  return { text: norm.text.slice(s, e), map };
}

const isWide = (c: number) => c > 0x2e7f; // CJK ideographs, CJK punctuation, full-width forms
const isSpace = (c: number) => c === 0x20 || c === 0xa0 || c === 0x3000 || c === 0x2002 || c === 0x2003 || c === 0x200b || c === 0xfeff;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** ASCII punctuation that becomes full-width when it touches CJK text. */
const TO_WIDE: Record<string, string> = { '(': '（', ')': '）', ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' };

export function normalizeChars(source: string, base?: Int32Array): NormText {
  const n = source.length;
  const out: string[] = [];
  const map: number[] = [];
  const at = (i: number) => (base ? base[i]! : i);
  for (let i = 0; i < n; i++) {
    let c = source.charCodeAt(i);
    if (c === 0x0d) {
      if (source.charCodeAt(i + 1) === 0x0a) continue; // the LF that follows carries the line end
      out.push('\n'); map.push(at(i));
      continue;
    }
    if (isSpace(c)) {
      // Drop a run of layout spaces that touches CJK text (or a line edge); keep one between ASCII words.
      let j = i;
      while (j + 1 < n && isSpace(source.charCodeAt(j + 1))) j++;
      const prev = out.length ? out[out.length - 1]!.charCodeAt(0) : 0x0a;
      const next = j + 1 < n ? source.charCodeAt(j + 1) : 0x0a;
      if (!(prev === 0x0a || next === 0x0a || next === 0x0d || next === 0x09 || prev === 0x09 || isWide(prev) || isWide(next))) {
        out.push(' '); map.push(at(i));
      }
      i = j;
      continue;
    }
    if (c >= 0xff01 && c <= 0xff5e) {
      // Full-width digits, Latin letters and a few symbols → ASCII; Chinese punctuation stays full-width.
      const a = c - 0xfee0;
      if ((a >= 0x30 && a <= 0x39) || (a >= 0x41 && a <= 0x5a) || (a >= 0x61 && a <= 0x7a) || a === 0x25 || a === 0x2e || a === 0x2f || a === 0x2b || a === 0x2d) c = a;
    }
    let ch = String.fromCharCode(c);
    const wide = TO_WIDE[ch];
    if (wide) {
      const prev = out.length ? out[out.length - 1]!.charCodeAt(0) : 0;
      let k = i + 1;
      while (k < n && isSpace(source.charCodeAt(k))) k++;
      const next = source.charCodeAt(k);
      // Only punctuation touching CJK text is Chinese punctuation typed in ASCII; `1:20万`, `1,000` and
      // `calc'!A0` keep theirs.
      if ((isWide(prev) || isWide(next)) && !((ch === ':' || ch === ',') && isDigit(prev) && isDigit(next))) ch = wide;
    }
    out.push(ch); map.push(at(i));
  }
  map.push(base ? (n > 0 ? base[n - 1]! + 1 : base[0] ?? 0) : n);
  return canonicalBrackets({ text: out.join(''), map: Int32Array.from(map) });
}

// A year between brackets of any kind followed by a serial and 号 is a document number: 〔〕 is canonical.
const YEAR_BRACKETS = /[\[［﹝【〔（(]\s*(\d{4})\s*[\]］﹞】〕）)](?=\s*第?\s*\d+\s*号)/g;

function canonicalBrackets(norm: NormText): NormText {
  // Same length in and out, so the map is unchanged.
  return { text: norm.text.replace(YEAR_BRACKETS, (_m, y: string) => `〔${y}〕`), map: norm.map };
}

/** A line that opens a numbered item or a heading; a layout break never comes right before one. */
export const ITEM_START = /^(?:[一二三四五六七八九十百]+、|[（(][一二三四五六七八九十百\d]+[）)]|\d+[.．、]|第[一二三四五六七八九十百零〇\d]+[条章节部分]|附件|附表|专栏|-|[•·●]|(?:牵头|主要责任|相关责任|责任|配合|协办)单位|关于)/;
const SENTENCE_END = /[。；！？：…]$|[）)]$/;
const HEADING_WORD = /(?:意见|通知|方案|办法|规定|细则|政策|规划|决定|纲要|名单|目录|报告|公告|通告|批复|清单|计划)$/;

export function isHeading(line: string): boolean {
  if (line.includes('\t')) return true; // table rows keep their lines
  // A numbered heading has no sentence punctuation inside; a numbered sentence that wraps does.
  if (ITEM_START.test(line) && !/[，。；：、]/.test(line)) return true;
  return line.length <= 40 && HEADING_WORD.test(line) && !/[，。；]/.test(line);
}

/**
 * Rejoins paragraphs that page layout broke: a line of body text that does not end a sentence, followed
 * by a line that does not open a new item. Short lines (signatures, issuer lines, headings) never join.
 */
export function joinLayoutLines(norm: NormText, isHeader: (line: string) => boolean = () => false): NormText {
  const { text } = norm;
  const keep = new Uint8Array(text.length).fill(1);
  const lines: { s: number; e: number }[] = [];
  for (let s = 0; s <= text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    if (e > s) lines.push({ s, e });
    s = e + 1;
  }
  for (let k = 0; k + 1 < lines.length; k++) {
    const a = lines[k]!;
    const b = lines[k + 1]!;
    const line = text.slice(a.s, a.e);
    const next = text.slice(b.s, b.e);
    if (line.length < 12 || SENTENCE_END.test(line) || isHeading(line) || isHeader(line)) continue;
    if (ITEM_START.test(next) || next.includes('\t') || isHeader(next)) continue;
    for (let i = a.e; i < b.s; i++) keep[i] = 0;
  }
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (keep[i]) { out.push(text[i]!); map.push(norm.map[i]!); }
  }
  map.push(norm.map[text.length]!);
  return { text: out.join(''), map: Int32Array.from(map) };
}
