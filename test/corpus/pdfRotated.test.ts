import { describe, expect, it } from 'vitest';
import { normalizeChars } from '../../corpus/normalize.js';
import { readPdfText } from '../../corpus/pdf/read.js';
import { buildPdf, paragraph, type PageSpec, type Text } from '../fixtures/pdf.js';

/** Text turned a quarter on the page: read in reading order, or left out with a warning, never interleaved. */
const linesOf = async (pages: PageSpec[]) => {
  const { clean, warnings } = await readPdfText(buildPdf(pages));
  return { lines: normalizeChars(clean.text, clean.map).text.split('\n').filter(Boolean), warnings };
};

// A landscape page (842 × 595) as it reads: a label, a title, the rows of a table (one run each).
const ROWS = [
  { text: '附件2', size: 16 },
  { text: '2020年重点项目投资计划表', size: 18 },
  { text: '序号 项目名称 责任单位', size: 14 },
  { text: '1 城市轨道交通三号线 市发展改革委', size: 14 },
  { text: '2 污水处理厂扩建工程 市生态环境局', size: 14 },
];

/** The page printed sideways on a portrait page (595 × 842): each landscape point turned a quarter counter-clockwise. */
const sideways = (): Text[] => ROWS.map((row, i) => ({ text: row.text, x: 72 + 40 * i + row.size, y: 842 - 72, size: row.size, rotate: 90 as const }));
// Normalised: layout spaces next to CJK text go. The table's rows, as long as the column is wide, may be
// joined as wrapped lines (as they would be upright): what counts here is the reading order.
const EXPECTED = ['附件2', '2020年重点项目投资计划表', '序号项目名称责任单位', '1城市轨道交通三号线市发展改革委', '2污水处理厂扩建工程市生态环境局'];
const inOrder = (lines: string[]) => {
  expect(lines.slice(0, 3)).toEqual(EXPECTED.slice(0, 3));
  expect(lines.join('')).toBe(EXPECTED.join(''));
};

describe('rotated text in PDFs', () => {
  it('reads a landscape table printed sideways on a portrait page row by row', async () => {
    const { lines, warnings } = await linesOf([{ texts: sideways() }]);
    inOrder(lines);
    expect(warnings).toEqual([]);
  });

  it('reads a page turned by /Rotate, whose text is upright as shown, the same way', async () => {
    const { lines, warnings } = await linesOf([{ texts: sideways(), rotate: 90 }]);
    inOrder(lines);
    expect(warnings).toEqual([]);
  });

  it('reads a page turned upside down (text at 180°) in order', async () => {
    const rows = ['各区人民政府：', '现将测试事项通知如下。', '请认真贯彻执行。'];
    // Upside down: a line's baseline starts at its right end, lines go up the page.
    const texts: Text[] = rows.map((text, i) => ({ text, x: 595 - 72, y: 842 - 100 - 30 * i, size: 14, rotate: 180 }));
    expect((await linesOf([{ texts }])).lines).toEqual(rows);
  });

  it('leaves out a vertical label beside upright text, with a warning naming the page', async () => {
    const body = paragraph('为进一步做好全省政务服务工作，经省人民政府同意，现将有关事项通知如下，请认真贯彻执行。', 72, 200).texts;
    const label: Text = { text: '附件内容仅供参考', x: 40, y: 600, size: 12, rotate: 90 };
    const upright = { text: '第二页', x: 72, y: 100, size: 14 };
    const { lines, warnings } = await linesOf([{ texts: [...body, label] }, { texts: [upright] }]);
    expect(lines).toEqual(['为进一步做好全省政务服务工作，经省人民政府同意，现将有关事项通知如下，请认真贯彻执行。', '第二页']);
    expect(warnings).toEqual([expect.objectContaining({ rule: 'pdf/rotated-text', page: 1 })]);
    expect(warnings[0]!.message).toMatch(/^unexpected 8 character\(s\) on page 1 .*expected one direction per page; left out$/);
  });
});
