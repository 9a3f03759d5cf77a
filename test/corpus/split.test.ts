import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readGazette } from '../../corpus/read.js';
import { documentMeta } from '../../extractors/metadata.js';
import { disclosurePage } from '../fixtures/disclosurePage.js';
import { sampleText } from '../helpers.js';

// The sample issue's 18 documents, as a reader of the printed gazette would list them.
const EXPECTED: [string | null, string, string, string, string][] = [
  ['郑政〔2018〕19号', '郑州市人民政府关于进一步加快轨道交通发展的意见', '郑州市人民政府', '意见', '2018-04-07'],
  ['郑政〔2018〕20号', '郑州市人民政府关于印发2018年郑州市十件重点民生实事的通知', '郑州市人民政府', '通知', '2018-04-16'],
  ['郑政〔2018〕25号', '郑州市人民政府关于印发郑州市清洁取暖试点城市建设项目和资金管理的通知', '郑州市人民政府', '通知', '2018-04-24'],
  ['郑政〔2018〕27号', '郑州市人民政府关于加快农村公路建设2018—2020年三年行动计划的实施意见', '郑州市人民政府', '意见', '2018-04-25'],
  ['郑政〔2018〕28号', '郑州市人民政府关于国有土地上房屋征收和国有土地使用权收回有关问题的意见', '郑州市人民政府', '意见', '2018-04-26'],
  ['郑政文〔2018〕74号', '郑州市人民政府关于印发郑州市矿产资源总体规划（2016—2020年）的通知', '郑州市人民政府', '通知', '2018-04-02'],
  ['郑政文〔2018〕83号', '郑州市人民政府关于印发郑州市加快文化产业发展若干政策的通知', '郑州市人民政府', '通知', '2018-04-12'],
  ['郑政文〔2018〕92号', '郑州市人民政府关于印发郑州市清洁取暖试点城市建设工作方案（2017—2020年）的通知', '郑州市人民政府', '通知', '2018-04-24'],
  ['郑政文〔2018〕93号', '郑州市人民政府关于印发郑州市“西热东送”工程实施方案的通知', '郑州市人民政府', '通知', '2018-04-24'],
  ['郑政文〔2018〕95号', '郑州市人民政府关于印发郑州市清洁取暖试点城市示范项目资金奖补政策的通知', '郑州市人民政府', '通知', '2018-04-24'],
  ['郑政办〔2018〕44号', '郑州市人民政府办公厅关于印发中国（河南）自由贸易试验区郑州片区事中事后监管体系建设总体方案（试行）的通知', '郑州市人民政府办公厅', '通知', '2018-04-11'],
  ['郑政办〔2018〕45号', '郑州市人民政府办公厅关于印发郑州市生态修复城市修补工作实施方案的通知', '郑州市人民政府办公厅', '通知', '2018-04-16'],
  ['郑政办〔2018〕46号', '郑州市人民政府办公厅关于加快郑州国际会展名城建设的意见', '郑州市人民政府办公厅', '意见', '2018-04-20'],
  ['郑政办〔2018〕47号', '郑州市人民政府办公厅关于印发全市高层建筑外墙装饰和保温材料消防安全综合治理工作方案的通知', '郑州市人民政府办公厅', '通知', '2018-04-25'],
  ['郑政办文〔2018〕18号', '郑州市人民政府办公厅关于印发2018年度郑州市城市精细化管理工作方案的通知', '郑州市人民政府办公厅', '通知', '2018-04-02'],
  ['郑政办文〔2018〕25号', '郑州市人民政府办公厅关于印发郑州市城镇人口密集区危险化学品生产企业搬迁改造工作实施方案的通知', '郑州市人民政府办公厅', '通知', '2018-04-17'],
  ['郑政办文〔2018〕27号', '郑州市人民政府办公厅关于印发郑州市保障农民工工资支付工作考核办法的通知', '郑州市人民政府办公厅', '通知', '2018-04-19'],
  [null, '郑州市人民政府任免人员', '郑州市人民政府', '任免', '2018-04-10'],
];

const metaOf = (path: string, bytes: Uint8Array) =>
  readGazette(path, bytes).documents.map((d) => {
    const m = documentMeta(d);
    return [m.docNumber, m.title, m.issuer, m.docType, m.issuedDate];
  });

describe('the sample issue splits into its 17 decrees and the appointment list', () => {
  const got = metaOf('sample.txt', Buffer.from(sampleText(), 'utf8'));
  it('yields exactly 18 documents', () => expect(got).toHaveLength(18));
  it.each(EXPECTED.map((e, i) => [i, e[0] ?? e[1], e] as const))('#%i %s', (i, _name, expected) => {
    expect(got[i]).toEqual(expected);
  });

  it('every document starts at its issuer line and they tile the issue without overlap', () => {
    const g = readGazette('sample.txt', Buffer.from(sampleText(), 'utf8'));
    const ranges = g.documents.map((d) => [d.norm.map[0]!, d.norm.map[d.norm.text.length]!]);
    for (let i = 1; i < ranges.length; i++) expect(ranges[i]![0]).toBeGreaterThanOrEqual(ranges[i - 1]![1]);
    expect(g.source.slice(ranges[0]![0], ranges[0]![0] + 7)).toBe('郑州市人民政府');
  });
});

describe('the same issue in other encodings and line ends gives the same documents', () => {
  const text = sampleText();
  it.each([
    ['GB18030', iconv.encode(text, 'gb18030')],
    ['UTF-8 with BOM and CRLF', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text.replace(/\n/g, '\r\n'), 'utf8')])],
    ['CR only', Buffer.from(text.replace(/\n/g, '\r'), 'utf8')],
    ['full-width digits and ［］ brackets', Buffer.from(text.replace(/〔(\d{4})〕/g, '［$1］').replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))), 'utf8')],
  ])('%s', (_name, bytes) => {
    expect(metaOf('copy.txt', bytes)).toEqual(EXPECTED);
  });

  it('Chinese-numeral dates (二〇一八年四月七日) parse to the same ISO date', () => {
    const g = readGazette('cn.txt', Buffer.from('郑州市人民政府\n\n关于进一步加快轨道交通发展的意见\n\n郑政〔2018〕19号\n\n二〇一八年四月七日\n\n各有关单位：\n\n正文。', 'utf8'));
    expect(documentMeta(g.documents[0]!).issuedDate).toBe('2018-04-07');
  });
});

describe('one disclosure page per document gives the same metadata as the printed issue', () => {
  const g = readGazette('sample.txt', Buffer.from(sampleText(), 'utf8'));
  it.each(g.documents.filter((d) => d.kind === 'decree').map((d, i) => [i, d] as const))('page %i', (i, d) => {
    const m = documentMeta(d);
    const body = g.source.slice(d.norm.map[d.bodyStart]!, d.norm.map[d.norm.text.length]!);
    const date = m.issuedDate!.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/, '$1年$2月$3日');
    const html = disclosurePage({ title: m.title, docNumber: m.docNumber!.replace('〔', '[').replace('〕', ']'), issuer: m.issuer, date }, body);
    const page = readGazette(`page-${i}.html`, Buffer.from(html, 'utf8'));
    expect(page.format).toBe('html');
    expect(page.documents).toHaveLength(1);
    const pm = documentMeta(page.documents[0]!);
    expect([pm.docNumber, pm.title, pm.issuer, pm.docType, pm.issuedDate]).toEqual(EXPECTED[i]);
    // Offsets point into the HTML source: the number's span reads back as printed on the page.
    const span = page.documents[0]!.header.docNumber!;
    const n = page.documents[0]!.norm;
    expect(page.source.slice(n.map[span[0]]!, n.map[span[1] - 1]! + 1)).toBe(m.docNumber!.replace('〔', '[').replace('〕', ']'));
  });
});
