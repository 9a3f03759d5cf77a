import { DOCUMENT_PARTS, type DocumentRows, type Statement } from './statements.js';

/**
 * A batch of documents as one statement per part of a document's writes (delete replaced facts, upsert
 * the decree, issuers, citations, tasks, …), each `UNWIND $rows` over the batch's documents: a batch of
 * 100 documents is 10 statements (and the lock of its shared nodes), not 1,000, and the server plans 10 small
 * queries, not one large one.
 *
 * The parts are statements.ts's own, with their parameters read from the row instead: `$cites` becomes
 * `doc.cites`. So the Bolt load, the .cypher script and the per-document statement write the same graph,
 * and a part changed there is batched here unchanged. Part k of every document runs before part k + 1
 * of any, which keeps each document's own order (its facts are deleted before they are written again).
 */
interface BatchPart {
  cypher: string;
  /** The row fields (statement parameters) the part reads. */
  fields: (keyof DocumentRows)[];
}

const PARAM = /\$(\w+)/g;

const PARTS: BatchPart[] = DOCUMENT_PARTS.map((part) => ({
  cypher: `UNWIND $rows AS doc\nCALL (doc) {${part.replace(PARAM, 'doc.$1').replace(/\n/g, '\n  ')}\n}`,
  fields: [...new Set([...part.matchAll(PARAM)].map((m) => m[1] as keyof DocumentRows))],
}));

/** A document's rows with only the fields `part` reads, so each row is sent once, with the part that writes it. */
const pick = (r: DocumentRows, fields: (keyof DocumentRows)[]) => Object.fromEntries(fields.map((f) => [f, r[f]]));

/**
 * Takes the batch's shared nodes first, in one order every batch follows (label, then id): creates those
 * missing as the parts would (a decree cited or loaded is a stub until its part sets it) and locks each
 * (`REMOVE` of a property no node has takes the write lock and changes nothing). Two batches in flight
 * wrote the same laws, stubs and gazettes in their documents' orders and deadlocked: the server rolled
 * one back and the driver waited a second or more before retrying it; measured, 9 of 8 batches.
 */
const LOCK_SHARED = `CALL () { UNWIND $decrees AS id MERGE (n:Decree {id: id}) ON CREATE SET n.stub = true REMOVE n.__lock }
CALL () { UNWIND $gazettes AS path MERGE (n:Gazette {path: path}) REMOVE n.__lock }
CALL () { UNWIND $laws AS id MERGE (n:Law {id: id}) REMOVE n.__lock }
CALL () { UNWIND $persons AS p MERGE (n:Person {id: p.id}) ON CREATE SET n.name = p.name REMOVE n.__lock }
CALL () { UNWIND $planned AS id MERGE (n:Planned {id: id}) REMOVE n.__lock }`;

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

function lockShared(docs: DocumentRows[]): Statement {
  const cites = docs.flatMap((r) => r.cites);
  const persons = new Map(docs.flatMap((r) => r.appointments.map((a) => [a.personId, a.person] as const)));
  const agencies = docs.flatMap((r) => [
    ...r.issuers.map((i) => i.id),
    ...r.assignments.map((a) => a.agencyId),
    ...r.deadlines.flatMap((x) => x.recipients.map((a) => a.agencyId)),
    ...r.appointments.map((a) => a.agencyId),
  ]);
  return {
    cypher: LOCK_SHARED,
    params: {
      agencies: sorted(agencies),
      decrees: sorted([...docs.map((r) => r.id), ...cites.filter((c) => !c.planned && c.kind !== 'law').map((c) => c.targetId)]),
      gazettes: sorted(docs.flatMap((r) => r.sources.map((s) => s.path))),
      laws: sorted(cites.filter((c) => !c.planned && c.kind === 'law').map((c) => c.targetId)),
      persons: sorted(persons.keys()).map((id) => ({ id, name: persons.get(id) })),
      planned: sorted(cites.filter((c) => c.planned).map((c) => c.targetId)),
    },
  };
}

/**
 * The statements writing `docs`, in the order they must run, in one transaction: all of the batch or none.
 * A part whose list fields are all empty for a document (no citations, no tasks) gets no row for it.
 */
export function batchStatements(docs: DocumentRows[]): Statement[] {
  return [lockShared(docs), ...PARTS.map(({ cypher, fields }) => {
    const lists = fields.filter((f) => docs.some((r) => Array.isArray(r[f])));
    const rows = docs.filter((r) => lists.length === 0 || lists.some((f) => (r[f] as unknown[]).length > 0)).map((r) => pick(r, fields));
    return { cypher, params: { rows } };
  }).filter((s) => (s.params.rows as unknown[]).length > 0)];
}

/**
 * A title stub and a decree of that title loaded by two concurrent loads (shards of one corpus): whichever
 * commits second may not see the other's write, so the stub stays. Each load ends with this, for all title
 * stubs: the later of two loads sees both, and the stub becomes the decree as if they were loaded in one.
 */
export const ADOPT_TITLE_STUBS: Statement = {
  cypher: `MATCH (s:Decree {stub: true}) WHERE s.id STARTS WITH 'title:'
CALL (s) {
  MATCH (d:Decree {titleKey: s.titleKey}) WHERE d.stub = false RETURN d
  UNION
  MATCH (d:Decree {issuesKey: s.titleKey}) WHERE d.stub = false RETURN d
}
WITH s, d ORDER BY d.id
WITH s, head(collect(d)) AS d
// A decree's citation of its own title is not resolved to itself (extractors/resolve.ts): it stays a stub.
CALL (s, d) {
  MATCH (c)-[r:CITES]->(s) WHERE c <> d
  CREATE (c)-[r2:CITES]->(d) SET r2 = properties(r)
  DELETE r
}
CALL (s) {
  WITH s WHERE NOT ()-[:CITES]->(s)
  DETACH DELETE s
}`,
  params: {},
};
