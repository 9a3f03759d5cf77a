import { describe, expect, it } from 'vitest';
import { readGazette } from '../../corpus/read.js';
import { agencyKind } from '../../extractors/agencies.js';
import { resolveRun } from '../../extractors/resolve.js';
import { gazetteOf, one, recordsOf, sampleText } from '../helpers.js';

const roles = (body: string, header?: string) => recordsOf(gazetteOf(body, header))[0]!.assignments.map((a) => [a.role, a.agency, a.agencyId]);
const GUANGDONG = '广东省人民政府办公厅\n\n关于测试的通知\n\n粤府办〔2020〕2号 2020年3月1日\n\n';

describe('no fragment of a list or a sentence becomes an agency', () => {
  it.each([
    [
      // The sample, 郑政办文〔2018〕18号: 各区（管委会） is one collective, not 各区 plus a 管委会.
      '责任单位：市交通委、火车站地区管委会，各区（管委会）',
      [['responsible', '市交通委', 'agency:郑州市交通运输委员会'], ['responsible', '火车站地区管委会', 'agency:火车站地区管委会'], ['responsible', '各区（管委会）', 'agency:郑州市区（管委会）']],
    ],
    [
      // The sample, 郑政〔2018〕19号: 由 names the agent, not the money before it.
      '市财政局负责统筹资本金筹措工作，轨道交通其他建设资金由轨道公司负责筹措。',
      [['responsible', '市财政局', 'agency:郑州市财政局'], ['responsible', '轨道公司', 'agency:郑州市轨道公司']],
    ],
    [
      // The sample, 郑政文〔2018〕92号: the office's other name in parentheses is the recipient, not an owner.
      '每月 20 日前，各牵头单位要将完成情况报送市清洁取暖试点城市申报和建设工作领导小组办公室（市发展改革委）。',
      [],
    ],
  ])('%s', (body, expected) => {
    expect(roles(body)).toEqual(expected);
  });

  it('a 广东 document: 由 before the agent, a body with its other name in parentheses', () => {
    expect(roles('项目资金由省财政厅负责统筹安排。\n\n由省商务厅（省口岸办）牵头组织实施。', GUANGDONG)).toEqual([
      ['responsible', '省财政厅', 'agency:广东省财政厅'],
      ['lead', '省商务厅（省口岸办）', 'agency:广东省商务厅'],
    ]);
  });
});

describe('central bodies (国务院办公厅 forms, synthetic lines)', () => {
  const STATE = '国务院办公厅\n\n关于测试的通知\n\n国办发〔2018〕99号 2018年12月1日\n\n';
  it.each([
    ['开展评估。（生态环境部牵头，国家发展改革委、工业和信息化部参与）', [['lead', '生态环境部', 'agency:生态环境部']]],
    ['加强监管。（市场监管总局、工业和信息化部负责）', [['responsible', '市场监管总局', 'agency:市场监管总局'], ['responsible', '工业和信息化部', 'agency:工业和信息化部']]],
    ['（1）国家发展改革委及国家粮食局负责应急工作的综合协调。', [['responsible', '国家发展改革委', 'agency:国家发展改革委'], ['responsible', '国家粮食局', 'agency:国家粮食局']]],
  ])('%s', (body, expected) => {
    expect(roles(body, STATE)).toEqual(expected);
  });
});

describe('variants of one body merge by their place', () => {
  it('郑州供电公司 / 市供电公司 / 市郑州供电公司 (the sample\'s three spellings) are one company', () => {
    const docs = recordsOf(readGazette('sample.txt', Buffer.from(sampleText(), 'utf8')));
    const ids = new Set(docs.flatMap((d) => d.assignments).filter((a) => /供电公司$/.test(a.agency)).map((a) => a.agencyId));
    expect([...ids]).toEqual(['agency:郑州市供电公司']);
  });

  it('the same rule for another place: 广州供电局 and 市供电局 in 广州 documents', () => {
    const header = (n: number) => `广州市人民政府办公厅\n\n关于测试${n}的通知\n\n穗府办〔2020〕${n}号 2020年3月1日\n\n`;
    const docs = [...recordsOf(gazetteOf('牵头单位：广州供电局', header(1))), ...recordsOf(gazetteOf('牵头单位：市供电局', header(2)))];
    const { agencies } = resolveRun(docs);
    expect(docs.map((d) => d.assignments[0]!.agencyId)).toEqual(['agency:广州市供电局', 'agency:广州市供电局']);
    expect(agencies.map((a) => [a.id, a.aliases])).toContainEqual(['agency:广州市供电局', ['市供电局', '广州供电局']]);
  });
});

describe('each agency has a kind', () => {
  it.each([
    ['郑州市人民政府', [], 'government'],
    ['国务院', [], 'government'],
    ['巩义市人民政府', ['巩义市'], 'government'],
    ['郑州市发展和改革委员会', ['市发展改革委'], 'department'],
    ['广东省商务厅', [], 'department'],
    ['北京市经济和信息化局', [], 'department'],
    ['郑州市人民政府国有资产监督管理委员会', [], 'department'],
    ['郑州市农民工工资工作领导小组办公室', [], 'committee'],
    ['郑东新区管理委员会', [], 'committee'],
    ['郑州市供电公司', [], 'company'],
    ['郑州市团市委', ['团市委'], 'peoples-organisation'],
    ['广东省妇女联合会', [], 'peoples-organisation'],
    ['郑州市县（市、区）人民政府', ['县（市、区）政府'], 'collective'],
    ['郑州市区（管委会）', ['各区（管委会）'], 'collective'],
    ['开发区管委会', ['开发区'], 'collective'],
    ['城市燃气公司', ['各城市燃气公司'], 'collective'],
  ] as [string, string[], string][])('%s is a %s', (name, printed, kind) => {
    expect(agencyKind(name, printed)).toBe(kind);
  });

  it('the run\'s agency list carries it', () => {
    const { agencies } = resolveRun(recordsOf(gazetteOf('牵头单位：市发展改革委\n\n责任单位：各县（市、区）政府')));
    expect(Object.fromEntries(agencies.map((a) => [a.name, a.kind]))).toEqual({
      郑州市人民政府: 'government',
      '郑州市县（市、区）人民政府': 'collective',
      郑州市发展和改革委员会: 'department',
    });
  });
});

describe('one assignment per agency, task and role', () => {
  it('an agency named twice in one task with one role is assigned once', () => {
    const d = one('（一）推进老旧小区改造\n\n市城建委负责制定方案。市城建委负责组织验收。\n\n牵头单位：市城建委');
    expect(d.assignments.map((a) => [a.role, a.agency, a.text])).toEqual([
      ['responsible', '市城建委', '市城建委'],
      ['lead', '市城建委', '市城建委'],
    ]);
  });

  it('numbered paragraphs opening with a short sentence are tasks of their own (run-in headings)', () => {
    const d = one('（一）重点发展集中供热\n\n1. 提升集中供热能力。鼓励发电企业进行供热改造。\n\n牵头单位:市发展改革委\n\n2. 强化供热、供气配套管网建设。加快管网建设。\n\n牵头单位:市发展改革委');
    expect(d.assignments.map((a) => a.task)).toEqual(['1.提升集中供热能力', '2.强化供热、供气配套管网建设']);
    expect(new Set(d.assignments.map((a) => a.taskId)).size).toBe(2);
  });
});
