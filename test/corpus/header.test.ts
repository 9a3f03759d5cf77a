import { describe, expect, it } from 'vitest';
import { readGazette } from '../../corpus/read.js';
import type { Range, SourceDocument } from '../../corpus/split.js';
import { documentMeta } from '../../extractors/metadata.js';

/** Synthetic one-document texts, one per printed form, each from more than one issuer. */
const read = (text: string, path = 'fixture.txt') => readGazette(path, Buffer.from(text, 'utf8'));
const fields = (d: SourceDocument) => {
  const m = documentMeta(d);
  return { docNumber: m.docNumber, title: m.title, issuer: m.issuer, coIssuers: m.coIssuers, date: m.issuedDate, titleSource: m.titleSource };
};
/** The source text a header range points at. */
const printed = (source: string, d: SourceDocument, r: Range | null) => r && source.slice(d.norm.map[r[0]]!, d.norm.map[r[1] - 1]! + 1);

describe('printed header forms', () => {
  it.each([
    [
      'number in parentheses under the title, signature date with ○',
      '新疆维吾尔自治区质量技术监督局办公室关于开展测试工作的通知\n（新质监办发〔2012〕24号）\n各地、州、市质量技术监督局：\n现将测试事项通知如下。\n新疆维吾尔自治区质量技术监督局办公室\n二○一二年一月九日\n',
      { docNumber: '新质监办发〔2012〕24号', title: '新疆维吾尔自治区质量技术监督局办公室关于开展测试工作的通知', issuer: '新疆维吾尔自治区质量技术监督局办公室', coIssuers: [], date: '2012-01-09', titleSource: 'header' },
      '新质监办发〔2012〕24号',
    ],
    [
      'number in parentheses, a prefix holding 经',
      '北京市经济和信息化局关于印发《测试管理办法》的通知\n（京经信发〔2022〕87号）\n各区经济和信息化主管部门：\n现将《测试管理办法》印发给你们，请认真贯彻执行。\n北京市经济和信息化局\n2022年9月30日\n',
      { docNumber: '京经信发〔2022〕87号', title: '北京市经济和信息化局关于印发《测试管理办法》的通知', issuer: '北京市经济和信息化局', coIssuers: [], date: '2022-09-30', titleSource: 'header' },
      '京经信发〔2022〕87号',
    ],
    [
      '司法解释: number then the adoption note',
      '最高人民法院关于审理测试案件适用法律若干问题的规定\n（法释〔2015〕16号）\n（2015年6月23日最高人民法院审判委员会第1655次会议通过，自2015年9月1日起施行）\n为正确审理测试案件，制定本规定。\n',
      { docNumber: '法释〔2015〕16号', title: '最高人民法院关于审理测试案件适用法律若干问题的规定', issuer: '最高人民法院', coIssuers: [], date: '2015-06-23', titleSource: 'header' },
      '法释〔2015〕16号',
    ],
    [
      'order and serial on separate lines, the rule promulgated as title',
      '上海市人民政府令\n（第19号）\n《上海市测试数据开放暂行办法》已经2019年8月29日市政府第61次常务会议通过，现予公布，自2019年10月1日起施行。\n市长　测试\n2019年8月30日\n',
      { docNumber: '上海市人民政府令第19号', title: '上海市测试数据开放暂行办法', issuer: '上海市人民政府', coIssuers: [], date: '2019-08-30', titleSource: 'header' },
      '上海市人民政府令\n（第19号）',
    ],
    [
      'order of a province, serial without brackets',
      '广东省人民政府令\n第 270 号\n《广东省测试管理规定》已经2019年11月14日省人民政府第十三届49次常务会议通过，现予公布。\n省长　测试\n2019年11月25日\n',
      { docNumber: '广东省人民政府令第270号', title: '广东省测试管理规定', issuer: '广东省人民政府', coIssuers: [], date: '2019-11-25', titleSource: 'header' },
      '广东省人民政府令\n第 270 号',
    ],
    [
      'a rule titled by itself (no 关于), number under it',
      '江西省测试数据管理办法\n（赣府厅发〔2020〕6号）\n第一条 为了规范测试数据管理，制定本办法。\n',
      { docNumber: '赣府厅发〔2020〕6号', title: '江西省测试数据管理办法', issuer: null, coIssuers: [], date: null, titleSource: 'header' },
      '赣府厅发〔2020〕6号',
    ],
    [
      'issuer line above a rule title',
      '国务院办公厅\n测试工作规则\n国办发〔2019〕5号\n第一条 为了规范测试工作，制定本规则。\n',
      { docNumber: '国办发〔2019〕5号', title: '测试工作规则', issuer: '国务院办公厅', coIssuers: [], date: null, titleSource: 'header' },
      '国办发〔2019〕5号',
    ],
    [
      'a title longer than 80 characters',
      `广东省人民政府办公厅关于印发《广东省${'测试'.repeat(40)}工作方案》的通知\n粤府办〔2020〕2号\n各地级以上市人民政府：\n现印发给你们，请认真组织实施。\n广东省人民政府办公厅\n2020年1月16日\n`,
      { docNumber: '粤府办〔2020〕2号', title: `广东省人民政府办公厅关于印发《广东省${'测试'.repeat(40)}工作方案》的通知`, issuer: '广东省人民政府办公厅', coIssuers: [], date: '2020-01-16', titleSource: 'header' },
      '粤府办〔2020〕2号',
    ],
  ])('%s', (_name, text, expected, number) => {
    const g = read(text);
    expect(g.documents).toHaveLength(1);
    const d = g.documents[0]!;
    expect(fields(d)).toEqual(expected);
    expect(printed(g.source, d, d.header.docNumber)).toBe(number);
    expect(d.warnings).toEqual([]);
  });
});

describe('documents printed without a 发文字号', () => {
  it.each([
    [
      '公告 printing only （2020年）',
      '国家市场监督管理总局关于测试事项的公告\n（2020年）\n为规范测试事项，现公告如下。\n国家市场监督管理总局\n2020年3月2日\n',
      { docNumber: null, title: '国家市场监督管理总局关于测试事项的公告', issuer: '国家市场监督管理总局', coIssuers: [], date: '2020-03-02', titleSource: 'header' },
    ],
    [
      '决定 with its adoption note',
      '全国人民代表大会常务委员会关于测试事项的决定\n（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议通过）\n为了测试，作如下决定：\n一、测试。\n',
      { docNumber: null, title: '全国人民代表大会常务委员会关于测试事项的决定', issuer: '全国人民代表大会常务委员会', coIssuers: [], date: '2021-06-10', titleSource: 'header' },
    ],
    [
      'a title wrapped over two lines under its issuer',
      '江西省人民政府办公厅\n关于进一步做好测试工作\n的通知\n各市、县（区）人民政府：\n现通知如下。\n江西省人民政府办公厅\n2020年2月3日\n',
      { docNumber: null, title: '江西省人民政府办公厅关于进一步做好测试工作的通知', issuer: '江西省人民政府办公厅', coIssuers: [], date: '2020-02-03', titleSource: 'header' },
    ],
    [
      '统计公报: the issuing bodies printed apart under the headline',
      '测试县2022年国民经济和社会发展统计公报\n测试县统计局　　国家统计局测试调查队\n（2023年5月）\n2022年，全县经济稳中有进。\n',
      { docNumber: null, title: '测试县2022年国民经济和社会发展统计公报', issuer: '测试县统计局', coIssuers: ['国家统计局测试调查队'], date: null, titleSource: 'header' },
    ],
    [
      '统计公报 of a province, a full date under the bodies',
      '测试省2022年国民经济和社会发展统计公报\n测试省统计局　国家统计局测试调查总队\n2023年3月28日\n2022年，全省经济企稳向好。\n',
      { docNumber: null, title: '测试省2022年国民经济和社会发展统计公报', issuer: '测试省统计局', coIssuers: ['国家统计局测试调查总队'], date: '2023-03-28', titleSource: 'header' },
    ],
    [
      'a law with its history note over two lines: the latest version dates it, the congress that adopted it issues it',
      '中华人民共和国测试法\n（1979年7月1日第五届全国人民代表大会第二次会议通过　1997年3月14日第八届全国人民代表大会第五次会议修订\n根据2020年12月26日第十三届全国人民代表大会常务委员会第二十四次会议通过的《中华人民共和国测试法修正案（十一）》修正）\n第一章　总则\n第一条　为了测试，制定本法。\n',
      { docNumber: null, title: '中华人民共和国测试法', issuer: '全国人民代表大会', coIssuers: [], date: '2020-12-26', titleSource: 'header' },
    ],
    [
      'a law adopted by the standing committee, the session wrapped, a date it takes effect that is no version',
      '中华人民共和国测试设备安全法\n（2013年6月29日第十二届全国人民代表大会常务委员会第3次\n会议通过　自2014年1月1日起施行）\n第一章　总则\n第一条　为了测试，制定本法。\n',
      { docNumber: null, title: '中华人民共和国测试设备安全法', issuer: '全国人民代表大会常务委员会', coIssuers: [], date: '2013-06-29', titleSource: 'header' },
    ],
    [
      'a browser print: the page title (headline--site (domain)), the headline again with its date',
      '测试市6条线路入选“百条精品线路”--测试省文化和旅游厅（hubei.gov.cn)\n测试市6条线路入选“百条精品线路”2021-06-02\n为庆祝测试，现发布线路。\n',
      { docNumber: null, title: '测试市6条线路入选“百条精品线路”', issuer: null, coIssuers: [], date: '2021-06-02', titleSource: 'header' },
    ],
    [
      'a browser print of a portal page (headline_site), no date under the headline',
      '广东省测试评选结果出炉_广东省人民政府门户网站\n广东省测试评选结果出炉\n9月18日，测试评选结果揭晓。\n',
      { docNumber: null, title: '广东省测试评选结果出炉', issuer: null, coIssuers: [], date: null, titleSource: 'header' },
    ],
    [
      'a report\'s cover: bodies stacked one a line under the headline',
      '2021年测试市社会性别统计报告\n测试市统计局\n测试市妇女儿童工作委员会\n测试市性别平等促进办公室\n2021年，测试市常住人口增长。\n',
      { docNumber: null, title: '2021年测试市社会性别统计报告', issuer: '测试市统计局', coIssuers: ['测试市妇女儿童工作委员会', '测试市性别平等促进办公室'], date: null, titleSource: 'header' },
    ],
    [
      'a 统计公报 with two bodies stacked under it, then its date',
      '测试县2022年国民经济和社会发展统计公报\n测试县统计局\n国家统计局测试调查队\n2023年3月8日\n2022年，全县经济稳中有进。\n',
      { docNumber: null, title: '测试县2022年国民经济和社会发展统计公报', issuer: '测试县统计局', coIssuers: ['国家统计局测试调查队'], date: '2023-03-08', titleSource: 'header' },
    ],
    [
      'an edition in parentheses on the line under the title',
      '测试病诊疗方案\n（试行第九版）\n为做好测试病诊疗工作，制定本方案。\n国家卫生健康委办公厅\n2022年3月14日\n',
      { docNumber: null, title: '测试病诊疗方案（试行第九版）', issuer: '国家卫生健康委办公厅', coIssuers: [], date: '2022-03-14', titleSource: 'header' },
    ],
    [
      'the red-head form: number above a title that goes on in parentheses with its 文种',
      '测试综发〔2022〕71号\n关于印发测试防控方案\n（第九版）的通知\n各省、自治区、直辖市：\n现印发给你们。\n测试机制综合组\n（国家卫生健康委代章）\n2022年6月27日\n',
      { docNumber: '测试综发〔2022〕71号', title: '关于印发测试防控方案（第九版）的通知', issuer: '测试机制综合组', coIssuers: [], date: '2022-06-27', titleSource: 'header' },
    ],
    [
      'a plan\'s years under its title, a date in parentheses not',
      '上海市测试产业行动计划\n（2023—2025年）\n为推动测试产业发展，制定本计划。\n',
      { docNumber: null, title: '上海市测试产业行动计划（2023—2025年）', issuer: null, coIssuers: [], date: null, titleSource: 'header' },
    ],
    [
      'a date in parentheses under the title is its date, not part of it',
      '中共测试省委测试省人民政府关于做好测试工作的意见\n（2023年1月2日）\n为做好测试工作，提出如下意见。\n',
      { docNumber: null, title: '中共测试省委测试省人民政府关于做好测试工作的意见', issuer: '中共测试省委测试省人民政府', coIssuers: [], date: '2023-01-02', titleSource: 'header' },
    ],
  ])('%s', (_name, text, expected) => {
    const g = read(text);
    expect(g.documents).toHaveLength(1);
    expect(fields(g.documents[0]!)).toEqual(expected);
  });

  it.each([
    ['jiangxi_body_only.txt', '各市、县（区）人民政府，省政府各部门：\n为做好测试工作，特制定以下举措。\n一、加强宣传。\n江西省市场监督管理局\n2020年3月18日\n', '江西省市场监督管理局', '2020-03-18'],
    ['guangdong-body.txt', '为了测试，现将有关事项通知如下：\n请各单位认真执行。\n', null, null],
  ])('a body with no header is one document titled by its file name, flagged (%s)', (path, text, issuer, date) => {
    const g = read(text, `corpus/${path}`);
    expect(g.documents).toHaveLength(1);
    const m = documentMeta(g.documents[0]!);
    expect([m.title, m.titleSource, m.issuer, m.issuedDate, m.docNumber]).toEqual([path.replace(/\.txt$/, ''), 'file-name', issuer, date, null]);
    expect(m.warnings).toEqual([{ rule: 'header/none', message: 'no header printed; title taken from the file name' }]);
  });
});

describe('the signature (落款) dates and names the issuers', () => {
  it.each([
    ['郑州市人民政府\n关于测试的通知\n郑政〔2018〕99号\n各有关单位：\n经2018年3月1日市政府常务会议研究，现通知如下。\n郑州市人民政府\n2018年4月7日\n', '2018-04-07'],
    ['粤府办〔2020〕3号 is printed with its own date', '2020-01-20'],
  ].map(([a, b]) => (a!.includes('\n') ? [a, b] : ['广东省人民政府办公厅\n关于测试的通知\n粤府办〔2020〕3号 2020年1月18日\n各地级以上市人民政府：\n经2019年12月30日省政府同意，现通知如下。\n广东省人民政府办公厅\n2020年1月20日\n', b])))(
    'the signature date wins over a meeting date in the body and the header date: %#',
    (text, date) => {
      expect(documentMeta(read(text!).documents[0]!).issuedDate).toBe(date);
    },
  );

  it.each([
    ['工业和信息化部等七部门', ['工业和信息化部', '教育部', '科学技术部']],
    ['上海市科学技术委员会等三部门', ['上海市科学技术委员会', '上海市经济和信息化委员会', '上海市商务委员会']],
  ])('a collective issuer (%s) is replaced by the bodies the signature lists', (collective, signers) => {
    const text = `${collective}关于测试事项的实施意见\n测试〔2024〕12号\n各有关单位：\n现提出如下意见。\n${signers.join('\n')}\n2024年1月18日\n`;
    const m = documentMeta(read(text).documents[0]!);
    expect([m.title, m.issuer, m.coIssuers]).toEqual([`${collective}关于测试事项的实施意见`, signers[0], signers.slice(1)]);
  });

  it.each([
    ['国务院应对测试疫情\n联防联控机制综合组', '国务院应对测试疫情联防联控机制综合组'],
    ['广东省测试产业发展\n领导小组办公室', '广东省测试产业发展领导小组办公室'],
    // A closing formula without 。 above the signature is no piece of the name.
    ['特此通知\n北京市经济和信息化局', '北京市经济和信息化局'],
  ])('a signer wrapped over two lines is one body (%#)', (signature, issuer) => {
    const text = `关于测试事项的通知\n各有关单位：\n现通知如下。\n${signature}\n2022年6月27日\n`;
    expect(documentMeta(read(text).documents[0]!).issuer).toBe(issuer);
  });

  it.each([
    ['1-10月测试县固定资产投资结构趋稳\n2016-11-22\n1-10月，全县固定资产投资同比增长15.3%。（测试县发改局）\n', '测试县发改局'],
    ['测试市举办春季招聘活动\n本报讯 3月5日，测试市举办招聘会，提供岗位2000个。\n（测试市人力资源和社会保障局）\n', '测试市人力资源和社会保障局'],
    ['测试市举办春季招聘活动\n3月5日，测试市举办招聘会（详见附件）。\n（此件公开发布）\n', null],
  ])('a news item without a signature names its author in brackets at its end (%#)', (text, issuer) => {
    expect(documentMeta(read(text).documents[0]!).issuer).toBe(issuer);
  });

  it('joint issuers printed on one line, apart by a space, are split; the title keeps them as printed', () => {
    const m = documentMeta(read('中共中央　国务院关于测试工作的意见\n（2023年1月2日）\n现提出如下意见。\n').documents[0]!);
    expect([m.title, m.issuer, m.coIssuers, m.issuedDate]).toEqual(['中共中央国务院关于测试工作的意见', '中共中央', ['国务院'], '2023-01-02']);
  });
});

describe('what is not a document is still rejected', () => {
  it.each([
    ['目  录\n\n郑州市人民政府关于测试的意见（郑政〔2018〕19号）……1\n\n广东省人民政府关于测试的通知……5\n', 'split/toc'],
    ['郑州市人民政府\n\n关于进一步加快轨道交通', 'split/no-text'],
  ])('%#', (text, rule) => {
    expect(() => read(text)).toThrow(expect.objectContaining({ problem: expect.objectContaining({ rule }) }));
  });
});
