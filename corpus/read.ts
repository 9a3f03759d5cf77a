import { decode, type Encoding } from './decode.js';
import { finishDocument, type Hints } from './header/hints.js';
import { withImprint } from './header/imprint.js';
import { linesOf, type Line } from './header/lines.js';
import { looksLikeMarkdown, readMarkdownHead } from './header/markdown.js';
import { topHeader } from './header/top.js';
import { looksLikeHtml, readHtml, type TextView } from './html.js';
import { normalizeChars, slice, type NormText } from './normalize.js';
import { isPdf, readPdfText, type PdfPlaces } from './pdf/read.js';
import { reject, type Warning } from './problems.js';
import { cutDocuments, findHeaders, type Header, type SourceDocument } from './split.js';

/** One input file, decoded and cut into documents. */
export interface Gazette {
  path: string;
  /** `pdf`: the source is the PDF's text layer, not a decoding of the file's bytes. */
  encoding: Encoding | 'pdf';
  format: 'text' | 'html' | 'pdf';
  /** The decoded source text: every offset in the pipeline indexes this string. */
  source: string;
  documents: SourceDocument[];
  /** PDF inputs: the page and box of any source offset. */
  places?: PdfPlaces;
  /** Problems that did not stop the input (pages without text). */
  warnings?: Warning[];
}

/** Any input: PDFs are read asynchronously (pdfjs), text and HTML as `readGazette` does. */
export async function readInput(path: string, bytes: Uint8Array): Promise<Gazette> {
  if (!isPdf(path, bytes)) return readGazette(path, bytes);
  const pdf = await readPdfText(bytes);
  // The same path as a text gazette, from text already cleaned of page layout.
  const documents = documentsOf(normalizeChars(pdf.clean.text, pdf.clean.map), {}, path, false);
  return { path, encoding: 'pdf', format: 'pdf', source: pdf.source, documents, places: pdf.places, warnings: pdf.warnings };
}

export function readGazette(path: string, bytes: Uint8Array): Gazette {
  const { text, encoding } = decode(bytes);
  if (/\.html?$/i.test(path) || looksLikeHtml(text)) {
    return { path, encoding, format: 'html', source: text, documents: htmlDocuments(text, path) };
  }
  return { path, encoding, format: 'text', source: text, documents: textDocuments(text, path) };
}

/**
 * The documents of a decoded text (plain text, Markdown, or the text layer of a PDF): cut at every printed
 * header; a Markdown export, or a text with no header, is one document.
 */
export function textDocuments(text: string, path: string): SourceDocument[] {
  const norm = normalizeChars(text);
  if (!/\.md$/i.test(path) && !looksLikeMarkdown(norm.text)) return documentsOf(norm, {}, path, false);
  const head = readMarkdownHead(norm);
  return documentsOf(slice(norm, head.bodyStart, norm.text.length), head.hints, path, true);
}

// A table of contents line: a title, dots or spaces, a page number.
const TOC_LINE = /(?:[…．.·]{2,}|\s{2,})\s*\d{1,4}$/;
const SENTENCE = /[。；！？]/;
/** A document printed without a number starts within these lines or not at all. */
const TOP_LINES = 8;

/** A document that prints no header: all of it is body. */
const noHeader = (): Header => ({ firstLine: 0, lastLine: -1, kind: 'decree', issuers: [], title: [], docNumber: null, date: null });

function notADocument(lines: Line[]): void {
  if (lines.length && lines.filter((l) => TOC_LINE.test(l.text)).length * 2 >= lines.length) {
    reject('split/toc', 'unexpected table of contents (title …… page lines), expected document text');
  }
  if (!lines.some((l) => SENTENCE.test(l.text))) {
    reject('split/no-text', 'unexpected text without a sentence (no 。；！？), expected a document: a header and its body');
  }
}

/**
 * `single`: the input is one document (a page or an export with its own metadata) even if its text quotes
 * other headers; otherwise every printed header starts a document.
 */
function documentsOf(body: NormText, hints: Hints, path: string, single: boolean): SourceDocument[] {
  const lines = linesOf(body.text);
  const headers = findHeaders(lines);
  if (!single && headers.length > 1) return cutDocuments(body, lines, headers).map((d) => finishDocument(withImprint(d), hints, path));
  if (!headers.length && !hints.title) notADocument(lines);
  const first = headers[0];
  const h = first && (first.firstLine < TOP_LINES || !single) ? first : topHeader(lines) ?? noHeader();
  return [finishDocument(withImprint(cutDocuments(body, lines, [h], 0)[0]!), hints, path)];
}

function trimmed(norm: NormText): NormText {
  const s = norm.text.length - norm.text.trimStart().length;
  const e = norm.text.trimEnd().length;
  return slice(norm, s, Math.max(s, e));
}

const normOf = (v: TextView) => trimmed(normalizeChars(v.text, Int32Array.from([...v.map, (v.map[v.map.length - 1] ?? 0) + 1])));

/** A disclosure page is one document: its metadata fields and headline give the header, the article the body. */
function htmlDocuments(html: string, path: string): SourceDocument[] {
  const page = readHtml(html);
  const { meta } = page;
  const body = normOf(page.body);
  const hints: Hints = {};
  const title = meta.title ?? page.title;
  if (title) hints.title = { text: normOf(title), source: meta.title ? 'metadata' : 'page-title', wins: Boolean(meta.title) };
  if (meta.docNumber !== undefined) hints.docNumber = meta.docNumber && normOf(meta.docNumber);
  for (const key of ['date', 'published', 'issuer', 'publisher'] as const) {
    const v = meta[key];
    if (v) hints[key] = normOf(v);
  }
  const fields = meta.title !== undefined || meta.docNumber !== undefined;
  return documentsOf(body, hints, path, fields);
}
