import type { AgencyRecord, DocumentRecord, ExportFile, Rejected } from '../../graph/model.js';
import { SCHEMA_VERSION } from '../../graph/model.js';

/**
 * What the reports need of each document, kept while a run streams its documents: ids, titles, dates,
 * citations, assignments, deadlines and the text of amounts — not provenance, keywords or appointments.
 */
export class ReportInputs {
  private readonly docs: DocumentRecord[] = [];
  // A task's id and heading, an agency's id: shared by many facts, but a separate copy in each parsed one.
  private readonly strings = new Map<string, string>();
  private intern(s: string): string;
  private intern(s: string | null): string | null;
  private intern(s: string | null): string | null {
    if (s === null) return null;
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  }

  add(d: DocumentRecord): void {
    // Only the fields the report builders read; the rest is left empty to keep a large run small.
    const span = { start: 0, end: 0 };
    const assigned = new Set(d.assignments.map((a) => a.taskId));
    this.docs.push({
      ...d,
      source: { ...d.source, ...span },
      provenance: { docNumber: null, title: [], issuers: [], issuedDate: null },
      assignments: d.assignments.map((a) => ({ agency: '', agencyId: this.intern(a.agencyId), role: a.role, task: this.intern(a.task), taskId: this.intern(a.taskId), text: '', ...span })),
      // Amounts matter to reports only under a task some agency is assigned to (the agencies report).
      amounts: d.amounts.filter((a) => a.taskId && assigned.has(a.taskId)).map((a) => ({ value: 0, unit: '', qualifier: null, taskId: this.intern(a.taskId), text: a.text, ...span })),
      deadlines: d.deadlines.map((x) => ({ ...x, taskId: this.intern(x.taskId), end: 0 })),
      appointments: [],
      keywords: [],
    });
  }

  export(agencies: AgencyRecord[], rejected: Rejected[]): ExportFile {
    return { schemaVersion: SCHEMA_VERSION, documents: this.docs, agencies, rejected };
  }
}
