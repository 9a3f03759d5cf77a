import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unloadExport } from '../../graph/loader.js';
import type { Driver } from 'neo4j-driver';
import type { DocumentRecord, ExportFile } from '../../graph/model.js';
import { chooseRecords, type Head } from '../../pipeline/conflicts.js';
import { decreePath } from '../../pipeline/reports/site/html.js';
import { ISSUERS, pageOf, textGazette } from '../fixtures/gazettes.js';
import { DATABASE, testDriver } from '../neo4j/driver.js';
import { cli } from './cliHelper.js';
import { inject } from 'vitest';

const tmp = () => mkdtempSync(join(tmpdir(), 'dg-conflict-'));

/** Every order of `xs`. */
const orders = <T>(xs: T[]): T[][] => (xs.length <= 1 ? [xs] : xs.flatMap((x, i) => orders([...xs.slice(0, i), ...xs.slice(i + 1)]).map((r) => [x, ...r])));

describe('one 发文字号 from several records: the kept one is chosen by the records, never by their order', () => {
  const record = (id: string, path: string, format: 'text' | 'html', date: string | null, start = 0): Head => ({ id, path, start, end: start + 100, format, date });
  it.each(ISSUERS.map((h) => [h.number]))('%s: a gazette text over a web page, then the later date, then the path', (id) => {
    const heads = [
      record(id, 'web/page.html', 'html', '2020-03-01'),
      record(id, 'gazette/b.txt', 'text', '2020-01-08'),
      record(id, 'gazette/a.txt', 'text', '2020-01-08'),
      record(id, 'gazette/corrected.txt', 'text', '2020-02-01'),
    ];
    for (const order of orders(heads)) {
      const { conflicts } = chooseRecords(order);
      expect(conflicts).toEqual([
        { id, kept: { path: 'gazette/corrected.txt', start: 0 }, others: [{ path: 'gazette/a.txt', start: 0 }, { path: 'gazette/b.txt', start: 0 }, { path: 'web/page.html', start: 0 }] },
      ]);
    }
  });

  it.each(ISSUERS.map((h) => [h.number]))('%s: the decree keeps every record as a source, the chosen first, the same for any order', (id) => {
    const heads = [record(id, 'web/page.html', 'html', '2020-03-01', 40), record(id, 'gazette/a.txt', 'text', '2020-01-08', 7)];
    const doc = { id, source: { path: 'web/page.html', start: 40, end: 140, format: 'html' } } as DocumentRecord;
    for (const order of orders(heads)) {
      expect(chooseRecords(order).sourcesOf(doc)).toEqual([
        { path: 'gazette/a.txt', start: 7, end: 107, format: 'text', chosen: true },
        { path: 'web/page.html', start: 40, end: 140, format: 'html', chosen: false },
      ]);
    }
    // A number printed once: its own record only.
    expect(chooseRecords([heads[0]!]).sourcesOf(doc)).toEqual([{ path: 'web/page.html', start: 40, end: 140, format: 'html', chosen: true }]);
  });

  it('records of distinct ids are no conflict; two in one file are told apart by position', () => {
    const [a, b] = ISSUERS;
    const { conflicts } = chooseRecords([record(a!.number, 'x.txt', 'text', null, 500), record(b!.number, 'x.txt', 'text', null), record(a!.number, 'x.txt', 'text', null, 10)]);
    expect(conflicts).toEqual([{ id: a!.number, kept: { path: 'x.txt', start: 10 }, others: [{ path: 'x.txt', start: 500 }] }]);
  });
});

/** The inputs holding a decree in Neo4j: path, format, chosen; the graph's record first. */
const sourcesIn = async (driver: Driver, id: string) =>
  (await driver.executeQuery('MATCH (g:Gazette)-[c:CONTAINS]->(:Decree {id: $id}) RETURN g.path AS path, c.format AS format, c.chosen AS chosen ORDER BY chosen DESC, path', { id }, { database: DATABASE })).records.map((r) => [r.get('path'), r.get('format'), r.get('chosen')]);

/** A gazette text and its disclosure page carrying one number, with different bodies. */
function twoSources(i: number): { dir: string; text: string; page: string } {
  const dir = tmp();
  const text = join(dir, 'gazette.txt');
  const page = join(dir, 'a-page.html');
  writeFileSync(text, textGazette(ISSUERS[i]!));
  writeFileSync(page, pageOf(ISSUERS[i]!, '各有关单位：\n一、网页上的文本略有不同。'));
  return { dir, text, page };
}

describe('decree-graph run with one 发文字号 in two inputs', () => {
  it.each([0, 2])('issuer %i: reported, both records exported, the graph files hold one decree, the same for any argument order', async (i) => {
    const { text, page } = twoSources(i);
    const id = ISSUERS[i]!.number;
    for (const args of [[page, text], [text, page]]) {
      const out = tmp();
      const r = await cli(['run', ...args, '--out', out]);
      expect(r.stderr).toMatch(new RegExp(`conflict ${id}: kept ${text} \\(at \\d+\\), also in ${page} \\(at \\d+\\)`));
      const exp = JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')) as ExportFile & { conflicts: unknown[] };
      expect(exp.documents.filter((d) => d.id === id).map((d) => d.source.path).sort()).toEqual([page, text].sort());
      expect(exp.conflicts).toEqual([{ id, kept: { path: text, start: expect.any(Number) }, others: [{ path: page, start: expect.any(Number) }] }]);
      const decrees = readFileSync(join(out, 'import', 'nodes-decrees.csv'), 'utf8').split('\n').filter((l) => l.startsWith(`${id},`));
      expect(decrees).toHaveLength(1);
      expect(decrees[0]).toContain(text);
      expect(readFileSync(join(out, 'reports', 'conflicts.csv'), 'utf8')).toMatch(new RegExp(`${id},${text},\\d+,${page},\\d+`));
      // The one decree carries both sources: in the CSVs, the cypher-shell script and on its page.
      const contains = readFileSync(join(out, 'import', 'rels-contains.csv'), 'utf8').split('\n').filter((l) => l.includes(`,${id},`));
      expect(contains).toEqual([expect.stringMatching(new RegExp(`^${text},${id},\\d+,\\d+,text,true,CONTAINS`)), expect.stringMatching(new RegExp(`^${page},${id},\\d+,\\d+,html,false,CONTAINS`))]);
      const script = readFileSync(join(out, 'graph.cypher'), 'utf8');
      expect(script.match(new RegExp(`\`sources\`: \\[\\{\`path\`: '${text}'[^\\]]*\`chosen\`: true\\}, \\{\`path\`: '${page}'[^\\]]*\`chosen\`: false\\}\\]`, 'g'))).toHaveLength(1);
      const html = readFileSync(join(out, 'reports', decreePath(id)), 'utf8');
      expect(html).toMatch(/来源 Sources \(2\)/);
      expect(html.indexOf(text)).toBeLessThan(html.indexOf(page));
      expect(html).toContain('also printed here');
    }
  });

  it('in Neo4j one decree stays, from the gazette text, and unchanged re-runs write nothing (no flipping)', async () => {
    if (inject('neo4jError')) throw new Error(`No Neo4j for the integration tests: ${inject('neo4jError')}`);
    const uri = inject('neo4jUri');
    const { dir, text, page } = twoSources(1);
    const out = tmp();
    const driver = await testDriver();
    try {
      expect((await cli(['run', dir, '--out', out, '--neo4j', uri])).code).toBe(0);
      for (let k = 0; k < 2; k++) expect((await cli(['run', dir, '--out', out, '--neo4j', uri])).stderr).toMatch(/Neo4j: 0 documents written, 1 unchanged/);
      // `load` of the export (both records in it) keeps the same one.
      const load = await cli(['load', join(out, 'export.json'), '--neo4j', uri]);
      expect(JSON.parse(load.stdout)).toMatchObject({ documents: 0, unchanged: 1 });
      const rows = await driver.executeQuery('MATCH (d:Decree {id: $id}) RETURN d.sourcePath AS path', { id: ISSUERS[1]!.number }, { database: DATABASE });
      expect(rows.records.map((r) => r.get('path'))).toEqual([text]);
      expect(await sourcesIn(driver, ISSUERS[1]!.number)).toEqual([[text, 'text', true], [page, 'html', false]]);
      // The web page goes: the decree's source goes with it, on the next run.
      rmSync(page);
      expect((await cli(['run', dir, '--out', out, '--neo4j', uri])).stderr).toMatch(/Neo4j: 1 documents written, 0 unchanged/);
      expect(await sourcesIn(driver, ISSUERS[1]!.number)).toEqual([[text, 'text', true]]);
    } finally {
      await unloadExport(driver, DATABASE, JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')));
      await driver.close();
    }
  }, 120_000);
});
