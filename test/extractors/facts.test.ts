import { describe, expect, it } from 'vitest';
import { readGazette } from '../../corpus/read.js';
import { segmenter } from '../../extractors/segmenter.js';
import { exportFor, one, recordsOf, sampleText } from '../helpers.js';

describe('amounts', () => {
  it.each([
    ['新开工各类安置房 2.5 万套，基本建成 2.1 万套。', [[25000, '套', null, '2.5 万套'], [21000, '套', null, '2.1 万套']]],
    ['安排专项资金1.5亿元。', [[150000000, '元', null, '1.5亿元']]],
    ['完成800 万平方米的既有建筑节能改造工作。', [[8000000, '平方米', null, '800 万平方米']]],
    ['按照120万元/公里给予补助。', [[1200000, '元/公里', null, '120万元/公里']]],
    ['使覆盖率由 2017 年的 30% 提高到 65% 以上。', [[30, '%', null, '30%'], [65, '%', '以上', '65% 以上']]],
    ['且单个项目不超过 3000 万元和项目总投资的 10%。', [[30000000, '元', '不超过', '不超过 3000 万元'], [10, '%', null, '10%']]],
    ['新建中小学三十所。', [[30, '所', null, '三十所']]],
  ])('%s', (sentence, expected) => {
    expect(one(sentence).amounts.map((a) => [a.value, a.unit, a.qualifier, a.text])).toEqual(expected);
  });
});

describe('assignments', () => {
  const roles = (body: string) => one(body).assignments.map((a) => [a.role, a.agency, a.agencyId]);

  it('labelled lists split outside parentheses and continue across a layout break', () => {
    expect(roles('（四）积极发展可再生能源供热\n\n牵头单位:市发展改革委、市水务局\n\n相关责任单位:县(市、区)政府、开发\n\n区管委会,市财政局等')).toEqual([
      ['lead', '市发展改革委', 'agency:郑州市发展和改革委员会'],
      ['lead', '市水务局', 'agency:郑州市水务局'],
      ['responsible', '县（市、区）政府', 'agency:郑州市县（市、区）人民政府'],
      ['responsible', '开发区管委会', 'agency:开发区管委会'],
      ['responsible', '市财政局', 'agency:郑州市财政局'],
    ]);
  });

  it('under a 责任单位 label a place named alone is its government', () => {
    expect(roles('牵头单位：市国土资源局\n\n责任单位：巩义市、荥阳市、黄河风景名胜区管委会')).toEqual([
      ['lead', '市国土资源局', 'agency:郑州市国土资源局'],
      ['responsible', '巩义市', 'agency:巩义市人民政府'],
      ['responsible', '荥阳市', 'agency:荥阳市人民政府'],
      ['responsible', '黄河风景名胜区管委会', 'agency:黄河风景名胜区管委会'],
    ]);
    expect(roles('牵头单位:市水务局\n\n责任单位:各县(市、区)、开发区')).toEqual([
      ['lead', '市水务局', 'agency:郑州市水务局'],
      ['responsible', '各县（市、区）', 'agency:郑州市县（市、区）人民政府'],
      ['responsible', '开发区', 'agency:开发区管委会'],
    ]);
  });

  it('a body named with its other name in parentheses is one agency', () => {
    expect(roles('4. 市城管局（市城市综合执法局）负责城市轨道交通车站周边环境整治。')).toEqual([['responsible', '市城管局（市城市综合执法局）', 'agency:郑州市城市管理局']]);
  });

  it('1. 市发展改革委负责… is a responsibility; 要发挥牵头推动作用 a lead', () => {
    expect(roles('1. 市发展改革委负责协调轨道交通线网建设规划。\n\n市工信委、市安监局要发挥牵头推动作用，统筹规划。')).toEqual([
      ['responsible', '市发展改革委', 'agency:郑州市发展和改革委员会'],
      ['lead', '市工信委', 'agency:郑州市工业和信息化委员会'],
      ['lead', '市安监局', 'agency:郑州市安全生产监督管理局'],
    ]);
  });

  it('a trailing parenthetical carries the elided 市 over (环保局 → 市环保局)', () => {
    expect(roles('确保腾退土地符合规划用地土壤环境质量标准。(各县〔市、区〕政府,市发展改革委、环保局、工信委等按职责分工负责)')).toEqual([
      ['responsible', '各县〔市、区〕政府', 'agency:郑州市县（市、区）人民政府'],
      ['responsible', '市发展改革委', 'agency:郑州市发展和改革委员会'],
      ['responsible', '市环保局', 'agency:郑州市环境保护局'],
      ['responsible', '市工信委', 'agency:郑州市工业和信息化委员会'],
    ]);
  });

  it('every 牵头单位/责任单位 block of the sample yields assignments', () => {
    const docs = recordsOf(readGazette('sample.txt', Buffer.from(sampleText(), 'utf8')));
    const blocks = [...sampleText().matchAll(/(?:牵头单位|责任单位)\s*[:：]\s*/g)];
    const starts = new Set(docs.flatMap((d) => d.assignments).map((a) => a.start));
    expect(blocks.length).toBeGreaterThan(40);
    // Each block's list begins right after its label: an assignment must start exactly there.
    for (const b of blocks) expect({ block: b[0], at: b.index, found: starts.has(b.index! + b[0].length) }).toMatchObject({ found: true });
  });
});

describe('appointments', () => {
  const list = (body: string) => recordsOf(readGazette('a.txt', Buffer.from(`郑州市人民政府任免人员\n\n${body}`, 'utf8')))[0]!.appointments;
  it('同意/任命 appoint, 免去 removes; two posts on one line are two appointments; slips still parse', () => {
    const got = list('2018 年 4 月 10 日决定，任命：\n\n贾中同志为郑州市城市管理局副局长，市城市综合执法局副局长；\n\n免去：\n\n尚学振同志的其郑州市城市管理局（市城市管理行政执法局）副局长职务；\n\n裴广战的郑州市食品药品监督管理局监察室主任职务。\n\n王作伟同志的南宁市人民防空办公室南宁市监察室主任职务；');
    expect(got.map((a) => [a.action, a.person, a.agencyId, a.post, a.date])).toEqual([
      ['appoint', '贾中', 'agency:郑州市城市管理局', '副局长', '2018-04-10'],
      ['appoint', '贾中', 'agency:郑州市城市综合执法局', '副局长', '2018-04-10'],
      ['remove', '尚学振', 'agency:郑州市城市管理局', '副局长', '2018-04-10'],
      ['remove', '裴广战', 'agency:郑州市食品药品监督管理局', '监察室主任', '2018-04-10'],
      ['remove', '王作伟', 'agency:南宁市人民防空办公室', '监察室主任', '2018-04-10'],
    ]);
  });

  it('every 任免 line of the sample comes out', () => {
    const docs = recordsOf(readGazette('sample.txt', Buffer.from(sampleText(), 'utf8')));
    const list = sampleText().slice(sampleText().indexOf('郑州市人民政府任免人员'));
    const lines = list.split('\n').filter((l) => /^[\u4e00-\u9fff]{2,4}(?:同志)?(?:为|的)/.test(l));
    const facts = docs.flatMap((d) => d.appointments);
    expect(lines).toHaveLength(73);
    // 22 appointment lines (贾中 holds two posts) and 51 removals.
    expect(facts.filter((a) => a.action === 'appoint')).toHaveLength(23);
    expect(facts.filter((a) => a.action === 'remove')).toHaveLength(51);
    const persons = new Set(facts.map((a) => a.person));
    for (const l of lines) expect(persons.has(/^(.+?)(?:同志)?(?:为|的)/.exec(l)![1]!)).toBe(true);
  });
});

describe('segmentation and keywords', () => {
  it('agency names, short and full, are one token each', () => {
    const words = segmenter().cut('市发展改革委负责协调，市城管局、郑州市发展和改革委员会配合');
    expect(words).toEqual(expect.arrayContaining(['市发展改革委', '市城管局']));
  });

  it('keywords say what a document is about, without 公文 boilerplate', () => {
    const exp = exportFor('k.txt', sampleText());
    const words = (id: string) => exp.documents.find((d) => d.id === id)!.keywords.map((k) => k.word);
    expect(words('郑政文〔2018〕92号')).toEqual(expect.arrayContaining(['取暖', '清洁']));
    expect(words('郑政〔2018〕19号')).toContain('轨道交通');
    for (const d of exp.documents) {
      expect(d.keywords.length).toBe(10);
      expect(d.keywords.map((k) => k.word)).not.toEqual(expect.arrayContaining(['工作']));
    }
  });
});
