import { describe, expect, it } from 'vitest';
import { readGazette } from '../../corpus/read.js';
import type { Range, SourceDocument } from '../../corpus/split.js';
import { documentMeta } from '../../extractors/metadata.js';

/** Synthetic disclosure pages: the metadata markup of each form, around a short article. */
const page = (head: string, meta: string, article: string) =>
  `<!DOCTYPE html><html><head><meta charset="utf-8">${head}</head><body><div class="nav">首页 &gt; 政务公开</div>${meta}<div id="zoom">${article}</div><div class="footer">网站标识码</div></body></html>`;
const body = (signer: string, date: string) => `<p>各有关单位：</p><p>现将有关事项通知如下，请认真贯彻执行。</p><p>${signer}</p><p>${date}</p>`;
const read = (html: string) => readGazette('page.html', Buffer.from(html, 'utf8'));
const fields = (d: SourceDocument) => {
  const m = documentMeta(d);
  return { docNumber: m.docNumber, title: m.title, issuer: m.issuer, coIssuers: m.coIssuers, date: m.issuedDate, titleSource: m.titleSource };
};
const printed = (source: string, d: SourceDocument, r: Range | null) => r && source.slice(d.norm.map[r[0]]!, d.norm.map[r[1] - 1]! + 1);

describe('disclosure page metadata in every form', () => {
  it.each([
    [
      'label and value in one cell, padded label, ISO date; title in meta ArticleTitle',
      page('<meta name="ArticleTitle" content="江西省人民政府办公厅关于测试工作的通知"><title>江西省人民政府 政策文件 江西省人民政府办公厅关于测试工作的通知</title>',
        '<table><tr><td><b>文&nbsp;&nbsp;&nbsp;号:</b> 赣府厅发〔2020〕6号</td><td><b> 发文机关: </b> 江西省人民政府办公厅</td><td><b>成文日期: </b> 2020-03-03 </td></tr></table>',
        body('江西省人民政府办公厅', '2020年3月4日')),
      { docNumber: '赣府厅发〔2020〕6号', title: '江西省人民政府办公厅关于测试工作的通知', issuer: '江西省人民政府办公厅', coIssuers: [], date: '2020-03-03', titleSource: 'page-title' },
      '赣府厅发〔2020〕6号',
    ],
    [
      'strong label with the colon inside, slash date; title in <title> with a site suffix',
      page('<title>广东省人民政府办公厅关于测试工作的通知_广东省人民政府门户网站</title>',
        '<table><tr><td><strong>发文字号：</strong>粤府办〔2020〕2号</td><td><strong>成文日期：</strong>2020/1/16</td></tr></table>',
        body('广东省人民政府办公厅', '2020年1月18日')),
      { docNumber: '粤府办〔2020〕2号', title: '广东省人民政府办公厅关于测试工作的通知', issuer: '广东省人民政府办公厅', coIssuers: [], date: '2020-01-16', titleSource: 'page-title' },
      '粤府办〔2020〕2号',
    ],
    [
      'dl/dt/dd with full-width padding, dotted date; 标题 field',
      page('<title>政策文件</title>',
        '<dl><dt>标　　题</dt><dd>北京市经济和信息化局关于测试工作的通知</dd><dt>文　　号</dt><dd>京经信发〔2022〕87号</dd><dt>成文日期</dt><dd>2022.9.30</dd></dl>',
        body('北京市经济和信息化局', '2022年10月8日')),
      { docNumber: '京经信发〔2022〕87号', title: '北京市经济和信息化局关于测试工作的通知', issuer: '北京市经济和信息化局', coIssuers: [], date: '2022-09-30', titleSource: 'metadata' },
      '京经信发〔2022〕87号',
    ],
    [
      'li with span pairs, colon outside the label; a title block outside the article',
      page('<title>国务院办公厅关于测试工作的通知_中国政府网</title>',
        '<ul><li><span>发文字号</span>：<span>国办发〔2018〕128号</span></li><li><span>发文机关</span>：<span>国务院办公厅</span></li><li><span>成文日期</span>：<span>2018年12月29日</span></li></ul><h1 class="title">国务院办公厅关于测试工作的通知</h1>',
        body('国务院办公厅', '2018年12月29日')),
      { docNumber: '国办发〔2018〕128号', title: '国务院办公厅关于测试工作的通知', issuer: '国务院办公厅', coIssuers: [], date: '2018-12-29', titleSource: 'page-title' },
      '国办发〔2018〕128号',
    ],
    [
      '文号：无 in a div; abbreviated issuer replaced by the signature; signature date when no 成文日期',
      page('<title>宜春市人民政府关于测试工作的通知-宜春市人民政府</title>',
        '<div class="meta"><div>文号：无</div><div>发文机关：市政府</div><div>发布日期：2023-10-20</div></div>',
        body('宜春市人民政府', '2023年10月16日')),
      { docNumber: null, title: '宜春市人民政府关于测试工作的通知', issuer: '宜春市人民政府', coIssuers: [], date: '2023-10-16', titleSource: 'page-title' },
      null,
    ],
    [
      'joint issuers in one field: issuer + coIssuers',
      page('<title>测试</title>',
        '<table><tr><td>标题</td><td>国务院办公厅 中央军委办公厅关于测试工作的通知</td></tr><tr><td>发文字号</td><td>国办发〔2019〕7号</td></tr><tr><td>发文机关</td><td>国务院办公厅、中央军委办公厅</td></tr></table>',
        body('国务院办公厅\n中央军委办公厅', '2019年2月1日')),
      { docNumber: '国办发〔2019〕7号', title: '国务院办公厅中央军委办公厅关于测试工作的通知', issuer: '国务院办公厅', coIssuers: ['中央军委办公厅'], date: '2019-02-01', titleSource: 'metadata' },
      '国办发〔2019〕7号',
    ],
  ])('%s', (_name, html, expected, number) => {
    const g = read(html);
    expect(g.documents).toHaveLength(1);
    const d = g.documents[0]!;
    expect(fields(d)).toEqual(expected);
    expect(printed(g.source, d, d.header.docNumber)).toBe(number);
  });
});

describe('metadata that abbreviates what the article prints', () => {
  it.each([
    ['江西省人民政府令', '第223号', '省政府令第223号', '江西省人民政府令第223号'],
    ['广东省人民政府令', '（第270号）', '省政府令第270号', '广东省人民政府令第270号'],
  ])('an order number %s %s in the article wins over %s in the field', (order, serial, field, expected) => {
    const html = page('<meta name="ArticleTitle" content="测试管理办法">', `<table><tr><td>文号：</td><td>${field}</td></tr></table>`, `<p>${order}</p><p>${serial}</p><p>《测试管理办法》已经省人民政府常务会议通过，现予公布。</p>`);
    expect(documentMeta(read(html).documents[0]!).docNumber).toBe(expected);
  });

  it('the publication time of a CMS meta tag dates a page that prints no date', () => {
    const html = page('<meta name="ArticleTitle" content="测试活动正式启动"><meta name="PubDate" content="2019-09-18 06:23">', '', '<p>本网讯 测试活动今天启动。</p>');
    expect(documentMeta(read(html).documents[0]!).issuedDate).toBe('2019-09-18');
  });
});

describe('forms', () => {
  const law = '第一条　为了测试，制定本法。第二条　本法适用于测试工作。第三条　测试工作坚持依法进行，各级机关应当依照本法履行职责，保障测试工作有序开展，维护当事人的合法权益。';
  it.each([
    ['a CMS that wraps the article in a form', `<form name="_newscontent_fromname"><p>中华人民共和国测试法</p><p>${law}</p><p>第四条　《中华人民共和国行政测试法》同时废止。</p></form>`],
    ['a county page with its article in a form beside a search form', `<form action="/search"><input name="q"><button>搜索</button></form><form id="content-form"><p>测试县测试办法</p><p>${law}</p><p>第四条　《中华人民共和国行政测试法》同时废止。</p></form>`],
  ])('keep the article of %s and drop the controls', (_name, article) => {
    const d = read(page('<title>测试</title>', '', article)).documents[0]!;
    expect(d.norm.text).toContain('第三条');
    expect(d.norm.text).not.toContain('搜索');
  });
});

describe('pages that are not 公文 are still one document', () => {
  it.each([
    ['a news page: headline from <title>', '<title>测试品牌丝路行正式启动_山西省人民政府门户网站</title>', '<p>本网讯 10月16日，测试活动在太原启动。</p><p>活动为期三天。</p>', '测试品牌丝路行正式启动', 'page-title'],
    ['a page reposting a law: a site section after the dash', '<title>中华人民共和国测试法-纪检</title>', '<p>第一条 为了测试，制定本法。</p>', '中华人民共和国测试法', 'page-title'],
    ['a news page: headline after a dash', '<title>德清县测试投资结构趋稳-浙江省发展和改革委员会网站</title>', '<p>1-10月，测试投资平稳。</p>', '德清县测试投资结构趋稳', 'page-title'],
    ['a statistical communiqué: headline printed in the article', '<title>统计公报</title>', '<h1>万载县2022年国民经济和社会发展统计公报</h1><p>2022年，全县经济稳中有进。</p>', '万载县2022年国民经济和社会发展统计公报', 'header'],
  ])('%s', (_name, head, article, title, source) => {
    const g = read(page(head, '', article));
    const m = documentMeta(g.documents[0]!);
    expect([g.documents.length, m.title, m.titleSource, m.docNumber]).toEqual([1, title, source, null]);
  });
});
