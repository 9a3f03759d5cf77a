import { canonicalDocNumber, findDocNumbers, sameOrder } from '../corpus/docNumber.js';
import type { Citation, CitationKind, CitationRelation } from '../graph/model.js';
import { ORGAN } from '../corpus/header/lines.js';
import { sentenceAround, type ExtractContext } from './context.js';
import { compact } from './metadata.js';
import { LAW, listedRepeals, REPEAL_VERB } from './repealList.js';

/**
 * Citations of other decrees (by number and by title) and of laws. Finding only: which document a
 * citation points to is decided later by the resolution stage (`resolve.ts`), across the whole run.
 */

// 《title》 optionally followed by its number in parentheses: 《…》（郑发〔2017〕17号）, the short name sometimes
// defined in the same parentheses (《…》（法释〔2008〕5号，以下简称《解释》）); an issuer code may hold parentheses
// of its own (《…》（法（研）发〔1987〕32号）).
const TITLED = /《([^《》\n]{2,120})》(?:（((?:[^（）\n]|（[^（）\n]{1,3}）){3,40}?)(?:[，,]\s*(以下简称[^（）\n]{1,24}))?）)?/g;
const SHORT_NAME = /^（?以下简称(?:《([^》]{1,20})》|“([^”]{1,20})”)/;
// 《规划》《条例》 with no 以下简称 definition: the document speaking of itself.
const BARE_KIND = /^(?:意见|通知|方案|办法|规划|政策|细则|规定|纲要|计划|条例|决定)$/;
// Certificates, forms, lists, standards, catalogues named in 《》 are not citations.
const NOT_CITED = /(?:证|表|单|名录|目录|书|台账|册|图|标准|规范|分类|公约|报告|杂志|手册|指南|平台)$/;
const DECREE = /(?:意见|通知|通报|通告|公告|决定|决议|命令|公报|批复|纪要|方案|办法|规划|政策|细则|规定|纲要|计划|规则|要点|措施|令)$/;
// 《C》（…）同时废止, …等文件不再执行: said after the last citation of a list, it repeals the whole list.
// The day may be named first: 《…》（法释〔2015〕16号）自本解释施行之日起废止.
const FROM_DAY = '自本(?:解释|规定|决定|批复|办法|通知|意见|条例|细则)(?:施行|公布|发布|印发)之日起';
const REPEALS_AFTER = new RegExp(`^\\s*(?:等(?:文件|规定|通知)?)?(?:${FROM_DAY})?(?:同时|即行|自行|一并)?(?:${REPEAL_VERB})`);
// 研究制订《…考核办法》: a document still to be written, not a citation of one.
const DRAFTS_BEFORE = /(?:研究|抓紧|尽快|加快|负责)?(?:制订|制定|起草|编制|出台)(?:并(?:出台|印发|实施))?\s*$/;
// 已制定, 已经研究制定: done, so the document exists (checked over the whole verb phrase, not one position).
const DONE_BEFORE = /已(?:经)?[^，。；]{0,4}(?:制订|制定|起草|编制|出台)(?:并(?:出台|印发|实施))?\s*$/;
// What may stand between two citations of one list: 《A》、《B》和《C》, and the date (原, the state's name) that
// opens an order's promulgation: …令第51号公布的《A》、2014年2月14日原中华人民共和国…令第62号公布的《B》.
const LIST_GAP = /^\s*(?:、|和|及|与|以及|或|或者)?\s*(?:\d{4}年\d{1,2}月\d{1,2}日)?\s*原?(?:中华人民共和国)?\s*$/;
// 令第66号发布的《…办法》: the number that promulgated the title printed after it (修正 numbers stay apart).
const PROMULGATED = /^\s*(?:公布|发布|印发)/;
// What may stand between a promulgating number and its title: 发布的, or 发布、…令第134号修正的.
const TO_TITLE = /^[^。；，《》\n]{0,40}的\s*$/;
// The longest text a RELATION_BEFORE pattern reads: a verb (2) and 12 more characters.
const RELATION_REACH = 14;
const RELATION_BEFORE: [CitationRelation, RegExp][] = [
  ['basis', /(?:根据|依据|依照|按照|遵照|据)[^，。；]{0,12}$/],
  ['implements', /(?:贯彻|落实|执行|实施)[^，。；]{0,12}$/],
  ['refers', /参照[^，。；]{0,12}$/],
];

/**
 * The relation word of a list of citations governs each of them: 根据《A》、《B》和《C》 is basis ×3, and
 * 《A》、《B》同时废止 repeals both. `start` is the list's first citation, `end` its last one's end.
 */
function listRelation(text: string, start: number, end: number): CitationRelation {
  if (REPEALS_AFTER.test(text.slice(end, end + 24))) return 'repeals';
  const before = text.slice(sentenceAround(text, start, start, RELATION_REACH).start, start);
  if (DRAFTS_BEFORE.test(before) && !DONE_BEFORE.test(before)) return 'drafts';
  for (const [rel, re] of RELATION_BEFORE) if (re.test(before)) return rel;
  return 'mentions';
}

type Found = { s: number; e: number; c: Omit<Citation, 'relation' | 'target' | 'conflict' | 'start' | 'end' | 'text'> };

/**
 * A bare number promulgating the title that follows it (…令第51号公布的《A》) is that title's number: the two
 * become one citation spanning both. `found` is sorted; the number stays its own citation otherwise.
 */
function promulgations(text: string, found: Found[]): Found[] {
  const merged = new Set<Found>();
  for (let i = 0; i < found.length; i++) {
    const t = found[i]!;
    if (!t.c.title || t.c.docNumber) continue;
    for (let j = i - 1; j >= 0 && !found[j]!.c.title; j--) {
      const n = found[j]!;
      if (!TO_TITLE.test(text.slice(n.e, t.s))) break;
      if (!PROMULGATED.test(text.slice(n.e, n.e + 4))) continue;
      const kind = LAW.test(t.c.title) ? 'law' : n.c.kind;
      found[i] = { s: n.s, e: t.e, c: { ...t.c, docNumber: n.c.docNumber, kind } };
      merged.add(n);
      break;
    }
  }
  return found.filter((f) => !merged.has(f)).sort((a, b) => a.s - b.s);
}

/** Runs of citations separated only by 、/和/及 (and layout): each run is one list. */
function lists(text: string, found: Found[]): Found[][] {
  const out: Found[][] = [];
  for (const f of found) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    // A number inside the span of a merged citation (an amendment's, 令第134号修正的) is no member of the list.
    if (prev && f.s >= prev.e && LIST_GAP.test(text.slice(prev.e, f.s))) last!.push(f);
    else out.push([f]);
  }
  return out;
}

// Entries of a list of repealed texts joined by ，/以及, each after the bodies that issued it:
// 最高人民法院《A》（法释〔…〕号），最高人民法院、最高人民检察院《B》（…号）以及《C》（…号）同时废止.
const ENTRY_GAP = /^\s*[，、]?\s*(?:以及|和|及|与)?\s*((?:[\u4e00-\u9fff]{2,20}、)*[\u4e00-\u9fff]{2,20})?\s*$/;
// Words of a clause, not of a body's name (依照最高人民法院…).
const CLAUSE = /[的了将对按依据照]|根据|参照|执行|适用/;

/** Whether the gap joins two numbered entries of one repealed list: separators and issuing bodies only. */
function entryGap(text: string, a: Found, b: Found): boolean {
  if (!a.c.docNumber || !b.c.docNumber) return false;
  const m = ENTRY_GAP.exec(text.slice(a.e, b.s));
  return !!m && (m[1] ?? '').split('、').every((body) => !body || (ORGAN.test(body) && !CLAUSE.test(body)));
}

/**
 * The relation of each list. A repeal said after a list also repeals the numbered lists before it that a
 * gap of entries joins (，, 以及, the issuing bodies), unless a relation word governs them: 根据《A》（…号），
 * 《B》（…号）同时废止 repeals B alone.
 */
function relations(text: string, all: Found[][]): CitationRelation[] {
  const out = all.map((l) => listRelation(text, l[0]!.s, l[l.length - 1]!.e));
  for (let i = all.length - 2; i >= 0; i--) {
    if (out[i + 1] === 'repeals' && out[i] === 'mentions' && entryGap(text, all[i]!.at(-1)!, all[i + 1]![0]!)) out[i] = 'repeals';
  }
  return out;
}

function kindOfTitle(title: string): CitationKind | null {
  // 《…总体规划（2008—2015年）》, 《…方案（试行）》: the kind is read before a trailing parenthetical.
  const bare = title.replace(/[（(][^（）()]*[）)]$/, '');
  if (NOT_CITED.test(bare) || BARE_KIND.test(bare)) return null;
  if (LAW.test(bare)) return 'law';
  return DECREE.test(bare) ? 'decree' : null;
}

/** Whether i falls in one of `spans` (sorted, not overlapping): by bisection, not a scan per number. */
function inside(spans: [number, number][], i: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![0] <= i) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && i < spans[lo - 1]![1];
}

export function extractCitations(ctx: ExtractContext): Citation[] {
  const { text, meta } = ctx;
  const bodyStart = ctx.doc.bodyStart;
  const own = new Set([meta.title, meta.issuesTitle].filter(Boolean).map((t) => compact(t!)));
  const shortNames = new Map<string, { title: string; kind: CitationKind; docNumber: string | null }>();
  const taken: [number, number][] = [];
  // The own number, also an order's printed with a shorter organ (省人民政府令第223号 for 江西省人民政府令第223号).
  const ours = meta.docNumber;
  const ownNumber = (c: string) => !!ours && sameOrder(c, ours);
  const found: Found[] = [];
  const push = (s: number, e: number, c: Found['c']) => found.push({ s, e, c });

  for (const m of text.matchAll(TITLED)) {
    const s = m.index!;
    if (s < bodyStart || text.slice(Math.max(0, s - 2), s) === '简称') continue; // the definition itself
    const e = s + m[0].length;
    const title = compact(m[1]!);
    const number = m[2] ? canonicalDocNumber(m[2]) : null;
    const defined = shortNames.get(title);
    const kind: CitationKind | null = number ? (number.year === null ? 'order' : 'decree') : defined?.kind ?? kindOfTitle(title);
    taken.push([s, e]);
    if (!kind) continue;
    if (!number && own.has(title)) continue; // the document's own title or the attachment it issues
    if (number && ownNumber(number.canonical)) continue;
    const cited = defined ? { title: defined.title, docNumber: defined.docNumber } : { title, docNumber: number?.canonical ?? null };
    // A law cited with its order number (《…条例》（国务院令第590号）) stays a law.
    const citedKind = number && LAW.test(title) ? 'law' : kind;
    push(s, e, { ...cited, kind: citedKind });
    const def = SHORT_NAME.exec(m[3] ?? text.slice(e, e + 30));
    if (def) shortNames.set(def[1] ?? def[2]!, { title: cited.title, kind: citedKind, docNumber: cited.docNumber });
  }

  for (const n of findDocNumbers(text)) {
    if (n.index < bodyStart || ownNumber(n.canonical)) continue;
    if (inside(taken, n.index)) continue;
    push(n.index, n.end, { docNumber: n.canonical, title: null, kind: n.year === null ? 'order' : 'decree' });
  }
  found.sort((a, b) => a.s - b.s);
  const listed = listedRepeals(text, bodyStart).map(({ s, e, ...c }) => ({
    ...c,
    target: null,
    conflict: null,
    ...ctx.span(s, e),
  }));
  const all = lists(text, promulgations(text, found));
  const rels = relations(text, all);
  const inText = all.flatMap((list, i) => {
    const relation = rels[i]!;
    // A numbered document exists already: 制定《…》（…号） is not a draft of it.
    return list.map(({ s, e, c }) => {
      const own = relation === 'drafts' && c.docNumber ? 'mentions' : relation;
      return { ...c, relation: own, target: null, conflict: null, ...ctx.span(s, e) };
    });
  });
  return [...inText, ...listed].sort((a, b) => a.start - b.start);
}
