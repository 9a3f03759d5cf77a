import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PQueue from 'p-queue';
import { isPlanned, type AgencyRecord, type DocumentRecord } from '../../../graph/model.js';
import { ownSource, type SourceRow } from '../../../graph/statements.js';
import { writeFileAtomic, writePieces } from '../../atomic.js';
import { GapsReport } from '../build.js';
import { compareDeadlines, deadlineItems, type DeadlineItem } from '../deadlines.js';
import { amountView, taskHeadings } from '../facts.js';
import { sourceText } from '../source.js';
import { readRows, SortedRows } from '../spill.js';
import { decreePage, type CitedBy, type DecreeRecord } from './decree.js';
import { agencyPath, anchor, decreePath, type Pieces, type SiteIndex } from './html.js';
import type { GraphEdge, GraphNode } from './layout.js';
import { agenciesPage, agencyPage, citationsPage, deadlinesPage, deadlinesYearPage, deadlineYearPath, gapsPage, indexPage, type AgencySummary, type AgencyTaskRow, type CitedItem, type DecreeSummary, type RunChanges } from './views.js';

/** The graph draws at most this many nodes (the most cited and citing): beyond, labels cannot be read. */
const GRAPH_NODES = 400;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The report site (reports/index.html and its pages), built as a run streams its documents: each
 * document's page material (its part of the source, its deadlines and amounts read with the source) goes
 * to a temp file, one line each; what the cross-document pages need is kept small (ids, titles, counts,
 * citation edges) or sorted on disk (agency tasks and deadlines). Pages are written at the end, one at a
 * time.
 */
export class SiteBuilder {
  // Made on the first document: a run that fails before it leaves nothing behind.
  private tmp: string | null = null;
  private fd = -1;
  private readonly decrees: DecreeSummary[] = [];
  private readonly cited = new Map<string, CitedItem>();
  private readonly edges = new Map<string, GraphEdge>();
  private readonly tasks = new SortedRows<AgencyTaskRow>((a, b) => cmp(a.agencyId, b.agencyId) || cmp(a.decree, b.decree) || a.start - b.start || cmp(a.role, b.role));
  private readonly deadlines = new SortedRows<DeadlineItem>(compareDeadlines);
  private readonly byAgency = new SortedRows<{ agency: string; item: DeadlineItem }>((a, b) => cmp(a.agency, b.agency) || compareDeadlines(a.item, b.item));
  private readonly gaps = new GapsReport();
  private readonly counts: Record<string, number> = { documents: 0, citations: 0, tasks: 0, assignments: 0, deadlines: 0, amounts: 0, appointments: 0 };

  /**
   * `sources`: every record of the document's 发文字号 in the run; a decree's page shows the record the
   * graph holds and lists them all, so a record the graph did not choose gets no page of its own.
   */
  add(d: DocumentRecord, sources: SourceRow[] = ownSource(d)): void {
    const chosen = sources.find((s) => s.chosen)!;
    const page = chosen.path === d.source.path && chosen.start === d.source.start;
    const source = sourceText(d.source.path);
    const tasks = taskHeadings(d);
    const deadlines = deadlineItems(d);
    // The document's range, widened to every fact: a disclosure page's header facts stand in its
    // metadata table, before the article.
    const p = d.provenance;
    const spans = [p.docNumber, p.issuedDate, ...p.title, ...p.issuers].filter((x) => x !== null);
    const base = Math.min(d.source.start, ...spans.map((x) => x!.start));
    const end = Math.max(d.source.end, ...spans.map((x) => x!.end));
    const record: DecreeRecord = {
      d: { ...d, keywords: [] },
      text: source === undefined ? null : source.slice(base, end),
      base,
      deadlines,
      amounts: d.amounts.map((a) => amountView(a, d, source, tasks)),
      sources,
    };
    if (!this.tmp) {
      this.tmp = mkdtempSync(join(tmpdir(), 'decree-graph-site-'));
      this.fd = openSync(join(this.tmp, 'decrees.ndjson'), 'w');
    }
    if (page) writeSync(this.fd, JSON.stringify(record) + '\n');
    this.decrees.push({ id: d.id, docNumber: d.docNumber, title: d.title, docType: d.docType, issuer: d.issuer, issuedDate: d.issuedDate, cites: d.citations.length, tasks: tasks.size, deadlines: d.deadlines.length });
    for (const c of d.citations) {
      // A document still to be drafted is neither cited nor missing: its planner's page lists it.
      if (isPlanned(c)) continue;
      const to = c.target ?? c.docNumber ?? `《${c.title}》`;
      const item = this.cited.get(to) ?? this.cited.set(to, { id: to, title: c.title, kind: c.kind, citedBy: new Map() }).get(to)!;
      item.citedBy.set(d.id, (item.citedBy.get(d.id) ?? 0) + 1);
      const key = `${d.id}|${to}|${c.relation}`;
      const e = this.edges.get(key) ?? this.edges.set(key, { from: d.id, to, relation: c.relation, count: 0 }).get(key)!;
      e.count++;
    }
    const seen = new Set<string>();
    for (const a of d.assignments) {
      const key = `${a.agencyId}|${a.taskId}|${a.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.tasks.add({ agencyId: a.agencyId, role: a.role, decree: d.id, task: tasks.get(a.taskId)!, start: a.start, end: a.end });
    }
    for (const item of deadlines) {
      this.deadlines.add(item);
      for (const agency of new Set([...item.lead, ...item.responsible, ...item.participant])) this.byAgency.add({ agency, item });
    }
    this.gaps.add(d);
    const c = this.counts;
    c.documents!++;
    c.citations! += d.citations.length;
    c.tasks! += tasks.size;
    c.assignments! += d.assignments.length;
    c.deadlines! += d.deadlines.length;
    c.amounts! += d.amounts.length;
    c.appointments! += d.appointments.length;
  }

  /**
   * Writes the site into `dir` (reports/); returns the pages written, relative to `dir`, so the run records
   * them as its outputs (and removes an earlier run's pages that are no longer written: only those).
   */
  async write(dir: string, agencies: AgencyRecord[], changes: RunChanges | null, asOf: string | null): Promise<string[]> {
    if (this.tmp) closeSync(this.fd);
    try {
      return await this.writePages(dir, agencies, changes, asOf);
    } finally {
      for (const rows of [this.tasks, this.deadlines, this.byAgency]) rows.dispose();
      if (this.tmp) rmSync(this.tmp, { recursive: true, force: true });
    }
  }

  private async writePages(dir: string, agencies: AgencyRecord[], changes: RunChanges | null, asOf: string | null): Promise<string[]> {
    const index: SiteIndex = { decrees: new Map(this.decrees.map((d) => [d.id, { title: d.title, docNumber: d.docNumber }])), agencies: new Map(agencies.map((a) => [a.id, { name: a.name }])) };
    const written = new Set<string>();
    for (const sub of ['decree', 'agency', 'deadlines']) await mkdir(join(dir, sub), { recursive: true });
    // A few pages written at once, so the next page is built while the last ones go to disk.
    const writing = new PQueue({ concurrency: 4 });
    let failed: unknown = null;
    // A large page comes as pieces, made as they are written.
    const put = async (path: string, html: string | Pieces) => {
      written.add(path);
      if (writing.size > 8) await writing.onSizeLessThan(4);
      writing.add(() => (typeof html === 'string' ? writeFileAtomic(join(dir, path), html) : writePieces(join(dir, path), html))).catch((err: unknown) => (failed ??= err));
    };
    const citedBy = new Map<string, CitedBy[]>();
    for (const e of [...this.edges.values()].sort((a, b) => cmp(a.from, b.from) || cmp(a.relation, b.relation))) (citedBy.get(e.to) ?? citedBy.set(e.to, []).get(e.to)!).push({ from: e.from, relation: e.relation, count: e.count });
    const records = this.tmp ? readRows<DecreeRecord>(join(this.tmp, 'decrees.ndjson')) : [];
    for (const r of records) await put(decreePath(r.d.id), decreePage(r, index, citedBy.get(r.d.id) ?? [], asOf));

    const counts = new Map([...this.cited.values()].map((c) => [c.id, [...c.citedBy.values()].reduce((a, b) => a + b, 0)]));
    await put('index.html', indexPage(this.decrees, counts, { ...this.counts, agencies: agencies.length }, changes, index, asOf));
    await this.writeAgencies(put, agencies, index, asOf);
    await this.writeDeadlines(put, index, asOf);
    await put('citations-view.html', this.citations(index, asOf));
    await put('gaps-view.html', gapsPage(this.gaps.finish().data as Parameters<typeof gapsPage>[0], asOf));
    await writing.onIdle();
    if (failed) throw failed;
    return [...written];
  }

  /** The deadlines sorted by due date, a year at a time; the undated ones (sorted last) on the main page. */
  private async writeDeadlines(put: (path: string, html: string | Pieces) => Promise<void>, index: SiteIndex, asOf: string | null): Promise<void> {
    const months = new Map<string, number>();
    const undated: Record<string, DeadlineItem[]> = { recurring: [], duration: [] };
    let year: DeadlineItem[] = [];
    const flush = async () => {
      if (year.length) await put(deadlineYearPath(year[0]!.view.due!.slice(0, 4)), deadlinesYearPage(year[0]!.view.due!.slice(0, 4), year, index, asOf));
      year = [];
    };
    for (const i of this.deadlines) {
      const due = i.view.due;
      if (!due) {
        undated[i.view.kind]?.push(i);
        continue;
      }
      if (year.length && year[0]!.view.due!.slice(0, 4) !== due.slice(0, 4)) await flush();
      year.push(i);
      if (i.view.kind === 'deadline') months.set(due.slice(0, 7), (months.get(due.slice(0, 7)) ?? 0) + 1);
    }
    await flush();
    await put('deadlines-view.html', deadlinesPage(months, undated.recurring!, undated.duration!, index, asOf));
  }

  /** A page per agency, with its task rows and deadlines one agency at a time (all three lists sorted by id). */
  private async writeAgencies(put: (path: string, html: string | Pieces) => Promise<void>, agencies: AgencyRecord[], index: SiteIndex, asOf: string | null): Promise<void> {
    const tasks = this.tasks[Symbol.iterator]();
    const deadlines = this.byAgency[Symbol.iterator]();
    let task = tasks.next();
    let due = deadlines.next();
    const summaries: AgencySummary[] = [];
    for (const agency of [...agencies].sort((a, b) => cmp(a.id, b.id))) {
      const rows: AgencyTaskRow[] = [];
      while (!task.done && task.value.agencyId < agency.id) task = tasks.next();
      for (; !task.done && task.value.agencyId === agency.id; task = tasks.next()) rows.push(task.value);
      const own: DeadlineItem[] = [];
      while (!due.done && due.value.agency < agency.name) due = deadlines.next();
      for (; !due.done && due.value.agency === agency.name; due = deadlines.next()) own.push(due.value.item);
      const count = (role: string) => rows.filter((t) => t.role === role).length;
      summaries.push({ agency, lead: count('lead'), responsible: count('responsible'), participant: count('participant'), dues: own.filter((i) => i.view.kind === 'deadline' && i.view.due).map((i) => i.view.due!) });
      await put(agencyPath(agency.id), agencyPage(agency, rows, own, index, asOf));
    }
    summaries.sort((a, b) => b.lead + b.responsible + b.participant - (a.lead + a.responsible + a.participant) || b.lead - a.lead || cmp(a.agency.name, b.agency.name));
    await put('agencies-view.html', agenciesPage(summaries, index, asOf));
  }

  private citations(index: SiteIndex, asOf: string | null): string {
    const short = (s: string, n = 14) => (s.length > n ? `${s.slice(0, n)}…` : s);
    const nodes = new Map<string, GraphNode>();
    for (const d of this.decrees) nodes.set(d.id, { id: d.id, label: d.docNumber ?? short(d.title), title: d.title, kind: 'decree', href: decreePath(d.id) });
    for (const c of this.cited.values()) {
      if (nodes.has(c.id)) continue;
      const label = c.id.startsWith('《') ? short(c.id) : c.id;
      nodes.set(c.id, { id: c.id, label, title: c.title ?? c.id, kind: c.kind === 'law' ? 'law' : 'stub', href: `citations-view.html#${anchor(c.id)}` });
    }
    // Large runs: the most connected nodes only, so labels stay readable.
    const degree = new Map<string, number>();
    for (const e of this.edges.values()) for (const id of [e.from, e.to]) degree.set(id, (degree.get(id) ?? 0) + e.count);
    const ranked = [...nodes.values()].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0) || cmp(a.id, b.id));
    const drawn = new Set(ranked.slice(0, GRAPH_NODES).map((n) => n.id));
    const edges = [...this.edges.values()].filter((e) => drawn.has(e.from) && drawn.has(e.to));
    const note = drawn.size < nodes.size ? `The graph shows the ${drawn.size} most connected of ${nodes.size} documents.` : '';
    const cited = [...this.cited.values()].sort((a, b) => (counts(b) - counts(a)) || cmp(a.id, b.id));
    return citationsPage(ranked.filter((n) => drawn.has(n.id)), edges, cited, note, index, asOf);
  }
}

const counts = (c: CitedItem) => [...c.citedBy.values()].reduce((a, b) => a + b, 0);
