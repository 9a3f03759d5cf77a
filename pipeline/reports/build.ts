import type { DocumentRecord, ExportFile } from '../../graph/model.js';
import { citationGraphSvg } from './svg.js';
import type { Report, ReportKind } from './model.js';
import { deadlinesIcs } from './ics.js';

/**
 * Report builders over an export (or the same shape read back from Neo4j, graph/readBack.ts).
 * Every list is sorted, so the same data gives byte-identical reports.
 */
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildReport(kind: ReportKind, exp: ExportFile): Report {
  switch (kind) {
    case 'citations':
      return citationsReport(exp);
    case 'gaps':
      return gapsReport(exp);
    case 'agencies':
      return agenciesReport(exp);
    case 'deadlines':
      return deadlinesReport(exp);
  }
}

function citedKey(c: DocumentRecord['citations'][number]): string {
  return c.target ?? c.docNumber ?? `《${c.title}》`;
}

function citationsReport(exp: ExportFile): Report {
  const docs = [...exp.documents].sort(byId);
  const titles = new Map(docs.map((d) => [d.id, d.title]));
  const edges = docs.flatMap((d) =>
    d.citations.map((c) => ({ from: d.id, fromTitle: d.title, to: citedKey(c), toTitle: c.target ? titles.get(c.target)! : c.title, inCorpus: !!c.target, kind: c.kind, relation: c.relation, text: c.text, conflict: c.conflict })),
  );
  edges.sort((a, b) => cmp(a.from, b.from) || cmp(a.to, b.to) || cmp(a.text, b.text));
  const citers = new Map<string, Set<string>>();
  for (const e of edges) citers.set(e.to, (citers.get(e.to) ?? new Set()).add(e.from));
  const perDecree = docs.map((d) => ({
    id: d.id,
    title: d.title,
    cites: [...new Set(edges.filter((e) => e.from === d.id).map((e) => e.to))].sort(),
    citedBy: [...(citers.get(d.id) ?? [])].sort(),
  }));
  const ranking = [...citers.entries()]
    .map(([id, s]) => ({ id, title: titles.get(id) ?? edges.find((e) => e.to === id)!.toTitle, inCorpus: titles.has(id), citedBy: s.size }))
    .sort((a, b) => b.citedBy - a.citedBy || cmp(a.id, b.id));
  const unresolved = ranking
    .filter((r) => !r.inCorpus && !edges.some((e) => e.to === r.id && e.kind === 'law'))
    .map((r) => ({ cited: r.id, title: r.title, citedIn: edges.filter((e) => e.to === r.id).map((e) => ({ decree: e.from, text: e.text })) }));
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

function gapsReport(exp: ExportFile): Report {
  const groups = new Map<string, { prefix: string; year: number; present: Set<number>; cited: Set<number> }>();
  const group = (prefix: string, year: number) => {
    const k = `${prefix}〔${year}〕`;
    const g = groups.get(k) ?? { prefix, year, present: new Set(), cited: new Set() };
    groups.set(k, g);
    return g;
  };
  for (const d of exp.documents) if (d.docNumberParts?.year) group(d.docNumberParts.prefix, d.docNumberParts.year).present.add(d.docNumberParts.serial);
  for (const d of exp.documents) {
    for (const c of d.citations) {
      const m = c.docNumber && /^(.+)〔(\d{4})〕(\d+)号$/.exec(c.docNumber);
      if (m && groups.has(`${m[1]}〔${m[2]}〕`)) group(m[1]!, Number(m[2])).cited.add(Number(m[3]));
    }
  }
  const rows = [...groups.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([key, g]) => {
      const present = [...g.present].sort((a, b) => a - b);
      const lo = present[0]!;
      const hi = present[present.length - 1]!;
      const missing: number[] = [];
      for (let n = lo; n <= hi; n++) if (!g.present.has(n)) missing.push(n);
      const citedNotPresent = [...g.cited].filter((n) => !g.present.has(n)).sort((a, b) => a - b);
      return { series: key, prefix: g.prefix, year: g.year, present, missing, citedNotPresent };
    });
  const table = {
    heading: 'Document-number gaps',
    columns: ['series', 'prefix', 'year', 'present', 'missing_between', 'cited_not_in_corpus'],
    rows: rows.map((r) => [r.series, r.prefix, r.year, r.present.join(', '), r.missing.length > 40 ? `${r.missing.length} numbers` : r.missing.join(', '), r.citedNotPresent.join(', ')]),
  };
  return { kind: 'gaps', title: '文号缺口报告 Document-number gaps', csv: table, sections: [table], data: rows };
}

function taskFacts(d: DocumentRecord, taskId: string) {
  return {
    deadlines: d.deadlines.filter((x) => x.taskId === taskId).map((x) => x.text.replace(/\s+/g, '')),
    amounts: d.amounts.filter((x) => x.taskId === taskId).map((x) => x.text.replace(/\s+/g, '')),
  };
}

function agenciesReport(exp: ExportFile): Report {
  const agencies = [...exp.agencies].sort(byId);
  const tasks = exp.documents
    .flatMap((d) => d.assignments.map((a) => ({ agencyId: a.agencyId, role: a.role, decree: d.id, task: a.task.replace(/\s+/g, ''), taskId: a.taskId, ...taskFacts(d, a.taskId) })))
    .sort((a, b) => cmp(a.agencyId, b.agencyId) || cmp(a.decree, b.decree) || cmp(a.taskId, b.taskId) || cmp(a.role, b.role));
  const per = agencies
    .map((a) => {
      const mine = tasks.filter((t) => t.agencyId === a.id);
      const count = (role: string) => new Set(mine.filter((t) => t.role === role).map((t) => t.taskId)).size;
      return { id: a.id, name: a.name, aliases: a.aliases, lead: count('lead'), responsible: count('responsible'), participant: count('participant'), tasks: mine.map(({ agencyId: _a, ...t }) => t) };
    })
    .filter((a) => a.tasks.length);
  const csv = {
    heading: 'Agency tasks',
    columns: ['agency', 'aliases', 'role', 'decree', 'task', 'deadlines', 'amounts'],
    rows: per.flatMap((a) => a.tasks.map((t) => [a.name, a.aliases.join('；'), t.role, t.decree, t.task, t.deadlines.join('；'), t.amounts.join('；')])),
  };
  return {
    kind: 'agencies',
    title: '责任单位报告 Agencies',
    csv,
    sections: [
      { heading: 'Agencies', columns: ['agency', 'aliases', 'lead', 'responsible', 'participant'], rows: per.map((a) => [a.name, a.aliases.join('；'), a.lead, a.responsible, a.participant]) },
      csv,
    ],
    data: per,
  };
}

function deadlinesReport(exp: ExportFile): Report {
  const items = exp.documents
    .flatMap((d) =>
      d.deadlines
        .filter((x) => x.date || x.recurrence)
        .map((x) => ({
          date: x.date,
          precision: x.precision,
          recurrence: x.recurrence,
          decree: d.id,
          decreeTitle: d.title,
          issuedDate: d.issuedDate,
          text: x.text.replace(/\s+/g, ''),
          agencies: [...new Set(d.assignments.filter((a) => a.taskId === x.taskId).map((a) => a.agencyId.slice('agency:'.length)))].sort(),
          start: x.start,
        })),
    )
    .sort((a, b) => cmp(a.date ?? '9999', b.date ?? '9999') || cmp(a.decree, b.decree) || a.start - b.start);
  const rec = (r: (typeof items)[number]['recurrence']) => (r ? `${r.every}${r.monthOfQuarter ? ` month ${r.monthOfQuarter}` : ''}${r.month ? ` month ${r.month}` : ''}${r.weekday ? ` weekday ${r.weekday}` : ''}${r.day ? ` day ${r.day}` : ''}` : '');
  const table = {
    heading: 'Deadlines',
    columns: ['date', 'precision', 'recurrence', 'decree', 'text', 'agencies'],
    rows: items.map((i) => [i.date, i.precision, rec(i.recurrence), i.decree, i.text, i.agencies.join('；')]),
  };
  return { kind: 'deadlines', title: '时限日历 Deadlines', csv: table, sections: [table], data: items.map(({ start: _s, ...i }) => i), ics: deadlinesIcs(items) };
}
