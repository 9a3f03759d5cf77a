import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assembleExport, extractBytes } from '../../pipeline/extract.js';
import { decreePath } from '../../pipeline/reports/site/html.js';
import { checkLinks, writeSite } from './siteHelpers.js';

/**
 * The report site over real pages (read in place, never copied; skipped when the folder is absent). Files
 * of the held-out list are never read here.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REAL = process.env.REAL_CORPUS ?? join(ROOT, '../shared/corpus/real');
const heldOut = new Set(readFileSync(join(ROOT, 'quality/heldout.txt'), 'utf8').split('\n').filter(Boolean));
const htmlPages = existsSync(join(REAL, 'html')) ? readdirSync(join(REAL, 'html')).map((f) => `html/${f}`).filter((f) => !heldOut.has(f)).sort().slice(0, 10) : [];

describe.skipIf(!htmlPages.length)('the report site over real disclosure pages', () => {
  it('source text shown without markup, clauses without tags, every link resolves', async () => {
    const exp = assembleExport(htmlPages.map((f) => extractBytes(join(REAL, f), readFileSync(join(REAL, f)))));
    expect(exp.documents.length).toBeGreaterThan(5);
    const dir = mkdtempSync(join(tmpdir(), 'dg-site-real-'));
    await writeSite(dir, exp, null);
    for (const d of exp.documents) {
      const page = readFileSync(join(dir, decreePath(d.id)), 'utf8');
      const source = /<div class="src" id="source">([\s\S]*?)<\/div>/.exec(page)![1]!;
      // Markup of the page is dropped, not shown escaped; the document's title is there as text.
      expect(source).not.toMatch(/&lt;\/?(p|div|span|script)\b/);
      expect(source.replace(/<[^>]+>/g, '').replace(/\s+/g, '')).toContain(d.title.slice(-8));
      for (const [, clause] of page.matchAll(/#src-\d+-\d+">([^<]*)<\/a>/g)) expect(clause).not.toMatch(/[<>]|style=/);
    }
    expect(checkLinks(dir)).toBeGreaterThan(100);
  }, 120_000);
});
