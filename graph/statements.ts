import { createHash } from 'node:crypto';
import { titleKey } from '../extractors/resolve.js';
import { agencyId, canonicalAgency, placeOf } from '../extractors/agencies.js';
import { isPlanned, type AgencyRecord, type DocumentRecord } from './model.js';
import * as P from './properties.js';
import { typedMap } from './properties.js';

/**
 * The graph written for one document, as parameterised statements (never string-built values).
 * The Bolt loader runs them in one transaction per document; the .cypher export writes the same
 * statements with their parameters for cypher-shell. See docs/graph-model.md.
 */
export interface Statement {
  cypher: string;
  params: Record<string, unknown>;
}

/**
 * One record of a decree in an input: a 发文字号 printed by two inputs (a gazette and its web page) has two,
 * of which the graph holds one (`chosen`, see pipeline/conflicts.ts); the decree keeps all as its sources.
 */
export interface SourceRow {
  path: string;
  start: number;
  end: number;
  format: DocumentRecord['source']['format'];
  chosen: boolean;
}

/** The document's own record as its only source: a 发文字号 no other input prints. */
export const ownSource = (d: DocumentRecord): SourceRow[] => [{ path: d.source.path, start: d.source.start, end: d.source.end, format: d.source.format, chosen: true }];

/**
 * Content hash of everything a document writes, its sources included (a second input printing it, or
 * one going away, changes it): an unchanged document is skipped, so re-loads change nothing.
 */
export function documentHash(d: DocumentRecord, sources: SourceRow[] = ownSource(d)): string {
  return createHash('sha256').update(JSON.stringify(d)).update(JSON.stringify(sources)).digest('hex').slice(0, 32);
}

const stubIdFor = (c: { docNumber: string | null; title: string | null }) => c.docNumber ?? `title:${titleKey(c.title ?? '')}`;
const lawIdFor = (title: string) => `law:${title}`;
/** A document still to be drafted is known only by its title: one node per title, whoever plans it. */
const plannedIdFor = (title: string) => `planned:${titleKey(title)}`;
/** Nodes that exist only because something cites them: dropped when nothing does any more. */
export const CITED_ONLY = 't:Law OR t:Planned OR t.stub = true';
/** A person is known by name within the place whose government appointed them (no national identity here). */
export const personId = (name: string, place: string | null) => `person:${place ?? ''}:${name}`;

/** Edges to the nodes a decree owns: replacing or unloading it deletes them with it. */
export const OWNS = 'HAS_TASK|HAS_DEADLINE|HAS_AMOUNT|APPOINTS|HAS_BODY';

/** Removes what a document wrote before, keeping its node (edges from citers and its stub history stay). */
const DELETE_FACTS = `
MATCH (d:Decree {id: $id})
OPTIONAL MATCH (d)-[c:CITES]->()
DELETE c
WITH DISTINCT d
CALL (d) { MATCH (d)-[:${OWNS}]->(x) DETACH DELETE x }
CALL (d) { MATCH (d)-[r:ISSUED_BY]->() DELETE r }
CALL (d) { MATCH (:Gazette)-[r:CONTAINS]->(d) DELETE r }`;

/** Every input printing the decree, one edge per record (see SourceRow). */
const SOURCES = `
MATCH (d:Decree {id: $id})
UNWIND $sources AS row
MERGE (g:Gazette {path: row.path})
CREATE (g)-[:CONTAINS ${typedMap(P.CONTAINS, 'row')}]->(d)`;

const UPSERT_DECREE = `
MERGE (d:Decree {id: $decree.id})
SET d += ${typedMap(P.DECREE, '$decree')}, d.stub = false
WITH d
// A stub made from a title-only citation becomes this decree: its citers now cite the real one. (A stub
// of a cited number becomes a decree only by that number: the MERGE above.)
// Found through the titleKey index: a scan of every title stub per decree grew with the graph.
OPTIONAL MATCH (s:Decree) USING INDEX s:Decree(titleKey)
  WHERE s.titleKey IN [d.titleKey, d.issuesKey] AND s.stub = true AND s.id STARTS WITH 'title:'
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
MERGE (a:Agency {id: i.id}) ON CREATE SET a.name = i.name
MERGE (d)-[:ISSUED_BY]->(a)`;

const BODY = `
MATCH (d:Decree {id: $id})
UNWIND $body AS row
CREATE (d)-[:HAS_BODY]->(:Body ${typedMap(P.BODY, 'row')})`;

const CITES = `
MATCH (d:Decree {id: $id})
UNWIND $cites AS row
CALL (row) {
  // A drafting intent (研究制订《…》) names a document that does not exist yet: not a stub of a cited one.
  WITH row WHERE row.planned
  MERGE (t:Planned {id: row.targetId})
  // The least title its planners give, whatever order they load in (as for stubs below).
  SET t.titleKey = row.titleKey, t.title = CASE WHEN t.title IS NULL OR row.title < t.title THEN row.title ELSE t.title END
  RETURN t
  UNION
  WITH row WHERE row.kind = 'law' AND NOT row.planned
  MERGE (t:Law {id: row.targetId})
  // Whoever cites it first, a law or stub ends up with the number and title some citer gave.
  SET t.title = coalesce(t.title, row.title), t.docNumber = coalesce(t.docNumber, row.docNumber)
  RETURN t
  UNION
  WITH row WHERE row.kind <> 'law' AND NOT row.planned
  MERGE (t:Decree {id: row.targetId})
    ON CREATE SET t.stub = true
  SET t.docNumber = coalesce(t.docNumber, row.docNumber)
  // A stub keeps the least title its citers give, whatever order they load in (concurrent loads).
  FOREACH (_ IN CASE WHEN row.title IS NOT NULL AND (t.title IS NULL OR t.stub AND row.title < t.title) THEN [1] ELSE [] END |
    SET t.title = row.title, t.titleKey = row.titleKey)
  RETURN t
}
CREATE (d)-[:CITES ${typedMap(P.CITES, 'row')}]->(t)`;

const TASKS = `
MATCH (d:Decree {id: $id})
UNWIND $tasks AS row
CREATE (d)-[:HAS_TASK]->(:Task ${typedMap(P.TASK, 'row')})`;

const ASSIGNED = `
UNWIND $assignments AS row
MATCH (t:Task {id: row.taskId})
MERGE (a:Agency {id: row.agencyId}) ON CREATE SET a.name = row.agencyName
CREATE (a)-[:ASSIGNED ${typedMap(P.ASSIGNED, 'row')}]->(t)`;

/**
 * Every deadline and amount hangs off its decree; one written inside a task is also linked to that task.
 * `then` works on each new node first (a deadline's recipients), while it is at hand: found again later
 * by a match, it cost a scan of the decree's deadlines per deadline.
 */
const taskFact = (rows: string, label: string, props: P.Properties, fromDecree: string, fromTask: string, then = '') => `
MATCH (d:Decree {id: $id})
UNWIND $${rows} AS row
CREATE (d)-[:${fromDecree}]->(x:${label} ${typedMap(props, 'row')})${then}
WITH row, x
MATCH (t:Task {id: row.taskId})
CREATE (t)-[:${fromTask}]->(x)`;
// A recurring report goes to its recipients, who are not its owners (每月20日前报送市发展改革委).
const DEADLINES = taskFact('deadlines', 'Deadline', P.DEADLINE, 'HAS_DEADLINE', 'DUE', `
WITH row, x
CALL (row, x) {
  UNWIND row.recipients AS r
  MERGE (a:Agency {id: r.agencyId}) ON CREATE SET a.name = r.agencyName
  CREATE (x)-[:REPORT_TO]->(a)
}`);
const AMOUNTS = taskFact('amounts', 'Amount', P.AMOUNT, 'HAS_AMOUNT', 'INVOLVES');

const APPOINTMENTS = `
MATCH (d:Decree {id: $id})
UNWIND $appointments AS row
MERGE (a:Agency {id: row.agencyId}) ON CREATE SET a.name = row.agencyName
MERGE (p:Person {id: row.personId}) ON CREATE SET p.name = row.person
CREATE (d)-[:APPOINTS]->(x:Appointment ${typedMap(P.APPOINTMENT, 'row')})
CREATE (x)-[:OF]->(p)
CREATE (x)-[:AT]->(a)`;

/**
 * Stubs, laws and planned documents nobody cites any more (after a re-load replaced the citing facts).
 * Read by label, not over every node. DELETE, not DETACH DELETE: a citation another load commits between
 * the check and the delete makes the delete fail (the loader runs it again) instead of vanishing with it.
 */
export const DROP_ORPHANS: Statement = {
  cypher: `CALL () {
  MATCH (t:Law) RETURN t
  UNION
  MATCH (t:Planned) RETURN t
  UNION
  MATCH (t:Decree) WHERE t.stub = true RETURN t
}
WITH t WHERE NOT (t)--()
DELETE t`,
  params: {},
};

export function agencyStatement(agencies: AgencyRecord[]): Statement {
  return {
    cypher: `UNWIND $rows AS row
MERGE (a:Agency {id: row.id})
WITH a, row, reduce(acc = [], x IN coalesce(a.aliases, []) + row.aliases | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS aliases
// Only write what changed, so re-loading the same export reports zero updates.
WITH a, row, aliases WHERE a.name IS NULL OR a.name <> row.name OR a.kind IS NULL OR a.kind <> row.kind OR coalesce(a.aliases, []) <> aliases
// No aliases is no property: neo4j-admin cannot write an empty list, and the three loads must agree.
SET a.name = row.name, a.kind = row.kind, a.aliases = CASE WHEN aliases = [] THEN null ELSE aliases END`,
    params: { rows: agencies },
  };
}

/**
 * One edge per agency, task and role: a task that names an agency twice (two blocks read as one section)
 * keeps the first. Reports use it too, so they list what the graph holds.
 */
export function uniqueAssignments(d: DocumentRecord) {
  const seen = new Set<string>();
  return d.assignments.filter((a) => {
    const key = `${a.agencyId}\u0000${a.taskId}\u0000${a.role}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

/**
 * Everything one document writes, as rows: shared by the Bolt loader, the .cypher script and the neo4j-admin
 * CSVs. `sources`: every record of its 发文字号 in the run, when more than one input prints it.
 */
export function documentRows(d: DocumentRecord, sources: SourceRow[] = ownSource(d)) {
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
    // No keywords is no property (neo4j-admin cannot write an empty list).
    keywords: d.keywords.length ? d.keywords.map((k) => k.word) : null,
    sourcePath: d.source.path,
    sourceStart: d.source.start,
    sourceEnd: d.source.end,
    hash: documentHash(d, sources),
  };
  const assignments = uniqueAssignments(d);
  const taskIds = new Set([...assignments.map((a) => a.taskId), ...d.deadlines.map((x) => x.taskId), ...d.amounts.map((x) => x.taskId)].filter((t): t is string => !!t));
  // The first assignment of a task carries its heading; later ones may stand under a 责任单位 line.
  const headingOf = new Map<string, string>();
  for (const a of assignments) if (!headingOf.has(a.taskId)) headingOf.set(a.taskId, a.task);
  const pick = <T extends { text: string; start: number; end: number }>(x: T) => ({ text: x.text, start: x.start, end: x.end });
  const place = placeOf(d.issuer)?.name ?? null;
  const lines = d.body.lines;
  return {
    id,
    decree,
    sources,
    issuers: [d.issuer, ...d.coIssuers].filter((x): x is string => !!x).map((name) => ({ id: agencyId(canonicalAgency(name, d.issuer)), name })),
    body: lines.length
      ? [{ id: `${id}#body`, text: d.body.text, start: lines[0]![0], end: lines.at(-1)![1], lineStarts: lines.map((l) => l[0]), lineEnds: lines.map((l) => l[1]) }]
      : [],
    cites: d.citations.map((c) => {
      const planned = isPlanned(c);
      return {
        targetId: planned ? plannedIdFor(c.title!) : c.kind === 'law' ? lawIdFor(c.title ?? c.docNumber ?? '') : c.target ?? stubIdFor(c),
        planned,
        kind: c.kind,
        relation: c.relation,
        docNumber: c.docNumber,
        title: c.title,
        titleKey: c.title ? titleKey(c.title) : null,
        conflict: c.conflict,
        ...pick(c),
      };
    }),
    tasks: [...taskIds].map((tid) => ({ id: tid, heading: headingOf.get(tid) ?? null })),
    assignments: assignments.map((a) => ({ taskId: a.taskId, agencyId: a.agencyId, agencyName: a.agencyId.slice('agency:'.length), role: a.role, task: a.task, ...pick(a) })),
    deadlines: d.deadlines.map((x) => ({
      id: `${id}#deadline@${x.start}`,
      taskId: x.taskId,
      date: x.date,
      kind: x.kind,
      precision: x.precision,
      dueDate: x.dueDate,
      what: x.what,
      recipients: x.recipients.map((r) => ({ agencyId: r.agencyId, agencyName: r.agencyId.slice('agency:'.length) })),
      every: x.recurrence?.every ?? null,
      day: x.recurrence?.day ?? null,
      weekday: x.recurrence?.weekday ?? null,
      month: x.recurrence?.month ?? null,
      monthOfQuarter: x.recurrence?.monthOfQuarter ?? null,
      durationValue: x.duration?.value ?? null,
      durationUnit: x.duration?.unit ?? null,
      ...pick(x),
    })),
    amounts: d.amounts.map((x) => ({
      id: `${id}#amount@${x.start}`,
      taskId: x.taskId,
      value: x.value,
      unit: x.unit,
      qualifier: x.qualifier,
      kind: x.kind,
      per: x.per.length ? x.per : null,
      ...pick(x),
    })),
    appointments: d.appointments.map((p, i) => ({
      // Two posts of one person share a line (and its offset): the list position tells them apart.
      id: `${id}#appointment@${p.start}/${i}`,
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
 * so a document costs one round trip instead of eleven. Run in one transaction: all of it or none.
 */
/** The parts of a document's writes, in order; the batched loader (batch.ts) runs each over many documents. */
export const DOCUMENT_PARTS = [DELETE_FACTS, UPSERT_DECREE, SOURCES, ISSUER, BODY, CITES, TASKS, ASSIGNED, DEADLINES, AMOUNTS, APPOINTMENTS];

const DOCUMENT = DOCUMENT_PARTS
  .map((part) => `CALL () {${part.replace(/\n/g, '\n  ')}\n}`)
  .join('\n');

export function rowsStatement({ id, decree, sources, issuers, body, cites, tasks, assignments, deadlines, amounts, appointments }: DocumentRows): Statement {
  return { cypher: DOCUMENT, params: { id, decree, sources, issuers, body, cites, tasks, assignments, deadlines, amounts, appointments } };
}
