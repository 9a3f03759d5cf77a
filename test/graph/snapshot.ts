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
 * tasks and appointments (agencies, persons, deadlines), and the gazette that contains it.
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
       MATCH (g:Gazette)-[:CONTAINS]->(d) RETURN [${typed('g')}] AS line
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
