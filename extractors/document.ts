import type { Gazette } from '../corpus/read.js';
import type { Range, SourceDocument } from '../corpus/split.js';
import { findDate } from '../corpus/dates.js';
import type { Imprint as SourceImprint } from '../corpus/header/imprint.js';
import { sourceSpan } from '../corpus/normalize.js';
import type { DocumentRecord, Imprint } from '../graph/model.js';
import { extractAmounts } from './amounts.js';
import { extractAppointments } from './appointments.js';
import { extractAssignments } from './assignments.js';
import { extractCitations } from './citations.js';
import { makeContext } from './context.js';
import { extractDeadlines } from './deadlines.js';
import { extractKeywords } from './keywords.js';
import { compact, documentMeta } from './metadata.js';

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
      // The 版记 is printed as part of the document, though not as its text.
      end: (doc.imprint?.norm ?? norm).map[(doc.imprint?.norm ?? norm).text.length]!,
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
    imprint: doc.imprint ? imprintOf(doc.imprint, gazette.source) : null,
    body: bodyOf(doc),
  };
}

function imprintOf(imprint: SourceImprint, source: string): Imprint {
  const span = (r: Range) => sourceSpan(imprint.norm, source, r[0], r[1]);
  const named = (r: Range) => ({ ...span(r), name: compact(imprint.norm.text.slice(r[0], r[1])) });
  const date = imprint.printedDate;
  return {
    copyTo: imprint.copyTo.map(named),
    printedBy: imprint.printedBy && named(imprint.printedBy),
    printedDate: date && { ...span(date), date: findDate(imprint.norm.text.slice(date[0], date[1]))?.iso ?? null },
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
