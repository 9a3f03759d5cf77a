import { decode, type Encoding } from './decode.js';
import { looksLikeHtml, readHtml, type TextView } from './html.js';
import { normalizeChars, slice, type NormText } from './normalize.js';
import { isPdf, readPdfText, type PdfPlaces, type Warning } from './pdf/read.js';
import { reject } from './problems.js';
import { concat, splitIssue, type HeaderSpans, type Range, type SourceDocument } from './split.js';

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
  const documents = splitIssue(normalizeChars(pdf.clean.text, pdf.clean.map));
  if (!documents.length) noHeader();
  return { path, encoding: 'pdf', format: 'pdf', source: pdf.source, documents, places: pdf.places, warnings: pdf.warnings };
}

export function readGazette(path: string, bytes: Uint8Array): Gazette {
  const { text, encoding } = decode(bytes);
  if (/\.html?$/i.test(path) || looksLikeHtml(text)) {
    return { path, encoding, format: 'html', source: text, documents: htmlDocuments(text) };
  }
  const documents = splitIssue(normalizeChars(text));
  if (!documents.length) noHeader();
  return { path, encoding, format: 'text', source: text, documents };
}

function noHeader(): never {
  reject('split/no-header', 'unexpected text without a document header, expected issuer + title (关于…) + 发文字号 such as 郑政〔2018〕19号, or a 任免 list');
}

function trimmed(norm: NormText): NormText {
  const s = norm.text.length - norm.text.trimStart().length;
  const e = norm.text.trimEnd().length;
  return slice(norm, s, Math.max(s, e));
}

const normOf = (v: TextView) => trimmed(normalizeChars(v.text, Int32Array.from([...v.map, (v.map[v.map.length - 1] ?? 0) + 1])));

/** A disclosure page is one document: its metadata table gives the header, the article the body. */
function htmlDocuments(html: string): SourceDocument[] {
  const page = readHtml(html);
  const body = normOf(page.body);
  if (!page.meta.docNumber && !page.meta.title) {
    // No metadata table: the header is printed in the article itself, as in a text gazette.
    const docs = splitIssue(body);
    if (!docs.length) noHeader();
    return docs;
  }
  let norm: NormText = { text: '', map: new Int32Array([body.map[0] ?? 0]) };
  const header: HeaderSpans = { issuers: [], title: [], docNumber: null, date: null };
  for (const key of ['title', 'issuer', 'docNumber', 'date'] as const) {
    const view = page.meta[key];
    if (!view) continue;
    const part = normOf(view);
    const range: Range = [norm.text.length, norm.text.length + part.text.length];
    norm = concat(concat(norm, part), { text: '\n', map: new Int32Array([part.map[part.text.length]! - 1, part.map[part.text.length]!]) });
    if (key === 'title') header.title.push(range);
    else if (key === 'issuer') header.issuers.push(range);
    else header[key] = range;
  }
  const bodyStart = norm.text.length;
  return [{ kind: 'decree', norm: concat(norm, body), header, bodyStart }];
}
