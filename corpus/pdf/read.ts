/**
 * A PDF's text layer as source text, clean text for the splitter, and the places (page, box) that let a
 * report or a viewer point from any source offset back to the printed page.
 */
import type { NormText } from '../normalize.js';
import { reject, type Warning } from '../problems.js';
import { cleanText } from './clean.js';
import { layout, type Box } from './layout.js';
import { DEFAULT_LIMITS, loadPdf, type PdfLimits } from './load.js';

export interface PdfPlaces {
  /** pageStarts[n - 1] = source offset where page n starts. */
  pageStarts: number[];
  /** Each text run's source range and box, in source order. */
  runs: { start: number; end: number; page: number; box: Box }[];
}

export interface PdfText {
  source: string;
  clean: NormText;
  places: PdfPlaces;
  warnings: Warning[];
}

/** A .pdf name, or bytes that start as a PDF does (a text that quotes `%PDF-` further in stays text). */
export function isPdf(path: string, bytes: Uint8Array): boolean {
  return /\.pdf$/i.test(path) || Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
}

export async function readPdfText(bytes: Uint8Array, limits: PdfLimits = DEFAULT_LIMITS): Promise<PdfText> {
  const pages = await loadPdf(bytes, limits);
  const lines = layout(pages);
  const blank = pages.filter((p) => !p.runs.length && !p.aside).map((p) => p.number);
  if (blank.length === pages.length) {
    reject('pdf/no-text', `unexpected PDF without a text layer (${pages.length} page(s), scanned images?), expected text to read; run OCR first`);
  }
  const { source, lineStarts, clean } = cleanText(lines);
  const places: PdfPlaces = { pageStarts: [], runs: [] };
  let offset = 0;
  lines.forEach((pageLines) => {
    places.pageStarts.push(offset);
    for (const l of pageLines) {
      const at = lineStarts.get(l)!;
      for (const p of l.parts) places.runs.push({ start: at + p.start, end: at + p.end, page: l.page, box: p.box });
      offset = at + l.text.length + 1;
    }
    offset += 1; // the page's form feed
  });
  const warnings: Warning[] = blank.map((page) => ({
    rule: 'pdf/no-text',
    message: `unexpected page ${page} without a text layer (a scanned image?), expected text; its content is missing`,
    page,
  }));
  for (const p of pages.filter((p) => p.aside)) {
    warnings.push({
      rule: 'pdf/rotated-text',
      message: `unexpected ${p.aside} character(s) on page ${p.number} running in another direction than the page's text (a vertical label, a stamp, a margin note), expected one direction per page; left out`,
      page: p.number,
    });
  }
  return { source, clean, places, warnings };
}

/** Where [start, end) of the source is printed: the page of `start` and the box of its text on that page. */
export function placeOf(places: PdfPlaces, start: number, end: number): { page: number; box: Box | null } {
  let lo = 0;
  let hi = places.pageStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (places.pageStarts[mid]! <= start) lo = mid;
    else hi = mid - 1;
  }
  const page = lo + 1;
  let box: Box | null = null;
  const { runs } = places;
  let first = 0;
  for (let top = runs.length; first < top; ) {
    const mid = (first + top) >> 1;
    if (runs[mid]!.end <= start) first = mid + 1;
    else top = mid;
  }
  for (let i = first; i < runs.length; i++) {
    const r = runs[i]!;
    if (r.page !== page) continue;
    if (r.start >= Math.max(end, start + 1)) break;
    // Within a run, glyphs are taken as equally wide: close enough to frame a fact.
    const w = (r.box[2] - r.box[0]) / Math.max(1, r.end - r.start);
    const x0 = r.box[0] + w * Math.max(0, start - r.start);
    const x1 = r.box[0] + w * (Math.min(end, r.end) - r.start);
    const b: Box = [x0, r.box[1], Math.max(x0, x1), r.box[3]];
    box = box ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])] : b;
  }
  return { page, box: box && (box.map((v) => Math.round(v * 10) / 10) as Box) };
}
