import { csvLine } from '../../graph/csv.js';
import type { Format, Report, Section } from './model.js';

/** UTF-8 BOM so Excel opens Chinese text right; cells starting with = + - @ are neutralised. */
export function toCsv(r: Report): string {
  return '\ufeff' + csvLine(r.csv.columns, true) + r.csv.rows.map((row) => csvLine(row, true)).join('');
}

const mdCell = (v: unknown) => String(v ?? '').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function mdTable(s: Section): string {
  const head = `| ${s.columns.join(' | ')} |\n| ${s.columns.map(() => '---').join(' | ')} |\n`;
  return `## ${s.heading}\n\n${s.rows.length ? head + s.rows.map((r) => `| ${r.map(mdCell).join(' | ')} |`).join('\n') : '_none_'}\n`;
}

export function toMarkdown(r: Report): string {
  return `# ${r.title}\n\n${r.sections.map(mdTable).join('\n')}`;
}

const esc = (v: unknown) => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function htmlTable(s: Section): string {
  const body = s.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('\n');
  return `<section><h2>${esc(s.heading)} <small>(${s.rows.length})</small></h2>
<table><thead><tr>${s.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr></thead><tbody>
${body}
</tbody></table></section>`;
}

/** One self-contained page: inline CSS and SVG, no scripts, nothing fetched. */
export function toHtml(r: Report): string {
  return `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(r.title)}</title>
<style>
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin-bottom:2em;font-size:13px}th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#f0f0f0;position:sticky;top:0}svg text{font-size:10px;fill:#333}
svg .decree circle{fill:#2b6cb0}svg .stub circle{fill:#ed8936}svg line.cites{stroke:#999;stroke-width:1}
</style></head><body>
<h1>${esc(r.title)}</h1>
${r.svg ? `<figure id="graph">${r.svg}<figcaption>蓝色：本批文件；橙色：被引用但不在本批中的文件（存根）</figcaption></figure>` : ''}
${r.sections.map(htmlTable).join('\n')}
</body></html>
`;
}

export function render(r: Report, format: Format): string {
  switch (format) {
    case 'csv':
      return toCsv(r);
    case 'json':
      return JSON.stringify({ kind: r.kind, title: r.title, data: r.data }, null, 2) + '\n';
    case 'md':
      return toMarkdown(r);
    case 'html':
      return toHtml(r);
  }
}
