import { HEADER_FIELDS, rates, SET_FIELDS, type Field, type Scores } from './score.js';

/** Minimum rates per group (`all`, `dev`, `heldout`, or `dev txt/lawref`): `{ "all": { "docNumber": 0.9 } }`. */
export type Floors = Record<string, Partial<Record<Field | `${Field}.precision`, number>>>;

const pct = (x: number | null) => (x === null ? '   –' : `${Math.round(x * 100)}%`.padStart(4));

/** One row per group: files read, header accuracies, and precision/recall of the cited sets. */
export function formatTable(rows: [string, Scores][]): string {
  const head = ['group'.padEnd(22), 'files', 'read', ...HEADER_FIELDS.map((f) => f.slice(0, 6).padStart(6)), ...SET_FIELDS.map((f) => `${f.replace('cited', '')} P/R`.padStart(13))];
  const lines = [head.join(' ')];
  for (const [group, s] of rows) {
    const cells = [group.padEnd(22), String(s.read.gold).padStart(5), pct(rates(s.read).recall)];
    for (const f of HEADER_FIELDS) cells.push(pct(rates(s[f]).recall).padStart(6));
    for (const f of SET_FIELDS) {
      const r = rates(s[f]);
      cells.push(`${pct(r.precision)}/${pct(r.recall)} ${String(s[f].gold).padStart(3)}`.padStart(13));
    }
    lines.push(cells.join(' '));
  }
  lines.push('', 'header fields: share of gold documents exactly right; P/R: precision/recall of the cited set, then gold count.');
  return `${lines.join('\n')}\n`;
}

/** Every floor a group misses, as a message naming the group, field, rate and floor. */
export function checkFloors(scores: Map<string, Scores>, floors: Floors): string[] {
  const out: string[] = [];
  for (const [group, fields] of Object.entries(floors)) {
    const s = scores.get(group);
    if (!s) {
      out.push(`unexpected missing group ${group}, expected scores for it (is the corpus complete?)`);
      continue;
    }
    for (const [key, floor] of Object.entries(fields)) {
      const [field, which] = key.split('.') as [Field, string | undefined];
      const r = rates(s[field]);
      const value = which === 'precision' ? r.precision : r.recall;
      if (value !== null && value < floor!) out.push(`${group} ${key} ${(value * 100).toFixed(1)}% is below its floor ${(floor! * 100).toFixed(0)}%`);
    }
  }
  return out;
}
