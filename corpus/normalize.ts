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

/** Characters that normalisation may change; everything else is copied in runs. */
const SPECIAL = /[\r \u00a0\u3000\u2002\u2003\u200b\ufeff\uff05\uff0b\uff0d-\uff0f\uff10-\uff19\uff21-\uff3a\uff41-\uff5a(),;:?!]/g;

/** Builds normalised text in runs: a slice of the source is copied with its offsets, one call per run. */
class Builder {
  private readonly parts: string[] = [];
  readonly map: Int32Array;
  len = 0;
  constructor(capacity: number, private readonly base?: Int32Array) {
    this.map = new Int32Array(capacity + 1);
  }
  copy(source: string, s: number, e: number): void {
    if (e <= s) return;
    this.parts.push(source.slice(s, e));
    if (this.base) this.map.set(this.base.subarray(s, e), this.len);
    else for (let i = s, j = this.len; i < e; i++, j++) this.map[j] = i;
    this.len += e - s;
  }
  put(ch: string, at: number): void {
    this.parts.push(ch);
    this.map[this.len++] = this.base ? this.base[at]! : at;
  }
  lastCode(): number {
    const p = this.parts[this.parts.length - 1];
    return p ? p.charCodeAt(p.length - 1) : 0x0a;
  }
  finish(end: number): NormText {
    this.map[this.len] = end;
    return { text: this.parts.join(''), map: this.map.slice(0, this.len + 1) };
  }
}

export function normalizeChars(source: string, base?: Int32Array): NormText {
  const n = source.length;
  const b = new Builder(n, base);
  let from = 0;
  SPECIAL.lastIndex = 0;
  for (let m = SPECIAL.exec(source); m; m = SPECIAL.exec(source)) {
    const i = m.index;
    if (i < from) continue;
    b.copy(source, from, i);
    let c = source.charCodeAt(i);
    from = i + 1;
    if (c === 0x0d) {
      if (source.charCodeAt(i + 1) !== 0x0a) b.put('\n', i); // a CRLF's LF carries the line end
      continue;
    }
    if (isSpace(c)) {
      // Drop a run of layout spaces that touches CJK text (or a line edge); keep one between ASCII words.
      let j = i;
      while (j + 1 < n && isSpace(source.charCodeAt(j + 1))) j++;
      const prev = b.lastCode();
      const next = j + 1 < n ? source.charCodeAt(j + 1) : 0x0a;
      if (!(prev === 0x0a || next === 0x0a || next === 0x0d || next === 0x09 || prev === 0x09 || isWide(prev) || isWide(next))) b.put(' ', i);
      from = j + 1;
      SPECIAL.lastIndex = from;
      continue;
    }
    // Full-width digits, Latin letters and a few symbols → ASCII; Chinese punctuation stays full-width.
    if (c >= 0xff01 && c <= 0xff5e) c -= 0xfee0;
    let ch = String.fromCharCode(c);
    const wide = TO_WIDE[ch];
    if (wide && c === source.charCodeAt(i)) {
      const prev = b.lastCode();
      let k = i + 1;
      while (k < n && isSpace(source.charCodeAt(k))) k++;
      const next = source.charCodeAt(k);
      // Only punctuation touching CJK text is Chinese punctuation typed in ASCII; `1:20万`, `1,000` and
      // `calc'!A0` keep theirs.
      if ((isWide(prev) || isWide(next)) && !((ch === ':' || ch === ',') && isDigit(prev) && isDigit(next))) ch = wide;
    }
    b.put(ch, i);
  }
  b.copy(source, from, n);
  return canonicalBrackets(b.finish(base ? (n > 0 ? base[n - 1]! + 1 : base[0] ?? 0) : n));
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
  // A short one may list with 、 (（九）推进主城区、城乡结合部和县城既有建筑节能改造).
  if (ITEM_START.test(line) && !/[，。；：]/.test(line) && (line.length <= 40 || !line.includes('、'))) return true;
  return line.length <= 40 && HEADING_WORD.test(line) && !/[，。；]/.test(line);
}

/**
 * Rejoins paragraphs that page layout broke: a line of body text that does not end a sentence, followed
 * by a line that does not open a new item. Short lines (signatures, issuer lines, headings) never join.
 */
export function joinLayoutLines(norm: NormText, isHeader: (line: string) => boolean = () => false): NormText {
  const { text } = norm;
  const cuts: [number, number][] = [];
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
    cuts.push([a.e, b.s]);
  }
  const out = new Builder(text.length, norm.map);
  let from = 0;
  for (const [s, e] of cuts) {
    out.copy(text, from, s);
    from = e;
  }
  out.copy(text, from, text.length);
  return out.finish(norm.map[text.length]!);
}
