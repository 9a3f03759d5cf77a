import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connect } from '../../graph/connection.js';
import { loadExport, unloadExport } from '../../graph/loader.js';
import type { ExportFile } from '../../graph/model.js';
import { exportFor, sampleVariant } from '../helpers.js';
import { cli } from '../pipeline/cliHelper.js';
import { DATABASE, testDriver } from '../neo4j/driver.js';
import { snapshot } from './snapshot.js';

// This file's own copy of the sample (汴 for 郑): its ids are its own, whatever else runs.
const full = exportFor('loader-test/汴-2018-04.txt', sampleVariant('汴'));
let driver: Driver;
const made: ExportFile[] = [];

beforeAll(async () => {
  driver = await testDriver();
});
afterAll(async () => {
  for (const e of made) await unloadExport(driver, DATABASE, e);
  await driver?.close();
});

const q = async (cypher: string, params: Record<string, unknown> = {}) => (await driver.executeQuery(cypher, params, { database: DATABASE })).records.map((r) => r.toObject());

describe('loading the sample into Neo4j', () => {
  it('is idempotent: the same export twice changes nothing the second time', async () => {
    made.push(full);
    const first = await loadExport(driver, DATABASE, full);
    expect(first.documents).toBe(18);
    expect(first.nodesCreated).toBeGreaterThan(500);
    const again = await loadExport(driver, DATABASE, full);
    expect(again).toEqual({ documents: 0, unchanged: 18, failed: [], nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0 });
  });

  it('re-loading a changed document replaces its facts: no stale edges', async () => {
    const before = await q(`MATCH (:Decree {id: '汴政文〔2018〕95号'})-[c:CITES]->(t) RETURN count(c) AS n`);
    // The same issue with one citation in 95号 reworded to text of the same length, so no other
    // document's offsets move.
    const cited = '汴政〔2018〕25 号';
    const reworded = '清洁取暖专项资金管理制度';
    expect(reworded.length).toBe(cited.length);
    const changed = exportFor('loader-test/汴-2018-04.txt', sampleVariant('汴').replace(`严格落实${cited}相关规定`, `严格落实${reworded}相关规定`));
    const c = await loadExport(driver, DATABASE, changed);
    expect(c.documents).toBe(1);
    expect(c.unchanged).toBe(17);
    const after = await q(`MATCH (:Decree {id: '汴政文〔2018〕95号'})-[c:CITES]->(t) RETURN count(c) AS n, collect(c.text) AS texts`);
    expect(after[0]!.n).toBe(before[0]!.n - 1);
    expect((after[0]!.texts as string[]).some((t) => t.startsWith('汴政〔2018〕25'))).toBe(false);
    expect(await snapshot(driver, changed.documents.map((d) => d.id))).toEqual(await snapshotOfFreshLoad(changed));
    await loadExport(driver, DATABASE, full);
  });

  it('a stub becomes the real decree in place when it arrives, keeping its citers', async () => {
    const city = '洛';
    const text = sampleVariant(city);
    // First the issue without 洛政〔2018〕25号: it is cited, so it is a stub.
    const start = text.indexOf('洛州市人民政府\n\n关于印发洛州市清洁取暖试点城市建设项目和资金管理的通知');
    const end = text.indexOf('洛州市人民政府\n\n关于加快农村公路建设');
    const partial = exportFor('stub-test/洛.txt', text.slice(0, start) + text.slice(end));
    made.push(partial);
    await loadExport(driver, DATABASE, partial);
    const stub = await q(`MATCH (s:Decree {id: '洛政〔2018〕25号'}) OPTIONAL MATCH (c)-[:CITES]->(s) RETURN s.stub AS stub, elementId(s) AS node, collect(DISTINCT c.id) AS citers`);
    expect(stub[0]).toMatchObject({ stub: true, citers: ['洛政文〔2018〕95号'] });
    // Then the whole issue.
    const whole = exportFor('stub-test/洛.txt', text);
    made.push(whole);
    await loadExport(driver, DATABASE, whole);
    const real = await q(`MATCH (s:Decree {id: '洛政〔2018〕25号'}) OPTIONAL MATCH (c)-[:CITES]->(s) RETURN s.stub AS stub, elementId(s) AS node, s.title AS title, collect(DISTINCT c.id) AS citers`);
    expect(real[0]).toMatchObject({ stub: false, node: stub[0]!.node, title: '洛州市人民政府关于印发洛州市清洁取暖试点城市建设项目和资金管理的通知' });
    expect(real[0]!.citers).toEqual(['洛政文〔2018〕95号']);
    expect(await q(`MATCH (s:Decree {id: '洛政〔2018〕25号'}) RETURN count(s) AS n`)).toEqual([{ n: 1 }]);
  });

  it('a stub of a cited number stays that number: another decree with its title does not take it over', async () => {
    const exp = exportFor('stub-title-test/许.txt', sampleVariant('许'));
    made.push(exp);
    await loadExport(driver, DATABASE, exp);
    const stub = '许发〔2017〕17号';
    const title = '中共许州市委关于加快国家中心城市建设的意见';
    const before = await q(`MATCH (s:Decree {id: $stub}) OPTIONAL MATCH (c)-[:CITES]->(s) RETURN s.stub AS stub, s.title AS title, collect(DISTINCT c.id) AS citers`, { stub });
    expect(before[0]).toMatchObject({ stub: true, title });
    // A decree of another number (another year's decree of the same name) arrives.
    const base = exp.documents[0]!;
    const twin = { ...base, id: '许发〔2019〕3号', docNumber: '许发〔2019〕3号', title, issuesTitle: null, citations: [], assignments: [], deadlines: [], amounts: [], appointments: [] };
    const other = { ...exp, documents: [twin] };
    made.push(other);
    await loadExport(driver, DATABASE, other);
    expect(await q(`MATCH (s:Decree {id: $stub}) OPTIONAL MATCH (c)-[:CITES]->(s) RETURN s.stub AS stub, s.title AS title, collect(DISTINCT c.id) AS citers`, { stub })).toEqual(before);
    expect(await q(`MATCH (:Decree {id: '许发〔2019〕3号'})<-[c:CITES]-() RETURN count(c) AS n`)).toEqual([{ n: 0 }]);
  });
});

/** What a fresh load of `exp` writes, loaded under other paths? No: unload, load fresh, snapshot. */
async function snapshotOfFreshLoad(exp: ExportFile): Promise<string[]> {
  await unloadExport(driver, DATABASE, exp);
  await loadExport(driver, DATABASE, exp);
  return snapshot(driver, exp.documents.map((d) => d.id));
}

describe('query --json', () => {
  it('prints dates as ISO strings, integers as numbers', async () => {
    const r = await cli(['query', "RETURN date('2018-04-30') AS due, 2018 AS year", '--json', '--neo4j', inject('neo4jUri')]);
    expect(JSON.parse(r.stdout)).toEqual([{ due: '2018-04-30', year: 2018 }]);
  });
});

describe('connection errors', () => {
  it('say where and how to get a server, and never print the password', async () => {
    const err = await connect({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', password: 's3cret-pw', database: 'neo4j' }).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1 .*npm run neo4j:start/);
    expect((err as Error).message).not.toContain('s3cret-pw');
  });
});
