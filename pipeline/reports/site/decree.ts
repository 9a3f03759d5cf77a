import { isPlanned, type DocumentRecord } from '../../../graph/model.js';
import type { SourceRow } from '../../../graph/statements.js';
import type { DeadlineItem } from '../deadlines.js';
import type { AmountView } from '../facts.js';
import { agencyLink, decreeLink, dueCell, esc, page, table, type SiteIndex } from './html.js';
import { sourceHtml } from './source.js';

/** What the site keeps of a document until its page is written (spilled to disk, one line each). */
export interface DecreeRecord {
  d: DocumentRecord;
  /** The document's part of the decoded source, from offset `base`; null when the source was not readable. */
  text: string | null;
  base: number;
  deadlines: DeadlineItem[];
  amounts: AmountView[];
  /** Every record of its 发文字号 in the run, the graph's (`chosen`) first. */
  sources: SourceRow[];
}

export interface CitedBy {
  from: string;
  relation: string;
  count: number;
}

const DEPTH = 1;
const squeeze = (s: string) => s.replace(/\s+/g, '');
/** A link to a fact's passage in the source shown on the page (plain text when the source is not shown). */
const at = (r: DecreeRecord, f: { start: number; end: number; text?: string }, label?: string) =>
  r.text === null ? esc(label ?? squeeze(f.text ?? '')) : `<a href="#src-${f.start}-${f.end}">${esc(label ?? squeeze(f.text ?? ''))}</a>`;

export function decreePage(r: DecreeRecord, index: SiteIndex, citedBy: CitedBy[], asOf: string | null): string {
  const { d } = r;
  const p = d.provenance;
  const field = (name: string, value: string | null, span?: { start: number; end: number } | null) =>
    value ? `<dt>${name}</dt><dd>${span ? at(r, span, value) : esc(value)}</dd>` : '';
  const header = `<dl class="fields">
${field('发文字号', d.docNumber, p.docNumber)}${field('标题', d.title, p.title[0])}${field('发文机关', d.issuer, p.issuers[0])}
${field('联合发文', d.coIssuers.join('、') || null)}${field('文种', d.docType)}${field('成文日期', d.issuedDate, p.issuedDate)}
${field('印发/转发', d.issuesTitle)}${field('来源', `${d.source.path}（${d.source.encoding}）`)}
</dl>`;

  // Repeated citations of one document for one reason are one row with a count and every passage.
  const cites = new Map<string, { c: DocumentRecord['citations'][number]; spans: DocumentRecord['citations'] }>();
  for (const c of d.citations) {
    const key = `${c.target ?? c.docNumber ?? c.title}|${c.relation}`;
    (cites.get(key) ?? cites.set(key, { c, spans: [] }).get(key)!).spans.push(c);
  }
  const citeRows = [...cites.values()].map(({ c, spans }) => [
    // A document still to be drafted is on no other page: named, not linked.
    isPlanned(c) ? `《${esc(c.title!)}》（待制定）` : decreeLink(c.target ?? c.docNumber ?? `《${c.title}》`, index, DEPTH, c.docNumber ?? `《${c.title}》`),
    esc(c.title ?? ''),
    c.kind,
    c.relation,
    String(spans.length),
    spans.map((s, i) => at(r, s, `§${i + 1}`)).join(' '),
  ]);
  const citedRows = citedBy.map((c) => [decreeLink(c.from, index, DEPTH), esc(index.decrees.get(c.from)?.title ?? ''), c.relation, String(c.count)]);

  // Tasks: the assignments of one section, agencies apart by role, each once.
  const tasks = new Map<string, { text: string; first: { start: number; end: number }; roles: Record<string, Set<string>> }>();
  for (const a of d.assignments) {
    const t = tasks.get(a.taskId) ?? tasks.set(a.taskId, { text: squeeze(a.task), first: a, roles: { lead: new Set(), responsible: new Set(), participant: new Set() } }).get(a.taskId)!;
    t.roles[a.role]!.add(a.agencyId);
  }
  const agencies = (s: Set<string>) => [...s].sort().map((id) => agencyLink(id, index, DEPTH)).join('、');
  const taskRows = [...tasks].map(([id, t]) => [
    at(r, t.first, t.text.length > 80 ? `${t.text.slice(0, 80)}…` : t.text),
    agencies(t.roles.lead!),
    agencies(t.roles.responsible!),
    agencies(t.roles.participant!),
    r.deadlines.filter((x) => x.view.taskId === id).map((x) => at(r, x.view, x.view.printed)).join('；'),
    r.amounts.filter((x) => x.taskId === id).map((x) => at(r, x, x.printed)).join('；'),
  ]);
  const deadlineRows = r.deadlines.map((x) => [
    dueCell(x.view.due),
    x.view.every ? esc(x.view.every) : `<span class="nowrap">${esc(x.view.shown)}</span>`,
    at(r, x.view, x.view.printed),
    x.view.kind,
    '<span class="status"></span>',
    esc(x.view.clause),
    x.lead.map((a) => agencyLink(a, index, DEPTH)).join('、'),
    x.responsible.map((a) => agencyLink(a, index, DEPTH)).join('、'),
  ]);
  const amountRows = r.amounts.map((a) => [String(a.value), esc(a.unit), esc(a.qualifier ?? ''), a.kind, at(r, a, a.printed), esc(a.clause)]);
  const appointmentRows = d.appointments.map((a) => [esc(a.person), a.action === 'appoint' ? '任命' : '免去', esc(a.post), agencyLink(a.agencyId, index, DEPTH), esc(a.date ?? ''), at(r, a, '原文')]);
  const spans: [number, number][] = [
    ...[p.docNumber, ...p.title, ...p.issuers, p.issuedDate].filter((s) => s !== null).map((s) => [s!.start, s!.end] as [number, number]),
    ...[...d.citations, ...d.assignments, ...d.deadlines, ...d.amounts, ...d.appointments].map((f) => [f.start, f.end] as [number, number]),
  ];
  // A 发文字号 printed by several inputs (a gazette and its web page): where each record is, which the graph holds.
  const sourceRows = r.sources.map((s) => [esc(s.path), s.format, `${s.start}–${s.end}`, s.chosen ? 'the graph’s record (shown here)' : 'also printed here']);
  const body = `${header}
${r.sources.length > 1 ? `<h2>来源 Sources (${r.sources.length})</h2>\n${table('sources', ['input', 'format', 'characters', 'record'], sourceRows)}\n` : ''}<h2>引用 Cites (${d.citations.length})</h2>
${table('cites', ['cited', 'title', 'kind', 'relation', 'times', 'passages'], citeRows, { numeric: [4] })}
<h2>被引用 Cited by (${citedBy.length})</h2>
${table('cited-by', ['decree', 'title', 'relation', 'times'], citedRows, { numeric: [3] })}
<h2>任务 Tasks (${tasks.size})</h2>
${table('tasks', ['task', 'lead 牵头', 'responsible 责任', 'participant 配合', 'deadlines', 'amounts'], taskRows)}
<h2>时限 Deadlines (${r.deadlines.length})</h2>
${table('deadlines', ['due', 'date as stated', 'printed', 'kind', 'status', 'what is due', 'lead', 'responsible'], deadlineRows)}
<h2>金额与指标 Amounts (${r.amounts.length})</h2>
${table('amounts', ['value', 'unit', 'qualifier', 'kind', 'printed', 'what for'], amountRows, { numeric: [0] })}
${d.appointments.length ? `<h2>任免 Appointments (${d.appointments.length})</h2>\n${table('appointments', ['person', 'action', 'post', 'agency', 'date', 'source'], appointmentRows)}` : ''}
<h2>原文 Source text</h2>
${r.text === null ? '<p><i>The source file could not be read when the reports were written.</i></p>' : sourceHtml(r.text, r.base, spans, d.source.format === 'html')}`;
  return page(`${d.docNumber ? `${d.docNumber} ` : ''}${d.title}`, DEPTH, body, asOf);
}
