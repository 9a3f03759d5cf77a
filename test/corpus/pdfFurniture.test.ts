import { describe, expect, it } from 'vitest';
import { normalizeChars } from '../../corpus/normalize.js';
import { readPdfText } from '../../corpus/pdf/read.js';
import { extractInput } from '../../pipeline/extract.js';
import { buildPdf, centred, paragraph, type PageSpec, type Text } from '../fixtures/pdf.js';

/** Running heads and footers of a PDF of two pages: dropped when set as furniture, never a real first line. */
const textOf = async (pages: PageSpec[]) => {
  const { clean } = await readPdfText(buildPdf(pages));
  return normalizeChars(clean.text, clean.map).text;
};

const BODY = ['为进一步做好测试工作，经研究，现将有关事项通知如下，请结合实际认真贯彻执行。', '各单位要按照要求抓好落实，确保各项措施落到实处，取得实效。'];

describe('running heads and footers on two pages', () => {
  it.each([
    ['a gazette\'s running head and footer, small, on both pages', '北京市人民政府公报', '2019年第3期　总第571期'],
    ['another issuer\'s head, with the page number in it', '广东省人民政府公报　第2页', '粤府办〔2020〕2号附件'],
  ])('%s are dropped', async (_name, head, foot) => {
    const page = (n: number): Text[] => [
      { text: head.replace('第2页', `第${n}页`), x: 72, y: 40, size: 10 },
      ...paragraph(BODY[n - 1]!, 72, 120).texts,
      { text: foot, x: 72, y: 800, size: 10 },
    ];
    const text = await textOf([{ texts: page(1) }, { texts: page(2) }]);
    expect(text).not.toContain(head.replace(/\s|第2页/g, '').slice(0, 6));
    expect(text).not.toContain(foot.replace(/\s/g, '').slice(0, 6));
    for (const s of BODY) expect(text).toContain(s);
  });

  it('two one-page notices of one issuer keep their heading, set as large as the text or larger', async () => {
    const notice = (title: string, number: string, body: string): PageSpec => ({
      texts: [centred('广东省人民政府办公厅', 80, 22), centred(title, 130), centred(number, 170), ...paragraph(body, 72, 220).texts],
    });
    const r = await extractInput('two.pdf', buildPdf([notice('关于测试甲工作的通知', '粤府办〔2020〕2号', BODY[0]!), notice('关于测试乙工作的通知', '粤府办〔2020〕3号', BODY[1]!)]), { keywords: false });
    if ('rejected' in r) throw new Error(r.rejected);
    expect(r.documents.map((d) => [d.docNumber, d.title])).toEqual([
      ['粤府办〔2020〕2号', '广东省人民政府办公厅关于测试甲工作的通知'],
      ['粤府办〔2020〕3号', '广东省人民政府办公厅关于测试乙工作的通知'],
    ]);
  });

  it('a first line of the same size as the text, repeated on both pages, stays', async () => {
    const page = (body: string): PageSpec => ({ texts: [{ text: '附件：测试项目清单', x: 72, y: 60, size: 16 }, ...paragraph(body, 72, 120).texts] });
    const text = await textOf([page(BODY[0]!), page(BODY[1]!)]);
    expect(text.match(/附件：测试项目清单/g)).toHaveLength(2);
  });
});
