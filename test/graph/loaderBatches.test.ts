import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchStatements } from '../../graph/batch.js';
import { loadExport, unloadExport } from '../../graph/loader.js';
import type { DocumentRecord, ExportFile } from '../../graph/model.js';
import { documentRows } from '../../graph/statements.js';
import { exportFor, sampleVariant } from '../helpers.js';
import { DATABASE, testDriver } from '../neo4j/driver.js';
import { snapshot } from './snapshot.js';

// Two issuers' copies of the sample (陈 and 蔡 for 郑), so batches mix documents of two governments.
const [chen, cai] = ['陈', '蔡'].map((c) => exportFor(`batch-test/${c}.txt`, sampleVariant(c))) as [ExportFile, ExportFile];
const both: ExportFile = { ...chen, documents: [...chen.documents, ...cai.documents], agencies: [...chen.agencies, ...cai.agencies] };
const ids = both.documents.map((d) => d.id);
let driver: Driver;

beforeAll(async () => {
  driver = await testDriver();
});
afterAll(async () => {
  await unloadExport(driver, DATABASE, both);
  await driver?.close();
});

const decreesIn = async (list: string[]) =>
  (await driver.executeQuery('MATCH (d:Decree) WHERE d.id IN $list AND d.stub = false RETURN d.id AS id ORDER BY id', { list }, { database: DATABASE })).records.map((r) => r.get('id') as string);

describe('batched statements', () => {
  it('one statement per part of a document, each over the rows of every document that has some', () => {
    const rows = chen.documents.map((d) => documentRows(d));
    const [, ...statements] = batchStatements(rows);
    for (const s of statements) expect(s.cypher).toMatch(/^UNWIND \$rows AS doc\nCALL \(doc\) \{/);
    // Nothing of a document's parameters is left for the driver to fill in but the rows.
    for (const s of statements) expect(s.cypher.slice('UNWIND $rows'.length)).not.toMatch(/\$\w/);
    const cites = statements.find((s) => /UNWIND doc\.cites AS row/.test(s.cypher))!;
    const citing = rows.filter((r) => r.cites.length > 0);
    expect(cites.params.rows).toEqual(citing.map((r) => ({ id: r.id, cites: r.cites })));
    expect(citing.length).toBeLessThan(rows.length);
  });
});

describe('shared nodes taken first', () => {
  it('every batch merges and locks the nodes its documents share, by label then id, before any part', () => {
    // Documents of two issuers, in two orders: the same keys in the same order (no lock taken in two orders).
    const rows = both.documents.map((d) => documentRows(d));
    const [lock] = batchStatements(rows);
    const [again] = batchStatements([...rows].reverse());
    expect(again!.params).toEqual(lock!.params);
    expect(lock!.cypher.match(/MERGE \(n:(\w+)/g)).toEqual(['MERGE (n:Decree', 'MERGE (n:Gazette', 'MERGE (n:Law', 'MERGE (n:Person', 'MERGE (n:Planned']);
    const p = lock!.params as Record<string, unknown[]>;
    for (const list of [p.decrees, p.gazettes, p.laws, p.planned]) expect(list).toEqual([...new Set(list)].sort());
    expect(p.decrees).toEqual(expect.arrayContaining(ids));
    expect(p.laws!.length).toBeGreaterThan(0);
    expect(p.gazettes).toHaveLength(2);
  });
});

describe('loading in batches', () => {
  it('writes the same graph whatever the batch size: one document per transaction or all in one', async () => {
    await loadExport(driver, DATABASE, both, { batchSize: 1 });
    const one = await snapshot(driver, ids);
    await unloadExport(driver, DATABASE, both);
    const c = await loadExport(driver, DATABASE, both, { batchSize: 1000 });
    expect(c).toMatchObject({ documents: ids.length, unchanged: 0, failed: [] });
    expect(await snapshot(driver, ids)).toEqual(one);
    expect(one.length).toBeGreaterThan(1000);
  });

  it('a document the server refuses is reported with its reason; the rest of its batch loads', async () => {
    await unloadExport(driver, DATABASE, both);
    // A property value Neo4j cannot store (a map), in one document of each issuer.
    const broken = (d: DocumentRecord) => ({ ...d, docType: { not: 'a property value' } as unknown as string });
    const bad = [chen.documents[3]!.id, cai.documents[7]!.id];
    const exp = { ...both, documents: both.documents.map((d) => (bad.includes(d.id) ? broken(d) : d)) };
    const c = await loadExport(driver, DATABASE, exp, { batchSize: 50 });
    expect(c.failed.map((f) => f.id)).toEqual(bad);
    for (const f of c.failed) expect(f.reason).toMatch(/[Pp]roperty values can only be of primitive types|Map/);
    expect(c.documents).toBe(ids.length - 2);
    expect(await decreesIn(ids)).toEqual(ids.filter((id) => !bad.includes(id)).sort());
    // Fixed, they load; the others are unchanged.
    expect(await loadExport(driver, DATABASE, both)).toMatchObject({ documents: 2, unchanged: ids.length - 2, failed: [] });
  });
});
