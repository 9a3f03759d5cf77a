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
