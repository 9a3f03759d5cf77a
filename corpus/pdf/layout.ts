/**
 * Reading order from glyph positions: text runs grouped into printed lines, lines ordered top to bottom,
 * and a two-column page read column by column (full-width lines such as a title or a page head cut the
 * page into bands, each band read left column first).
 */
import type { PdfPage, Run } from './load.js';

/** [x0, top, x1, bottom] in PDF points from the page's top-left corner. */
export type Box = [number, number, number, number];

export interface PdfLine {
  text: string;
  page: number;
  box: Box;
  size: number;
  /** The column the line stands in ([left, right] edges): a line that reaches `right` was wrapped. */
  col: [number, number];
  /** Each run's part of `text` and its box, for pointing at a place on the page. */
  parts: { start: number; end: number; box: Box }[];
}

const overlapV = (a: { top: number; bottom: number }, r: Run) => Math.min(a.bottom, r.bottom) - Math.max(a.top, r.top);

/** Groups runs into lines: a run belongs to a line when they overlap over half the smaller height. */
function groupLines(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => a.top - b.top || a.x0 - b.x0);
  const lines: { top: number; bottom: number; runs: Run[] }[] = [];
  for (const r of sorted) {
    const line = lines.slice(-3).find((l) => overlapV(l, r) > 0.5 * Math.min(l.bottom - l.top, r.size));
    if (line) {
      line.runs.push(r);
      line.top = Math.min(line.top, r.top);
      line.bottom = Math.max(line.bottom, r.bottom);
    } else lines.push({ top: r.top, bottom: r.bottom, runs: [r] });
  }
  return lines.map((l) => l.runs.sort((a, b) => a.x0 - b.x0));
}

function toLine(runs: Run[], page: number, col: [number, number]): PdfLine {
  let text = '';
  const parts: PdfLine['parts'] = [];
  let prev: Run | undefined;
  for (const r of runs) {
    // Fake bold draws the same text twice, a hair apart: keep one.
    if (prev && r.str === prev.str && Math.abs(r.x0 - prev.x0) < 0.3 * r.size) continue;
    // A visible gap between runs is a space (words in Latin text; CJK layout spaces go in normalisation).
    if (prev && r.x0 - prev.x1 > 0.25 * r.size && !/\s$/.test(text) && !/^\s/.test(r.str)) text += ' ';
    parts.push({ start: text.length, end: text.length + r.str.length, box: [r.x0, r.top, r.x1, r.bottom] });
    text += r.str;
    prev = r;
  }
  const box: Box = [runs[0]!.x0, Math.min(...runs.map((r) => r.top)), Math.max(...runs.map((r) => r.x1)), Math.max(...runs.map((r) => r.bottom))];
  const size = Math.max(...runs.map((r) => r.size));
  return { text, page, box, size, col, parts };
}

const width = (rs: Run[]) => rs.reduce((s, r) => s + r.x1 - r.x0, 0);

/** Length of the union of [top, bottom] intervals. */
function covered(runs: Run[]): number {
  const iv = runs.map((r) => [r.top, r.bottom] as const).sort((x, y) => x[0] - y[0]);
  let sum = 0;
  let end = -Infinity;
  for (const [t, b] of iv) {
    if (b > end) sum += b - Math.max(t, end);
    end = Math.max(end, b);
  }
  return sum;
}

/**
 * The x of a gutter between two columns, if the page has one: a vertical line in the middle of the page
 * that no text crosses over much of the page's height (full-width titles may cross it), with a good share
 * of the text on either side (rows clear of it), set as justified prose (most lines fill their column;
 * a table's cells do not).
 */
export function findGutter(page: PdfPage): number | null {
  const total = width(page.runs);
  if (!total) return null;
  const all = covered(page.runs);
  // A gutter is wider than a character and a half: a monospaced CJK grid drawn one run per character has a
  // narrow gap at the same x on every line, and so does an article number set apart by a tab.
  const sizes = page.runs.map((r) => r.size).sort((a, b) => a - b);
  const half = 0.75 * sizes[sizes.length >> 1]!;
  let best = -1;
  let from = -1;
  let to = -1;
  for (let x = Math.round(page.width * 0.3); x <= page.width * 0.7; x++) {
    const clear = all - covered(page.runs.filter((r) => r.x0 < x + half && r.x1 > x - half));
    if (clear > best + 0.5) [best, from, to] = [clear, x, x];
    else if (Math.abs(clear - best) <= 0.5 && to === x - 1) to = x;
  }
  if (best < 0.4 * all) return null;
  const x = (from + to) / 2;
  const { left, right } = splitAt(page.runs, x);
  const justified = (lines: Run[][]) => {
    if (lines.length < 3 || width(lines.flat()) < 0.2 * total) return false;
    const [, edge] = edges(lines.map(spanOf));
    return lines.filter((l) => spanOf(l)[1] >= edge - 2 * l[0]!.size).length >= 0.5 * lines.length;
  };
  return justified(left) && justified(right) ? x : null;
}

/**
 * Lines left and right of a gutter at x, and full-width lines: a run that reaches within half a character
 * of x makes its row full-width (a column's text stays further off; a full-width line may be cut right
 * at x into two runs).
 */
function splitAt(runs: Run[], x: number): { left: Run[][]; right: Run[][]; spanning: Run[][] } {
  const crossing = runs.filter((r) => r.x1 > x - 0.5 * r.size && r.x0 < x + 0.5 * r.size);
  const inRow = (r: Run) => crossing.some((c) => overlapV(c, r) > 0.5 * Math.min(c.size, r.size));
  const rest = runs.filter((r) => !inRow(r));
  return {
    left: groupLines(rest.filter((r) => r.x1 <= x + 1)),
    right: groupLines(rest.filter((r) => r.x0 >= x - 1)),
    spanning: groupLines(runs.filter(inRow)),
  };
}

/** A column's text edges from its lines' [x0, x1]: robust to indents and short last lines. */
function edges(spans: [number, number][]): [number, number] {
  const q = (xs: number[], p: number) => xs.sort((a, b) => a - b)[Math.floor(p * (xs.length - 1))]!;
  return [q(spans.map((s) => s[0]), 0.1), q(spans.map((s) => s[1]), 0.9)];
}

const spanOf = (rs: Run[]): [number, number] => [rs[0]!.x0, Math.max(...rs.map((r) => r.x1))];

/** The lines of one page in reading order. `col` of single-column lines is set by `layout` for the file. */
function pageLines(page: PdfPage): PdfLine[] {
  const gutter = findGutter(page);
  if (gutter === null) return groupLines(page.runs).map((rs) => toLine(rs, page.number, [NaN, NaN]));
  const { left, right, spanning } = splitAt(page.runs, gutter);
  const lc = edges(left.map(spanOf));
  const rc = edges(right.map(spanOf));
  // Full-width lines wrap at their own edges (a note set narrower than both columns), when there are enough.
  const sc = spanning.length >= 3 ? edges(spanning.map(spanOf)) : ([lc[0], rc[1]] as [number, number]);
  const out: PdfLine[] = [];
  // Bands between full-width lines: the left column's lines of a band, then the right column's.
  const cuts = spanning.map((rs) => rs[0]!.top);
  for (let b = 0; b <= spanning.length; b++) {
    const inBand = (rs: Run[]) => (b === 0 || rs[0]!.top >= cuts[b - 1]!) && (b === cuts.length || rs[0]!.top < cuts[b]!);
    out.push(...left.filter(inBand).map((rs) => toLine(rs, page.number, lc)));
    out.push(...right.filter(inBand).map((rs) => toLine(rs, page.number, rc)));
    if (b < spanning.length) out.push(toLine(spanning[b]!, page.number, sc));
  }
  return out;
}

/** Pages with this many single-column lines have edges of their own; fewer, and the file's are used. */
const OWN_EDGES = 8;

/**
 * Every page's lines in reading order. Single-column lines get their page's text edges as their column (a
 * file may join documents set with other margins), or the file's on a page with few lines.
 */
export function layout(pages: PdfPage[]): PdfLine[][] {
  const byPage = pages.map(pageLines);
  const singles = byPage.map((lines) => lines.filter((l) => Number.isNaN(l.col[0])));
  const all = singles.flat();
  if (!all.length) return byPage;
  const edgesOf = (ls: PdfLine[]) => edges(ls.map((l) => [l.box[0], l.box[2]]));
  const fileCol = edgesOf(all);
  for (const lines of singles) {
    const col = lines.length >= OWN_EDGES ? edgesOf(lines) : fileCol;
    for (const l of lines) l.col = col;
  }
  return byPage;
}
