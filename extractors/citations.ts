import { canonicalDocNumber, findDocNumbers } from '../corpus/docNumber.js';
import type { Citation, CitationKind, CitationRelation } from '../graph/model.js';
import { sentenceAround, type ExtractContext } from './context.js';
import { compact } from './metadata.js';

/**
 * Citations of other decrees (by number and by title) and of laws. Finding only: which document a
 * citation points to is decided later by the resolution stage (`resolve.ts`), across the whole run.
 */

// 《title》 optionally followed by its number in parentheses: 《…》（郑发〔2017〕17号）
const TITLED = /《([^《》\n]{2,120})》(?:（([^（）\n]{3,40})）)?/g;
const SHORT_NAME = /^（?以下简称(?:《([^》]{1,20})》|“([^”]{1,20})”)/;
const LAW = /(?:(?<!办)法|条例|法典)$/;
// 《规划》《条例》 with no 以下简称 definition: the document speaking of itself.
const BARE_KIND = /^(?:意见|通知|方案|办法|规划|政策|细则|规定|纲要|计划|条例|决定)$/;
// Certificates, forms, lists, standards, catalogues named in 《》 are not citations.
const NOT_CITED = /(?:证|表|单|名录|目录|书|台账|册|图|标准|规范|分类|公约|报告|杂志|手册|指南|平台)$/;
const DECREE = /(?:意见|通知|通报|通告|公告|决定|决议|命令|公报|批复|纪要|方案|办法|规划|政策|细则|规定|纲要|计划|规则|要点|措施|令)$/;
const REPEALS_AFTER = /^(?:）)?(?:同时|即行|自行)?(?:废止|停止执行|不再执行|停止施行)/;
// The longest text a RELATION_BEFORE pattern reads: a verb (2) and 12 more characters.
const RELATION_REACH = 14;
const RELATION_BEFORE: [CitationRelation, RegExp][] = [
  ['basis', /(?:根据|依据|依照|按照|遵照|据)[^，。；]{0,12}$/],
  ['implements', /(?:贯彻|落实|执行|实施)[^，。；]{0,12}$/],
  ['refers', /参照[^，。；]{0,12}$/],
];

function citationRelation(text: string, start: number, end: number): CitationRelation {
  if (REPEALS_AFTER.test(text.slice(end, end + 12))) return 'repeals';
  const before = text.slice(sentenceAround(text, start, start, RELATION_REACH).start, start);
  for (const [rel, re] of RELATION_BEFORE) if (re.test(before)) return rel;
  return 'mentions';
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
  const out: Citation[] = [];
  const push = (s: number, e: number, c: Omit<Citation, 'relation' | 'target' | 'conflict' | 'start' | 'end' | 'text'>) => {
    out.push({ ...c, relation: citationRelation(text, s, e), target: null, conflict: null, ...ctx.span(s, e) });
  };

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
    if (number && number.canonical === meta.docNumber) continue;
    const cited = defined ? { title: defined.title, docNumber: defined.docNumber } : { title, docNumber: number?.canonical ?? null };
    // A law cited with its order number (《…条例》（国务院令第590号）) stays a law.
    push(s, e, { ...cited, kind: number && LAW.test(title) ? 'law' : kind });
    const def = SHORT_NAME.exec(text.slice(e, e + 30));
    if (def) shortNames.set(def[1] ?? def[2]!, { title: cited.title, kind: out[out.length - 1]!.kind, docNumber: cited.docNumber });
  }

  for (const n of findDocNumbers(text)) {
    if (n.index < bodyStart || n.canonical === meta.docNumber) continue;
    if (inside(taken, n.index)) continue;
    push(n.index, n.end, { docNumber: n.canonical, title: null, kind: n.year === null ? 'order' : 'decree' });
  }
  return out.sort((a, b) => a.start - b.start);
}
