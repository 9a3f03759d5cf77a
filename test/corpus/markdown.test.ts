import { describe, expect, it } from 'vitest';
import { readGazette } from '../../corpus/read.js';
import { documentMeta } from '../../extractors/metadata.js';

/** Synthetic Markdown exports in the two styles published: policy crawlers and LawRefBook law texts. */
const read = (text: string) => readGazette('export.md', Buffer.from(text, 'utf8'));
const fields = (text: string) => {
  const g = read(text);
  expect(g.documents).toHaveLength(1);
  const m = documentMeta(g.documents[0]!);
  return { docNumber: m.docNumber, title: m.title, issuer: m.issuer, coIssuers: m.coIssuers, date: m.issuedDate, titleSource: m.titleSource };
};

describe('policy-crawler Markdown: # title, **字段**: lines, --- and ## sections', () => {
  it.each([
    [
      'the printed header under the metadata wins; 发布机构 abbreviated, signature in full',
      '# 工业和信息化部等三部门关于测试产业发展的实施意见\n\n**发布日期**: 2024年1月\n**发布机构**: 工信部\n**来源**: https://example.org/a.htm\n\n---\n\n## 政策全文\n工业和信息化部等三部门关于测试产业发展的实施意见\n工信部联科〔2024〕12号\n\n各有关单位：\n\n现提出如下意见。\n\n工业和信息化部\n教育部\n科学技术部\n2024年1月18日\n\n**更新时间**: 2026-01-26 11:25:38\n',
      { docNumber: '工信部联科〔2024〕12号', title: '工业和信息化部等三部门关于测试产业发展的实施意见', issuer: '工业和信息化部', coIssuers: ['教育部', '科学技术部'], date: '2024-01-18', titleSource: 'header' },
    ],
    [
      'a number alone above the salutation; the heading is the title; 发布机构 is the portal, not the issuer',
      '# 上海市人民政府办公厅印发《关于测试的若干措施》的通知\n\n**发布日期**: 2025-12-26\n**发布机构**: 上海市科学技术委员会\n\n---\n\n沪府办规〔2025〕15号\n\n相关区人民政府：\n\n  《关于测试的若干措施》已经市政府同意，现印发给你们。\n\n上海市人民政府办公厅\n\n2025年12月2日\n',
      { docNumber: '沪府办规〔2025〕15号', title: '上海市人民政府办公厅印发《关于测试的若干措施》的通知', issuer: '上海市人民政府办公厅', coIssuers: [], date: '2025-12-02', titleSource: 'metadata' },
    ],
    [
      'no header, no signature: the heading, 发布机构 and 发布日期 are all there is',
      '# 问答实录：测试措施有关情况\n\n**发布日期**: 2025-10-13\n**发布机构**: 上海市科学技术委员会\n\n---\n\n记者：测试措施怎样制定？\n\n答：按照测试要求制定。\n',
      { docNumber: null, title: '问答实录：测试措施有关情况', issuer: '上海市科学技术委员会', coIssuers: [], date: '2025-10-13', titleSource: 'metadata' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(fields(text)).toEqual(expected);
  });
});

describe('LawRefBook Markdown: title, history lines, <!-- INFO END -->', () => {
  it.each([
    [
      '部门规章: the order number on the 公布 line, the organ issues it; 施行 is not a version',
      '# 测试价格行为规定\n\n2022年4月14日 国家市场监督管理总局令第56号公布\n\n2022年7月1日 施行\n\n<!-- INFO END -->\n\n第一条 为了规范测试，制定本规定。\n',
      { docNumber: '国家市场监督管理总局令第56号', title: '测试价格行为规定', issuer: '国家市场监督管理总局', coIssuers: [], date: '2022-04-14', titleSource: 'metadata' },
    ],
    [
      '行政法规: 中华人民共和国国务院令 canonicalised, dated by the last revision',
      '# 中华人民共和国测试条例实施细则\n\n2009年7月20日中华人民共和国国务院令第557号公布\n\n根据2016年2月6日《国务院关于修改部分行政法规的决定》修订\n\n2019年10月11日中华人民共和国国务院令第721号修订\n\n<!-- INFO END -->\n\n第一条 根据《中华人民共和国测试法》，制定本条例。\n',
      { docNumber: '国务院令第557号', title: '中华人民共和国测试条例实施细则', issuer: '国务院', coIssuers: [], date: '2019-10-11', titleSource: 'metadata' },
    ],
    [
      '部门规章 amended by a decision: the 修改 line dates the version in force',
      '# 测试投诉处理暂行办法\n\n2019年11月30日 国家市场监督管理总局令第20号公布\n\n2022年3月24日 《国家市场监督管理总局关于修改和废止有关规章的决定》修改\n\n<!-- INFO END -->\n\n第一条 为规范测试，制定本办法。\n',
      { docNumber: '国家市场监督管理总局令第20号', title: '测试投诉处理暂行办法', issuer: '国家市场监督管理总局', coIssuers: [], date: '2022-03-24', titleSource: 'metadata' },
    ],
    [
      '行政法规 promulgated again: the number of the latest 公布 line',
      '# 测试条例\n\n2009年7月20日 中华人民共和国国务院令第557号公布\n\n2019年10月11日 中华人民共和国国务院令第721号公布\n\n2019年12月1日 施行\n\n<!-- INFO END -->\n\n第一条 为了测试，制定本条例。\n',
      { docNumber: '国务院令第721号', title: '测试条例', issuer: '国务院', coIssuers: [], date: '2019-10-11', titleSource: 'metadata' },
    ],
    [
      '地方性法规: no number printed; the congress that adopted it issues it',
      '# 北京市测试教育规定\n\n1995年6月8日 北京市第十届人民代表大会常务委员会第十七次会议通过\n\n2016年11月25日 北京市第十四届人民代表大会常务委员会第三十一次会议修正\n\n<!-- INFO END -->\n\n第一条 为促进测试，制定本规定。\n',
      { docNumber: null, title: '北京市测试教育规定', issuer: '北京市人民代表大会常务委员会', coIssuers: [], date: '2016-11-25', titleSource: 'metadata' },
    ],
    [
      '法律: the national congress',
      '# 中华人民共和国测试法\n\n1999年4月29日 第九届全国人民代表大会常务委员会第九次会议通过\n\n2023年9月1日 第十四届全国人民代表大会常务委员会第五次会议修订\n\n<!-- INFO END -->\n\n第一条 为了测试，制定本法。\n',
      { docNumber: null, title: '中华人民共和国测试法', issuer: '全国人民代表大会常务委员会', coIssuers: [], date: '2023-09-01', titleSource: 'metadata' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(fields(text)).toEqual(expected);
  });
});

describe('司法解释 and other joint texts in a law collection', () => {
  it.each([
    [
      'joint 解释: the heading keeps its 、 where the headline sets the courts apart by a space; dated when the later court adopted it',
      '# 最高人民法院、最高人民检察院关于测试甲刑事案件适用法律若干问题的解释\n\n2024年11月4日 最高人民法院审判委员会第1930次会议、2024年6月27日最高人民检察院第十四届检察委员会第三十二次会议通过\n\n2025年1月18日 施行\n\n<!-- INFO END -->\n\n最高人民法院 最高人民检察院\n\n关于测试甲刑事案件适用法律\n\n若干问题的解释\n\n法释〔2025〕1号\n\n为依法惩治测试甲犯罪，现就有关问题解释如下：\n\n第一条 测试。\n',
      { docNumber: '法释〔2025〕1号', title: '最高人民法院、最高人民检察院关于测试甲刑事案件适用法律若干问题的解释', issuer: '最高人民法院', coIssuers: ['最高人民检察院'], date: '2024-11-04', titleSource: 'metadata' },
    ],
    [
      'one court: 高检发释字 number line under the adoption line',
      '# 最高人民检察院关于测试乙行为法律适用问题的解释\n\n2001年1月2日 最高人民检察院第九届检察委员会第七十九次会议通过\n\n<!-- INFO END -->\n\n高检发释字〔2001〕2号\n\n为依法办理测试乙案件，解释如下：\n\n测试乙的，依照刑法追究刑事责任。\n',
      { docNumber: '高检发释字〔2001〕2号', title: '最高人民检察院关于测试乙行为法律适用问题的解释', issuer: '最高人民检察院', coIssuers: [], date: '2001-01-02', titleSource: 'metadata' },
    ],
    [
      'a heading without its issuer: the court whose committee adopted it',
      '# 关于审理测试丙民事案件适用法律若干问题的规定\n\n2021年6月8日 最高人民法院审判委员会第1841次会议通过\n\n2021年8月1日 施行\n\n<!-- INFO END -->\n\n为正确审理测试丙案件，制定本规定。\n\n第一条 测试。\n',
      { docNumber: null, title: '关于审理测试丙民事案件适用法律若干问题的规定', issuer: '最高人民法院', coIssuers: [], date: '2021-06-08', titleSource: 'metadata' },
    ],
    [
      'a 通知 signed and dated at its end: the signature dates it, not the adoption line',
      '# 最高人民检察院关于测试丁若干问题的通知\n\n1997年9月24日 最高人民检察院第八届检察委员会第七十四次会议通过\n\n<!-- INFO END -->\n\n地方各级人民检察院：\n\n现对测试丁问题通知如下。\n\n最高人民检察院\n\n1997年10月6日\n',
      { docNumber: null, title: '最高人民检察院关于测试丁若干问题的通知', issuer: '最高人民检察院', coIssuers: [], date: '1997-10-06', titleSource: 'metadata' },
    ],
    [
      'a 规定 as amended: the amendment dates it, not the 施行 of the 修正 the next line names',
      '# 最高人民法院关于审理测试己案件适用法律若干问题的规定\n\n2015年6月23日 最高人民法院审判委员会第1655次会议通过\n\n根据2020年8月18日最高人民法院审判委员会第1809次会议通过的《最高人民法院关于修改〈关于审理测试己案件适用法律若干问题的规定〉的决定》修正\n\n该修正自2020年8月20日施行\n\n<!-- INFO END -->\n\n为正确审理测试己案件，制定本规定。\n\n第一条 测试。\n',
      { docNumber: null, title: '最高人民法院关于审理测试己案件适用法律若干问题的规定', issuer: '最高人民法院', coIssuers: [], date: '2020-08-18', titleSource: 'metadata' },
    ],
    [
      'a 办法 amended, its 施行 on the same line: the amendment dates it',
      '# 北京市测试庚管理办法\n\n2010年3月1日 北京市人民政府令第200号公布\n\n2018年2月12日 北京市人民政府令第277号修改，该修改自2018年4月1日起施行\n\n<!-- INFO END -->\n\n第一条 为了测试，制定本办法。\n',
      { docNumber: '北京市人民政府令第200号', title: '北京市测试庚管理办法', issuer: '北京市人民政府', coIssuers: [], date: '2018-02-12', titleSource: 'metadata' },
    ],
    [
      'a joint 公告 with no history: the bodies the heading opens with issue it',
      '# 国家税务总局、海关总署关于测试戊有关事项的公告\n\n<!-- INFO END -->\n\n现将测试戊有关事项公告如下。\n',
      { docNumber: null, title: '国家税务总局、海关总署关于测试戊有关事项的公告', issuer: '国家税务总局', coIssuers: ['海关总署'], date: null, titleSource: 'metadata' },
    ],
  ])('%s', (_name, text, expected) => {
    expect(fields(text)).toEqual(expected);
  });
});
