/** Calendar dates written in Chinese documents: 2018年4月7日, 2018 年 4 月 11 日 (normalised), 二〇一八年四月七日. */

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, '○': 0, 'Ｏ': 0, O: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_NUM = '[〇零○Ｏ一二三四五六七八九十]';

/** Value of a Chinese numeral up to 99 (十, 十二, 二十, 三十一) or a digit-by-digit year (二〇一八). */
export function chineseNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  if (!s.includes('十')) {
    let v = 0;
    for (const ch of s) {
      const d = DIGIT[ch];
      if (d === undefined) return null;
      v = v * 10 + d;
    }
    return s.length ? v : null;
  }
  const [tens, ones] = s.split('十');
  const t = tens ? DIGIT[tens] : 1;
  const o = ones ? DIGIT[ones] : 0;
  return t === undefined || o === undefined || s.split('十').length > 2 ? null : t * 10 + o;
}

const NUM = `(?:\\d{1,4}|${CN_NUM}{1,4})`;
export const DATE_PATTERN = new RegExp(`(${NUM})年(${NUM})月(${NUM})日`, 'g');

export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first full date in `text` as ISO YYYY-MM-DD with its position, or null. */
export function findDate(text: string): { iso: string; index: number; end: number } | null {
  for (const m of text.matchAll(DATE_PATTERN)) {
    const y = chineseNumber(m[1]!);
    const mo = chineseNumber(m[2]!);
    const d = chineseNumber(m[3]!);
    const iso = y !== null && mo !== null && d !== null ? isoDate(y, mo, d) : null;
    if (iso) return { iso, index: m.index!, end: m.index! + m[0].length };
  }
  return null;
}

/** Last day of a month, for 9月底 → 2018-09-30. */
export function lastDayOfMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
