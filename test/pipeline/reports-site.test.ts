import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { agencyPath, decreePath, page } from '../../pipeline/reports/site/html.js';
import { citationGraph, type GraphEdge, type GraphNode } from '../../pipeline/reports/site/layout.js';
import { exportFor, SAMPLE_PATH, sampleText } from '../helpers.js';
import { chromium } from './chromium.js';
import { checkLinks, writeSite } from './siteHelpers.js';

/** The report site of the sample issue, as a run writes it (the source read from the sample's path). */
const exp = exportFor(SAMPLE_PATH, sampleText());
const dir = mkdtempSync(join(tmpdir(), 'dg-site-'));
const pages = () => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));

beforeAll(async () => {
  await writeSite(dir, exp, '2018-05-01');
});

/** Text of the visible rows of a table in a dumped DOM (rows paged or filtered out carry `hidden`). */
function visibleRows(dom: string, table: string): string[] {
  const body = new RegExp(`<table class="dt" id="${table}">[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(dom)![1]!;
  return [...body.matchAll(/<tr( hidden="")?>([\s\S]*?)<\/tr>/g)].filter((m) => !m[1]).map((m) => m[2]!.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|'));
}

describe('the report site: pages and links', () => {
  it('a page per decree and per agency, and the overview and views', () => {
    const files = pages();
    for (const d of exp.documents) expect(files).toContain(decreePath(d.id));
    for (const f of ['index.html', 'agencies-view.html', 'deadlines-view.html', 'deadlines/2018.html', 'deadlines/2020.html', 'citations-view.html', 'gaps-view.html']) expect(files).toContain(f);
    expect(files).toContain(agencyPath('agency:郑州市财政局'));
  });

  it('every link resolves: to a file that exists, and to an id or source span on that page', () => {
    expect(checkLinks(dir)).toBeGreaterThan(1000);
  });

  it('answers the analyst: what 市财政局 must do before June 2018, and for which decree', () => {
    const html = readFileSync(join(dir, agencyPath('agency:郑州市财政局')), 'utf8');
    const rows = [...html.matchAll(/<tr><td><span class="nowrap" data-due="(\d{4}-\d{2}-\d{2})">[\s\S]*?<\/tr>/g)].filter((m) => m[1]! < '2018-06-01');
    expect(rows.length).toBeGreaterThan(0);
    for (const [row] of rows) expect(row).toMatch(/href="\.\.\/decree\/[^"]+#src-\d+-\d+">[^<]{6,}<\/a>[\s\S]*class="doc">郑政/);
  });

  it('which decrees implement 郑政〔2018〕25号, and which documents are cited but missing', () => {
    const implementers = exp.documents.filter((d) => d.citations.some((c) => c.target === '郑政〔2018〕25号' && c.relation === 'implements')).map((d) => d.id);
    const page = readFileSync(join(dir, decreePath('郑政〔2018〕25号')), 'utf8');
    const citedBy = /<table class="dt" id="cited-by">[\s\S]*?<\/table>/.exec(page)![0];
    for (const id of implementers) expect(citedBy).toMatch(new RegExp(`${id.replace(/[〔〕]/g, '.')}</a></td><td>[^<]*</td><td>implements`));
    const missing = /<table class="dt" id="missing">[\s\S]*?<\/table>/.exec(readFileSync(join(dir, 'citations-view.html'), 'utf8'))![0];
    expect(missing).toContain('郑发〔2017〕17号');
    expect(missing).not.toContain('中华人民共和国');
  });

  it('a document still to be drafted is not cited but missing; its planner lists it with relation drafts', () => {
    // Printed in 郑政办文〔2018〕18号: 研究制订《郑州市生活垃圾分类考核办法》…等配套文件.
    const view = readFileSync(join(dir, 'citations-view.html'), 'utf8');
    expect(view).toContain('郑发〔2017〕17号');
    expect(view).not.toContain('生活垃圾分类考核办法');
    const cites = /<table class="dt" id="cites">[\s\S]*?<\/table>/.exec(readFileSync(join(dir, decreePath('郑政办文〔2018〕18号')), 'utf8'))![0];
    expect(cites).toMatch(/郑州市生活垃圾分类考核办法[\s\S]*?<td>drafts<\/td>/);
  });
});

describe('the report site in a real browser (headless Chromium)', () => {
  const dump = (page: string, hash = '') => chromium(['--virtual-time-budget=3000', '--dump-dom', `file://${join(dir, page)}${hash}`]);

  it('renders: the script runs, marks deadlines against --as-of and counts rows', async () => {
    const dom = await dump('deadlines/2018.html');
    expect(dom).toContain('as of 2018-05-01');
    expect(dom).toMatch(/class="nowrap overdue" data-due="2018-03-31"/);
    expect(dom).toMatch(/class="nowrap soon" data-due="2018-05-20"/);
    expect(dom).toMatch(/class="nowrap later" data-due="2018-12-31"/);
    expect(dom).toMatch(/<span class="count">\d+ \/ \d+ rows<\/span>/);
  }, 90_000);

  it('filters and sorts from the URL hash', async () => {
    const all = visibleRows(await dump('index.html'), 'decrees');
    expect(all).toHaveLength(18);
    const rows = visibleRows(await dump('index.html', '#t=decrees&q=郑政文&s=0&d=desc'), 'decrees');
    expect(rows.map((r) => r.split('|')[1])).toEqual(['郑政文〔2018〕95号', '郑政文〔2018〕93号', '郑政文〔2018〕92号', '郑政文〔2018〕83号', '郑政文〔2018〕74号']);
    // Numeric columns sort as numbers: most deadlines first.
    const byDeadlines = visibleRows(await dump('index.html', '#t=decrees&s=8&d=desc'), 'decrees').map((r) => Number(r.split('|').at(-2)));
    expect(byDeadlines).toEqual([...byDeadlines].sort((a, b) => b - a));
  }, 90_000);

  it('pages a large table instead of cutting it', async () => {
    // 105 agencies: page 2 holds the last 5, ranked by workload.
    expect(visibleRows(await dump('agencies-view.html'), 'agencies')).toHaveLength(100);
    const dom = await dump('agencies-view.html', '#t=agencies&p=2');
    expect(visibleRows(dom, 'agencies')).toHaveLength(exp.agencies.length - 100);
    expect(dom).toMatch(/page 2 of 2/);
  }, 90_000);

  /** The boxes of a page's drawn graph labels, measured by Chromium: the page with a probe appended. */
  async function labelBoxes(html: string): Promise<[number, number, number, number, string][]> {
    const probe = `<script>document.body.setAttribute('data-boxes',JSON.stringify([...document.querySelectorAll('svg text.label')].map(t=>{const r=t.getBoundingClientRect();return [r.left,r.top,r.right,r.bottom,t.textContent]})))</script>`;
    const file = join(dir, 'probe.html');
    writeFileSync(file, html.replace('</body>', `${probe}</body>`));
    const dom = await chromium(['--virtual-time-budget=3000', '--window-size=1600,1200', '--dump-dom', `file://${file}`]);
    return JSON.parse(/data-boxes="([^"]*)"/.exec(dom)![1]!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  }
  const expectNoOverlap = (boxes: [number, number, number, number, string][]) => {
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3], `${a[4]} / ${b[4]}`).toBe(false);
      }
    }
  };

  it('graph labels do not overlap (bounding boxes from the DOM)', async () => {
    const boxes = await labelBoxes(readFileSync(join(dir, 'citations-view.html'), 'utf8'));
    expect(boxes.length).toBeGreaterThan(40);
    expectNoOverlap(boxes);
  }, 90_000);

  it('at 260 nodes (synthetic graph) most nodes keep a label and none overlap', async () => {
    const nodes: GraphNode[] = Array.from({ length: 260 }, (_, i) => ({ id: `n${i}`, label: i % 5 ? `测政〔2019〕${i}号` : `《测试条例第${i}号》`, title: '', kind: i % 5 ? 'decree' : 'law', href: '#' }));
    const edges: GraphEdge[] = nodes.flatMap((_, i) => [7, 13].map((k) => ({ from: `n${i}`, to: `n${(i * k + 3) % 260}`, relation: 'basis', count: 1 }))).filter((e) => e.from !== e.to);
    const { svg, placed } = citationGraph(nodes, edges);
    expect(placed).toBeGreaterThan(0.9 * nodes.length);
    const boxes = await labelBoxes(page('graph', 0, svg, null));
    expect(boxes).toHaveLength(placed);
    expectNoOverlap(boxes);
  }, 90_000);

  it('a screenshot of each page kind', async () => {
    for (const file of ['index.html', decreePath('郑政办〔2018〕45号'), agencyPath('agency:郑州市财政局'), 'deadlines-view.html', 'deadlines/2018.html', 'citations-view.html']) {
      const png = join(dir, `${file.replace(/\W/g, '_')}.png`);
      await chromium([`--screenshot=${png}`, '--window-size=1280,1400', `file://${join(dir, file)}`]);
      expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    }
  }, 120_000);
});
