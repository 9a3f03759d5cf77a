import type { Driver } from 'neo4j-driver';
import { agencyName } from '../extractors/agencies.js';
import { SCHEMA_VERSION, type DocumentRecord, type ExportFile } from './model.js';

/**
 * Reads the graph back into the export's shape — the fields reports use — so reports from Neo4j and from
 * the out directory come from the same builders. `ids` limits it to some decrees (default: all non-stubs).
 */
const DOCS = `
MATCH (d:Decree) WHERE d.stub = false AND ($ids IS NULL OR d.id IN $ids)
RETURN d { .id, .docNumber, .prefix, .year, .serial, .title, .issuer, .docType, .issuesTitle, .sourcePath,
           .sourceStart, .sourceEnd, issuedDate: toString(d.issuedDate) } AS d,
  COLLECT { MATCH (d)-[c:CITES]->(t) RETURN c { .relation, .kind, .docNumber, .title, .text, .start, .end, .conflict,
            target: CASE WHEN t:Decree AND t.stub = false THEN t.id ELSE null END } ORDER BY c.start } AS citations,
  COLLECT { MATCH (d)-[:HAS_TASK]->(t:Task)<-[a:ASSIGNED]-(ag:Agency)
            RETURN a { .role, .task, .text, .start, .end, taskId: t.id, agencyId: ag.id } ORDER BY a.start, a.role } AS assignments,
  COLLECT { MATCH (d)-[:HAS_DEADLINE]->(x:Deadline) OPTIONAL MATCH (t:Task)-[:DUE]->(x)
            RETURN x { .kind, .date, .precision, .what, .every, .day, .weekday, .month, .monthOfQuarter, .durationValue,
                       .durationUnit, .text, .start, .end, dueDate: toString(x.dueDate), taskId: t.id,
                       recipients: COLLECT { MATCH (x)-[:REPORT_TO]->(a:Agency) RETURN a.id ORDER BY a.id } } ORDER BY x.start } AS deadlines,
  COLLECT { MATCH (d)-[:HAS_AMOUNT]->(x:Amount) OPTIONAL MATCH (t:Task)-[:INVOLVES]->(x)
            RETURN x { .value, .unit, .qualifier, .kind, .per, .text, .start, .end, taskId: t.id } ORDER BY x.start } AS amounts,
  COLLECT { MATCH (d)-[:APPOINTS]->(x:Appointment)-[:OF]->(p:Person), (x)-[:AT]->(ag:Agency)
            RETURN x { .action, .post, .text, .start, .end, date: toString(x.date), person: p.name, agencyId: ag.id } ORDER BY x.start, x.post } AS appointments,
  COLLECT { MATCH (d)-[:HAS_BODY]->(b:Body) RETURN b { .text, .lineStarts, .lineEnds } } AS body
ORDER BY d.id`;

const AGENCIES = `
MATCH (a:Agency) WHERE EXISTS { (a)-[:ASSIGNED|ISSUED_BY]-() } OR EXISTS { (:Appointment)-[:AT]->(a) } OR EXISTS { ()-[:ISSUED_BY]->(a) }
RETURN a { .id, .name, .kind, .aliases } AS a ORDER BY a.id`;

type Row = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const bodyOf = (b: Row | undefined): DocumentRecord['body'] =>
  b ? { text: b.text, lines: (b.lineStarts as number[]).map((s, i) => [s, b.lineEnds[i]] as [number, number]) } : { text: '', lines: [] };

export async function readBack(driver: Driver, database: string, ids: string[] | null = null): Promise<ExportFile> {
  const docs = await driver.executeQuery(DOCS, { ids }, { database });
  const documents: DocumentRecord[] = docs.records.map((rec) => {
    const d = rec.get('d') as Row;
    return {
      id: d.id,
      docNumber: d.docNumber,
      docNumberParts: d.prefix ? { prefix: d.prefix, year: d.year, serial: d.serial } : null,
      title: d.title,
      issuer: d.issuer,
      coIssuers: [],
      docType: d.docType,
      issuedDate: d.issuedDate,
      issuesTitle: d.issuesTitle,
      // Not stored in the graph: how the reader found the title is a fact of the export only.
      titleSource: 'header',
      warnings: [],
      source: { path: d.sourcePath, encoding: 'utf-8', format: 'text', start: d.sourceStart, end: d.sourceEnd },
      provenance: { docNumber: null, title: [], issuers: [], issuedDate: null },
      citations: (rec.get('citations') as Row[]).map((c) => ({ docNumber: c.docNumber, title: c.title, kind: c.kind, relation: c.relation, target: c.target, conflict: c.conflict, text: c.text, start: c.start, end: c.end })),
      assignments: (rec.get('assignments') as Row[]).map((a) => ({ agency: agencyName(a.agencyId), agencyId: a.agencyId, role: a.role, task: a.task, taskId: a.taskId, text: a.text, start: a.start, end: a.end })),
      deadlines: (rec.get('deadlines') as Row[]).map((x) => ({
        date: x.date,
        precision: x.precision,
        dueDate: x.dueDate,
        kind: x.kind,
        what: x.what,
        recipients: (x.recipients as string[]).map((id) => ({ agency: agencyName(id), agencyId: id })),
        recurrence: x.every ? Object.fromEntries(Object.entries({ every: x.every, monthOfQuarter: x.monthOfQuarter, month: x.month, weekday: x.weekday, day: x.day }).filter(([, v]) => v !== null)) : null,
        duration: x.durationValue !== null ? { value: x.durationValue, unit: x.durationUnit } : null,
        taskId: x.taskId,
        text: x.text,
        start: x.start,
        end: x.end,
      })),
      amounts: (rec.get('amounts') as Row[]).map((x) => ({ value: x.value, unit: x.unit, qualifier: x.qualifier, kind: x.kind, per: x.per ?? [], taskId: x.taskId, text: x.text, start: x.start, end: x.end })),
      appointments: (rec.get('appointments') as Row[]).map((h) => ({ person: h.person, action: h.action, post: h.post, agency: agencyName(h.agencyId), agencyId: h.agencyId, date: h.date, text: h.text, start: h.start, end: h.end })),
      keywords: [],
      body: bodyOf((rec.get('body') as Row[])[0]),
    } as DocumentRecord;
  });
  const ag = await driver.executeQuery(AGENCIES, {}, { database });
  const used = new Set(documents.flatMap((d) => [...d.assignments, ...d.appointments].map((x) => x.agencyId)));
  const agencies = ag.records.map((r) => r.get('a') as Row).filter((a) => ids === null || used.has(a.id)).map((a) => ({ id: a.id, name: a.name, kind: a.kind, aliases: [...(a.aliases ?? [])].sort() }));
  return { schemaVersion: SCHEMA_VERSION, documents, agencies, rejected: [] };
}
