import type { Gazette } from '../corpus/read.js';
import type { Range, SourceDocument } from '../corpus/split.js';
import type { DocumentRecord } from '../graph/model.js';
import { extractAmounts } from './amounts.js';
import { extractAppointments } from './appointments.js';
import { extractAssignments } from './assignments.js';
import { extractCitations } from './citations.js';
import { makeContext } from './context.js';
import { extractDeadlines } from './deadlines.js';
import { extractKeywords } from './keywords.js';
import { documentMeta } from './metadata.js';

export interface ExtractOptions {
  /** Segmentation (keywords) is the slowest stage; benchmarks measure extraction without it. */
  keywords?: boolean;
}

/** Every fact of one document, before cross-document resolution (citation targets, agency list). */
export function extractDocument(gazette: Gazette, doc: SourceDocument, opts: ExtractOptions = {}): DocumentRecord {
  const meta = documentMeta(doc);
  const ctx = makeContext(doc, meta, gazette.source);
  const span = (r: Range) => ctx.span(r[0], r[1]);
  const { norm } = doc;
  return {
    ...meta,
    source: {
      path: gazette.path,
      encoding: gazette.encoding,
      format: gazette.format,
      start: norm.map[0]!,
      end: norm.map[norm.text.length]!,
    },
    provenance: {
      docNumber: doc.header.docNumber && span(doc.header.docNumber),
      title: doc.header.title.map(span),
      issuers: doc.header.issuers.map(span),
      issuedDate: doc.header.date && span(doc.header.date),
    },
    citations: extractCitations(ctx),
    assignments: extractAssignments(ctx),
    amounts: extractAmounts(ctx),
    deadlines: extractDeadlines(ctx),
    appointments: extractAppointments(ctx),
    keywords: opts.keywords === false ? [] : extractKeywords(ctx),
    body: bodyOf(doc),
  };
}

/** The body's non-blank lines and where each stands in the source: search hits point back to the page. */
function bodyOf({ norm, bodyStart }: SourceDocument): DocumentRecord['body'] {
  const texts: string[] = [];
  const lines: [number, number][] = [];
  for (let s = bodyStart; s <= norm.text.length; ) {
    let e = norm.text.indexOf('\n', s);
    if (e < 0) e = norm.text.length;
    const line = norm.text.slice(s, e).trim();
    if (line) {
      const lead = norm.text.indexOf(line, s);
      texts.push(line);
      lines.push([norm.map[lead]!, norm.map[lead + line.length - 1]! + 1]);
    }
    s = e + 1;
  }
  return { text: texts.join('\n'), lines };
}
