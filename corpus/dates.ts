/** Calendar dates written in Chinese documents: 2018年4月7日, 2018 年 4 月 11 日 (normalised), 二〇一八年四月七日. */

// 〇 is printed as ○ (circle), Ｏ/O (letter) or 0 (digit) by many typesetters.
const DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 'Ｏ': 0, O: 0, '0': 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_NUM = '[〇零○ＯO0一二三四五六七八九十]';

const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Value of a Chinese numeral (十, 十二, 二十, 三十一, 一百零三, 一千二百) or a digit-by-digit year (二〇一八);
 * null when the characters do not make one number (二二十, 十百).
 */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!/[十百千]/.test(s)) {
    let v = 0;
    for (const ch of s) {
      const d = DIGIT[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return s.length ? v : null;
  }
  let total = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of s) {
    const unit = UNIT[ch];
    if (unit !== undefined) {
      // Units fall from left to right; 十 alone at the start means 一十 (十二 = 12).
      if (unit >= lastUnit || digit === 0 || (digit === null && (unit !== 10 || total))) return null;
      total += (digit ?? 1) * unit;
      [digit, lastUnit] = [null, unit];
    } else {
      const d = DIGIT[ch];
      // One digit per unit; a 零 may stand before the next digit (一百零三).
      if (d === undefined || (digit !== null && digit !== 0)) return null;
      digit = d;
    }
  }
  return total + (digit ?? 0);
}

const NUM = `(?:\\d{1,4}|${CN_NUM}{1,4})`;
export const DATE_PATTERN = new RegExp(`(${NUM})年(${NUM})月(${NUM})日`, 'g');

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Dates in metadata fields and web exports: 2023-10-16, 2023/10/16, 2023.10.16 (one separator throughout). */
const NUMERIC_DATE = /(?<!\d)(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)/g;

export interface DateMatch {
  iso: string;
  index: number;
  end: number;
}

function* dates(text: string): Generator<DateMatch> {
  for (const m of text.matchAll(DATE_PATTERN)) {
    const y = chineseNumber(m[1]!);
    const mo = chineseNumber(m[2]!);
    const d = chineseNumber(m[3]!);
    const iso = y !== null && mo !== null && d !== null ? isoDate(y, mo, d) : null;
    if (iso) yield { iso, index: m.index!, end: m.index! + m[0].length };
  }
  for (const m of text.matchAll(NUMERIC_DATE)) {
    const iso = isoDate(Number(m[1]), Number(m[3]), Number(m[4]));
    if (iso) yield { iso, index: m.index!, end: m.index! + m[0].length };
  }
}

/** Every full date in `text`, in order of position. */
export const allDates = (text: string): DateMatch[] => [...dates(text)].sort((a, b) => a.index - b.index);

/** The first full date in `text` as ISO YYYY-MM-DD with its position, or null. */
export function findDate(text: string): DateMatch | null {
  let first: DateMatch | null = null;
  for (const d of dates(text)) if (!first || d.index < first.index) first = d;
  return first;
}

/** Last day of a month, for 9月底 → 2018-09-30. */
export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
