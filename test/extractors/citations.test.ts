import { describe, expect, it } from 'vitest';
import { gazetteOf, one, recordsOf, sampleText } from '../helpers.js';
import { readGazette } from '../../corpus/read.js';
import { agencyMerges } from '../../extractors/resolve.js';

const cite = (body: string) => one(body).citations.map((c) => ({ docNumber: c.docNumber, title: c.title, kind: c.kind, relation: c.relation, text: c.text }));

describe('citations in real sentences', () => {
  it.each([
    [
      '为全面贯彻落实《中共郑州市委关于加快国家中心城市建设的意见》（郑发〔2017〕17号），加快推进建设“轨道上的郑州”战略部署。',
      [{ docNumber: '郑发〔2017〕17号', title: '中共郑州市委关于加快国家中心城市建设的意见', kind: 'decree', relation: 'implements', text: '《中共郑州市委关于加快国家中心城市建设的意见》（郑发〔2017〕17号）' }],
    ],
    [
      '1. 严格落实郑政〔2018〕25 号相关规定，奖补性资金全额用于项目建设或项目银行贷款贴息。',
      [{ docNumber: '郑政〔2018〕25号', title: null, kind: 'decree', relation: 'implements', text: '郑政〔2018〕25 号' }],
    ],
    [
      '郑发〔2017〕17号文提出了建设“轨道上的郑州”的决策部署。',
      [{ docNumber: '郑发〔2017〕17号', title: null, kind: 'decree', relation: 'mentions', text: '郑发〔2017〕17号' }],
    ],
    [
      '按照《财政违法行为处罚处分条例》（国务院令 427 号）的相关规定进行处理。',
      [{ docNumber: '国务院令第427号', title: '财政违法行为处罚处分条例', kind: 'law', relation: 'basis', text: '《财政违法行为处罚处分条例》（国务院令 427 号）' }],
    ],
    [
      '根据《中华人民共和国预算法》等有关规定，制定本办法。',
      [{ docNumber: null, title: '中华人民共和国预算法', kind: 'law', relation: 'basis', text: '《中华人民共和国预算法》' }],
    ],
    [
      '为贯彻落实《住房城乡建设部关于加强生态修复城市修补工作的指导意见》（建规〔2017〕59号）以及国家“双修”试点城市有关要求。',
      [{ docNumber: '建规〔2017〕59号', title: '住房城乡建设部关于加强生态修复城市修补工作的指导意见', kind: 'decree', relation: 'implements', text: '《住房城乡建设部关于加强生态修复城市修补工作的指导意见》（建规〔2017〕59号）' }],
    ],
    [
      '参照《广东省人民政府办公厅关于印发广东省促进展览业发展实施方案的通知》（粤府办﹝2020﹞2号）执行。',
      [{ docNumber: '粤府办〔2020〕2号', title: '广东省人民政府办公厅关于印发广东省促进展览业发展实施方案的通知', kind: 'decree', relation: 'refers', text: '《广东省人民政府办公厅关于印发广东省促进展览业发展实施方案的通知》（粤府办﹝2020﹞2号）' }],
    ],
    [
      '《南宁市人民政府办公厅关于印发南宁市会展业管理办法的通知》（桂政办发[2022]10号）同时废止。',
      [{ docNumber: '桂政办发〔2022〕10号', title: '南宁市人民政府办公厅关于印发南宁市会展业管理办法的通知', kind: 'decree', relation: 'repeals', text: '《南宁市人民政府办公厅关于印发南宁市会展业管理办法的通知》（桂政办发[2022]10号）' }],
    ],
  ])('%s', (sentence, expected) => {
    expect(cite(sentence)).toEqual(expected);
  });

  it('a title with a trailing year range is still a decree (《…总体规划(2008—2015年)》)', () => {
    expect(cite('《郑州市矿产资源总体规划(2008—2015年)》实施以来，找矿成果突出。').map((c) => [c.title, c.kind])).toEqual([['郑州市矿产资源总体规划（2008—2015年）', 'decree']]);
  });

  it('以下简称《条例》 defines a short name: a later 《条例》 is the same law', () => {
    const cs = one('（一）符合《国有土地上房屋征收与补偿条例》（国务院令第590号）（以下简称《条例》）第八条规定的情形。\n\n符合《条例》第八条规定，因征收国有土地上房屋涉及收回国有土地使用权时。').citations;
    expect(cs.map((c) => [c.title, c.docNumber, c.kind, c.text])).toEqual([
      ['国有土地上房屋征收与补偿条例', '国务院令第590号', 'law', '《国有土地上房屋征收与补偿条例》（国务院令第590号）'],
      ['国有土地上房屋征收与补偿条例', '国务院令第590号', 'law', '《条例》'],
    ]);
  });

  it('spans are exact: text equals the decoded source slice', () => {
    const g = gazetteOf('为贯彻落实《中国（河南）自由贸易试验区总体方案》（国发〔2017〕17 号）、《中国（河南）自由贸易试验区建设实施方案》（豫政〔2017〕12 号）和《中国（河南）自由贸易试\n\n验区郑州片区实施方案》（豫自贸办〔2017〕15 号），进一步健全监管体系。');
    const [d] = recordsOf(g);
    expect(d!.citations.map((c) => c.docNumber)).toEqual(['国发〔2017〕17号', '豫政〔2017〕12号', '豫自贸办〔2017〕15号']);
    for (const c of d!.citations) expect(g.source.slice(c.start, c.end)).toBe(c.text);
    expect(d!.citations[2]!.title).toBe('中国（河南）自由贸易试验区郑州片区实施方案');
  });
});

describe('a relation word governs every citation of its list', () => {
  const rel = (body: string) => one(body).citations.map((c) => [c.docNumber ?? c.title, c.relation]);

  it.each([
    [
      // The sample, 郑政文〔2018〕95号: 根据 before a list of three.
      '根据《财政部关于清洁取暖试点城市实施方案备案的通知》（财建〔2017〕580号）、《郑州市人民政府关于印发郑州市清洁取暖试点城市建设工作方案的通知》（郑政文〔2018〕92号）和《郑州市清洁取暖试点城市建设项目和资金管理暂行办法》（郑政〔2018〕25号）的精神，特制定本奖补政策。',
      [['财建〔2017〕580号', 'basis'], ['郑政文〔2018〕92号', 'basis'], ['郑政〔2018〕25号', 'basis']],
    ],
    [
      // Synthetic 司法解释 form: 同时废止 after the last of a list repeals all of it.
      '本解释施行后，《关于审理甲类案件的若干规定》（法发〔1996〕30号）、《关于审理乙类案件的解释》（法释〔2002〕30号）、《关于审理丙类案件的解释》（法释〔2002〕33号）同时废止。',
      [['法发〔1996〕30号', 'repeals'], ['法释〔2002〕30号', 'repeals'], ['法释〔2002〕33号', 'repeals']],
    ],
    [
      '为贯彻落实《国务院关于测试甲的意见》（国发〔2017〕17号）和《广东省人民政府办公厅关于测试乙的通知》（粤府办﹝2020﹞2号），制定本方案。',
      [['国发〔2017〕17号', 'implements'], ['粤府办〔2020〕2号', 'implements']],
    ],
    [
      '参照《北京市测试甲管理办法》、《北京市测试乙实施细则》执行。',
      [['北京市测试甲管理办法', 'refers'], ['北京市测试乙实施细则', 'refers']],
    ],
    [
      '《广东省测试甲管理办法》（粤府办〔2019〕5号）及《广东省测试乙实施细则》（粤府办〔2019〕6号）等文件不再执行。',
      [['粤府办〔2019〕5号', 'repeals'], ['粤府办〔2019〕6号', 'repeals']],
    ],
    [
      '《最高人民法院关于测试的批复》（法释〔2015〕16号）不再适用。',
      [['法释〔2015〕16号', 'repeals']],
    ],
    [
      // Synthetic 部门规章 form: each repealed rule named by the order that promulgated it, a date in front.
      '本办法自2020年1月1日起施行。1998年3月12日原甲部令第51号公布的《测试甲申诉处理办法》、2014年2月14日原中华人民共和国国家乙总局令第62号公布的《测试乙投诉办法》同时废止。',
      [['甲部令第51号', 'repeals'], ['国家乙总局令第62号', 'repeals']],
    ],
    [
      // Synthetic 地方政府规章 form: the promulgating order is the rule's number, the amending one only mentioned.
      '1998年2月10日省人民政府令第66号发布、2004年6月30日省人民政府令第134号修正的《某省测试管理办法》同时废止。',
      [['省人民政府令第66号', 'repeals'], ['省人民政府令第134号', 'mentions']],
    ],
    [
      '根据国务院令第590号公布的《测试条例》和北京市人民政府令第12号发布的《北京市测试办法》，制定本规定。',
      [['国务院令第590号', 'basis'], ['北京市人民政府令第12号', 'basis']],
    ],
    [
      // A second verb opens a second list.
      '根据《北京市测试甲管理办法》，参照《北京市测试乙实施细则》执行。',
      [['北京市测试甲管理办法', 'basis'], ['北京市测试乙实施细则', 'refers']],
    ],
  ])('%s', (sentence, expected) => {
    expect(rel(sentence)).toEqual(expected);
  });
});

describe('a repeal announced for the numbered list that follows (a law\'s 附件)', () => {
  const rel = (body: string) => one(body).citations.map((c) => [c.title, c.kind, c.relation]);

  it('repeals every titled item of the list, and nothing of a list kept in force', () => {
    // Synthetic law-appendix form: titles one per numbered line, printed without 《》.
    const body = [
      '附件一',
      '全国人民代表大会常务委员会制定的下列条例、补充规定和决定，自本法施行之日起，予以废止：',
      '1.中华人民共和国测试甲暂行条例',
      '2.关于惩治测试乙犯罪的补充规定',
      '附件二',
      '下列补充规定和决定予以保留：',
      '1.关于测试丙的决定',
    ].join('\n');
    expect(rel(body)).toEqual([
      ['中华人民共和国测试甲暂行条例', 'law', 'repeals'],
      ['关于惩治测试乙犯罪的补充规定', 'decree', 'repeals'],
    ]);
  });

  it('reads items numbered （1） under a rule that stops applying a list', () => {
    const body = ['省人民政府下列规章同时废止：', '（1）广东省测试甲管理办法；', '（2）广东省测试乙实施细则。', '本规定自2020年1月1日起施行。'].join('\n');
    expect(rel(body)).toEqual([
      ['广东省测试甲管理办法', 'decree', 'repeals'],
      ['广东省测试乙实施细则', 'decree', 'repeals'],
    ]);
  });

  it('a blank line or an item that is no document does not end the list', () => {
    const body = ['市人民政府下列文件同时废止：', '', '（1）北京市测试甲管理办法；', '', '（2）北京市测试名录；', '（3）北京市测试乙实施细则。', '本办法自2022年1月1日起施行。'].join('\n');
    expect(rel(body)).toEqual([
      ['北京市测试甲管理办法', 'decree', 'repeals'],
      ['北京市测试乙实施细则', 'decree', 'repeals'],
    ]);
  });
});

describe('the document\'s own order number is no citation, however its organ is printed', () => {
  it.each([
    ['江西省人民政府令\n（第223号）\n', '（2011年8月26日省人民政府令第190号公布　2016年9月21日省人民政府令第223号修正）', ['省人民政府令第190号']],
    ['广东省人民政府令\n（第12号）\n', '本规定经省政府令第12号公布，广东省政府令第11号同时废止。', ['广东省政府令第11号']],
  ])('%s', (header, body, cited) => {
    const [d] = recordsOf(gazetteOf(body, `${header}《测试管理办法》已经省人民政府常务会议通过，现予公布。\n`));
    expect(d!.citations.map((c) => c.docNumber)).toEqual(cited);
  });

  it('but another organ\'s code with the same serial is another document (国发 is not 国办发)', () => {
    expect(one('根据国发〔2018〕99号和郑政办〔2018〕99号执行。').citations.map((c) => c.docNumber)).toEqual(['国发〔2018〕99号', '郑政办〔2018〕99号']);
  });
});

describe('drafting intents are their own relation', () => {
  const rel = (body: string) => one(body).citations.map((c) => [c.docNumber ?? c.title, c.relation]);

  it.each([
    // The sample, 郑政办文〔2018〕18号.
    ['一是研究制订《郑州市生活垃圾分类考核办法》、《郑州市生活垃圾分类管理经费补贴办法》等配套文件。', [['郑州市生活垃圾分类考核办法', 'drafts'], ['郑州市生活垃圾分类管理经费补贴办法', 'drafts']]],
    ['市经济和信息化局负责起草《北京市测试促进办法》。', [['北京市测试促进办法', 'drafts']]],
    ['省商务厅抓紧制定《广东省测试扶持政策》。', [['广东省测试扶持政策', 'drafts']]],
    // Already made, or numbered: a citation of an existing document.
    ['依据已制定《广东省测试扶持政策》执行。', [['广东省测试扶持政策', 'basis']]],
    ['各地已制定《广东省测试扶持政策》。', [['广东省测试扶持政策', 'mentions']]],
    ['我市已研究制定《北京市测试促进办法》。', [['北京市测试促进办法', 'mentions']]],
    ['修改后重新制定《广东省测试管理办法》（粤府办〔2019〕5号）。', [['粤府办〔2019〕5号', 'mentions']]],
  ])('%s', (sentence, expected) => {
    expect(rel(sentence)).toEqual(expected);
  });
});

describe('citations resolved across the sample issue', () => {
  const docs = recordsOf(readGazette('sample.txt', Buffer.from(sampleText(), 'utf8')));
  const byId = new Map(docs.map((d) => [d.id, d]));
  const targets = (id: string) => [...new Set(byId.get(id)!.citations.map((c) => c.target).filter(Boolean))].sort();

  it('郑政文〔2018〕95号 cites 郑政〔2018〕25号 and 郑政文〔2018〕92号', () => {
    expect(targets('郑政文〔2018〕95号')).toEqual(['郑政〔2018〕25号', '郑政文〔2018〕92号']);
  });
  it('a 《…资金奖补政策》 cited by title in 郑政〔2018〕25号 resolves to the notice that issues it', () => {
    expect(targets('郑政〔2018〕25号')).toEqual(['郑政文〔2018〕95号']);
  });
  it('郑发〔2017〕17号 is not in the issue: cited by 郑政〔2018〕19号 without a target', () => {
    const c = byId.get('郑政〔2018〕19号')!.citations.filter((x) => x.docNumber === '郑发〔2017〕17号');
    expect(c).toHaveLength(2);
    expect(c.every((x) => x.target === null)).toBe(true);
  });
  it('a cited title naming another document of the run than its number is flagged; the number wins', () => {
    const extra = '\n\n郑州市人民政府\n\n关于测试引用的通知\n\n郑政〔2018〕99号 2018年4月30日\n\n根据《郑州市人民政府关于进一步加快轨道交通发展的意见》（郑政〔2018〕20号），制定本通知。';
    const d = recordsOf(readGazette('s.txt', Buffer.from(sampleText() + extra, 'utf8'))).find((x) => x.id === '郑政〔2018〕99号')!;
    expect(d.citations.map((c) => [c.target, c.conflict])).toEqual([['郑政〔2018〕20号', 'title names 郑政〔2018〕19号, number 郑政〔2018〕20号']]);
  });

  it('every number citation in the issue is found', () => {
    const all = docs.flatMap((d) => d.citations.map((c) => c.docNumber)).filter(Boolean);
    const printed = [...sampleText().matchAll(/[\u4e00-\u9fff]{1,8}〔\d{4}〕\s*\d+\s*号/g)].length;
    const headers = docs.filter((d) => d.docNumber).length;
    // Each printed number is a header or a citation (orders are counted apart).
    expect(all.filter((n) => !n!.includes('令')).length).toBe(printed - headers);
  });
});

describe('agencies across the sample issue', () => {
  const docs = recordsOf(readGazette('sample.txt', Buffer.from(sampleText(), 'utf8')));
  const ids = (alias: string) => [...new Set(docs.flatMap((d) => [...d.assignments, ...d.appointments]).filter((x) => x.agency === alias).map((x) => x.agencyId))];

  it.each([
    ['市发展改革委', 'agency:郑州市发展和改革委员会'],
    ['市人防办', 'agency:郑州市人民防空办公室'],
    // Not the standard 农业委员会 of the table: the corpus prints Zhengzhou's body in full in its 任免 list.
    ['市农委', 'agency:郑州市农业农村工作委员会'],
    ['市城管局', 'agency:郑州市城市管理局'],
  ])('%s is %s', (alias, id) => {
    expect(ids(alias)).toEqual([id]);
  });

  it('a short name merges only into one full name of the same place that keeps its characters in order', () => {
    const key = (agencies: [string, string][]) => ({ id: 'x', docNumber: null, titleKeys: [], agencies });
    const merges = agencyMerges([
      key([['agency:郑州市环境保护局', '市环保局'], ['agency:郑州市农业委员会', '市农委'], ['agency:郑州市财政局', '市财政局'], ['agency:郑州市交通委', '市交通委']]),
      key([['agency:郑州市农业农村工作委员会', '郑州市农业农村工作委员会'], ['agency:开封市财政局', '开封市财政局'], ['agency:河南省财政厅', '河南省财政厅']]),
      key([['agency:郑州市交通运输委员会', '郑州市交通运输委员会'], ['agency:郑州市交通运输管理委员会', '郑州市交通运输管理委员会']]),
    ]);
    expect(Object.fromEntries(merges)).toEqual({ 'agency:郑州市农业委员会': 'agency:郑州市农业农村工作委员会' });
  });
});
