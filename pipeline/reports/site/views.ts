import type { AgencyRecord } from '../../../graph/model.js';
import type { DeadlineItem } from '../deadlines.js';
import { agencyLink, anchor, decreeLink, dueCell, esc, link, page, pageParts, passageLink, pieces, table, tableParts, type Pieces, type SiteIndex } from './html.js';
import { citationGraph, RELATION_COLOURS, type GraphEdge, type GraphNode } from './layout.js';

/** The overview and the site-wide views: agencies by workload, deadlines, citations, gaps. */
export interface DecreeSummary {
  id: string;
  docNumber: string | null;
  title: string;
  docType: string;
  issuer: string | null;
  issuedDate: string | null;
  cites: number;
  tasks: number;
  deadlines: number;
}

export interface RunChanges {
  decrees: { added: string[]; removed: string[] };
  citations: { added: number; removed: number };
  assignments: { added: number; removed: number };
}

const n = (v: number) => String(v);

export function indexPage(decrees: DecreeSummary[], citedBy: Map<string, number>, counts: Record<string, number>, changes: RunChanges | null, index: SiteIndex, asOf: string | null): Pieces {
  const countRows = Object.entries(counts).map(([k, v]) => [esc(k), n(v)]);
  const changed = changes
    ? `<ul><li>decrees added: ${changes.decrees.added.map((id) => decreeLink(id, index, 0)).join('、') || 'none'}</li>
<li>decrees removed: ${esc(changes.decrees.removed.join('、') || 'none')}</li>
<li>citations +${changes.citations.added} / −${changes.citations.removed}; assignments +${changes.assignments.added} / −${changes.assignments.removed}</li></ul>`
    : '<p>First run into this directory: nothing to compare with.</p>';
  function* rows() {
    for (const d of decrees) yield [decreeLink(d.id, index, 0), esc(d.title), esc(d.docType), `<span class="nowrap">${esc(d.issuedDate ?? '')}</span>`, esc(d.issuer ?? ''), n(d.cites), n(citedBy.get(d.id) ?? 0), n(d.tasks), n(d.deadlines)];
  }
  const head = `<p>Views: ${link('agencies-view.html', '责任单位 agencies by workload', 0)} · ${link('deadlines-view.html', '时限 deadlines and timeline', 0)} · ${link('citations-view.html', '引用 citation graph, cited but missing', 0)} · ${link('gaps-view.html', '文号缺口 number gaps', 0)} · files for tools: <code>&lt;kind&gt;.csv/.json</code>, ${link('deadlines.ics', 'deadlines.ics', 0)}</p>
<h2>Counts</h2>${table('counts', ['what', 'count'], countRows, { numeric: [1] })}
<h2>Changes since the last run</h2>${changed}
<h2>Decrees (${decrees.length})</h2>
`;
  const decreeTable = tableParts('decrees', ['number', 'title', 'type', 'date', 'issuer', 'cites', 'cited by', 'tasks', 'deadlines'], rows(), { numeric: [5, 6, 7, 8] });
  return pageParts('公文知识图谱报告 Report', 0, pieces(head, decreeTable), asOf);
}

export interface AgencySummary {
  agency: AgencyRecord;
  lead: number;
  responsible: number;
  participant: number;
  dues: string[];
}

export function agenciesPage(list: AgencySummary[], index: SiteIndex, asOf: string | null): string {
  const rows = list.map((a) => [agencyLink(a.agency.id, index, 0), n(a.lead + a.responsible + a.participant), n(a.lead), n(a.responsible), n(a.participant), `<span data-dues="${a.dues.join(' ')}"></span>`, esc(a.agency.aliases.join('、'))]);
  const body = `<p>Ranked by workload: tasks led, responsible for and taking part in (each task once per role); the due-in-90-days column counts deadlines from the as-of date.</p>
${table('agencies', ['agency', 'tasks', 'lead 牵头', 'responsible 责任', 'participant 配合', 'due in 90 days', 'aliases'], rows, { numeric: [1, 2, 3, 4, 5] })}`;
  return page('责任单位 Agencies by workload', 0, body, asOf);
}

export interface AgencyTaskRow {
  agencyId: string;
  role: string;
  decree: string;
  task: string;
  start: number;
  end: number;
}

export function agencyPage(a: AgencyRecord, tasks: AgencyTaskRow[], deadlines: DeadlineItem[], index: SiteIndex, asOf: string | null): Pieces {
  function* rows(role: string) {
    for (const t of tasks) if (t.role === role) yield [decreeLink(t.decree, index, 1), passageLink(t.decree, t, t.task, index, 1)];
  }
  const count = (role: string) => tasks.reduce((k, t) => k + (t.role === role ? 1 : 0), 0);
  const byRole = (heading: string, role: string) => pieces(`\n<h2>${heading} (${count(role)})</h2>`, tableParts(`tasks-${role}`, ['decree', 'task'], rows(role)));
  const body = pieces(
    `<dl class="fields"><dt>名称</dt><dd>${esc(a.name)}</dd><dt>别名 aliases</dt><dd>${esc(a.aliases.join('、') || '—')}</dd></dl>`,
    byRole('牵头 Leads', 'lead'),
    byRole('负责 Responsible for', 'responsible'),
    byRole('配合 Takes part in', 'participant'),
    `\n<h2>时限 Deadlines in time order (${deadlines.length})</h2>`,
    tableParts('deadlines', ['due', 'date as stated', 'status', 'what is due', 'role', 'decree'], deadlineRows(deadlines, a.name, index, 1)),
  );
  return pageParts(a.name, 1, body, asOf);
}


function* deadlineRows(items: Iterable<DeadlineItem>, agency: string | null, index: SiteIndex, depth: number): Generator<string[]> {
  for (const i of items) {
    const v = i.view;
    const role = agency ? (i.lead.includes(agency) ? 'lead' : i.responsible.includes(agency) ? 'responsible' : 'participant') : null;
    const cells = [dueCell(v.due), v.every ? esc(v.every) : `<span class="nowrap">${esc(v.shown)}</span>`, '<span class="status"></span>', passageLink(i.decree, v, v.clause, index, depth)];
    if (role) cells.push(role);
    else cells.push(i.lead.map((x) => agencyLink(x, index, depth)).join('、'), i.responsible.map((x) => agencyLink(x, index, depth)).join('、'));
    cells.push(decreeLink(i.decree, index, depth));
    yield cells;
  }
}

const DEADLINE_COLUMNS = ['due', 'date as stated', 'status', 'what is due', 'lead', 'responsible', 'decree'];
const STATUS = `<p>Status relative to the as-of date: <span class="overdue">overdue</span>, <span class="soon">due within 30 days</span>, <span class="later">later</span>. A date stated to the month or year is due on its last day; "date as stated" keeps the precision of the text.</p>`;
export const deadlineYearPath = (year: string) => `deadlines/${year}.html`;

/**
 * Deadlines: a timeline by month linking to a page per year (its dated deadlines and year targets), then
 * the recurring duties and periods, which have no date. A page per year keeps pages of a large run small.
 */
export function deadlinesPage(months: Map<string, number>, recurring: DeadlineItem[], durations: DeadlineItem[], index: SiteIndex, asOf: string | null): string {
  const max = Math.max(1, ...months.values());
  const timeline = [...months].map(([m, c]) => [`<a href="${deadlineYearPath(m.slice(0, 4))}#t=deadlines&q=${m}" data-due="${m}-01">${m}</a>`, n(c), `<span class="bar" style="width:${((200 * c) / max).toFixed(0)}px"></span>`]);
  const body = `${STATUS}
<h2>Timeline by month</h2><p>Each month links to its year's page: the deadlines due then, and that year's targets.</p>${table('timeline', ['month', 'deadlines', ''], timeline, { numeric: [1] })}
<h2>Recurring duties 定期报送 (${recurring.length})</h2>${table('recurring', DEADLINE_COLUMNS, deadlineRows(recurring, null, index, 0))}
<h2>Periods 期限 (${durations.length})</h2>${table('durations', DEADLINE_COLUMNS, deadlineRows(durations, null, index, 0))}`;
  return page('时限 Deadlines', 0, body, asOf);
}

export function deadlinesYearPage(year: string, items: DeadlineItem[], index: SiteIndex, asOf: string | null): Pieces {
  const of = (kind: string) => items.filter((i) => i.view.kind === kind);
  const [deadlines, targets] = [of('deadline'), of('target')];
  const body = pieces(
    `${STATUS}\n<h2>Deadlines (${deadlines.length})</h2>`,
    tableParts('deadlines', DEADLINE_COLUMNS, deadlineRows(deadlines, null, index, 1)),
    `\n<h2>Year targets 目标 (${targets.length})</h2>`,
    tableParts('targets', DEADLINE_COLUMNS, deadlineRows(targets, null, index, 1)),
  );
  return pageParts(`时限 Deadlines ${year}`, 1, body, asOf);
}

export interface CitedItem {
  id: string;
  title: string | null;
  kind: string;
  citedBy: Map<string, number>;
}

export function citationsPage(nodes: GraphNode[], edges: GraphEdge[], cited: CitedItem[], note: string, index: SiteIndex, asOf: string | null): string {
  const graph = citationGraph(nodes, edges);
  const legend = Object.entries(RELATION_COLOURS).map(([r, c]) => `<span><i style="background:${c}"></i>${r}</span>`).join('');
  const row = (c: CitedItem) => [
    `<span id="${anchor(c.id)}">${decreeLink(c.id, index, 0)}</span>`,
    esc(c.title ?? ''),
    c.kind,
    n([...c.citedBy.values()].reduce((a, b) => a + b, 0)),
    [...c.citedBy.keys()].map((id) => decreeLink(id, index, 0)).join('、'),
  ];
  const missing = cited.filter((c) => !index.decrees.has(c.id) && c.kind !== 'law');
  const cols = ['cited', 'title', 'kind', 'times cited', 'cited by'];
  const body = `<p class="legend">Edges by relation: ${legend} Nodes: <span style="color:#2b6cb0">● decree in the run</span> <span style="color:#ed8936">● cited, not in the run</span> <span style="color:#16a34a">■ law / regulation</span>. Click a node for its page. ${esc(note)}</p>
<div style="overflow:auto;max-height:90vh;border:1px solid #eee">${graph.svg}</div>
<h2>Cited but missing 被引用但不在本批中 (${missing.length})</h2>${table('missing', cols, missing.map(row), { numeric: [3] })}
<h2>Most cited 被引用排行 (${cited.length})</h2>${table('cited', cols, cited.filter((c) => !missing.includes(c)).map(row), { numeric: [3] })}`;
  return page('引用 Citations', 0, body, asOf);
}

export function gapsPage(rows: { series: string; present: number[]; missing: number[]; citedNotPresent: number[] }[], asOf: string | null): string {
  const body = `<p>Per series (机关代字 and year): the numbers present in the run, the numbers missing between them, and numbers cited but not in the run.</p>
${table('gaps', ['series', 'present', 'missing between', 'cited, not in the run'], rows.map((r) => [`<span class="nowrap">${esc(r.series)}</span>`, esc(r.present.join(', ')), esc(r.missing.length > 40 ? `${r.missing.length} numbers` : r.missing.join(', ')), esc(r.citedNotPresent.join(', '))]))}`;
  return page('文号缺口 Document-number gaps', 0, body, asOf);
}
