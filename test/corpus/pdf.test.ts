import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findGutter } from '../../corpus/pdf/layout.js';
import { loadPdf } from '../../corpus/pdf/load.js';
import { readPdfText } from '../../corpus/pdf/read.js';
import { normalizeChars } from '../../corpus/normalize.js';
import { extractInput } from '../../pipeline/extract.js';
import type { DocumentRecord } from '../../graph/model.js';
import type { ExportFile } from '../../graph/model.js';
import { cli } from '../pipeline/cliHelper.js';
import { buildPdf, centred, column, paragraph, type PageSpec, type Text } from '../fixtures/pdf.js';

const HEAD = '广东省人民政府公报 2020年第9期';
const FOOTERS = ['— 1 —', '- 2 -', '第3页 共3页'];
const SENTENCE = '为进一步做好全省政务服务工作，经省人民政府同意，现将有关事项通知如下，请结合实际认真贯彻执行。';

/** Three pages of a gazette: a running head and a page number on each, one sentence across a page break. */
function gazette(): PageSpec[] {
  const furniture = (n: number): Text[] => [centred(HEAD, 40, 10), centred(FOOTERS[n]!, 800, 10)];
  const p1 = [...furniture(0), centred('广东省人民政府办公厅', 100, 22), centred('关于加强政务服务工作的通知', 150), centred('粤府办〔2020〕2号', 190), centred('2020 年 3 月 26 日', 220)];
  const para = paragraph(SENTENCE, 72, 700);
  // The paragraph's last line moves to the top of page 2, as a page break would put it.
  const last = para.texts.pop()!;
  p1.push(...para.texts);
  const p2 = [...furniture(1), { ...last, y: 100 }, ...paragraph('一、各地要按要求落实。', 72, 140).texts];
  const p3 = [
    ...furniture(2),
    centred('唐山市人民政府办公室', 100, 22),
    centred('关于做好工业稳增长工作的通知', 150),
    // A number broken by the line width, with a stray space inside the year.
    { text: '唐政办发〔20 19〕', x: 200, y: 190, size: 16 },
    { text: '1 号', x: 72, y: 218, size: 16 },
    ...paragraph('各县（市、区）人民政府：请抓好落实。', 72, 260).texts,
  ];
  return [{ texts: p1 }, { texts: p2 }, { texts: p3 }];
}

const read = async (pages: PageSpec[], path = 'g.pdf') => extractInput(path, buildPdf(pages), { keywords: false });
const docsOf = (r: Awaited<ReturnType<typeof read>>): DocumentRecord[] => {
  if ('rejected' in r) throw new Error(r.rejected);
  return r.documents;
};

describe('PDF layout to text', () => {
  it('drops running heads and page numbers, joins a sentence across a page break and a number across lines', async () => {
    const { clean, source } = await readPdfText(buildPdf(gazette()));
    const text = normalizeChars(clean.text, clean.map).text;
    for (const f of [HEAD, ...FOOTERS]) expect(text).not.toContain(f.replace(/\s/g, ''));
    expect(source).toContain(FOOTERS[1]); // the source keeps them: offsets point at what was printed
    expect(text.split('\n')).toContain(SENTENCE);
    expect(text).toContain('\n唐政办发〔2019〕1号\n');
    expect(text).toContain('\n2020年3月26日\n');
  });

  it('reads documents of two issuers from one gazette with numbers, titles, dates and pages', async () => {
    const docs = docsOf(await read(gazette()));
    expect(docs.map((d) => [d.docNumber, d.title, d.issuedDate, d.source.format, d.source.pages])).toEqual([
      ['粤府办〔2020〕2号', '广东省人民政府办公厅关于加强政务服务工作的通知', '2020-03-26', 'pdf', [1, 2]],
      ['唐政办发〔2019〕1号', '唐山市人民政府办公室关于做好工业稳增长工作的通知', null, 'pdf', [3, 3]],
    ]);
    const [gd, ts] = docs;
    expect(gd!.provenance.docNumber).toMatchObject({ text: '粤府办〔2020〕2号', page: 1 });
    // The number's box is where it was printed: centred on the page, its line 190–206 pt from the top.
    const box = gd!.provenance.docNumber!.box!;
    expect(box[1]).toBe(190);
    expect(box[3]).toBe(206);
    expect((box[0] + box[2]) / 2).toBeCloseTo(595 / 2, 0);
    // Source text is the printed text: the broken number's span holds the line break and the spaces.
    expect(ts!.provenance.docNumber).toMatchObject({ text: '唐政办发〔20 19〕\n1 号', page: 3 });
  });

  it('keeps a closing date that stands at the foot of several pages: furniture repeats at one height', async () => {
    const pages = [0, 1, 2, 3].map((n) => ({
      texts: [centred(HEAD, 40, 10), ...paragraph(SENTENCE, 72, 100 + 40 * n).texts, { text: `2020年${n + 1}月${n + 2}日`, x: 400, y: 600 + 30 * n, size: 16 }],
    }));
    const { clean } = await readPdfText(buildPdf(pages));
    const lines = normalizeChars(clean.text, clean.map).text.split('\n');
    expect(lines.filter((l) => /^2020年\d月\d日$/.test(l))).toEqual(['2020年1月2日', '2020年2月3日', '2020年3月4日', '2020年4月5日']);
    expect(lines).not.toContain(HEAD.replace(/\s/g, ''));
  });

  it('breaks a number in parentheses across lines into one number (唐政办发, red-head form)', async () => {
    const pages = [{ texts: [centred('关于做好某项工作的通知', 100), { text: '（唐政办发〔2019〕', x: 300, y: 140, size: 16 }, { text: '1 号）', x: 72, y: 168, size: 16 }] }];
    const { clean } = await readPdfText(buildPdf(pages));
    expect(normalizeChars(clean.text, clean.map).text).toContain('\n（唐政办发〔2019〕1号）');
  });

  it('reads a two-column page column by column, under a full-width title', async () => {
    const left = paragraph('第一条 为了规范政府信息公开工作，制定本办法。', 72, 160, 12);
    const right = paragraph('第二条 本办法自公布之日起施行。', 331, 160, 12);
    const pages = [{ texts: [centred('某某市政府信息公开办法', 100), ...left.texts, ...right.texts, ...column(['第三条 对照行。'], 331, left.y + 28, 16)] }];
    const { clean } = await readPdfText(buildPdf(pages));
    expect(normalizeChars(clean.text, clean.map).text.split('\n')).toEqual([
      '某某市政府信息公开办法',
      '第一条为了规范政府信息公开工作，制定本办法。',
      '第二条本办法自公布之日起施行。',
      '第三条对照行。',
    ]);
  });

  it('joins lines wrapped at the margins of their own page, and an enumeration wrapped before 第…条', async () => {
    const law = '司法工作人员收受贿赂，有前款行为的，同时又构成本法第三百九十九条规定之罪的，依照本法第三百八十五条、第三百八十六条的规定定罪处罚。';
    // Page 1 is set 28 characters wide from x = 72; page 2, from another document, 22 wide from x = 100.
    const wide = paragraph(law, 72, 100, 28);
    const narrow = paragraph(law, 100, 100, 22);
    const pages = [{ texts: [...wide.texts, ...paragraph(law, 72, wide.y, 28).texts] }, { texts: [...narrow.texts, ...paragraph(law, 100, narrow.y, 22).texts, ...paragraph(law, 100, narrow.y + 120, 22).texts] }];
    const { clean } = await readPdfText(buildPdf(pages));
    expect(normalizeChars(clean.text, clean.map).text.split('\n')).toEqual(Array(5).fill(law));
  });

  it('starts an attachment label (附件二, 附件2：) on its own line after a list item that fills the column', async () => {
    const law = '司法工作人员收受贿赂，有前款行为的，同时又构成本法第三百九十九条规定之罪的，依照本法第三百八十五条的规定定罪处罚。';
    // Items of 28 characters, as wide as the paragraph's lines, each the last item of a list.
    const items = ['15.关于处理逃跑或者重新犯罪的劳改犯和劳教人员的决定', '3.广东省人民政府关于测试甲乙丙丁戊己庚事项的补充规定'];
    for (const [item, label] of [[items[0]!, '附件二'], [items[1]!, '附件2：']] as const) {
      const para = paragraph(law, 72, 100, 28);
      const texts = [...para.texts, { text: item, x: 72, y: para.y, size: 16 }, { text: label, x: 72, y: para.y + 28, size: 16 }];
      const { clean } = await readPdfText(buildPdf([{ texts }]));
      expect(normalizeChars(clean.text, clean.map).text.split('\n').slice(-2)).toEqual([item, label]);
    }
  });

  it('does not take a single column drawn one run per character, on a monospaced grid, for two columns', async () => {
    const text = '国务院有关部门应当按照保障安全生产的要求依法及时制定有关的国家标准';
    const texts: Text[] = [];
    for (let row = 0; row < 30; row++) {
      // Every other line is short, so the middle of the page is clear on half the rows.
      const line = row % 2 ? text.slice(0, 6) : text.slice(0, 28);
      [...line].forEach((ch, i) => texts.push({ text: ch, x: 72 + 16 * i, y: 80 + 24 * row, size: 16 }));
    }
    const [page] = await loadPdf(buildPdf([{ texts }]));
    expect(findGutter(page!)).toBeNull();
  });

  it('folds Kangxi radicals to unified ideographs; facts still point at the printed characters', async () => {
    const pages = [{ texts: [centred('湖北省⽂化和旅游厅', 100, 22), centred('关于⽂物保护⼯作的通知', 150), centred('鄂⽂旅发〔2021〕5号', 190), ...paragraph('各市、州、县⽂化和旅游局：现将有关事项通知如下。', 72, 240).texts] }];
    const [d] = docsOf(await read(pages));
    expect(d!.title).toBe('湖北省文化和旅游厅关于文物保护工作的通知');
    expect(d!.docNumber).toBe('鄂文旅发〔2021〕5号');
    expect(d!.provenance.docNumber!.text).toBe('鄂⽂旅发〔2021〕5号');
  });
});

describe('PDFs that cannot be read whole', () => {
  const page = (title: string): PageSpec => ({ texts: [centred('某某县人民政府', 100, 22), centred(title, 150), centred('某政发〔2021〕3号', 190)] });

  it('names the pages without a text layer in a warning on the document', async () => {
    const [d] = docsOf(await read([page('关于某某事项的通知'), { texts: [] }, { texts: column(['附件内容。'], 72, 100) }]));
    expect(d!.warnings).toEqual([expect.objectContaining({ rule: 'pdf/no-text', page: 2 })]);
    expect(d!.warnings![0]!.message).toMatch(/page 2/);
  });

  it('rejects a PDF without any text, an encrypted one, a truncated one, and bytes that are no PDF', async () => {
    const reason = async (bytes: Buffer) => {
      const r = await extractInput('x.pdf', bytes);
      return 'rejected' in r ? r.rejected.split(':')[0] : 'read';
    };
    expect(await reason(buildPdf([{ texts: [] }, { texts: [] }]))).toBe('pdf/no-text');
    expect(await reason(buildPdf([page('关于某某事项的通知')], { encrypted: true }))).toBe('pdf/encrypted');
    const whole = buildPdf([page('关于某某事项的通知')]);
    expect(await reason(whole.subarray(0, 200))).toBe('pdf/damaged');
    expect(await reason(Buffer.from('not a pdf at all'))).toBe('pdf/damaged');
  });

  it('bounds a file by its page count and by time', async () => {
    const many = buildPdf(Array.from({ length: 40 }, () => page('关于某某事项的通知')));
    await expect(loadPdf(many, { maxPages: 10, timeoutMs: 60_000 })).rejects.toMatchObject({ problem: { rule: 'limit/pages' } });
    await expect(loadPdf(many, { maxPages: 100, timeoutMs: 1 })).rejects.toMatchObject({ problem: { rule: 'limit/time' } });
  });
});

describe('PDFs named on the command line', () => {
  it('are read by `run` (in its worker threads) and `extract`, with pages in the export', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-cli-'));
    // No .pdf in the name: the %PDF- signature is what makes it a PDF.
    const file = join(dir, 'gazette-issue');
    writeFileSync(file, buildPdf(gazette()));
    const ran = await cli(['run', file, '--out', join(dir, 'out'), '--quiet']);
    expect(ran.code, ran.stderr).toBe(0);
    const exp = JSON.parse(readFileSync(join(dir, 'out', 'export.json'), 'utf8')) as ExportFile;
    expect(exp.documents.map((d) => [d.docNumber, d.source.format, d.provenance.docNumber?.page])).toEqual([
      ['粤府办〔2020〕2号', 'pdf', 1],
      ['唐政办发〔2019〕1号', 'pdf', 3],
    ]);
    const extracted = await cli(['extract', file]);
    expect((JSON.parse(extracted.stdout) as ExportFile).documents.map((d) => d.id)).toEqual(exp.documents.map((d) => d.id));
  });

  it('`extract` stops a PDF still being read at the time budget (limit/time), as `run` does, and reads the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pdf-slow-'));
    const slow = join(dir, 'slow.pdf');
    // 800 full pages take pdfjs many seconds: whatever part of the reader is running, the worker is stopped.
    const full = column(Array.from({ length: 36 }, (_, i) => `${SENTENCE.slice(0, 30)}${i}`), 72, 60, 12, 20);
    writeFileSync(slow, buildPdf(Array.from({ length: 800 }, () => ({ texts: full }))));
    writeFileSync(join(dir, 'g.pdf'), buildPdf(gazette()));
    const t0 = performance.now();
    const r = await cli(['extract', dir, '--max-input-seconds', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`rejected ${slow}: limit/time: unexpected extraction still running after 1 s`);
    expect((JSON.parse(r.stdout) as ExportFile).documents.map((d) => d.docNumber)).toEqual(['粤府办〔2020〕2号', '唐政办发〔2019〕1号']);
    expect(performance.now() - t0).toBeLessThan(40_000);
  }, 60_000);
});
