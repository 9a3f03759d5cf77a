import { isPlanned, type AgencyRecord, type DocumentRecord, type ExportFile } from '../../graph/model.js';
import { citationGraphSvg } from './svg.js';
import type { Report, ReportKind } from './model.js';
import { AgenciesReport } from './agencies.js';
import { DeadlinesReport } from './deadlines.js';

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
    // A document only planned (研究制订《…》) does not exist yet: it is not a missing one.
    const existing = new Set(this.citations.filter(({ c }) => !isPlanned(c)).map(({ c }) => citedKey(c)));
    const unresolved = ranking.filter((r) => !r.inCorpus && !isLaw.has(r.id) && existing.has(r.id)).map((r) => ({ cited: r.id, title: r.title, citedIn: citedIn.get(r.id)! }));
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

export class GapsReport implements ReportBuilder {
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
