import type { AgencyRecord, AgencyRef, Citation, DocumentRecord } from '../graph/model.js';
import { agencyId, agencyKind, canonicalAgency, shortPlaceKey } from './agencies.js';
import { compact } from './metadata.js';

/**
 * Resolution stage, run once every document of a run is extracted (eyecite's resolve step): citation
 * targets by number, then by title (tolerantly), and the run's agency list. It needs only a small key per
 * document, so a run of any size resolves without holding its documents.
 */

/** Title key for tolerant matching: 暂行/试行 and brackets, quotes and the 《》 dropped. */
export function titleKey(title: string): string {
  return compact(title)
    .replace(/\s+/g, '')
    .replace(/[（(](?:试行|暂行|草案|修订)[）)]/g, '')
    .replace(/暂行|试行/g, '')
    .replace(/[“”"《》〈〉「」]/g, '')
    .replace(/[（(]\d{4}[—–-]\d{4}年?[）)]/g, '');
}

/** Every agency a document names: owners of tasks, bodies of 任免 posts, recipients of reports. */
const agencyRefs = (d: DocumentRecord): AgencyRef[] => [...d.assignments, ...d.appointments, ...d.deadlines.flatMap((x) => x.recipients)];

/** What resolution needs to know of a document. */
export interface DocKey {
  id: string;
  docNumber: string | null;
  titleKeys: string[];
  /** Agencies it names, as [agencyId, the name as printed]. */
  agencies: [string, string][];
}

export const docKey = (d: DocumentRecord): DocKey => ({
  id: d.id,
  docNumber: d.docNumber,
  titleKeys: [titleKey(d.title), ...(d.issuesTitle ? [titleKey(d.issuesTitle)] : [])],
  agencies: [...new Map(agencyRefs(d).map((x) => [`${x.agencyId}|${x.agency}`, [x.agencyId, x.agency] as [string, string]])).values()],
});

const isSubsequence = (short: string, full: string) => {
  let i = 0;
  for (const ch of full) if (ch === short[i]) i++;
  return i === short.length;
};

/**
 * Agencies known only by a short name, mapped to the full name the corpus itself prints. A Chinese short
 * name keeps the full name's characters in order and starts with its first (环保局 ⊂ 环境保护局,
 * 农委 ⊂ 农业农村工作委员会): an agency id made from a short name, with no mention printed in full, is
 * merged into the one full-name agency of the same place that fits that way. Several fits: left alone.
 */
export function agencyMerges(keys: DocKey[]): Map<string, string> {
  const printedInFull = new Set<string>();
  const shortForms = new Map<string, Set<string>>();
  for (const k of keys) {
    for (const [id, printed] of k.agencies) {
      const canonical = id.slice('agency:'.length);
      if (printed === canonical) printedInFull.add(id);
      else (shortForms.get(id) ?? shortForms.set(id, new Set()).get(id)!).add(printed);
    }
  }
  const merges = new Map<string, string>();
  for (const [id, forms] of shortForms) {
    if (printedInFull.has(id)) continue;
    const canonical = id.slice('agency:'.length);
    const place = /^.{1,8}?[省市县区]/.exec(canonical)?.[0];
    if (!place) continue;
    const fits = [...printedInFull].filter((full) => {
      const name = full.slice('agency:'.length + place.length);
      if (!full.startsWith(`agency:${place}`) || !name) return false;
      return [...forms].some((f) => {
        const short = f.replace(/^[省市县区]/, '').replace(/[（(].*$/, '');
        return short.length >= 2 && short[0] === name[0] && isSubsequence(short, name);
      });
    });
    if (fits.length === 1) merges.set(id, fits[0]!);
  }
  // 郑州供电公司 is 郑州市供电公司 when the run names both: the place written in full wins.
  const byShortPlace = new Map<string, string>();
  for (const k of keys) for (const [id] of k.agencies) {
    const short = shortPlaceKey(id.slice('agency:'.length));
    if (short) byShortPlace.set(short, id);
  }
  for (const k of keys) for (const [id] of k.agencies) {
    const full = byShortPlace.get(id.slice('agency:'.length));
    if (full && full !== id) merges.set(id, merges.get(full) ?? full);
  }
  return merges;
}

const reverse = (s: string) => [...s].reverse().join('');

/** Sets `target` and `conflict` on a document's citations, against the run's documents. */
export function makeResolver(keys: DocKey[]): (d: DocumentRecord) => void {
  const byNumber = new Map<string, DocKey>();
  const byTitle = new Map<string, DocKey>();
  for (const k of keys) {
    if (k.docNumber) byNumber.set(k.docNumber, k);
    for (const t of k.titleKeys) byTitle.set(t, k);
  }
  // Titles reversed and sorted: "some title ends with this key" is a prefix search, by bisection.
  const reversed = [...byTitle.keys()].map((t) => [reverse(t), t] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const lookupTitle = (title: string): DocKey | undefined => {
    const key = titleKey(title);
    const exact = byTitle.get(key);
    if (exact || key.length < 8) return exact;
    // 《…资金奖补政策》 vs 郑州市清洁取暖试点城市示范项目资金奖补政策: one title ends the other.
    for (let n = key.length - 1; n >= 8; n--) {
      const hit = byTitle.get(key.slice(key.length - n));
      if (hit) return hit;
    }
    const rk = reverse(key);
    let lo = 0;
    let hi = reversed.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (reversed[mid]![0] < rk) lo = mid + 1;
      else hi = mid;
    }
    return reversed[lo]?.[0].startsWith(rk) ? byTitle.get(reversed[lo]![1]) : undefined;
  };
  const merges = agencyMerges(keys);
  return (d) => {
    for (const c of d.citations) resolveCitation(c, d, byNumber, lookupTitle);
    for (const x of agencyRefs(d)) x.agencyId = merges.get(x.agencyId) ?? x.agencyId;
    // Merged variants of one body may now share a task and role: one assignment each.
    const seen = new Set<string>();
    d.assignments = d.assignments.filter((a) => !seen.has(`${a.agencyId}|${a.taskId}|${a.role}`) && !!seen.add(`${a.agencyId}|${a.taskId}|${a.role}`));
  };
}

function resolveCitation(c: Citation, from: DocumentRecord, byNumber: Map<string, DocKey>, lookupTitle: (t: string) => DocKey | undefined) {
  if (c.kind === 'law') return;
  const numbered = c.docNumber ? byNumber.get(c.docNumber) : undefined;
  const titled = c.title ? lookupTitle(c.title) : undefined;
  // The number wins when both are present; a title naming another document is flagged.
  const target = numbered ?? (c.docNumber ? undefined : titled);
  c.target = target && target.id !== from.id ? target.id : null;
  c.conflict = c.docNumber && titled && titled.docNumber !== c.docNumber ? `title names ${titled.id}, number ${c.docNumber}` : null;
}

/** The run's agencies, one per canonical name, with every spelling seen. */
export class AgencyCollector {
  private readonly agencies = new Map<string, { name: string; aliases: Set<string> }>();

  add(d: DocumentRecord): void {
    for (const x of agencyRefs(d)) this.note(x.agencyId, x.agency, x.agencyId.slice('agency:'.length));
    for (const issuer of [d.issuer, ...d.coIssuers]) {
      if (!issuer) continue;
      const canonical = canonicalAgency(issuer, d.issuer);
      this.note(agencyId(canonical), issuer, canonical);
    }
  }

  private note(id: string, alias: string, canonical: string): void {
    const a = this.agencies.get(id) ?? { name: canonical, aliases: new Set<string>() };
    if (alias !== a.name) a.aliases.add(alias);
    this.agencies.set(id, a);
  }

  list(): AgencyRecord[] {
    return [...this.agencies.entries()]
      .map(([id, a]) => ({ id, name: a.name, kind: agencyKind(a.name, [...a.aliases]), aliases: [...a.aliases].sort() }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

/** Resolves a whole run held in memory (extract, tests); `run` resolves streaming with the same parts. */
export function resolveRun(documents: DocumentRecord[]): { agencies: AgencyRecord[] } {
  const resolve = makeResolver(documents.map(docKey));
  const agencies = new AgencyCollector();
  for (const d of documents) {
    resolve(d);
    agencies.add(d);
  }
  return { agencies: agencies.list() };
}
