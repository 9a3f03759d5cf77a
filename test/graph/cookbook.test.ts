import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compact } from '../../extractors/metadata.js';
import { loadExport, unloadExport } from '../../graph/loader.js';
import { assembleExport, extractBytes } from '../../pipeline/extract.js';
import { chooseDocuments } from '../../pipeline/conflicts.js';
import { ISSUERS, pageOf, textGazette } from '../fixtures/gazettes.js';
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

  it('13: 国有土地上房屋征收与补偿条例 is cited by 郑政〔2018〕28号 (符合…, then as 《条例》) and 郑政办文〔2018〕25号 (依照…)', async () => {
    const rows = await recipe('13-who-cites-and-why.cypher');
    expect([...new Set(rows.map((r) => r.decree))]).toEqual(['郑政〔2018〕28号', '郑政办文〔2018〕25号']);
    const printed = sampleText();
    for (const r of rows) {
      // The offsets are the citation's own; the passage is the (normalised) line it stands in.
      expect(printed.slice(r.start as number, r.end as number)).toBe(r.citation);
      expect(String(r.passage)).toContain(/《[^》]+》/.exec(String(r.citation))![0]);
    }
    expect(String(rows[0]!.passage)).toMatch(/^（一）符合《国有土地上房屋征收与补偿条例》（国务院令第590号）/);
    expect(rows.filter((r) => r.decree === '郑政〔2018〕28号').map((r) => r.citation)).toEqual(['《国有土地上房屋征收与补偿条例》（国务院令第590号）', '《条例》', '《条例》']);
    expect(String(rows.at(-1)!.passage)).toContain('依照《国有土地上房屋征收与补偿条例》（国务院令第590号）等法律、法规的规定执行');
  });

  it('14: three laws are each cited by two decrees, as printed; the rest by one', async () => {
    const rows = await recipe('14-most-cited-laws.cypher');
    const top = rows.filter((r) => r.citedBy === 2).map((r) => [r.law, [...(r.citers as string[])].sort()]);
    expect(top).toEqual([
      ['国有土地上房屋征收与补偿条例', ['郑政〔2018〕28号', '郑政办文〔2018〕25号']],
      ['财政违法行为处罚处分条例', ['郑政〔2018〕25号', '郑政文〔2018〕95号']],
      ['郑州市户外广告和招牌设置管理条例', ['郑政办〔2018〕47号', '郑政办文〔2018〕18号']],
    ]);
    expect(rows.slice(3).every((r) => r.citedBy === 1)).toBe(true);
  });

  it('15: leads of tasks due in 2018: 市城建委 (rural retrofits, 2018年4月前), 市城管局 (餐厨垃圾, 2018年底前), 市住房保障局 (老旧居民区, 2018年12月底之前)', async () => {
    const rows = await recipe('15-leads-of-tasks-due-in-a-year.cypher', { limit: 100 });
    const led = (agency: string) => rows.find((r) => r.agency === agency)?.headings as string[];
    expect(led('郑州市城乡建设委员会')).toContain('（十）加快推进农村地区既有居住建筑节能改造');
    expect(led('郑州市城市管理局')).toContain('(2）餐厨垃圾');
    expect(led('郑州市住房保障和房地产管理局')).toContain('3.老旧居民区改造提升');
    expect(await recipe('15-leads-of-tasks-due-in-a-year.cypher', { year: 2017 })).toEqual([]);
  });

  it('16: 市城管局 and 市公安局 share eleven tasks of the 2018 城市精细化管理 plan, with the roles its blocks print', async () => {
    const rows = await recipe('16-tasks-shared-by-two-agencies.cypher');
    const plan = rows.filter((r) => r.decree === '郑政办文〔2018〕18号').map((r) => `${r.task} ${r.roleA}/${r.roleB}`);
    // From the 牵头单位/责任单位 lines under each heading of 郑政办文〔2018〕18号.
    expect(plan.sort()).toEqual(
      [
        '1.城市道路管养提升 lead/responsible',
        '2.支路背街小巷改造提升 lead/responsible',
        '3.老旧居民区改造提升 responsible/responsible',
        '4.集贸市场常态化管理 responsible/responsible',
        '6.城乡结合部环境治理 lead/responsible',
        '8.智慧城管建设 lead/responsible',
        '20.户外广告和招牌整治规范 lead/responsible',
        '(2）静态交通秩序治理 lead/responsible',
        '(3) “六类车”治理 responsible/lead',
        '(1）建筑垃圾 lead/responsible',
        '(2）餐厨垃圾 lead/responsible',
      ].sort(),
    );
  });

  it('17: 郑发〔2017〕17号 is implemented by 郑政〔2018〕19号, 国发〔2017〕17号 by 郑政办〔2018〕44号 (为贯彻落实《…》)', async () => {
    const rows = await recipe('17-implemented-documents.cypher');
    expect(rows).toContainEqual(expect.objectContaining({ implemented: '郑发〔2017〕17号', notInCorpus: true, implementers: ['郑政〔2018〕19号'] }));
    expect(rows).toContainEqual(expect.objectContaining({ implemented: '国发〔2017〕17号', notInCorpus: true, implementers: ['郑政办〔2018〕44号'] }));
    expect(rows).toContainEqual(expect.objectContaining({ implemented: '建规〔2017〕59号', implementers: ['郑政办〔2018〕45号'] }));
  });

  it('18: full-text 大气污染 in bodies returns the 4 decrees that print it, each with its lines and their offsets', async () => {
    const rows = await recipe('18-body-full-text-search.cypher');
    expect(rows.map((r) => r.decree).sort()).toEqual(['郑政〔2018〕19号', '郑政〔2018〕20号', '郑政文〔2018〕92号', '郑政文〔2018〕93号']);
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.score).toBeGreaterThanOrEqual(rows[i]!.score as number);
    const printed = sampleText();
    const passages = rows.flatMap((r) => r.passages as { text: string; start: number; end: number }[]);
    // Five printed lines hold it (92号 twice); each passage's offsets are that whole line of the source.
    expect(passages).toHaveLength(5);
    for (const p of passages) {
      expect(p.text).toContain('大气污染');
      expect(compact(printed.slice(p.start, p.end))).toContain('大气污染');
      expect(printed[p.start - 1]).toBe('\n');
      expect(printed[p.end] ?? '\n').toBe('\n');
    }
  });

  it('19: the 任免 list of 2018-04-10 has a readable id: 王举 (副局长, 郑州市水务局) first, then 黄飞', async () => {
    const rows = await recipe('19-appointments-of-a-list.cypher');
    expect(rows.slice(0, 2)).toMatchObject([
      { person: '王举', action: 'appoint', post: '副局长', agency: '郑州市水务局' },
      { person: '黄飞', action: 'appoint', post: '总统计师', agency: '郑州市统计局' },
    ]);
    expect(String(rows[0]!.date)).toBe('2018-04-10');
    expect(rows).toHaveLength(74);
  });

  it('20: 郑政办文〔2018〕18号 plans (研究制订) the 考核办法 and 经费补贴办法 of 生活垃圾分类: drafts, not citations', async () => {
    const rows = await recipe('20-documents-to-be-drafted.cypher');
    // Printed: 研究制订《郑州市生活垃圾分类考核办法》、《郑州市生活垃圾分类管理经费补贴办法》、《…设置指导标准》等配套文件
    // (the third, a 标准, is not read as a document by the citation extractor).
    expect(rows.map((r) => [r.decree, r.planned, r.notYetIssued, r.id])).toEqual([
      ['郑政办文〔2018〕18号', '郑州市生活垃圾分类考核办法', true, 'planned:郑州市生活垃圾分类考核办法'],
      ['郑政办文〔2018〕18号', '郑州市生活垃圾分类管理经费补贴办法', true, 'planned:郑州市生活垃圾分类管理经费补贴办法'],
    ]);
    // Not cited but missing: neither the most cited outside the corpus, nor what 18号 cites outside it, nor a stub.
    const cited = (await recipe('09-most-cited-outside-corpus.cypher', { limit: 1000 })).map((r) => r.title);
    expect(cited).not.toContain('郑州市生活垃圾分类考核办法');
    expect((await recipe('02-cited-not-in-corpus.cypher', { id: '郑政办文〔2018〕18号' })).map((r) => r.title)).not.toContain('郑州市生活垃圾分类考核办法');
    const titles = rows.map((r) => r.planned as string);
    const stubs = await graph.driver.executeQuery('MATCH (s:Decree {stub: true}) WHERE s.title IN $titles RETURN s.id AS id', { titles }, { database: DATABASE });
    expect(stubs.records).toEqual([]);
  });

  it('21: money by kind: 93号 estimates sum to the printed 估算投资约… (106.5亿元); rates (每人每月30元, 每年安排…) are not summed', async () => {
    const rows = await recipe('21-money-by-decree-and-kind.cypher', { limit: 1000 });
    // 8 + 14 + 46 + 3 + 11 + 2 + 4 + 13 + 4 + 1.5 亿元, each printed as 估算投资约…亿元 in 郑政文〔2018〕93号.
    expect(rows).toContainEqual(expect.objectContaining({ decree: '郑政文〔2018〕93号', kind: 'estimate', yuan: 10_650_000_000, amounts: 10 }));
    expect(rows).toContainEqual(expect.objectContaining({ decree: '郑政〔2018〕20号', kind: 'subsidy', yuan: null }));
    expect(rows.filter((r) => r.decree === '郑政文〔2018〕83号' && r.kind === 'budget').map((r) => r.yuan)).toEqual([null]);
  });

  it('22: recurring reports go to the bodies printed after 报/报送, not to the task owners', async () => {
    const rows = await recipe('22-recurring-reports-and-recipients.cypher');
    const printedAs = (r: Record<string, unknown>) => (r.recipientAliases as string[][]).map((a, i) => [(r.recipients as string[])[i]!, ...(a ?? [])]);
    const to = (decree: string) => rows.filter((r) => r.decree === decree).flatMap(printedAs);
    // 每季度第一个月5日前将上一季度工作进展情况报送市工信委、市安监局
    expect(rows.filter((r) => r.decree === '郑政办文〔2018〕25号')).toMatchObject([{ every: 'quarterly', monthOfQuarter: 1, day: 5 }]);
    expect(to('郑政办文〔2018〕25号')).toHaveLength(2);
    expect(to('郑政办文〔2018〕25号').flat()).toEqual(expect.arrayContaining(['市工信委', '市安监局']));
    // 每月20日前将项目进展情况报市领导小组办公室; 每月20日前…报送市清洁取暖试点城市申报和建设工作领导小组办公室（市发展改革委）
    expect(to('郑政〔2018〕25号').flat()).toContain('市领导小组办公室');
    expect(to('郑政文〔2018〕92号').flat()).toContain('市清洁取暖试点城市申报和建设工作领导小组办公室');
  });

  it('23: targets for 2020 include 郑政〔2018〕19号 到2020年运营里程突破300公里, none of them a deadline', async () => {
    const rows = await recipe('23-targets-by-year.cypher');
    expect(rows).toContainEqual(expect.objectContaining({ decree: '郑政〔2018〕19号', by: '到2020年' }));
    expect(String(rows.find((r) => r.decree === '郑政〔2018〕19号')!.target)).toContain('运营里程突破300公里');
    const due = await recipe('04-agency-deadlines-in-range.cypher', { agency: '市发展改革委', from: '2020-01-01', to: '2020-12-31' });
    expect(due.map((r) => r.deadline)).not.toContain('到2020年');
  });

  it('24: what 市城管局 must do by the end of 2018 includes 餐厨垃圾 (2018年底前重点单位收运覆盖率达到80%)', async () => {
    const rows = await recipe('24-agency-obligations-by-date.cypher');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(String(r.due) <= '2018-12-31').toBe(true);
    expect(rows).toContainEqual(expect.objectContaining({ task: '(2）餐厨垃圾', role: 'lead', decree: '郑政办文〔2018〕18号' }));
    expect(String(rows.find((r) => r.task === '(2）餐厨垃圾')!.what)).toContain('收运覆盖率达到80%');
  });

  it('25: task headings about 垃圾 are the three of 郑政办文〔2018〕18号, each led by 市城管局 (牵头单位：市城管局)', async () => {
    const rows = await recipe('25-task-full-text-search.cypher');
    // 14. 建筑（餐厨）垃圾处置监管 is printed too, but as the parent heading of (1) and (2): no block of its own.
    expect(rows.map((r) => [r.decree, r.task, r.leads]).sort()).toEqual([
      ['郑政办文〔2018〕18号', '(1）建筑垃圾', ['郑州市城市管理局']],
      ['郑政办文〔2018〕18号', '(2）餐厨垃圾', ['郑州市城市管理局']],
      ['郑政办文〔2018〕18号', '16.生活垃圾分类管理', ['郑州市城市管理局']],
    ]);
  });

  it('26: a decree printed by a gazette text and its web page (two issuers) lists both, the text chosen; the sample has none', async () => {
    expect(await recipe('26-decrees-printed-twice.cypher')).toEqual([]);
    const [a, b] = ISSUERS;
    const twice = assembleExport([a!, b!].flatMap((h) => [extractBytes(`cookbook-test/${h.number}.txt`, Buffer.from(textGazette(h))), extractBytes(`cookbook-test/${h.number}.html`, Buffer.from(pageOf(h)))]));
    await loadExport(graph.driver, DATABASE, { ...twice, ...chooseDocuments(twice.documents) });
    try {
      expect((await recipe('26-decrees-printed-twice.cypher')).map((r) => [r.decree, r.chosen, r.alsoIn])).toEqual(
        [a!, b!].map((h) => [h.number, `cookbook-test/${h.number}.txt`, [`cookbook-test/${h.number}.html (html)`]]).sort(),
      );
    } finally {
      await unloadExport(graph.driver, DATABASE, twice);
    }
  });
});
