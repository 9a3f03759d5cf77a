import { describe, expect, it } from 'vitest';
import { extractBytes, extractInput } from '../../pipeline/extract.js';
import type { DocumentRecord } from '../../graph/model.js';
import { buildPdf, centred, paragraph, type Text } from '../fixtures/pdf.js';

/** The 版记 (抄送 list, printing office and date) is read as metadata with offsets, never as body. */
const docsOf = (r: ReturnType<typeof extractBytes>): DocumentRecord[] => {
  if ('rejected' in r) throw new Error(r.rejected);
  return r.documents;
};
const fromText = (text: string) => docsOf(extractBytes('notice.txt', Buffer.from(text), { keywords: false }));
const imprintOf = (d: DocumentRecord) =>
  d.imprint && { copyTo: d.imprint.copyTo.map((c) => c.name), printedBy: d.imprint.printedBy?.name ?? null, printedDate: d.imprint.printedDate?.date ?? null };

describe('the 版记 of a document', () => {
  it.each([
    [
      'a province office: 抄送 wrapped over two lines, office and date apart on the printing line',
      '广东省人民政府办公厅关于测试工作的通知\n粤府办〔2020〕2号\n各地级以上市人民政府：\n现将测试事项通知如下，请认真执行。\n广东省人民政府办公厅\n2020年3月20日\n抄送：省委各部门，省人大常委会办公厅，省政协办公厅，\n省法院，省检察院。\n广东省人民政府办公厅　　　　2020年3月26日印发\n',
      { copyTo: ['省委各部门', '省人大常委会办公厅', '省政协办公厅', '省法院', '省检察院'], printedBy: '广东省人民政府办公厅', printedDate: '2020-03-26' },
    ],
    [
      'a city bureau: disclosure line, 抄送 with 、, printed by a division (…处), 校对 under the printing line',
      '北京市经济和信息化局关于测试管理的通知\n京经信发〔2022〕87号\n各区经济和信息化主管部门：\n现将测试事项通知如下。\n北京市经济和信息化局\n2022年9月30日\n公开方式：主动公开\n抄送：市政府办公厅、市财政局。\n北京市经济和信息化局综合处 2022年10月8日印发\n校对：测试\n',
      { copyTo: ['市政府办公厅', '市财政局'], printedBy: '北京市经济和信息化局综合处', printedDate: '2022-10-08' },
    ],
  ])('%s', (_name, text, expected) => {
    const [d] = fromText(text);
    expect(imprintOf(d!)).toEqual(expected);
    // Offsets point at the source as printed, and the body ends before the 版记.
    for (const c of d!.imprint!.copyTo) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(text.slice(d!.imprint!.printedDate!.start, d!.imprint!.printedDate!.end)).toMatch(/^20\d\d年\d+月\d+日$/);
    expect(d!.body.text).not.toMatch(/抄送|印发$/);
    // The document's range still covers its 版记.
    expect(d!.source.end).toBeGreaterThanOrEqual(text.trimEnd().length);
  });

  it('a body that mentions 抄送 or ends with a sentence has no 版记', () => {
    const text = '上海市测试交易场所管理办法\n第一条　为了规范测试交易场所，制定本办法。\n第二条　市科委同意的，出具同意意见并抄送市地方金融管理部门。\n';
    const [d] = fromText(text);
    expect(d!.imprint).toBeNull();
    expect(d!.body.text).toContain('抄送市地方金融管理部门');
  });

  it('a PDF\'s 版记 at the foot of its last page has pages and boxes', async () => {
    const page1: Text[] = [centred('唐山市人民政府办公室', 80, 22), centred('关于测试工作的通知', 120), centred('唐政办发〔2019〕1号', 160)];
    page1.push(...paragraph('各县（市、区）人民政府，市政府各部门：现将测试事项通知如下，请认真贯彻执行。', 72, 220).texts);
    const page2: Text[] = [
      { text: '唐山市人民政府办公室', x: 300, y: 100, size: 16 },
      { text: '2019年3月20日', x: 330, y: 130, size: 16 },
      { text: '抄送：市委办公室，市人大常委会办公室。', x: 72, y: 700, size: 14 },
      // The office and the date are two runs far apart on one line.
      { text: '唐山市人民政府办公室', x: 72, y: 730, size: 14 },
      { text: '2019年3月26日印发', x: 380, y: 730, size: 14 },
    ];
    const r = await extractInput('tangshan.pdf', buildPdf([{ texts: page1 }, { texts: page2 }]), { keywords: false });
    const [d] = docsOf(r);
    expect(imprintOf(d!)).toEqual({ copyTo: ['市委办公室', '市人大常委会办公室'], printedBy: '唐山市人民政府办公室', printedDate: '2019-03-26' });
    expect(d!.imprint!.printedDate!.page).toBe(2);
    expect(d!.imprint!.printedDate!.box![0]).toBeGreaterThanOrEqual(380);
    expect(d!.issuedDate).toBe('2019-03-20');
    expect(d!.body.text).not.toContain('抄送');
  });
});
