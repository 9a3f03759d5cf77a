import { csvLine } from '../../graph/csv.js';
import type { Format, Report, Row, Section } from './model.js';

/**
 * Renderers write a report piece by piece to `out`, so a report of a large run is never one string.
 * CSV and JSON hold every row; HTML and Markdown pages are for reading and show at most PAGE_ROWS rows a
 * table, saying where the rest is.
 */
const PAGE_ROWS = 2000;
type Out = (chunk: string) => Promise<void> | void;

/** UTF-8 BOM so Excel opens Chinese text right; cells starting with = + - @ are neutralised. */
async function writeCsv(r: Report, out: Out): Promise<void> {
  await out('\ufeff' + csvLine(r.csv.columns, true));
  for (const row of r.csv.rows) await out(csvLine(row, true));
}

async function writeJson(r: Report, out: Out): Promise<void> {
  await out(`{"kind":${JSON.stringify(r.kind)},"title":${JSON.stringify(r.title)},"data":`);
  const data = r.data;
  // Iterables (and objects of them) element by element: a large report is never one JSON string.
  const isIterable = (v: unknown): v is Iterable<unknown> => typeof v === 'object' && v !== null && Symbol.iterator in v;
  const writeArray = async (a: Iterable<unknown>) => {
    await out('[');
    let first = true;
    for (const x of a) {
      await out((first ? '\n' : ',\n') + JSON.stringify(x));
      first = false;
    }
    await out('\n]');
  };
  if (isIterable(data)) await writeArray(data);
  else {
    const entries = Object.entries(data as Record<string, unknown>);
    await out('{');
    for (let i = 0; i < entries.length; i++) {
      const [k, v] = entries[i]!;
      await out(`${i ? ',' : ''}\n${JSON.stringify(k)}:`);
      if (isIterable(v)) await writeArray(v);
      else await out(JSON.stringify(v));
    }
    await out('\n}');
  }
  await out('}\n');
}

const esc = (v: unknown) => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// Markdown passes raw HTML through: a title or agency name holding <script> must stay text there too.
const mdCell = (v: unknown) => esc(v).replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
/** The first PAGE_ROWS rows (without reading the rest of a streamed table). */
function* page(s: Section): Generator<Row> {
  let n = 0;
  for (const row of s.rows) {
    yield row;
    if (++n === PAGE_ROWS) return;
  }
}
const more = (s: Section, kind: string, ext: string) => (s.rows.length > PAGE_ROWS ? `${s.rows.length - PAGE_ROWS} more rows in ${kind}.${ext} and ${kind}.json` : '');

async function writeMarkdown(r: Report, out: Out): Promise<void> {
  await out(`# ${esc(r.title)}\n`);
  for (const s of r.sections) {
    await out(`\n## ${esc(s.heading)}\n\n`);
    if (!s.rows.length) {
      await out('_none_\n');
      continue;
    }
    await out(`| ${s.columns.map(mdCell).join(' | ')} |\n| ${s.columns.map(() => '---').join(' | ')} |\n`);
    for (const row of page(s)) await out(`| ${row.map(mdCell).join(' | ')} |\n`);
    if (more(s, r.kind, 'csv')) await out(`\n_${more(s, r.kind, 'csv')}_\n`);
  }
}

/** One self-contained page: inline CSS and SVG, no scripts, nothing fetched. */
async function writeHtml(r: Report, out: Out): Promise<void> {
  await out(`<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin-bottom:2em;font-size:13px}th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#f0f0f0;position:sticky;top:0}svg text{font-size:10px;fill:#333}
svg .decree circle{fill:#2b6cb0}svg .stub circle{fill:#ed8936}svg line.cites{stroke:#999;stroke-width:1}
</style></head><body>
<h1>${esc(r.title)}</h1>
${r.svg ? `<figure id="graph">${r.svg}<figcaption>蓝色：本批文件；橙色：被引用但不在本批中的文件（存根）</figcaption></figure>` : ''}
`);
  for (const s of r.sections) {
    await out(`<section><h2>${esc(s.heading)} <small>(${s.rows.length})</small></h2>
<table><thead><tr>${s.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>
`);
    for (const row of page(s)) await out(`<tr>${row.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>\n`);
    await out(`</tbody></table>${more(s, r.kind, 'csv') ? `<p class="more">${esc(more(s, r.kind, 'csv'))}</p>` : ''}</section>\n`);
  }
  await out('</body></html>\n');
}

const WRITERS: Record<Format, (r: Report, out: Out) => Promise<void>> = { csv: writeCsv, json: writeJson, md: writeMarkdown, html: writeHtml };

export function writeReport(r: Report, format: Format, out: Out): Promise<void> {
  return WRITERS[format](r, out);
}

/** The whole report as one string: for standard output and tests; runs write it streamed. */
export async function render(r: Report, format: Format): Promise<string> {
  const parts: string[] = [];
  await writeReport(r, format, (c) => {
    parts.push(c);
  });
  return parts.join('');
}
