import type { AgencyRecord, DocumentRecord, ExportFile } from '../../graph/model.js';
import { uniqueAssignments } from '../../graph/statements.js';
import { citationGraphSvg } from './svg.js';
import type { Report, ReportKind } from './model.js';
import { deadlinesIcs } from './ics.js';
import { SortedRows } from './spill.js';

/**
 * Report builders take documents one at a time and keep only what their report needs, so a run streams
 * its documents into them and never holds the documents themselves; `finish` sorts every list, so the
 * same data gives byte-identical reports. The same builders serve an export and the graph read back from
 * Neo4j (graph/readBack.ts).
 */
export interface ReportBuilder {
  add(d: DocumentRecord): void;
  finish(agencies: AgencyRecord[]): Report;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function reportBuilder(kind: ReportKind): ReportBuilder {
  switch (kind) {
    case 'citations':
      return new CitationsReport();
    case 'gaps':
      return new GapsReport();
    case 'agencies':
      return new AgenciesReport();
    case 'deadlines':
      return new DeadlinesReport();
  }
}

export function buildReport(kind: ReportKind, exp: ExportFile): Report {
  const b = reportBuilder(kind);
  for (const d of exp.documents) b.add(d);
  return b.finish(exp.agencies);
}

type Citation = DocumentRecord['citations'][number];

function citedKey(c: Citation): string {
  return c.target ?? c.docNumber ?? `《${c.title}》`;
}

class CitationsReport implements ReportBuilder {
  private readonly docs: { id: string; title: string }[] = [];
  private readonly citations: { from: string; fromTitle: string; c: Citation }[] = [];

  add(d: DocumentRecord): void {
    this.docs.push({ id: d.id, title: d.title });
    for (const c of d.citations) this.citations.push({ from: d.id, fromTitle: d.title, c });
  }

  finish(): Report {
    const docs = this.docs.sort(byId);
    const titles = new Map(docs.map((d) => [d.id, d.title]));
    const edges = this.citations.map(({ from, fromTitle, c }) => ({ from, fromTitle, to: citedKey(c), toTitle: c.target ? titles.get(c.target)! : c.title, inCorpus: !!c.target, kind: c.kind, relation: c.relation, text: c.text, conflict: c.conflict }));
    edges.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.text, b.text));
    const citers = new Map<string, Set<string>>();
    const cited = new Map<string, Set<string>>();
    const titleOf = new Map<string, string | null>();
    const isLaw = new Set<string>();
    const citedIn = new Map<string, { decree: string; text: string }[]>();
    for (const e of edges) {
      (citers.get(e.to) ?? citers.set(e.to, new Set()).get(e.to)!).add(e.from);
      (cited.get(e.from) ?? cited.set(e.from, new Set()).get(e.from)!).add(e.to);
      if (!titleOf.has(e.to)) titleOf.set(e.to, e.toTitle);
      if (e.kind === 'law') isLaw.add(e.to);
      (citedIn.get(e.to) ?? citedIn.set(e.to, []).get(e.to)!).push({ decree: e.from, text: e.text });
    }
    const perDecree = docs.map((d) => ({
      id: d.id,
      title: d.title,
      cites: [...(cited.get(d.id) ?? [])].sort(),
      citedBy: [...(citers.get(d.id) ?? [])].sort(),
    }));
    const ranking = [...citers.entries()]
      .map(([id, s]) => ({ id, title: titles.get(id) ?? titleOf.get(id)!, inCorpus: titles.has(id), citedBy: s.size }))
      .sort((a, b) => b.citedBy - a.citedBy || cmp(a.id, b.id));
    const unresolved = ranking.filter((r) => !r.inCorpus && !isLaw.has(r.id)).map((r) => ({ cited: r.id, title: r.title, citedIn: citedIn.get(r.id)! }));
    const conflicts = edges.filter((e) => e.conflict).map((e) => ({ decree: e.from, cited: e.to, text: e.text, conflict: e.conflict }));
    const edgeColumns = ['citing_id', 'citing_title', 'cited', 'cited_title', 'cited_in_corpus', 'kind', 'relation', 'text', 'conflict'];
    const edgeRows = edges.map((e) => [e.from, e.fromTitle, e.to, e.toTitle, e.inCorpus ? 'yes' : 'no', e.kind, e.relation, e.text, e.conflict]);
    return {
      kind: 'citations',
      title: '引用关系报告 Citations',
      csv: { heading: 'Citations', columns: edgeColumns, rows: edgeRows },
      sections: [
        { heading: 'Cited-by ranking', columns: ['cited', 'title', 'in_corpus', 'cited_by'], rows: ranking.map((r) => [r.id, r.title, r.inCorpus ? 'yes' : 'no', r.citedBy]) },
        { heading: 'Per decree', columns: ['id', 'title', 'cites', 'cited_by'], rows: perDecree.map((p) => [p.id, p.title, p.cites.join('；'), p.citedBy.join('；')]) },
        { heading: 'Unresolved citations (stubs)', columns: ['cited', 'title', 'cited_in'], rows: unresolved.map((u) => [u.cited, u.title, u.citedIn.map((c) => c.decree).join('；')]) },
        { heading: 'Title/number disagreements', columns: ['decree', 'cited', 'text', 'conflict'], rows: conflicts.map((c) => [c.decree, c.cited, c.text, c.conflict]) },
        { heading: 'All citations', columns: edgeColumns, rows: edgeRows },
      ],
      data: { perDecree, ranking, unresolved, conflicts, citations: edges },
      svg: citationGraphSvg(docs.map((d) => ({ id: d.id, title: d.title })), edges.filter((e) => e.kind !== 'law').map((e) => ({ from: e.from, to: e.to }))),
    };
  }
}

class GapsReport implements ReportBuilder {
  private readonly present = new Map<string, { prefix: string; year: number; serials: Set<number> }>();
  /** Serials cited per series; only series with a document in the corpus are reported. */
  private readonly cited = new Map<string, Set<number>>();

  add(d: DocumentRecord): void {
    const p = d.docNumberParts;
    if (p?.year) {
      const k = `${p.prefix}〔${p.year}〕`;
      (this.present.get(k) ?? this.present.set(k, { prefix: p.prefix, year: p.year, serials: new Set() }).get(k)!).serials.add(p.serial);
    }
    for (const c of d.citations) {
      const m = c.docNumber && /^(.+〔\d{4}〕)(\d+)号$/.exec(c.docNumber);
      if (m) (this.cited.get(m[1]!) ?? this.cited.set(m[1]!, new Set()).get(m[1]!)!).add(Number(m[2]));
    }
  }

  finish(): Report {
    const rows = [...this.present.entries()]
      .sort(([a], [b]) => cmp(a, b))
      .map(([key, g]) => {
        const present = [...g.serials].sort((a, b) => a - b);
        const lo = present[0]!;
        const hi = present[present.length - 1]!;
        const missing: number[] = [];
        for (let n = lo; n <= hi; n++) if (!g.serials.has(n)) missing.push(n);
        const citedNotPresent = [...(this.cited.get(key) ?? [])].filter((n) => !g.serials.has(n)).sort((a, b) => a - b);
        return { series: key, prefix: g.prefix, year: g.year, present, missing, citedNotPresent };
      });
    const table = {
      heading: 'Document-number gaps',
      columns: ['series', 'prefix', 'year', 'present', 'missing_between', 'cited_not_in_corpus'],
      rows: rows.map((r) => [r.series, r.prefix, r.year, r.present.join(', '), r.missing.length > 40 ? `${r.missing.length} numbers` : r.missing.join(', '), r.citedNotPresent.join(', ')]),
    };
    return { kind: 'gaps', title: '文号缺口报告 Document-number gaps', csv: table, sections: [table], data: rows };
  }
}

type AgencyTask = { agencyId: string; role: string; decree: string; task: string; taskId: string; deadlines: string[]; amounts: string[] };

/** A lazy table: rows made by `make` on each iteration; `length` is asked for only when a renderer needs it. */
const view = <T>(length: () => number, make: () => Iterable<T>): Iterable<T> & { readonly length: number } => ({
  get length() {
    return length();
  },
  [Symbol.iterator]: () => make()[Symbol.iterator](),
});

class AgenciesReport implements ReportBuilder {
  private readonly rows = new SortedRows<AgencyTask>((x, y) => cmp(x.agencyId, y.agencyId) || cmp(x.decree, y.decree) || cmp(x.taskId, y.taskId) || cmp(x.role, y.role));

  add(d: DocumentRecord): void {
    // Deadlines and amounts written under each task, as printed (layout spaces removed); the rows of one
    // task share its lists, and equal task texts one string.
    const facts = new Map<string, { deadlines: string[]; amounts: string[] }>();
    const texts = new Map<string, string>();
    for (const a of d.assignments) facts.set(a.taskId, { deadlines: [], amounts: [] });
    for (const x of d.deadlines) if (x.taskId) facts.get(x.taskId)?.deadlines.push(x.text.replace(/\s+/g, ''));
    for (const x of d.amounts) if (x.taskId) facts.get(x.taskId)?.amounts.push(x.text.replace(/\s+/g, ''));
    for (const a of uniqueAssignments(d)) {
      const task = texts.get(a.task) ?? texts.set(a.task, a.task.replace(/\s+/g, '')).get(a.task)!;
      this.rows.add({ agencyId: a.agencyId, role: a.role, decree: d.id, task, taskId: a.taskId, ...facts.get(a.taskId)! });
    }
  }

  finish(agencies: AgencyRecord[]): Report {
    const listed = new Map(agencies.map((a) => [a.id, a]));
    const rows = this.rows;
    // The sorted rows of each listed agency in turn: one agency's tasks in memory at a time.
    function* byAgency(): Generator<[AgencyRecord, AgencyTask[]]> {
      let tasks: AgencyTask[] = [];
      for (const r of rows) {
        if (!listed.has(r.agencyId)) continue;
        if (tasks.length && tasks[0]!.agencyId !== r.agencyId) {
          yield [listed.get(tasks[0]!.agencyId)!, tasks];
          tasks = [];
        }
        tasks.push(r);
      }
      if (tasks.length) yield [listed.get(tasks[0]!.agencyId)!, tasks];
    }
    const summarise = (a: AgencyRecord, tasks: AgencyTask[]) => {
      const count = (role: string) => new Set(tasks.filter((t) => t.role === role).map((t) => t.taskId)).size;
      return { id: a.id, name: a.name, aliases: a.aliases, lead: count('lead'), responsible: count('responsible'), participant: count('participant') };
    };
    type Summary = ReturnType<typeof summarise>;
    // The summary table and the row count need a full read of the tasks: the first read that goes to the
    // end (the CSV, written first) records them on its way, rather than a read of its own.
    let summary: Summary[] | null = null;
    let total = 0;
    function* agencyTasks(): Generator<[AgencyRecord, AgencyTask[], Summary]> {
      const seen: Summary[] = [];
      let n = 0;
      for (const [a, tasks] of byAgency()) {
        const s = summarise(a, tasks);
        seen.push(s);
        n += tasks.length;
        yield [a, tasks, s];
      }
      summary = seen;
      total = n;
    }
    const summaries = () => {
      if (!summary) for (const _ of agencyTasks());
      return summary!;
    };
    const summaryRow = (a: Summary) => [a.name, a.aliases.join('；'), a.lead, a.responsible, a.participant];
    const csv = {
      heading: 'Agency tasks',
      columns: ['agency', 'aliases', 'role', 'decree', 'task', 'deadlines', 'amounts'],
      rows: view(
        () => {
          summaries();
          return total;
        },
        function* () {
          for (const [a, tasks] of agencyTasks()) {
            const aliases = a.aliases.join('；');
            for (const t of tasks) yield [a.name, aliases, t.role, t.decree, t.task, t.deadlines.join('；'), t.amounts.join('；')];
          }
        },
      ),
    };
    return {
      kind: 'agencies',
      title: '责任单位报告 Agencies',
      csv,
      sections: [
        {
          heading: 'Agencies',
          columns: ['agency', 'aliases', 'lead', 'responsible', 'participant'],
          rows: view(() => summaries().length, () => summaries().map(summaryRow)),
        },
        csv,
      ],
      data: {
        *[Symbol.iterator]() {
          for (const [, tasks, s] of agencyTasks()) yield { ...s, tasks: tasks.map(({ agencyId: _a, ...t }) => t) };
        },
      },
      dispose: () => rows.dispose(),
    };
  }
}

type DeadlineItem = { date: string | null; precision: string | null; recurrence: DocumentRecord['deadlines'][number]['recurrence']; decree: string; decreeTitle: string; issuedDate: string | null; text: string; agencies: string[]; start: number };

class DeadlinesReport implements ReportBuilder {
  private readonly items = new SortedRows<DeadlineItem>((a, b) => cmp(a.date ?? '9999', b.date ?? '9999') || cmp(a.decree, b.decree) || a.start - b.start);

  add(d: DocumentRecord): void {
    const agenciesOf = new Map<string, Set<string>>();
    for (const a of d.assignments) (agenciesOf.get(a.taskId) ?? agenciesOf.set(a.taskId, new Set()).get(a.taskId)!).add(a.agencyId.slice('agency:'.length));
    for (const x of d.deadlines) {
      if (!x.date && !x.recurrence) continue;
      this.items.add({
        date: x.date,
        precision: x.precision,
        recurrence: x.recurrence,
        decree: d.id,
        decreeTitle: d.title,
        issuedDate: d.issuedDate,
        text: x.text.replace(/\s+/g, ''),
        agencies: [...(x.taskId ? agenciesOf.get(x.taskId) ?? [] : [])].sort(),
        start: x.start,
      });
    }
  }

  finish(): Report {
    const items = this.items;
    const rec = (r: DeadlineItem['recurrence']) => (r ? `${r.every}${r.monthOfQuarter ? ` month ${r.monthOfQuarter}` : ''}${r.month ? ` month ${r.month}` : ''}${r.weekday ? ` weekday ${r.weekday}` : ''}${r.day ? ` day ${r.day}` : ''}` : '');
    const table = {
      heading: 'Deadlines',
      columns: ['date', 'precision', 'recurrence', 'decree', 'text', 'agencies'],
      rows: view(() => items.length, function* () {
        for (const i of items) yield [i.date, i.precision, rec(i.recurrence), i.decree, i.text, i.agencies.join('；')];
      }),
    };
    return {
      kind: 'deadlines',
      title: '时限日历 Deadlines',
      csv: table,
      sections: [table],
      data: view(() => items.length, function* () {
        for (const { start: _s, ...i } of items) yield i;
      }),
      ics: { [Symbol.iterator]: () => deadlinesIcs(items) },
      dispose: () => items.dispose(),
    };
  }
}
