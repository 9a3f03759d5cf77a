import { createHash } from 'node:crypto';
import type { Driver } from 'neo4j-driver';
import { DATABASE } from '../neo4j/driver.js';

const stable = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** Everything the given decrees hold in the graph, as sorted lines: two loads compare equal iff they wrote the same graph. */
export async function snapshot(driver: Driver, ids: string[]): Promise<string[]> {
  const res = await driver.executeQuery(
    `MATCH (d:Decree) WHERE d.id IN $ids
     CALL (d) {
       MATCH (d)-[r]->(x) RETURN [type(r), properties(r), labels(x), properties(x)] AS line
       UNION ALL
       MATCH (d)-[:HAS_TASK]->(t)-[r]->(x) RETURN [t.id, type(r), properties(r), labels(x), properties(x)] AS line
       UNION ALL
       MATCH (d)-[:HAS_TASK]->(t)<-[r:ASSIGNED]-(a) RETURN [t.id, type(r), properties(r), properties(a)] AS line
       UNION ALL
       MATCH (p:Person)-[h:HOLDS {decree: d.id}]->(a) RETURN [properties(p), properties(h), properties(a)] AS line
       UNION ALL
       MATCH (g:Gazette)-[:CONTAINS]->(d) RETURN [properties(g)] AS line
     }
     RETURN properties(d) AS decree, collect(line) AS lines`,
    { ids },
    { database: DATABASE },
  );
  return res.records.flatMap((r) => [stable(r.get('decree')), ...(r.get('lines') as unknown[]).map((l) => `${r.get('decree').id} ${stable(l)}`)]).sort();
}

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
