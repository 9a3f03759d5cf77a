import type { AgencyRecord, DocumentRecord, ExportFile, Rejected } from '../../graph/model.js';
import { SCHEMA_VERSION } from '../../graph/model.js';

/**
 * What the reports need of each document, kept while a run streams its documents: ids, titles, dates,
 * citations, assignments, deadlines and the text of amounts — not provenance, keywords or appointments.
 */
export class ReportInputs {
  private readonly docs: DocumentRecord[] = [];

  add(d: DocumentRecord): void {
    // Only the fields the report builders read; the rest is left empty to keep a large run small.
    const span = { start: 0, end: 0 };
    const assigned = new Set(d.assignments.map((a) => a.taskId));
    this.docs.push({
      ...d,
      source: { ...d.source, ...span },
      provenance: { docNumber: null, title: [], issuers: [], issuedDate: null },
      assignments: d.assignments.map((a) => ({ agency: '', agencyId: a.agencyId, role: a.role, task: a.task, taskId: a.taskId, text: '', ...span })),
      // Amounts matter to reports only under a task some agency is assigned to (the agencies report).
      amounts: d.amounts.filter((a) => a.taskId && assigned.has(a.taskId)).map((a) => ({ value: 0, unit: '', qualifier: null, taskId: a.taskId, text: a.text, ...span })),
      deadlines: d.deadlines.map((x) => ({ ...x, end: 0 })),
      appointments: [],
      keywords: [],
    });
  }

  export(agencies: AgencyRecord[], rejected: Rejected[]): ExportFile {
    return { schemaVersion: SCHEMA_VERSION, documents: this.docs, agencies, rejected };
  }
}
