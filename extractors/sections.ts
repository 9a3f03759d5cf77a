import type { ExtractContext } from './context.js';
import { isHeading } from '../corpus/normalize.js';

/** A heading and the text under it: the unit tasks, deadlines and amounts are linked by. */
export interface Section {
  id: string;
  heading: string;
  start: number;
  end: number;
}

// 1. 提升集中供热能力。鼓励发电企业…: a numbered paragraph opening with a short sentence of its own is a
// task under a run-in heading (the labelled 牵头单位 blocks after it are that task's).
// A numbered line with no sentence punctuation is a heading even when it lists (（九）推进主城区、城乡结合部…).
const RUN_IN = /^((?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、)\s*[^，。；：\n]{2,40}?)(?:。|$)/;

/** Sections of a document body: each heading line opens one; text before the first heading is the preamble. */
export function sections(ctx: Pick<ExtractContext, 'text' | 'doc' | 'meta'>): Section[] {
  const { text } = ctx;
  const out: Section[] = [];
  let s = ctx.doc.bodyStart;
  const open = (start: number, heading: string) => {
    if (out.length) out[out.length - 1]!.end = start;
    out.push({ id: `${ctx.meta.id}#${start}`, heading, start, end: text.length });
  };
  open(s, ctx.meta.title);
  while (s < text.length) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const line = text.slice(s, e).trim();
    if (line && isHeading(line) && !line.includes('\t')) open(s, line);
    else if (RUN_IN.test(line) && (line.length <= 40 || /^[^。]{2,28}。/.test(line))) open(s, RUN_IN.exec(line)![1]!);
    s = e + 1;
  }
  return out;
}

export function sectionAt(list: Section[], pos: number): Section | null {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const sec = list[mid]!;
    if (pos < sec.start) hi = mid - 1;
    else if (pos >= sec.end) lo = mid + 1;
    else return sec;
  }
  return null;
}
