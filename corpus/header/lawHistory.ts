import { allDates, type DateMatch } from '../dates.js';
import { canonicalDocNumber } from '../docNumber.js';
import { slice, type NormText } from '../normalize.js';
import { concat, orderOrgan } from '../split.js';
import type { Hints } from './hints.js';
import type { Range } from '../split.js';
import type { Line } from './lines.js';

const NUM = '[一二三四五六七八九十百零〇\\d]+';
// 北京市第十届人民代表大会常务委员会第十七次会议通过: the congress is the place + 人民代表大会(常务委员会).
const CONGRESS = new RegExp(`(?:日|^)([\\u4e00-\\u9fff]{0,12}?)第${NUM}届([\\u4e00-\\u9fff]{0,6}?人民代表大会(?:常务委员会)?)第${NUM}次会议`, 'd');
// An order's number promulgating a version: 国家市场监督管理总局令第56号公布, 中华人民共和国主席令第二十九号公布.
const PROMULGATED = /令第[\d〇零一二三四五六七八九十百千]{1,8}号(?=\s*(?:公布|发布))/g;
// What stands before the order's organ in a history: the version's date, a verb or a decision's title.
const BEFORE_ORGAN = /^.*(?:日|通过|修订|修正|公布|发布|施行|》)/;
const HEAD_OF_STATE = /^(?:中华人民共和国)?主席令/;

/**
 * The last order number in `text` that promulgates a version (the latest one), and the organ whose order it
 * is (国务院令 → 国务院, 中华人民共和国 aside); no organ for a 主席令, which promulgates what a congress adopted.
 */
function promulgatedBy(text: string): { number: Range; organ: Range | null } | null {
  let found: { number: Range; organ: Range | null } | null = null;
  for (const m of text.matchAll(PROMULGATED)) {
    const at = m.index!;
    let s = at;
    while (s > 0 && at - s < 24 && /[\u4e00-\u9fff]/.test(text[s - 1]!)) s--;
    const start = at - text.slice(s, at).replace(BEFORE_ORGAN, '').length;
    const number: Range = [start, at + m[0].length];
    if (!canonicalDocNumber(text.slice(number[0], number[1]))) continue;
    const organ = HEAD_OF_STATE.test(text.slice(start, at + 1)) ? null : orderOrgan(text.slice(start, at + 1));
    found = { number, organ: organ && [start + organ[0], start + organ[1]] };
  }
  return found;
}
// The lines that make a version (not 施行, the day it takes effect).
const VERSION = /公布|发布|修订|修正|修改|通过|批准/;
// A court's committee adopting a 司法解释: 最高人民法院审判委员会第1856次会议, 最高人民检察院第十三届检察委员会.
const JUDICIAL = new RegExp(`(最高人民(?:法院|检察院))(?:第${NUM}届)?(?:审判|检察)委员会`, 'dg');

/**
 * The header facts of a law text printed with its history (LawRefBook): the number of the latest 公布
 * line and the organ whose order it is (国务院令 → 国务院), else the congress that adopted it, else the
 * courts whose committees adopted it (a 司法解释); the date of the latest version.
 */
export function lawHistory(norm: NormText, history: Line[]): Hints {
  const hints: Hints = {};
  const at = (l: Line, i: number, j: number) => slice(norm, l.s + i, l.s + j);
  for (const l of history) {
    const p = promulgatedBy(l.text);
    if (!p) continue;
    hints.docNumber = at(l, ...p.number);
    // A 主席令's law is issued by the congress that adopted it (below).
    if (p.organ) hints.issuer = at(l, ...p.organ);
  }
  for (const l of hints.issuer ? [] : history) {
    const c = CONGRESS.exec(l.text);
    if (!c) continue;
    const [place, body] = [c.indices![1]!, c.indices![2]!];
    hints.issuer = concat(at(l, place[0], place[1]), at(l, body[0], body[1]));
    break;
  }
  if (!hints.issuer) hints.issuer = judicialBodies(norm, history);
  // A version adopted by two bodies on one line is made when the later one adopts it, whatever the order printed.
  const last = history.map((l) => [l, versionDates(l.text)] as const).filter(([, ds]) => ds.length).at(-1);
  const d = last?.[1].reduce((a, b) => (a.iso >= b.iso ? a : b));
  if (last && d) hints.adopted = at(last[0], d.index, d.end);
  return hints;
}

/**
 * The dates of a line that make a version: those the words after them say adopted or amended. A line may
 * name the version it dates the 施行 of (该修正自2020年8月20日施行): that date is no version.
 */
const versionDates = (line: string): DateMatch[] => allDates(line).filter((d) => VERSION.test(line.slice(d.end)));

/** The courts whose committees adopted the text, in print order, as one field (最高人民法院、最高人民检察院). */
function judicialBodies(norm: NormText, history: Line[]): NormText | undefined {
  let out: NormText | undefined;
  const seen = new Set<string>();
  for (const l of history) {
    for (const m of l.text.matchAll(JUDICIAL)) {
      const [s, e] = m.indices![1]!;
      if (seen.has(m[1]!)) continue;
      seen.add(m[1]!);
      const body = slice(norm, l.s + s, l.s + e);
      // The separator maps to the end of the first name, so the field still maps into the source.
      out = out ? concat(concat(out, { text: '、', map: new Int32Array([out.map[out.text.length]!, out.map[out.text.length]!]) }), body) : body;
    }
  }
  return out;
}

// The organ that adopted a law in its note: 第五届全国人民代表大会, 北京市第十届人民代表大会常务委员会 (the
// session, 第N次会议, may wrap to the next line).
const ADOPTED_BY = new RegExp(`第${NUM}届((?:全国)?人民代表大会(?:常务委员会)?)`);
const NOTE_LINES = 8;

/**
 * A law's history printed in brackets under its title, over one or more lines (（1982年12月4日第五届全国人民
 * 代表大会第五次会议通过 … 2018年3月11日…通过的《…修正案》修正）): dated by its latest version (a date whose
 * words up to the next date say 通过/修订/修正/公布, not 施行), numbered by the latest order that promulgated
 * it (…主席令第二十九号公布, …国务院令第583号公布), issued by the national congress that first adopted it (a
 * local one's name is split by its 第N届 and stays with the other readings), else by the order's organ. `k`
 * is the note's first line; `last` its closing one.
 */
export function adoptionNote(lines: Line[], k: number): { date: Range | null; issuer: Range | null; docNumber: Range | null; last: number } {
  let last = k;
  while (last < k + NOTE_LINES - 1 && last + 1 < lines.length && !/[）)]$/.test(lines[last]!.text)) last++;
  const note = lines.slice(k, last + 1);
  const text = note.map((l) => l.text).join('');
  const at = note.flatMap((l) => Array.from({ length: l.text.length }, (_, i) => l.s + i));
  const range = (i: number, j: number): Range => [at[i]!, at[j - 1]! + 1];
  const dates = allDates(text);
  const versions = dates.filter((d, i) => VERSION.test(text.slice(d.end, dates[i + 1]?.index ?? text.length)));
  const latest = versions.at(-1);
  const by = ADOPTED_BY.exec(text);
  const national = by && by[1]!.startsWith('全国');
  const start = by ? by.index + by[0].length - by[1]!.length : 0;
  const order = promulgatedBy(text);
  const organ = order?.organ && range(...order.organ);
  const issuer = national ? range(start, start + by![1]!.length) : organ ?? null;
  const docNumber = order && range(...order.number);
  return { date: latest ? range(latest.index, latest.end) : null, issuer, docNumber, last };
}
