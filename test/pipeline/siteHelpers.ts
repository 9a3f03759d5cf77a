import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';
import type { ExportFile } from '../../graph/model.js';
import { reportBuilder } from '../../pipeline/reports/build.js';
import { REPORT_KINDS } from '../../pipeline/reports/model.js';
import { SiteBuilder } from '../../pipeline/reports/site/site.js';
import { writeReports } from '../../pipeline/reports/write.js';

/** The report files and the report site of an export, as a run writes them into reports/. */
export async function writeSite(dir: string, exp: ExportFile, asOf: string | null): Promise<void> {
  const site = new SiteBuilder();
  const reports = REPORT_KINDS.map(reportBuilder);
  for (const d of exp.documents) {
    site.add(d);
    for (const r of reports) r.add(d);
  }
  await writeReports(dir, reports, exp.agencies);
  await site.write(dir, exp.agencies, null, asOf);
}

/** The source spans a page marks (absolute offsets). */
const marksOf = (html: string) => [...html.matchAll(/<mark data-s="(\d+)" data-e="(\d+)">/g)].map((m) => [Number(m[1]), Number(m[2])] as const);

/**
 * Every href of every page of a report site resolves: to a file that exists, and its fragment to a marked
 * source span (`#src-s-e`), a table (`#t=<id>&…`) or an element id on that page. Returns how many links.
 */
export function checkLinks(dir: string): number {
  let checked = 0;
  const pages = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
  for (const page of pages) {
    const html = readFileSync(join(dir, page), 'utf8');
    for (const [, href] of html.matchAll(/href="([^"]+)"/g)) {
      const [path, frag] = decodeURI(href!.replace(/&amp;/g, '&')).split('#') as [string, string?];
      const target = path ? join(dirname(join(dir, page)), path) : join(dir, page);
      expect(existsSync(target), `${page} → ${href}`).toBe(true);
      if (frag && target.endsWith('.html')) {
        const there = readFileSync(target, 'utf8');
        const src = /^src-(\d+)-(\d+)$/.exec(frag);
        const t = /^t=([^&]+)/.exec(frag);
        if (src) expect(marksOf(there).some(([s, e]) => s < Number(src[2]) && e > Number(src[1])), `${page} → ${href}`).toBe(true);
        else if (t) expect(there).toContain(`id="${t[1]}"`);
        else expect(there, `${relative(dir, target)}#${frag}`).toContain(`id="${frag}"`);
      }
      checked++;
    }
  }
  return checked;
}
