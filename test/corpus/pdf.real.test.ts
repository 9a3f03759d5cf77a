/**
 * The reader on real government PDFs, read where they live (../shared/corpus/real/pdf, never copied into
 * the repository); skipped when that folder is absent. REAL_CORPUS names another place for it (a git
 * worktree whose ../shared is elsewhere). The held-out files are never read here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { normalizeChars } from '../../corpus/normalize.js';
import { findGutter } from '../../corpus/pdf/layout.js';
import { loadPdf } from '../../corpus/pdf/load.js';
import { readPdfText } from '../../corpus/pdf/read.js';
import { extractInput } from '../../pipeline/extract.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = `${process.env.REAL_CORPUS ?? `${root}../shared/corpus/real`}/pdf`;
const heldOut = new Set(readFileSync(`${root}quality/heldout.txt`, 'utf8').split('\n').filter((l) => l.startsWith('pdf/')).map((l) => l.slice(4)));
const present = existsSync(dir);
const files = present ? readdirSync(dir).filter((f) => f.endsWith('.pdf') && !heldOut.has(f)) : [];
const textOf = async (name: string) => {
  const { clean, source } = await readPdfText(readFileSync(`${dir}/${name}`));
  return { text: normalizeChars(clean.text, clean.map).text, source };
};
const has = (name: string) => files.includes(name);

describe.skipIf(!present)('real PDFs', () => {
  it('reads every development PDF into text with no radical or compatibility character left', async () => {
    for (const f of files) {
      const { text } = await textOf(f);
      expect(text.length, f).toBeGreaterThan(500);
      expect(text, f).not.toMatch(/[\u2e80-\u2fdf\uf900-\ufaff]/);
    }
  });

  it.skipIf(!has('hubei_wenlvting_webprint_hongse_luxian_2021.pdf'))('folds the Kangxi radicals a browser print emits', async () => {
    const { text, source } = await textOf('hubei_wenlvting_webprint_hongse_luxian_2021.pdf');
    expect(source).toMatch(/[\u2f00-\u2fdf]/);
    expect(text).toContain('文化和旅游部');
  });

  it.skipIf(!has('npcsc_gazette_2021_5_anquan_shengchan_fa.pdf'))('reads a two-column gazette column by column, without its running head and page numbers', async () => {
    const { text } = await textOf('npcsc_gazette_2021_5_anquan_shengchan_fa.pdf');
    expect(text).not.toContain('常务委员会公报');
    expect(text).not.toMatch(/—\s*[0-9０-９]+\s*—/);
    // The revision note runs across both columns above them, one of its lines drawn as two runs that meet
    // at the gutter; it comes out as one line.
    expect(text).toMatch(/\n（2002年6月29日[^\n]*第三次修正）\n/);
    // Article 1 wraps over three lines of the left column; it comes out as one line.
    expect(text.split('\n')).toContain('第一条为了加强安全生产工作，防止和减少生产安全事故，保障人民群众生命和财产安全，促进经济社会持续健康发展，制定本法。');
  });

  it('finds two columns only where they are printed', async () => {
    const twoColumn = async (name: string) => (await loadPdf(readFileSync(`${dir}/${name}`))).filter((p) => findGutter(p) !== null).length;
    for (const [name, pages] of [['npcsc_gazette_2021_5_anquan_shengchan_fa.pdf', 16], ['law_xianfa_2018_libreoffice_print.pdf', 0], ['covid_zhenliao_fangan_9th.pdf', 0]] as const) {
      if (has(name)) expect(await twoColumn(name), name).toBe(pages);
    }
  });

  it.skipIf(!has('law_xingfa_wps_print.pdf'))('drops full-width dash page numbers (－9－)', async () => {
    const { text } = await textOf('law_xingfa_wps_print.pdf');
    expect(text).not.toMatch(/^－\d+－$/m);
  });

  it.skipIf(!has('csrc_zhengjian_jijin_zi_2007_278_shiyongxing.pdf'))('finds the number, title and date of a notice, with their pages', async () => {
    const r = await extractInput('x.pdf', readFileSync(`${dir}/csrc_zhengjian_jijin_zi_2007_278_shiyongxing.pdf`), { keywords: false });
    if ('rejected' in r) throw new Error(r.rejected);
    const [d] = r.documents;
    expect([d!.docNumber, d!.title, d!.issuedDate]).toEqual(['证监基金字〔2007〕278号', '关于发布《证券投资基金销售适用性指导意见》的通知', '2007-10-12']);
    expect(d!.provenance.docNumber).toMatchObject({ page: 1 });
    expect(d!.source.pages![1]).toBe(7);
  });

  it.skipIf(!has('law_tezhong_shebei_anquan_fa.pdf'))('rejects a real PDF cut short as damaged, wherever it is cut', async () => {
    const bytes = readFileSync(`${dir}/law_tezhong_shebei_anquan_fa.pdf`);
    for (const part of [0.3, 0.6, 0.9]) {
      const r = await extractInput('cut.pdf', bytes.subarray(0, Math.floor(bytes.length * part)));
      expect('rejected' in r && r.rejected, `${part}`).toMatch(/^pdf\/damaged: /);
    }
  });
});
