import { createHash } from 'node:crypto';
import { titleKey } from '../extractors/resolve.js';
import { agencyId, canonicalAgency, placeOf } from '../extractors/agencies.js';
import type { AgencyRecord, DocumentRecord } from './model.js';

/**
 * The graph written for one document, as parameterised statements (never string-built values).
 * The Bolt loader runs them in one transaction per document; the .cypher export writes the same
 * statements with their parameters for cypher-shell. See docs/graph-model.md.
 */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/** Content hash of everything a document writes: an unchanged document is skipped, so re-loads change nothing. */
export function documentHash(d: DocumentRecord): string {
  return createHash('sha256').update(JSON.stringify(d)).digest('hex').slice(0, 32);
}

const stubIdFor = (c: { docNumber: string | null; title: string | null }) => c.docNumber ?? `title:${titleKey(c.title ?? '')}`;
const lawIdFor = (title: string) => `law:${title}`;
/** A person is known by name within the place whose government appointed them (no national identity here). */
export const personId = (name: string, place: string | null) => `person:${place ?? ''}:${name}`;

/** Removes what a document wrote before, keeping its node (edges from citers and its stub history stay). */
const DELETE_FACTS = `
MATCH (d:Decree {id: $id})
OPTIONAL MATCH (d)-[c:CITES]->()
DELETE c
WITH DISTINCT d
OPTIONAL MATCH (d)-[:HAS_TASK]->(t:Task)
DETACH DELETE t
WITH DISTINCT d
CALL (d) { MATCH (x:Deadline {decree: d.id}) DETACH DELETE x }
CALL (d) { MATCH (x:Amount {decree: d.id}) DETACH DELETE x }
CALL (d) { MATCH ()-[h:HOLDS {decree: d.id}]->() DELETE h }
CALL (d) { MATCH (d)-[r:ISSUED_BY]->() DELETE r }`;

const UPSERT_DECREE = `
MERGE (d:Decree {id: $decree.id})
SET d += $decree, d.stub = false, d.issuedDate = CASE WHEN $decree.issuedDate IS NULL THEN null ELSE date($decree.issuedDate) END
MERGE (g:Gazette {path: $gazette})
MERGE (g)-[:CONTAINS]->(d)
WITH d
// A stub made from a title-only citation becomes this decree: its citers now cite the real one. (A stub
// of a cited number becomes a decree only by that number: the MERGE above.)
OPTIONAL MATCH (s:Decree {stub: true}) WHERE s.id STARTS WITH 'title:' AND s.titleKey IN [d.titleKey, d.issuesKey]
CALL (s, d) {
  WITH s, d WHERE s IS NOT NULL
  CALL (s, d) {
    MATCH (c)-[r:CITES]->(s)
    CREATE (c)-[r2:CITES]->(d) SET r2 = properties(r)
    DELETE r
  }
  DETACH DELETE s
}`;

const ISSUER = `
MATCH (d:Decree {id: $id})
UNWIND $issuers AS i
MERGE (a:Agency {id: i.id}) ON CREATE SET a.name = i.name, a.aliases = []
MERGE (d)-[:ISSUED_BY]->(a)`;

const CITES = `
MATCH (d:Decree {id: $id})
UNWIND $cites AS row
CALL (row) {
  WITH row WHERE row.kind = 'law'
  MERGE (t:Law {id: row.targetId})
  // Whoever cites it first, a law or stub ends up with the number and title some citer gave.
  SET t.title = coalesce(t.title, row.title), t.docNumber = coalesce(t.docNumber, row.docNumber)
  RETURN t
  UNION
  WITH row WHERE row.kind <> 'law'
  MERGE (t:Decree {id: row.targetId})
    ON CREATE SET t.stub = true
  SET t.docNumber = coalesce(t.docNumber, row.docNumber)
  // A stub keeps the least title its citers give, whatever order they load in (concurrent loads).
  FOREACH (_ IN CASE WHEN row.title IS NOT NULL AND (t.title IS NULL OR t.stub AND row.title < t.title) THEN [1] ELSE [] END |
    SET t.title = row.title, t.titleKey = row.titleKey)
  RETURN t
}
CREATE (d)-[:CITES {relation: row.relation, kind: row.kind, docNumber: row.docNumber, title: row.title, text: row.text, start: row.start, end: row.end, conflict: row.conflict}]->(t)`;

const TASKS = `
MATCH (d:Decree {id: $id})
UNWIND $tasks AS row
CREATE (t:Task {id: row.id, heading: row.heading, decree: $id})
CREATE (d)-[:HAS_TASK]->(t)`;

const ASSIGNED = `
UNWIND $assignments AS row
MATCH (t:Task {id: row.taskId})
MERGE (a:Agency {id: row.agencyId}) ON CREATE SET a.name = row.agencyName, a.aliases = []
CREATE (a)-[:ASSIGNED {role: row.role, task: row.task, text: row.text, start: row.start, end: row.end, decree: $id}]->(t)`;

const DEADLINES = `
MATCH (d:Decree {id: $id})
UNWIND $deadlines AS row
OPTIONAL MATCH (t:Task {id: row.taskId})
CREATE (x:Deadline {id: row.id, decree: $id, date: row.date, precision: row.precision, every: row.every, day: row.day,
  weekday: row.weekday, month: row.month, monthOfQuarter: row.monthOfQuarter, durationValue: row.durationValue,
  durationUnit: row.durationUnit, text: row.text, start: row.start, end: row.end,
  dueDate: CASE WHEN row.precision = 'day' THEN date(row.date) ELSE null END})
// It hangs off its task, or off the decree when it stands outside any task.
WITH coalesce(t, d) AS owner, x
CREATE (owner)-[:HAS_DEADLINE]->(x)`;

const AMOUNTS = `
MATCH (d:Decree {id: $id})
UNWIND $amounts AS row
OPTIONAL MATCH (t:Task {id: row.taskId})
CREATE (x:Amount {id: row.id, decree: $id, value: row.value, unit: row.unit, qualifier: row.qualifier, text: row.text, start: row.start, end: row.end})
WITH coalesce(t, d) AS owner, x
CREATE (owner)-[:HAS_AMOUNT]->(x)`;

const HOLDS = `
UNWIND $holds AS row
MERGE (a:Agency {id: row.agencyId}) ON CREATE SET a.name = row.agencyName, a.aliases = []
MERGE (p:Person {id: row.personId}) ON CREATE SET p.name = row.person
CREATE (p)-[:HOLDS {action: row.action, post: row.post, date: CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END,
  decree: $id, text: row.text, start: row.start, end: row.end}]->(a)`;

/** Stubs and laws nobody cites any more (after a re-load replaced the citing facts). */
export const DROP_ORPHANS: Statement = {
  cypher: `MATCH (s) WHERE (s:Decree AND s.stub = true OR s:Law) AND NOT ()-[:CITES]->(s) DETACH DELETE s`,
  params: {},
};

export function agencyStatement(agencies: AgencyRecord[]): Statement {
  return {
    cypher: `UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
WITH a, row, reduce(acc = [], x IN coalesce(a.aliases, []) + row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS aliases
// Only write what changed, so re-loading the same export reports zero updates.
WITH a, row, aliases WHERE a.name IS NULL OR a.name <> row.name OR a.aliases <> aliases
SET a.name = row.name, a.aliases = aliases`,
    params: { rows: agencies },
  };
}

/** Everything one document writes, as rows: shared by the Bolt loader, the .cypher script and the neo4j-admin CSVs. */
export function documentRows(d: DocumentRecord) {
  const id = d.id;
  const decree = {
    id,
    docNumber: d.docNumber,
    prefix: d.docNumberParts?.prefix ?? null,
    year: d.docNumberParts?.year ?? null,
    serial: d.docNumberParts?.serial ?? null,
    title: d.title,
    titleKey: titleKey(d.title),
    issuesKey: d.issuesTitle ? titleKey(d.issuesTitle) : null,
    issuer: d.issuer,
    docType: d.docType,
    issuedDate: d.issuedDate,
    issuesTitle: d.issuesTitle,
    keywords: d.keywords.map((k) => k.word),
    sourcePath: d.source.path,
    sourceStart: d.source.start,
    sourceEnd: d.source.end,
    hash: documentHash(d),
  };
  const taskIds = new Set([...d.assignments.map((a) => a.taskId), ...d.deadlines.map((x) => x.taskId), ...d.amounts.map((x) => x.taskId)].filter((t): t is string => !!t));
  const headingOf = new Map(d.assignments.map((a) => [a.taskId, a.task]));
  const pick = <T extends { text: string; start: number; end: number }>(x: T) => ({ text: x.text, start: x.start, end: x.end });
  const place = placeOf(d.issuer)?.name ?? null;
  return {
    id,
    decree,
    gazette: d.source.path,
    issuers: [d.issuer, ...d.coIssuers].filter((x): x is string => !!x).map((name) => ({ id: agencyId(canonicalAgency(name, d.issuer)), name })),
    cites: d.citations.map((c) => ({
      targetId: c.kind === 'law' ? lawIdFor(c.title ?? c.docNumber ?? '') : c.target ?? stubIdFor(c),
      kind: c.kind,
      relation: c.relation,
      docNumber: c.docNumber,
      title: c.title,
      titleKey: c.title ? titleKey(c.title) : null,
      conflict: c.conflict,
      ...pick(c),
    })),
    tasks: [...taskIds].map((tid) => ({ id: tid, heading: headingOf.get(tid) ?? null })),
    assignments: d.assignments.map((a) => ({ taskId: a.taskId, agencyId: a.agencyId, agencyName: a.agencyId.slice('agency:'.length), role: a.role, task: a.task, ...pick(a) })),
    deadlines: d.deadlines.map((x) => ({
      id: `${id}#deadline@${x.start}`,
      taskId: x.taskId,
      date: x.date,
      precision: x.precision,
      every: x.recurrence?.every ?? null,
      day: x.recurrence?.day ?? null,
      weekday: x.recurrence?.weekday ?? null,
      month: x.recurrence?.month ?? null,
      monthOfQuarter: x.recurrence?.monthOfQuarter ?? null,
      durationValue: x.duration?.value ?? null,
      durationUnit: x.duration?.unit ?? null,
      ...pick(x),
    })),
    amounts: d.amounts.map((x) => ({ id: `${id}#amount@${x.start}`, taskId: x.taskId, value: x.value, unit: x.unit, qualifier: x.qualifier, ...pick(x) })),
    holds: d.appointments.map((p) => ({
      personId: personId(p.person, place),
      person: p.person,
      agencyId: p.agencyId,
      agencyName: p.agencyId.slice('agency:'.length),
      action: p.action,
      post: p.post,
      date: p.date,
      ...pick(p),
    })),
  };
}

export type DocumentRows = ReturnType<typeof documentRows>;

/**
 * One statement per document: its parts run in order as unit subqueries (each sees the writes before it),
 * so a document costs one round trip instead of nine. Run in one transaction: all of it or none.
 */
/** The parts of a document's writes, in order; the batched loader (batch.ts) runs each over many documents. */
export const DOCUMENT_PARTS = [DELETE_FACTS, UPSERT_DECREE, ISSUER, CITES, TASKS, ASSIGNED, DEADLINES, AMOUNTS, HOLDS];

const DOCUMENT = DOCUMENT_PARTS
  .map((part) => `CALL () {${part.replace(/\n/g, '\n  ')}\n}`)
  .join('\n');

export function rowsStatement({ id, decree, gazette, issuers, cites, tasks, assignments, deadlines, amounts, holds }: DocumentRows): Statement {
  return { cypher: DOCUMENT, params: { id, decree, gazette, issuers, cites, tasks, assignments, deadlines, amounts, holds } };
}
