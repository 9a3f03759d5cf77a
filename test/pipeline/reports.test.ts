import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { ExportFile } from '../../graph/model.js';
import { chromium } from './chromium.js';
import { cli } from './cliHelper.js';
import { unloadExport } from '../../graph/loader.js';
import { readBack } from '../../graph/readBack.js';
import { buildReport } from '../../pipeline/reports/build.js';
import { REPORT_KINDS } from '../../pipeline/reports/model.js';
import { render } from '../../pipeline/reports/render.js';
import { exportFor, sampleText, sampleVariant } from '../helpers.js';
import { DATABASE, testDriver, withLoaded } from '../neo4j/driver.js';

const exp = exportFor('reports-test/zhengzhou.txt', sampleText());
type Rows = Record<string, unknown>[];

describe('reports on the sample issue', () => {
  it('gaps: 郑政文〔2018〕 has 74, 83, 92, 93, 95', () => {
    const rows = buildReport('gaps', exp).data as Rows;
    expect(rows.find((r) => r.series === '郑政文〔2018〕')).toMatchObject({ present: [74, 83, 92, 93, 95] });
    expect(rows.find((r) => r.series === '郑政〔2018〕')).toMatchObject({ present: [19, 20, 25, 27, 28], missing: [21, 22, 23, 24, 26] });
  });

  it('citations: out and in per decree, unresolved stubs with where they are cited', () => {
    const data = buildReport('citations', exp).data as { perDecree: Rows; unresolved: Rows };
    expect(data.perDecree.find((d) => d.id === '郑政文〔2018〕95号')!.cites).toEqual(expect.arrayContaining(['郑政〔2018〕25号', '郑政文〔2018〕92号']));
    expect(data.perDecree.find((d) => d.id === '郑政〔2018〕25号')!.citedBy).toEqual(['郑政文〔2018〕95号']);
    expect(data.unresolved.find((u) => u.cited === '郑发〔2017〕17号')).toMatchObject({ citedIn: [{ decree: '郑政〔2018〕19号' }, { decree: '郑政〔2018〕19号' }] });
    // 研究制订《郑州市生活垃圾分类考核办法》 (郑政办文〔2018〕18号) plans a document: not a missing one.
    expect(data.unresolved.map((u) => u.cited)).not.toContain('《郑州市生活垃圾分类考核办法》');
  });

  it('deadlines: a calendar with the quarterly report as an RRULE in the .ics', () => {
    const ics = [...buildReport('deadlines', exp).ics!].join('');
    expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(ics).toMatch(/DTSTART;VALUE=DATE:20180705\r\nRRULE:FREQ=YEARLY;BYMONTH=1,4,7,10;BYMONTHDAY=5\r\nSUMMARY:每季度第1个月5日前报送郑州市安全生产监督管理/);
    // Both recipients, by canonical name (folded lines unfolded).
    expect(ics.replace(/\r\n /g, '')).toContain('报送郑州市安全生产监督管理局、郑州市工业和信息化委员会：');
  });

  it('agencies: canonical name, aliases, and tasks with their deadlines', () => {
    const rows = [...(buildReport('agencies', exp).data as Rows)];
    const fgw = rows.find((a) => a.name === '郑州市发展和改革委员会')!;
    expect(fgw.aliases).toContain('市发展改革委');
    expect(fgw.lead).toBe(6);
    // Each agency once per task and role; the summary ranks by workload.
    const keys = rows.flatMap((a) => (a.tasks as Rows).map((t) => `${a.id}|${t.taskId}|${t.role}`));
    expect(new Set(keys).size).toBe(keys.length);
    const ranked = [...buildReport('agencies', exp).sections[0]!.rows].map((r) => r[2] as number);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
  });

  it('deadlines CSV: one ISO due-date column, the printed form and precision beside it', async () => {
    const csv = (await render(buildReport('deadlines', exp), 'csv')).split('\n').slice(1, -1);
    for (const line of csv) expect(line).toMatch(/^(\d{4}-\d{2}-\d{2})?,[^,]*,(day|month|year)?,/);
    expect(csv.some((l) => l.startsWith('2018-04-30,2018年4月前,month,2018年4月,deadline,'))).toBe(true);
    expect(csv.some((l) => /^2020-12-31,到2020年,year,2020年,target,/.test(l))).toBe(true);
  });

  it('CSV: UTF-8 BOM for Excel, formulas neutralised', async () => {
    const csv = await render({ ...buildReport('gaps', exp), csv: { heading: 'x', columns: ['a', 'b'], rows: [['=cmd|\' /C calc\'!A0', '+1'], ['@SUM(A1)', '-2']] } }, 'csv');
    expect(csv).toBe("\ufeffa,b\n'=cmd|' /C calc'!A0,'+1\n'@SUM(A1),'-2\n");
  });
});

describe('the HTML citation report in a real browser (headless Chromium)', () => {
  it('renders the graph and the tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-html-'));
    const file = join(dir, 'citations.html');
    writeFileSync(file, await render(buildReport('citations', exp), 'html'));
    const dom = await chromium(['--dump-dom', `file://${file}`]);
    // 17 numbered decrees and the appointment list on the inner ring, cited documents outside it.
    expect(dom.match(/<g class="decree">/g)).toHaveLength(18);
    expect((dom.match(/<g class="stub">/g) ?? []).length).toBeGreaterThan(10);
    expect(dom).toMatch(/<h2>Cited-by ranking <small>\(\d+\)<\/small><\/h2>/);
    expect(dom).toContain('<td>郑发〔2017〕17号</td>');
    await chromium(['--screenshot=' + join(dir, 'citations.png'), '--window-size=1200,1400', `file://${file}`]);
  }, 90_000);
});

describe('reports from Neo4j agree with reports from the out directory', () => {
  const own = exportFor('reports-test/许.txt', sampleVariant('许'));
  const graph = withLoaded(own);

  it.each(REPORT_KINDS)('%s', async (kind) => {
    const fromGraph = await readBack(graph.driver, DATABASE, own.documents.map((d) => d.id));
    expect(await render(buildReport(kind, fromGraph), 'json')).toEqual(await render(buildReport(kind, own), 'json'));
  });
});

describe('decree-graph run --neo4j', () => {
  it('puts the same data in Neo4j as in the out directory; an unchanged re-run changes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-neo-'));
    const out = mkdtempSync(join(tmpdir(), 'dg-neo-out-'));
    writeFileSync(join(dir, '鹤.txt'), sampleVariant('鹤'));
    // Text that is Cypher stays data: parameters, never string-built queries.
    const injection = "'}) MATCH (n) DETACH DELETE n //";
    writeFileSync(join(dir, 'injection.txt'), `鹤州市人民政府\n\n关于${injection}的通知\n\n鹤政〔2018〕99号 2018年4月7日\n\n各有关单位：\n\n根据《${injection}办法》（鹤政〔2018〕19号），市财政局负责${injection}。`);
    const uri = inject('neo4jUri');
    const first = await cli(['run', dir, '--out', out, '--neo4j', uri, '--quiet']);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/Neo4j: 19 documents written, 0 unchanged/);
    const fromOut = JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')) as ExportFile;
    const driver = await testDriver();
    try {
      const title = await driver.executeQuery(`MATCH (d:Decree {id: '鹤政〔2018〕99号'})-[:CITES]->(t) RETURN d.title AS title, t.id AS cited`, {}, { database: DATABASE });
      expect(title.records.map((r) => r.toObject())).toEqual([{ title: `鹤州市人民政府关于${injection}的通知`, cited: '鹤政〔2018〕19号' }]);
      const fromGraph = await readBack(driver, DATABASE, fromOut.documents.map((d) => d.id));
      for (const kind of REPORT_KINDS) expect(await render(buildReport(kind, fromGraph), 'json')).toEqual(await render(buildReport(kind, fromOut), 'json'));
      const again = await cli(['run', dir, '--out', out, '--neo4j', uri, '--quiet']);
      expect(again.stderr).toMatch(/Neo4j: 0 documents written, 19 unchanged; 0 nodes and 0 relationships created, 0 nodes deleted/);
    } finally {
      await unloadExport(driver, DATABASE, fromOut);
      await driver.close();
    }
  }, 120_000);
});
