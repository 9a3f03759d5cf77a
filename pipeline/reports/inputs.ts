import type { AgencyRecord, DocumentRecord, ExportFile, Rejected } from '../../graph/model.js';
import { SCHEMA_VERSION } from '../../graph/model.js';

/**
 * What the reports need of each document, kept while a run streams its documents: ids, titles, dates,
 * citations, assignments, deadlines and the text of amounts — not provenance, keywords or appointments.
 */
export class ReportInputs {
  private readonly docs: DocumentRecord[] = [];

  add(d: DocumentRecord): void {
    this.docs.push({
      ...d,
      source: { ...d.source, start: 0, end: 0 },
      provenance: { docNumber: null, title: [], issuers: [], issuedDate: null },
      assignments: d.assignments.map((a) => ({ ...a, text: '', start: 0, end: 0 })),
      amounts: d.amounts.map((a) => ({ ...a, start: 0, end: 0 })),
      appointments: [],
      keywords: [],
    });
  }

  export(agencies: AgencyRecord[], rejected: Rejected[]): ExportFile {
    return { schemaVersion: SCHEMA_VERSION, documents: this.docs, agencies, rejected };
  }
}
