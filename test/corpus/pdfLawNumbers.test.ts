import { describe, expect, it } from 'vitest';
import { chineseNumber } from '../../corpus/dates.js';
import { canonicalDocNumber } from '../../corpus/docNumber.js';
import { lawHistory } from '../../corpus/header/lawHistory.js';
import { linesOf } from '../../corpus/header/lines.js';
import { normalizeChars } from '../../corpus/normalize.js';
import { extractBytes, extractInput } from '../../pipeline/extract.js';
import type { DocumentRecord } from '../../graph/model.js';
import { buildPdf } from '../fixtures/pdf.js';

/**
 * The 发文字号 of law and regulation prints: in the history note under the title (…主席令第二十九号公布)
 * or in the order block above the text (中华人民共和国国务院令 / 第 7 0 9 号). Synthetic texts, read as
 * plain text and as a PDF set one line under another (long lines wrapped at 36 characters).
 */
const fieldsOf = (docs: DocumentRecord[]) => docs.map((d) => ({ docNumber: d.docNumber, title: d.title, issuer: d.issuer, date: d.issuedDate }));

function asText(text: string) {
  const r = extractBytes('law.txt', Buffer.from(text), { keywords: false });
  if ('rejected' in r) throw new Error(r.rejected);
  return fieldsOf(r.documents);
}

async function asPdf(text: string) {
  const rows = text.trim().split('\n').flatMap((l) => l.match(/.{1,36}/gu) ?? []);
  const pdf = buildPdf([{ texts: rows.map((t, i) => ({ text: t, x: 72, y: 80 + 22 * i, size: 12 })) }]);
  const r = await extractInput('law.pdf', pdf, { keywords: false });
  if ('rejected' in r) throw new Error(r.rejected);
  return fieldsOf(r.documents);
}

const BODY = '第一章　总则\n第一条　为了规范测试工作，制定本规定。\n';

describe('numbers of law and regulation prints', () => {
  it.each([
    [
      'a law: the latest 主席令 in the history note, in Chinese numerals; the congress issues it',
      `中华人民共和国测试法\n（2008年10月28日第十一届全国人民代表大会常务委员会第五次会议通过　2008年10月28日中华人民共和国主席令第六号公布　根据2019年4月23日第十三届全国人民代表大会常务委员会第十次会议《关于修改〈中华人民共和国建筑法〉等八部法律的决定》修正　2019年4月23日中华人民共和国主席令第二十九号公布）\n${BODY}`,
      { docNumber: '主席令第29号', title: '中华人民共和国测试法', issuer: '全国人民代表大会常务委员会', date: '2019-04-23' },
    ],
    [
      'a State Council regulation: 国务院令 in the note, the State Council issues it',
      `测试燃气管理条例\n（2010年11月19日中华人民共和国国务院令第583号公布　根据2016年2月6日《国务院关于修改部分行政法规的决定》修订）\n${BODY}`,
      { docNumber: '国务院令第583号', title: '测试燃气管理条例', issuer: '国务院', date: '2016-02-06' },
    ],
    [
      'a ministry rule: 部门令 in the note',
      `测试计量监督管理办法\n（2019年12月20日国家市场监督管理总局令第21号公布）\n${BODY}`,
      { docNumber: '国家市场监督管理总局令第21号', title: '测试计量监督管理办法', issuer: '国家市场监督管理总局', date: '2019-12-20' },
    ],
    [
      'a State Council order block above the text, its serial spaced digit by digit',
      '中华人民共和国国务院令\n第 7 0 9 号\n《测试设施管理条例》已经2019年1月9日国务院第33次常务会议通过，现予公布，自2019年5月1日起施行。\n总理　测试\n2019年2月3日\n测试设施管理条例\n' + BODY,
      { docNumber: '国务院令第709号', title: '测试设施管理条例', issuer: '国务院', date: '2019-02-03' },
    ],
    [
      'a province order block under the rule\'s title, organ and serial on one line',
      '广东省测试管理规定\n广东省人民政府令第270号\n《广东省测试管理规定》已经2019年11月14日省人民政府第十三届49次常务会议通过，现予公布。\n省长　测试\n2019年11月25日\n' + BODY,
      { docNumber: '广东省人民政府令第270号', title: '广东省测试管理规定', issuer: '广东省人民政府', date: '2019-11-25' },
    ],
    [
      'a ministry order on one line at the top, over the sentence promulgating the rule',
      '国家市场监督管理总局令第21号\n《测试计量监督管理办法》已经2019年11月8日市场监管总局第11次局务会议通过，现予公布，自2020年1月1日起施行。\n局长　测试\n2019年12月20日\n' + BODY,
      { docNumber: '国家市场监督管理总局令第21号', title: '测试计量监督管理办法', issuer: '国家市场监督管理总局', date: '2019-12-20' },
    ],
  ])('%s', async (_name, text, expected) => {
    expect(asText(text)).toEqual([expected]);
    expect(await asPdf(text)).toEqual([expected]);
  });

  it('an order number alone on a line of a body\'s list does not start a document', () => {
    const text = '测试燃气管理条例\n第一条　为了测试，制定本条例。\n第九十条　下列规章同时废止：\n1.城市燃气安全管理规定\n建设部令第10号\n2.城市燃气管理办法\n建设部令第62号\n3.测试规定\n';
    expect(asText(text)).toEqual([{ docNumber: null, title: '测试燃气管理条例', issuer: null, date: null }]);
  });

  it('a law adopted by a congress and promulgated by no printed order keeps no number', async () => {
    const text = `中华人民共和国测试安全法\n（2013年6月29日第十二届全国人民代表大会常务委员会第三次会议通过　自2014年1月1日起施行）\n${BODY}`;
    const expected = { docNumber: null, title: '中华人民共和国测试安全法', issuer: '全国人民代表大会常务委员会', date: '2013-06-29' };
    expect(asText(text)).toEqual([expected]);
    expect(await asPdf(text)).toEqual([expected]);
  });

  it('a LawRefBook history reads the same orders (Chinese numerals, 主席令 left to the congress)', () => {
    const norm = normalizeChars('2018年12月29日 第十三届全国人民代表大会常务委员会第七次会议通过\n2018年12月29日 中华人民共和国主席令第二十四号公布\n');
    const hints = lawHistory(norm, linesOf(norm.text));
    expect(hints.docNumber?.text).toBe('中华人民共和国主席令第二十四号');
    expect(hints.issuer?.text).toBe('全国人民代表大会常务委员会');
  });
});

describe('Chinese numerals in order serials', () => {
  it.each([
    ['十', 10],
    ['十二', 12],
    ['二十九', 29],
    ['一百', 100],
    ['一百零三', 103],
    ['一百一十', 110],
    ['一千二百零五', 1205],
    ['二〇一八', 2018],
  ])('%s = %i', (s, n) => expect(chineseNumber(s)).toBe(n));

  it.each(['二二十', '十百', '百', '零十', ''])('%s is no number', (s) => expect(chineseNumber(s)).toBeNull());

  it.each([
    ['中华人民共和国主席令第二十九号', '主席令第29号'],
    ['国务院令第七百零九号', '国务院令第709号'],
    ['北京市人民政府令第一百零三号', '北京市人民政府令第103号'],
  ])('%s → %s', (raw, canonical) => expect(canonicalDocNumber(raw)?.canonical).toBe(canonical));
});
