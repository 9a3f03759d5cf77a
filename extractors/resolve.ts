import type { AgencyRecord, Citation, DocumentRecord } from '../graph/model.js';
import { agencyId, canonicalAgency } from './agencies.js';
import { compact } from './metadata.js';

/**
 * Resolution stage, run once every document of a run is extracted (eyecite's resolve step):
 * citation targets by number, then by title (tolerantly), and the run's agency list.
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

export function resolveRun(documents: DocumentRecord[]): { agencies: AgencyRecord[] } {
  const byNumber = new Map<string, DocumentRecord>();
  const byTitle = new Map<string, DocumentRecord>();
  for (const d of documents) {
    if (d.docNumber) byNumber.set(d.docNumber, d);
    byTitle.set(titleKey(d.title), d);
    if (d.issuesTitle) byTitle.set(titleKey(d.issuesTitle), d);
  }
  const lookupTitle = (t: string) => {
    const key = titleKey(t);
    const exact = byTitle.get(key);
    if (exact) return exact;
    // 《…资金奖补政策》 vs 郑州市清洁取暖试点城市示范项目资金奖补政策: one title ends the other.
    for (const [k, d] of byTitle) if (key.length >= 8 && (k.endsWith(key) || key.endsWith(k))) return d;
    return undefined;
  };
  for (const d of documents) {
    for (const c of d.citations) resolveCitation(c, d, byNumber, lookupTitle);
  }
  return { agencies: agencyList(documents) };
}

function resolveCitation(c: Citation, from: DocumentRecord, byNumber: Map<string, DocumentRecord>, lookupTitle: (t: string) => DocumentRecord | undefined) {
  if (c.kind === 'law') return;
  const numbered = c.docNumber ? byNumber.get(c.docNumber) : undefined;
  const titled = c.title ? lookupTitle(c.title) : undefined;
  // The number wins when both are present; a title naming another document is flagged.
  const target = numbered ?? (c.docNumber ? undefined : titled);
  c.target = target && target.id !== from.id ? target.id : null;
  c.conflict = c.docNumber && titled && titled.docNumber !== c.docNumber ? `title names ${titled.id}, number ${c.docNumber}` : null;
}

function agencyList(documents: DocumentRecord[]): AgencyRecord[] {
  const agencies = new Map<string, AgencyRecord>();
  const note = (id: string, alias: string, canonical: string) => {
    const a = agencies.get(id) ?? { id, name: canonical, aliases: [] };
    if (alias !== a.name && !a.aliases.includes(alias)) a.aliases.push(alias);
    agencies.set(id, a);
  };
  for (const d of documents) {
    for (const x of [...d.assignments, ...d.appointments]) note(x.agencyId, x.agency, x.agencyId.slice('agency:'.length));
    if (d.issuer) note(agencyId(canonicalAgency(d.issuer, d.issuer)), d.issuer, canonicalAgency(d.issuer, d.issuer));
  }
  for (const a of agencies.values()) a.aliases.sort();
  return [...agencies.values()].sort((a, b) => a.id.localeCompare(b.id));
}
