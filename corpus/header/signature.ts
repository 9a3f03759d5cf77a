import { findDate } from '../dates.js';
import type { Range } from '../split.js';
import { linesOf, ORGAN, organLine, type Line } from './lines.js';

/** The 落款 that closes a document's main text: the issuing bodies in full and the date under them. */
export interface Signature {
  date: Range | null;
  organs: Range[];
}

const MAX_SIGNERS = 12;
// The first piece of a wrapped name: long enough to be one, and no closing formula (特此通知 has no 。).
const WRAPPED_HEAD = /^(?!特此|此[复致])[\u4e00-\u9fff（）()]{6,}$/;
const SEALED_FOR = /^[（(][^（()）]{2,30}代章[）)]$/;

/** The date of a line that is only a date, possibly in brackets: 2020年2月3日, （2023年1月2日）, 二○一二年一月九日. */
export function dateLine(l: Line): Range | null {
  const inner = /^[（(](.*)[）)]$/.exec(l.text)?.[1] ?? l.text;
  const off = l.text.length === inner.length ? 0 : 1;
  const d = findDate(inner);
  return d && d.index === 0 && d.end === inner.length ? [l.s + off, l.s + off + d.end] : null;
}


/** The date opening a note in brackets under a title: （2021年6月10日第十三届…会议通过）. */
export function noteDate(l: Line): Range | null {
  if (!/^[（(]/.test(l.text)) return null;
  const d = findDate(l.text);
  return d && d.index === 1 ? [l.s + 1, l.s + d.end] : null;
}

/**
 * The signature in text from `from` on: the first line that is only a date (the 落款 date comes before any
 * 附件), with the organ lines right above it; an organ and its date may share a line (`…办公厅2025年12月2日`).
 */
export function findSignature(text: string, from: number): Signature {
  const lines = linesOf(text, from);
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k]!;
    let date = dateLine(l);
    const organs: Range[] = [];
    if (!date) {
      const d = findDate(l.text);
      const head = d && d.end === l.text.length && d.index > 0 ? l.text.slice(0, d.index) : '';
      if (!head || !organLine(head)) continue;
      date = [l.s + d!.index, l.e];
      organs.push([l.s, l.s + head.length]);
    }
    // A body that has no seal of its own signs over another's (（国家卫生健康委代章）): the note is no signer.
    const top = k - 1 >= 0 && SEALED_FOR.test(lines[k - 1]!.text) ? k - 2 : k - 1;
    let j = top;
    for (; j >= 0 && k - j <= MAX_SIGNERS && organLine(lines[j]!.text); j--) organs.unshift([lines[j]!.s, lines[j]!.e]);
    // A long name wrapped over two lines (国务院应对新型冠状病毒肺炎 / 疫情联防联控机制综合组): the first
    // piece names no body by itself, the two together do.
    const head = lines[j];
    const first = organs[0];
    const joined = head && first && head.text + text.slice(first[0], first[1]);
    if (joined && WRAPPED_HEAD.test(head.text) && !ORGAN.test(head.text) && organLine(joined)) first![0] = head.s;
    return { date, organs };
  }
  return { date: null, organs: attribution(lines.at(-1)) };
}

// A news item names its author at its very end, in brackets: …总体全县投资结构趋稳趋优。（德清县发改局）
const ATTRIBUTION = /[（(]([^（()）]{2,30})[）)]$/;

/** The body a text with no signature ends by naming in brackets, if that is one body. */
function attribution(last: Line | undefined): Range[] {
  const m = last && ATTRIBUTION.exec(last.text);
  if (!m || !organLine(m[1]!)) return [];
  const s = last!.e - m[0].length + 1;
  return [[s, s + m[1]!.length]];
}
