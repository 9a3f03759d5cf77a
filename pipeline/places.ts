import type { Gazette } from '../corpus/read.js';
import { placeOf } from '../corpus/pdf/read.js';
import type { DocumentRecord, Place } from '../graph/model.js';

/**
 * PDF inputs: every fact of a document gets the page it is printed on and its box there, the document its
 * page range, and a warning about a page without text goes to the document that page falls in. `records`
 * may be one batch of the input's documents, in order: `first` says whether it starts the input, `next`
 * is where the document after it starts (Infinity after the last).
 */
export function addPlaces(gazette: Gazette, records: DocumentRecord[], batch = { first: true, next: Infinity }): void {
  const { places } = gazette;
  if (!places) return;
  for (const r of records) {
    const p = r.provenance;
    const facts: (Place | null)[] = [p.docNumber, p.issuedDate, ...p.title, ...p.issuers];
    facts.push(...r.citations, ...r.assignments, ...r.amounts, ...r.deadlines, ...r.appointments);
    if (r.imprint) facts.push(...r.imprint.copyTo, r.imprint.printedBy, r.imprint.printedDate);
    for (const f of facts) if (f) Object.assign(f, placeOf(places, f.start, f.end));
    r.source.pages = [placeOf(places, r.source.start, r.source.start).page, placeOf(places, Math.max(r.source.start, r.source.end - 1), r.source.end).page];
  }
  for (const w of gazette.warnings ?? []) {
    const at = places.pageStarts[(w.page ?? 1) - 1] ?? 0;
    // The last document starting before the page holds it; a page before any document, the first.
    const holder = records.filter((r) => r.source.start <= at).pop() ?? (batch.first ? records[0] : undefined);
    // The batch's last document holds it only if it starts before the next document.
    if (holder && (holder !== records.at(-1) || at < batch.next)) holder.warnings.push(w);
  }
}
