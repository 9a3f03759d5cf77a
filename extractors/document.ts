import type { Gazette } from '../corpus/read.js';
import { sourceSpan } from '../corpus/normalize.js';
import type { Range, SourceDocument } from '../corpus/split.js';
import type { DocumentRecord } from '../graph/model.js';
import { documentMeta } from './metadata.js';

/** Every fact of one document, before cross-document resolution (citation targets, agency ids). */
export function extractDocument(gazette: Gazette, doc: SourceDocument): DocumentRecord {
  const meta = documentMeta(doc);
  const span = (r: Range) => sourceSpan(doc.norm, gazette.source, r[0], r[1]);
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
    citations: [],
    assignments: [],
    amounts: [],
    deadlines: [],
    appointments: [],
    keywords: [],
  };
}
