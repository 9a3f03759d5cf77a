import type { Assignment, Role } from '../graph/model.js';
import { agencyId, canonicalAgency, isPlaceName, looksLikeAgency } from './agencies.js';
import { ITEM_MARK, MAX_SENTENCE, sentenceAround, type ExtractContext } from './context.js';
import { sectionAt } from './sections.js';

/**
 * Responsible agencies and their role, from three shapes:
 *  - labelled lists: 牵头单位：市发展改革委 / 相关责任单位：县（市、区）政府、开发区管委会，市财政局…
 *  - sentences: 1. 市发展改革委负责… (responsible), 市工信委、市安监局要发挥牵头推动作用 (lead), …配合 (participant)
 *  - trailing parentheticals: …标准。（各县〔市、区〕政府，市安监局、环保局、工信委等按职责分工负责）
 */
const LABEL = /(牵头单位|主要责任单位|相关责任单位|责任单位|配合单位|协办单位|协助单位)[：:]/g;
const LABEL_ROLE: Record<string, Role> = {
  牵头单位: 'lead',
  主要责任单位: 'responsible',
  相关责任单位: 'responsible',
  责任单位: 'responsible',
  配合单位: 'participant',
  协办单位: 'participant',
  协助单位: 'participant',
};
const VERB = /(?:要|应|应当)?(?:发挥)?(牵头|负责|配合|协助)/g;
const VERB_ROLE: Record<string, Role> = { 牵头: 'lead', 负责: 'responsible', 配合: 'participant', 协助: 'participant' };
const PAREN_AT_END = /[（(]((?:[^（）()〔〕\n]|〔[^〕\n]*〕){2,160})[）)](?=[。；]?(?:\n|$))/g;
const OPEN = '（(〔[';
const CLOSE = '）)〕]';
const TRAILING = /(?:等(?:企业|部门|单位|有关单位|相关单位)?|按职责分工负责|按职责负责|分别负责|负责)+$/;

export interface Item {
  name: string;
  start: number;
  end: number;
}

/** Splits an agency list on 、，,；; outside parentheses (县（市、区）政府 stays whole). */
export function splitList(text: string, base: number): Item[] {
  const items: Item[] = [];
  let depth = 0;
  let s = 0;
  const flush = (e: number) => {
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const name = raw.trim().replace(/[。；]$/, '').replace(TRAILING, '');
    if (!name) return;
    const start = base + s + lead;
    // 国家发展改革委及国家粮食局, 市财政局会同市发展改革委: two bodies when each part is one (发展和改革委员会
    // stays whole: 发展 is no body).
    const parts = name.split(/(及|和|与|会同)/);
    if (parts.length > 1 && parts.every((p, i) => i % 2 === 1 || looksLikeAgency(p))) {
      let at = start;
      parts.forEach((p, i) => {
        if (i % 2 === 0) items.push({ name: p, start: at, end: at + p.length });
        at += p.length;
      });
    } else items.push({ name, start, end: start + name.length });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (OPEN.includes(c)) depth++;
    else if (CLOSE.includes(c)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && '、，,；;'.includes(c)) {
      flush(i);
      s = i + 1;
    }
  }
  flush(text.length);
  // 市安监局、环保局、工信委: the elided 市 carries over to the bare names that follow.
  let carry = '';
  for (const it of items) {
    const place = /^(市|省|县|区)(?!（|场)/.exec(it.name)?.[1];
    if (place) carry = place;
    else if (carry && !/^(?:各|全|县|区|市|省)/.test(it.name) && !/^.{1,8}(?:省|市|县|区)/.test(it.name)) it.name = carry + it.name;
  }
  return items;
}

/**
 * Whether the parenthesis at `open` belongs to the name just before it: 各区（管委会）, 领导小组办公室（市发展改革委）
 * are one body under two names, not a list of responsible units closing a sentence.
 */
function namesBefore(text: string, open: number): boolean {
  let a = open;
  while (a > 0 && !/[、，,；;：:。\s]/.test(text[a - 1]!)) a--;
  const name = text.slice(a, open).replace(ITEM_MARK, '');
  return /^各/.test(name) || isPlaceName(name) || looksLikeAgency(name);
}

/**
 * Where the clause before `p` starts: after ，。；： or a line end, or after a parenthesis opening a clause of its
 * own (。（生态环境部牵头，…）) — not one inside a name (市城管局（市城市综合执法局）) or an item number's (（1）…).
 */
function clauseStart(text: string, p: number, body: number): number {
  const lo = Math.max(body, p - MAX_SENTENCE);
  let a = p;
  for (;;) {
    while (a > lo && !/[，。；：\n（(]/.test(text[a - 1]!)) a--;
    if (a === lo && a > body) return -1;
    if (a <= body || !/[（(]/.test(text[a - 1]!)) return a;
    const itemNumber = /^[一二三四五六七八九十\d]{1,3}[）)]/.test(text.slice(a, a + 4));
    const opensClause = a - 1 <= body || /[，。；：\s]/.test(text[a - 2]!);
    if (opensClause && !itemNumber) return a;
    a--;
  }
}

export function extractAssignments(ctx: ExtractContext): Assignment[] {
  const { text, meta } = ctx;
  const secs = ctx.sections;
  const out: Assignment[] = [];
  const seen = new Set<string>();
  // Under a 牵头单位/责任单位 label the list is units by definition, so a bare place name is one too.
  const add = (items: Item[], role: Role, taskPos: number, task: string | null, labelled = false) => {
    const sec = sectionAt(secs, taskPos);
    for (const it of items) {
      if (!looksLikeAgency(it.name) && !(labelled && isPlaceName(it.name))) continue;
      const canonical = canonicalAgency(it.name, meta.issuer);
      // One assignment per agency, task and role: the first mention stands for the others.
      const key = `${canonical}|${sec?.id}|${role}`;
      if (seen.has(key) || seen.has(`${it.start}:${role}`)) continue;
      seen.add(key).add(`${it.start}:${role}`);
      out.push({
        agency: it.name,
        agencyId: agencyId(canonical),
        role,
        task: task ?? sec?.heading ?? meta.title,
        taskId: sec?.id ?? `${meta.id}#0`,
        ...ctx.span(it.start, it.end),
      });
    }
  };
  const body = ctx.doc.bodyStart;

  const labels = [...text.matchAll(LABEL)].filter((m) => m.index! >= body);
  labels.forEach((m, i) => {
    const s = m.index! + m[0].length;
    const lineEnd = text.indexOf('\n', s);
    const nextLabel = labels[i + 1]?.index ?? Infinity;
    const e = Math.min(lineEnd < 0 ? text.length : lineEnd, nextLabel);
    add(splitList(text.slice(s, e), s), LABEL_ROLE[m[1]!]!, m.index!, null, true);
  });

  for (const m of text.matchAll(VERB)) {
    if (m.index! < body) continue;
    // The clause before the verb must be nothing but agency names: 市工信委、市安监局要发挥牵头…
    const a = clauseStart(text, m.index!, body);
    // No clause start within reach: not a list of agencies (and no scan of the whole text per verb).
    if (a < 0) continue;
    const clause = text.slice(a, m.index!);
    const mark = ITEM_MARK.exec(clause)?.[0].length ?? 0;
    // …资金由轨道公司负责: 由 names the agent, whatever stands before it.
    const by = clause.lastIndexOf('由');
    const lead = by >= mark ? by + 1 : mark + (/^(?:请|各级)/.exec(clause.slice(mark))?.[0].length ?? 0);
    const items = splitList(clause.slice(lead), a + lead);
    if (!items.length || !items.every((it) => looksLikeAgency(it.name) && it.name.length <= 20)) continue;
    const sent = sentenceAround(text, m.index!, m.index!);
    add(items, VERB_ROLE[m[1]!]!, m.index!, text.slice(sent.start, sent.end).replace(ITEM_MARK, ''));
  }

  for (const m of text.matchAll(PAREN_AT_END)) {
    if (m.index! < body || namesBefore(text, m.index!)) continue;
    const inner = m[1]!;
    const items = splitList(inner, m.index! + 1);
    if (!items.length || !items.every((it) => looksLikeAgency(it.name))) continue;
    // The task is the sentence the parenthetical closes, even when layout put it on a line of its own.
    let p = m.index! - 1;
    const lo = Math.max(body, p - MAX_SENTENCE);
    while (p > lo && /[\s。；]/.test(text[p]!)) p--;
    const sent = sentenceAround(text, p, p + 1);
    add(items, 'responsible', m.index!, text.slice(sent.start, sent.end).replace(ITEM_MARK, ''));
  }
  return out.sort((a, b) => a.start - b.start);
}
