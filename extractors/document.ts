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
  };
}
