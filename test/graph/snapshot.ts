import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { DATABASE } from '../neo4j/driver.js';

/** Properties with their stored Cypher type (`valueType`), so 2018 as INTEGER and as FLOAT differ. */
const typed = (v: string) => `[k IN keys(${v}) | [k, valueType(${v}[k]), ${v}[k]]]`;

/** [[key, type, value]] → one sorted line: `key: TYPE value`. */
const line = (props: unknown): string =>
  (props as [string, string, unknown][])
    .map(([k, t, v]) => `${k}: ${t} ${JSON.stringify(v)}`)
    .sort()
    .join(', ');

/**
 * Everything the given decrees hold in the graph, property types included, as sorted lines: two loads
 * compare equal iff they wrote the same typed graph. Reaches what a decree owns, one step further from its
 * tasks and appointments (agencies, persons, deadlines), and every input that contains it (its sources).
 */
export async function snapshot(driver: Driver, ids: string[], database = DATABASE): Promise<string[]> {
  const res = await driver.executeQuery(
    `MATCH (d:Decree) WHERE d.id IN $ids
     CALL (d) {
       MATCH (d)-[r]->(x) RETURN [type(r), ${typed('r')}, labels(x), ${typed('x')}] AS line
       UNION ALL
       MATCH (d)-[:HAS_TASK|APPOINTS]->(t)-[r]-(x) WHERE x <> d
       RETURN [t.id, type(r), startNode(r) = t, ${typed('r')}, labels(x), ${typed('x')}] AS line
       UNION ALL
       MATCH (g:Gazette)-[c:CONTAINS]->(d) RETURN [type(c), ${typed('c')}, ${typed('g')}] AS line
     }
     RETURN d.id AS id, ${typed('d')} AS decree, collect(line) AS lines`,
    { ids },
    { database },
  );
  return res.records
    .flatMap((r) => {
      const id = r.get('id') as string;
      const lines = (r.get('lines') as unknown[][]).map((l) => `${id} ${JSON.stringify(l.map((x) => (Array.isArray(x) && Array.isArray(x[0]) ? line(x) : x)))}`);
      return [`${id} ${line(r.get('decree'))}`, ...lines];
    })
    .sort();
}

/** JSON with object keys sorted, so equal maps give equal lines. */
const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** The whole graph in brief: nodes per label, relationships per type, and a checksum of every property. */
export async function fingerprint(driver: Driver): Promise<{ labels: Record<string, number>; types: Record<string, number>; checksum: string }> {
  const q = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database: DATABASE })).records.map((r) => r.toObject());
  const key = 'coalesce(n.id, n.path, elementId(n))';
  const nodes = await q(`MATCH (n) RETURN labels(n) AS labels, properties(n) AS props`);
  const rels = await q(`MATCH (n)-[r]->(m) RETURN type(r) AS type, ${key} AS from, ${key.replace(/n\b/g, 'm')} AS to, properties(r) AS props`);
  const labels: Record<string, number> = {};
  const types: Record<string, number> = {};
  for (const n of nodes) for (const l of n.labels as string[]) labels[l] = (labels[l] ?? 0) + 1;
  for (const r of rels) types[r.type as string] = (types[r.type as string] ?? 0) + 1;
  const lines = [...nodes, ...rels].map(stable).sort();
  return { labels, types, checksum: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
