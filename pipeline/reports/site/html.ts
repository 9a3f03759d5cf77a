import { createHash } from 'node:crypto';
import { SCRIPT } from './script.js';

/** HTML building blocks of the report site: every page self-contained (inline style and script). */
export const esc = (v: unknown) => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A file name for an id: readable, safe on every file system, unique by a short hash of the id. */
const slugs = new Map<string, string>();
export function slug(id: string): string {
  let s = slugs.get(id);
  if (s === undefined) {
    // Every page links to many ids, each hashed once (a run's ids are few beside its links).
    const readable = id.replace(/^(agency|doc):/, '').replace(/[\\/:*?"<>|#%&\s.]/g, '_').slice(0, 40);
    s = `${readable}-${createHash('sha1').update(id).digest('hex').slice(0, 6)}`;
    slugs.set(id, s);
  }
  return s;
}

/** Site paths are relative to reports/: pages under decree/ and agency/ link up one level. */
export const decreePath = (id: string) => `decree/${slug(id)}.html`;
export const agencyPath = (id: string) => `agency/${slug(id)}.html`;
export const href = (path: string, depth: number) => encodeURI(`${'../'.repeat(depth)}${path}`);
export const anchor = (id: string) => `c-${slug(id)}`;

export const link = (path: string, text: string, depth: number, cls = '') => `<a href="${esc(href(path, depth))}"${cls ? ` class="${cls}"` : ''}>${esc(text)}</a>`;

/** Site-wide facts the page builders need about every decree and agency (small: no texts). */
export interface SiteIndex {
  decrees: Map<string, { title: string; docNumber: string | null }>;
  agencies: Map<string, { name: string }>;
}

/** A decree number (or title) as a link to its page; a document not in the run links to the citations view. */
export function decreeLink(id: string, index: SiteIndex, depth: number, label?: string): string {
  const d = index.decrees.get(id);
  if (d) return link(decreePath(id), label ?? d.docNumber ?? d.title, depth, 'doc');
  return link(`citations-view.html#${anchor(id)}`, label ?? id, depth, 'doc stub');
}

/** A link to a passage of a decree: its page, scrolled to and highlighting the span. */
export function passageLink(decree: string, span: { start: number; end: number }, text: string, index: SiteIndex, depth: number): string {
  if (!index.decrees.has(decree)) return esc(text);
  return `<a href="${esc(href(decreePath(decree), depth))}#src-${span.start}-${span.end}">${esc(text)}</a>`;
}

export function agencyLink(id: string, index: SiteIndex, depth: number): string {
  const a = index.agencies.get(id.startsWith('agency:') ? id : `agency:${id}`);
  return a ? link(agencyPath(`agency:${a.name}`), a.name, depth, 'agency') : esc(id.replace(/^agency:/, ''));
}

const STYLE = `
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0 2em 2em;color:#222;font-size:14px}
nav{position:sticky;top:0;background:#fff;border-bottom:1px solid #ddd;padding:.5em 0;z-index:2}nav a{margin-right:1.2em}
table{border-collapse:collapse;margin:.3em 0 1.5em;font-size:13px}th,td{border:1px solid #ccc;padding:3px 6px;vertical-align:top}
th{background:#f0f0f0;cursor:pointer;user-select:none}th.asc::after{content:" ▲"}th.desc::after{content:" ▼"}
a.doc,td.nowrap,.nowrap{white-space:nowrap}a{color:#1a56a0}a.stub{color:#b45309}
.tools{margin:.5em 0 .2em}.tools input{width:20em;padding:2px 4px}.pager button{margin:0 .3em}
.overdue{color:#b91c1c;font-weight:bold}.soon{color:#b45309;font-weight:bold}.later{color:#15803d}
.src{white-space:pre-wrap;border:1px solid #ddd;padding:1em;background:#fafafa;max-width:60em;line-height:1.7}
.src mark{background:#fff3bf}.src mark.hit{background:#fcc419;outline:2px solid #e8590c}
dl.fields{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:bold}
.bar{display:inline-block;height:.8em;background:#93c5fd;vertical-align:middle}
.legend span{margin-right:1.5em}.legend i{display:inline-block;width:2em;height:3px;vertical-align:middle;margin-right:.3em}
svg text{font-size:11px;fill:#222}svg a:hover text{fill:#1a56a0;text-decoration:underline}
`;

/**
 * A page as pieces, written one after another: the large pages of a large run (an agency's tasks, a year's
 * deadlines, the overview's decrees) are never one string.
 */
export type Pieces = Iterable<string>;

/** Strings and pieces, one after another. */
export function* pieces(...parts: (string | Pieces)[]): Generator<string> {
  for (const p of parts) {
    if (typeof p === 'string') yield p;
    else yield* p;
  }
}

export function page(title: string, depth: number, body: string, asOf: string | null): string {
  return [...pageParts(title, depth, [body], asOf)].join('');
}

export function* pageParts(title: string, depth: number, body: Pieces, asOf: string | null): Generator<string> {
  const up = '../'.repeat(depth);
  const nav = [
    ['index.html', '总览 Overview'],
    ['agencies-view.html', '单位 Agencies'],
    ['deadlines-view.html', '时限 Deadlines'],
    ['citations-view.html', '引用 Citations'],
    ['gaps-view.html', '缺口 Gaps'],
  ].map(([p, t]) => `<a href="${up}${p}">${t}</a>`);
  yield `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${STYLE}</style></head>
<body data-as-of="${esc(asOf ?? '')}"><nav>${nav.join('')}<span id="as-of"></span></nav>
<h1>${esc(title)}</h1>
`;
  yield* body;
  yield `
<script>${SCRIPT}</script>
</body></html>
`;
}

/** A table the inline script sorts, filters and pages; cells are HTML already escaped by the caller. */
export function table(id: string, columns: string[], rows: Iterable<string[]>, opts: { numeric?: number[] } = {}): string {
  return [...tableParts(id, columns, rows, opts)].join('');
}

/** `table` a row at a time. */
export function* tableParts(id: string, columns: string[], rows: Iterable<string[]>, opts: { numeric?: number[] } = {}): Generator<string> {
  const head = columns.map((c, i) => `<th${opts.numeric?.includes(i) ? ' data-num' : ''}>${esc(c)}</th>`).join('');
  let first = true;
  for (const r of rows) {
    yield `${first ? `<table class="dt" id="${esc(id)}"><thead><tr>${head}</tr></thead><tbody>\n` : '\n'}<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    first = false;
  }
  yield first ? '<p><i>none</i></p>' : '\n</tbody></table>';
}

/** A due date the script marks overdue / due soon / later relative to the as-of date. */
export const dueCell = (due: string | null) => (due ? `<span class="nowrap" data-due="${due}">${due}</span>` : '');
