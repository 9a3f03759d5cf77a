import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportFor, sampleText } from '../helpers.js';
import { DATABASE, withLoaded } from '../neo4j/driver.js';

const dir = fileURLToPath(new URL('../../cookbook/', import.meta.url));
const recipes = readdirSync(dir).filter((f) => f.endsWith('.cypher')).sort();
const exp = exportFor('cookbook-test/zhengzhou-gazette-2018-04.txt', sampleText());
const graph = withLoaded(exp);

/** Runs a recipe as an analyst would: its text as written, with the params its header gives (or overrides). */
async function recipe(file: string, overrides: Record<string, unknown> = {}) {
  const text = readFileSync(dir + file, 'utf8');
  const params = { ...JSON.parse(/^\/\/ params: (.*)$/m.exec(text)![1]!), ...overrides };
  const res = await graph.driver.executeQuery(text.trim().replace(/;$/, ''), params, { database: DATABASE });
  return res.records.map((r) => r.toObject());
}

describe('the Cypher cookbook on the sample issue', () => {
  it('has at least 10 recipes, each explained', () => {
    expect(recipes.length).toBeGreaterThanOrEqual(10);
    for (const f of recipes) expect(readFileSync(dir + f, 'utf8')).toMatch(/^\/\/ \S.*\n(\/\/.*\n)*\/\/ params: \{.*\}\n/);
  });

  it('01: 郑政〔2018〕25号 is cited by 郑政文〔2018〕95号 (directly), which 郑政〔2018〕25号 cites back by title', async () => {
    const rows = await recipe('01-citers-of-a-decree.cypher');
    expect(rows).toContainEqual(expect.objectContaining({ decree: '郑政文〔2018〕95号', steps: 1 }));
  });

  it('01: 郑政文〔2018〕95号 cites 郑政〔2018〕25号 and 郑政文〔2018〕92号', async () => {
    for (const id of ['郑政〔2018〕25号', '郑政文〔2018〕92号']) {
      expect(await recipe('01-citers-of-a-decree.cypher', { id })).toContainEqual(expect.objectContaining({ decree: '郑政文〔2018〕95号', steps: 1 }));
    }
  });

  it('02: 郑发〔2017〕17号 is a stub cited by 郑政〔2018〕19号', async () => {
    expect(await recipe('02-cited-not-in-corpus.cypher')).toEqual([
      { cited: '郑发〔2017〕17号', title: '中共郑州市委关于加快国家中心城市建设的意见', kind: 'decree (stub)', relation: 'implements' },
      { cited: '郑发〔2017〕17号', title: '中共郑州市委关于加快国家中心城市建设的意见', kind: 'decree (stub)', relation: 'mentions' },
    ]);
  });

  it('03: 市城管局 leads the most tasks (the 2018 城市精细化管理 plan), then 市发展改革委 (clean heating)', async () => {
    const rows = await recipe('03-agencies-leading-most-tasks.cypher');
    expect(rows.slice(0, 2)).toMatchObject([
      { agency: '郑州市城市管理局', tasksLed: 19 },
      { agency: '郑州市发展和改革委员会', tasksLed: 6 },
    ]);
  });

  it('04: 市发展改革委 (by alias) has dated tasks in 2018', async () => {
    const rows = await recipe('04-agency-deadlines-in-range.cypher');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(String(r.due)).toMatch(/^2018-/);
  });

  it('05: 市城管局 under any of its names appears in the tasks of several decrees and in appointments', async () => {
    const rows = await recipe('05-decrees-involving-agency-any-name.cypher');
    const byDecree = Object.fromEntries(rows.map((r) => [r.decree, r.involvement]));
    expect(Object.keys(byDecree)).toEqual(expect.arrayContaining(['郑政办文〔2018〕18号', '郑政文〔2018〕92号']));
    expect(rows.some((r) => (r.involvement as string[]).includes('appointment'))).toBe(true);
    const same = await recipe('05-decrees-involving-agency-any-name.cypher', { name: '郑州市城市管理局' });
    expect(same).toEqual(rows);
  });

  it('06: appointments by agency: 王举 appointed 副局长 of 郑州市水务局 on 2018-04-10', async () => {
    const rows = await recipe('06-appointments-by-agency.cypher');
    expect(rows).toContainEqual(expect.objectContaining({ agency: '郑州市水务局', action: 'appoint', person: '王举', post: '副局长' }));
    expect(String(rows.find((r) => r.person === '王举')!.date)).toBe('2018-04-10');
    expect(rows.filter((r) => r.decree === exp.documents.find((d) => d.docType === '任免')!.id)).toHaveLength(74);
  });

  it('07: decrees by issuer and month', async () => {
    const rows = await recipe('07-decrees-by-issuer-and-month.cypher');
    expect(rows).toContainEqual(expect.objectContaining({ issuer: '郑州市人民政府', year: 2018, month: 4, decrees: 11 }));
    expect(rows).toContainEqual(expect.objectContaining({ issuer: '郑州市人民政府办公厅', year: 2018, month: 4, decrees: 7 }));
  });

  it('08: full-text 清洁取暖 finds the three clean-heating decrees first', async () => {
    const rows = await recipe('08-title-full-text-search.cypher');
    expect(rows.slice(0, 3).map((r) => r.decree).sort()).toEqual(['郑政〔2018〕25号', '郑政文〔2018〕92号', '郑政文〔2018〕95号']);
  });

  it('09: the most cited outside the corpus include the 590 and 427 State Council orders', async () => {
    const rows = await recipe('09-most-cited-outside-corpus.cypher');
    const cited = rows.map((r) => r.cited);
    expect(cited).toEqual(expect.arrayContaining(['law:国有土地上房屋征收与补偿条例', 'law:财政违法行为处罚处分条例']));
    expect(rows[0]!.citedBy).toBeGreaterThanOrEqual(2);
  });

  it('10: the quarterly report in 郑政办文〔2018〕25号 (每季度第一个月5日前) is a recurring deadline', async () => {
    const rows = await recipe('10-recurring-deadlines.cypher');
    expect(rows).toContainEqual(expect.objectContaining({ decree: '郑政办文〔2018〕25号', every: 'quarterly', monthOfQuarter: 1, day: 5 }));
  });

  it('11: the largest money amount is stated in yuan with its text', async () => {
    const rows = await recipe('11-money-by-decree.cypher');
    expect(rows.length).toBeGreaterThan(0);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.yuan).toBeGreaterThanOrEqual(rows[i]!.yuan as number);
    expect(String(rows[0]!.text)).toMatch(/元/);
  });

  it('12: title/number conflicts run (none in the sample: every cited number is also the title it prints)', async () => {
    expect(await recipe('12-title-number-conflicts.cypher')).toEqual([]);
  });
});
