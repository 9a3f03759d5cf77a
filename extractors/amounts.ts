import { chineseNumber } from '../corpus/dates.js';
import type { Amount } from '../graph/model.js';
import { amountKind, perUnits } from './amountKind.js';
import { sentenceAround, type ExtractContext } from './context.js';
import { sectionAt } from './sections.js';

/**
 * Quantities with units: 2.5万套 → 25000 套, 1.5亿元 → 150000000 元, 120万元/公里 → 1200000 元/公里, 65% → 65 %.
 * Only numbers followed by a known unit count, so years, dates, article and phone numbers never match.
 */
const UNITS = [
  '平方公里', '平方米', '立方米', '千米', '公里', '公顷', '亩', '米',
  '元', '美元', '千瓦时', '千瓦', '兆瓦', '吉焦', '蒸吨', '吨', '千克', '公斤',
  '套', '户', '所', '个', '座', '条', '处', '辆', '台', '家', '项', '名', '人次', '人', '张', '棵', '株', '根', '间', '床', '块', '场', '批', '次',
  '%', '‰', '倍',
];
const UNIT = `(?:${UNITS.sort((a, b) => b.length - a.length).join('|')})`;
const CN = '[〇零一二两三四五六七八九十百千]+';
const NUMBER = `(\\d+(?:,\\d{3})*(?:\\.\\d+)?|${CN})`;
// Starts at the number: a leading optional qualifier would make the engine try every position. The
// qualifier in front is read backwards afterwards. Only at the start of a run of digits or numerals
// (the lookbehind): tried inside a long run, each position would re-read the rest of it (quadratic).
const NUMERAL = '\\d.〇零一二两三四五六七八九十百千';
const PATTERN = new RegExp(`(?<![${NUMERAL}])${NUMBER}(万|亿|千)?(${UNIT}(?:/${UNIT}|每${UNIT})?)(以上|以下|以内|左右)?`, 'g');
const QUALIFIER_BEFORE = /(?:不少于|不低于|不超过|不高于|不大于|不小于|超过|高于|低于|约|近|达到|达|最高|最多|最低|至少|突破)$/;
const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3 };

function numberValue(raw: string): number | null {
  if (/^[\d,.]+$/.test(raw)) return Number(raw.replace(/,/g, ''));
  // 一百二十 / 两千: small Chinese numerals; larger ones are written with 万/亿 and handled by SCALE.
  let total = 0;
  let cur = 0;
  for (const ch of raw.replace(/两/g, '二')) {
    const place = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : 0;
    if (place) {
      total += (cur || 1) * place;
      cur = 0;
    } else {
      const d = chineseNumber(ch);
      if (d === null) return null;
      cur = d;
    }
  }
  return total + cur;
}

const CLAUSE_END = /[，,。；;！？\n]/;

/** The clause (between commas, sentence ends and line ends) around [s, e), and its part up to the amount. */
function clauseAround(text: string, s: number, e: number): { upTo: string; clause: string } {
  let a = s;
  while (a > 0 && !CLAUSE_END.test(text[a - 1]!)) a--;
  let b = e;
  while (b < text.length && !CLAUSE_END.test(text[b]!)) b++;
  const after = /^(?:以上|以下|及以上|及以下)?的?/.exec(text.slice(e, e + 4))![0];
  return { upTo: text.slice(a, e + after.length), clause: text.slice(a, b) };
}

export function extractAmounts(ctx: ExtractContext): Amount[] {
  const { text } = ctx;
  const secs = ctx.sections;
  const out: Amount[] = [];
  for (const m of text.matchAll(PATTERN)) {
    let s = m.index!;
    if (s < ctx.doc.bodyStart) continue;
    const before = text[s - 1] ?? '';
    // 第二十六条, 2号线, 〔2018〕25号, 一二十: an ordinal or part of a longer number is not an amount.
    if (before === '第' || /[\d.〕〇零一二两三四五六七八九十百千]/.test(before)) continue;
    const q = QUALIFIER_BEFORE.exec(text.slice(Math.max(0, s - 3), s));
    if (q) s -= q[0].length;
    const base = numberValue(m[1]!);
    if (base === null) continue;
    const value = Math.round(base * (m[2] ? SCALE[m[2]]! : 1) * 1e6) / 1e6;
    const unit = m[3]!.replace('每', '/');
    const e = m.index! + m[0].length;
    const qualifier = q?.[0] ?? m[4] ?? null;
    const sent = sentenceAround(text, s, e);
    const { upTo, clause } = clauseAround(text, s, e);
    const per = perUnits(text.slice(Math.max(sent.start, s - 16), s), unit);
    const kind = amountKind({ unit, qualifier }, per, upTo, clause, text.slice(sent.start, sent.end));
    out.push({ value, unit, qualifier, kind, per, taskId: sectionAt(secs, s)?.id ?? null, ...ctx.span(s, e) });
  }
  return out;
}
