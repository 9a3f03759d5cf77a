/**
 * Scores an export against the gold labels of the real corpus (quality/gold/*.json, labelled by reading
 * each file). Pure: gold + documents in, counts out; quality/cli.ts runs the extraction and prints.
 *
 * Header fields are scored per gold document (accuracy: a gold document the extraction did not produce
 * counts as wrong); citations per file (the union over its documents), so a file split one document more
 * or less is not scored twice for the same citation.
 */
import type { DocumentRecord } from '../graph/model.js';

export interface GoldDocument {
  docNumber: string | null;
  title: string | null;
  issuers: string[];
  date: string | null;
  citedNumbers: string[];
  citedLaws: string[];
  repeals: string[];
}

export interface GoldFile {
  file: string;
  form?: string;
  documents: GoldDocument[];
}

/** Right answers out of gold items, and for set fields how many were extracted (precision). */
export interface Tally {
  right: number;
  gold: number;
  extracted: number;
}

export const HEADER_FIELDS = ['docNumber', 'title', 'issuer', 'date'] as const;
export const SET_FIELDS = ['citedNumbers', 'citedLaws', 'repeals'] as const;
export type Field = 'read' | (typeof HEADER_FIELDS)[number] | (typeof SET_FIELDS)[number];
export type Scores = Record<Field, Tally>;

const empty = (): Tally => ({ right: 0, gold: 0, extracted: 0 });
export const emptyScores = (): Scores =>
  Object.fromEntries((['read', ...HEADER_FIELDS, ...SET_FIELDS] as Field[]).map((f) => [f, empty()])) as Scores;

export function addScores(into: Scores, s: Scores): void {
  for (const k of Object.keys(s) as Field[]) {
    into[k].right += s[k].right;
    into[k].gold += s[k].gold;
    into[k].extracted += s[k].extracted;
  }
}

/** Text compared as printed, less layout: whitespace, and full-width ASCII forms folded as the normaliser does. */
const plain = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
/** 中华人民共和国国务院 and 国务院 are one body; the gold keeps what the text prints. */
const body = (s: string) => plain(s).replace(/^中华人民共和国(?=国务院)/, '');

function issuersOf(d: DocumentRecord): string[] {
  return [d.issuer, ...d.coIssuers].filter((x): x is string => !!x).map(body);
}

const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Gold documents paired with extracted ones: by number, then by title, then in print order. */
export function pairDocuments(gold: GoldDocument[], docs: DocumentRecord[]): (DocumentRecord | null)[] {
  const free = new Set(docs);
  const take = (d: DocumentRecord | undefined) => (d && free.delete(d) ? d : null);
  const pairs: (DocumentRecord | null)[] = gold.map((g) =>
    take(docs.find((d) => free.has(d) && g.docNumber !== null && d.docNumber === g.docNumber)),
  );
  gold.forEach((g, i) => {
    if (!pairs[i] && g.title) pairs[i] = take(docs.find((d) => free.has(d) && plain(d.title) === plain(g.title!)));
  });
  gold.forEach((_g, i) => {
    if (!pairs[i]) pairs[i] = take(docs.find((d) => free.has(d)));
  });
  return pairs;
}

function setTally(field: Field, gold: Iterable<string>, got: Iterable<string>, misses: Miss[]): Tally {
  const g = new Set([...gold].map(plain));
  const x = new Set([...got].map(plain));
  const right = [...x].filter((v) => g.has(v)).length;
  const missed = [...g].filter((v) => !x.has(v));
  const extra = [...x].filter((v) => !g.has(v));
  if (missed.length || extra.length) misses.push({ field, gold: missed, got: extra });
  return { right, gold: g.size, extracted: x.size };
}

/** A value the extraction got wrong: what the gold says and what came out. */
export interface Miss {
  field: Field;
  gold: unknown;
  got: unknown;
}

/**
 * What an extraction got right for one file. `docs` is null when the file was rejected. Wrong values are
 * pushed to `misses` when given, for a reviewer to read.
 */
export function scoreFile(gold: GoldFile, docs: DocumentRecord[] | null, misses: Miss[] = []): Scores {
  const s = emptyScores();
  const got = docs ?? [];
  if (gold.documents.length) {
    s.read = { right: got.length ? 1 : 0, gold: 1, extracted: got.length ? 1 : 0 };
  } else {
    // Nothing to read: right when the file is rejected.
    s.read = { right: got.length ? 0 : 1, gold: 1, extracted: got.length ? 1 : 0 };
  }
  if (!s.read.right) misses.push({ field: 'read', gold: gold.documents.length, got: got.length });
  const pairs = pairDocuments(gold.documents, got);
  gold.documents.forEach((g, i) => {
    const d = pairs[i];
    const check = (f: (typeof HEADER_FIELDS)[number], ok: boolean, want: unknown, have: unknown) => {
      s[f].gold++;
      if (d) s[f].extracted++;
      if (d && ok) s[f].right++;
      else misses.push({ field: f, gold: want, got: d ? have : '(no document)' });
    };
    check('docNumber', d?.docNumber === g.docNumber, g.docNumber, d?.docNumber);
    if (g.title !== null) check('title', !!d && plain(d.title) === plain(g.title), g.title, d?.title);
    if (g.issuers.length) check('issuer', !!d && sameList(issuersOf(d), g.issuers.map(body)), g.issuers, d && issuersOf(d));
    if (g.date !== null) check('date', d?.issuedDate === g.date, g.date, d?.issuedDate);
  });
  const cites = got.flatMap((d) => d.citations);
  const union = (k: (typeof SET_FIELDS)[number]) => gold.documents.flatMap((g) => g[k]);
  s.citedNumbers = setTally('citedNumbers', union('citedNumbers'), cites.flatMap((c) => (c.docNumber ? [c.docNumber] : [])), misses);
  s.citedLaws = setTally('citedLaws', union('citedLaws'), cites.flatMap((c) => (c.kind === 'law' && c.title ? [c.title] : [])), misses);
  s.repeals = setTally('repeals', union('repeals'), cites.flatMap((c) => (c.relation === 'repeals' ? [c.docNumber ?? c.title ?? ''] : [])), misses);
  return s;
}

/** Header fields and `read` are accuracies (right / gold); set fields have precision and recall. */
export function rates(t: Tally): { recall: number | null; precision: number | null } {
  return {
    recall: t.gold ? t.right / t.gold : null,
    precision: t.extracted ? t.right / t.extracted : null,
  };
}

/** The group a file is reported under: its folder and the first word of its name (html/govcn, txt/lawref). */
export function sourceOf(file: string): string {
  const [folder, name = ''] = file.split('/');
  return `${folder}/${name.split(/[_.]/)[0]}`;
}
