import { ITEM_START } from '../normalize.js';

/** One non-empty line of normalised text, trimmed: [s, e) and its text. */
export interface Line {
  s: number;
  e: number;
  text: string;
}

export const MAX_HEADER_LINE = 80;
/** Titles run longer than other header lines: a 印发 notice quotes the whole title it issues. */
export const MAX_TITLE_LINE = 160;
export const ORGAN = /(?:人民政府|政府|办公厅|办公室|委员会|管委会|党委|中央|总局|局|厅|部|委|院|署|会|中心|银行|组|调查队|调查总队)$/;
/** 文种 a title ends with, the rule itself included (…办法, …规定, …条例). */
export const TITLE_END = /(?:意见|通知|通报|通告|公告|决定|决议|命令|令|公报|报告|请示|批复|答复|议案|函|纪要|方案|办法|规划|政策|细则|规定|纲要|计划|条例|规则|措施|解释|法|章程|标准|目录|清单|名单)$/;

export function linesOf(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  for (let s = from; s <= to; ) {
    let e = text.indexOf('\n', s);
    if (e < 0 || e > to) e = to;
    const raw = text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t) lines.push({ s: s + lead, e: s + lead + t.length, text: t });
    s = e + 1;
  }
  return lines;
}

/** A line that may belong to a header block: short, no sentence punctuation, not a numbered item. */
export function headerLike(l: Line, max = MAX_HEADER_LINE): boolean {
  return l.text.length <= max && !/[。；，：\t]/.test(l.text) && (!ITEM_START.test(l.text) || l.text.startsWith('关于'));
}

/** A title line: header-like (up to title length) and ending in a 文种. */
export function titleLike(l: Line): boolean {
  return headerLike(l, MAX_TITLE_LINE) && TITLE_END.test(l.text) && l.text.length >= 4 && !/[|｜]/.test(l.text);
}

/** A line of a signature or header block naming one body: 国务院国有资产监督管理委员会. */
export const organLine = (text: string) => text.length <= 40 && !/[。；，：、《》“”]/.test(text) && ORGAN.test(text);
