/**
 * 发文字号 (document numbers). GB/T 9704-2012 form: 机关代字 + 〔year〕 + serial + 号 (郑政办〔2018〕44号);
 * State Council / ministerial orders: 国务院令第590号. Matching runs on normalised text (brackets already
 * 〔〕, digits ASCII, layout spaces gone); `canonicalDocNumber` also accepts raw variants.
 */
export interface DocNumberParts {
  prefix: string;
  /** null for orders (令), which carry no year. */
  year: number | null;
  serial: number;
}

// The prefix is a run of CJK characters; where it begins is decided by `trimPrefix`.
const CJK_RUN = '[\\u4e00-\\u9fff]{1,16}';
export const DOC_NUMBER_PATTERN = new RegExp(`(${CJK_RUN})〔(\\d{4})〕第?(\\d{1,5})号`, 'g');
export const ORDER_NUMBER_PATTERN = new RegExp(`(${CJK_RUN}令)第?(\\d{1,5})号`, 'g');

// Words that end the running text before a number cited bare (严格落实郑政〔2018〕25号): the prefix starts after them.
const LEAD_IN = /^.*(?:落实|执行|根据|依据|按照|参照|贯彻|印发|转发|废止|停止|简称|文件|规定|精神|要求|详见|参见|见|按|据|依|经|由|对|将|在|即|和|及|与|或|的|了|是|为|以)/;

export function trimPrefix(run: string): string {
  const cut = run.replace(LEAD_IN, '');
  // Real prefixes are 1–8 characters (国发, 唐优化营商办); a longer run still has text in front.
  return cut.length > 8 ? cut.slice(-8) : cut;
}

export interface DocNumberMatch extends DocNumberParts {
  canonical: string;
  /** Offsets in the matched text (after the prefix is trimmed). */
  index: number;
  end: number;
}

/** Every document number in normalised text, in order of position. */
export function findDocNumbers(text: string): DocNumberMatch[] {
  const found: DocNumberMatch[] = [];
  for (const m of text.matchAll(DOC_NUMBER_PATTERN)) {
    const prefix = trimPrefix(m[1]!);
    if (!prefix || prefix.endsWith('令')) continue;
    const index = m.index! + m[1]!.length - prefix.length;
    const year = Number(m[2]);
    const serial = Number(m[3]);
    found.push({ prefix, year, serial, canonical: `${prefix}〔${year}〕${serial}号`, index, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(ORDER_NUMBER_PATTERN)) {
    const prefix = trimPrefix(m[1]!);
    if (prefix.length < 2) continue;
    const serial = Number(m[2]);
    const index = m.index! + m[1]!.length - prefix.length;
    found.push({ prefix, year: null, serial, canonical: `${prefix}第${serial}号`, index, end: m.index! + m[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

const VARIANT_OPEN = /[\[［﹝【（(〔]/g;
const VARIANT_CLOSE = /[\]］﹞】）)〕]/g;

/** Canonical form of one document number in any printed variant, or null if it is not one. */
export function canonicalDocNumber(raw: string): DocNumberMatch | null {
  const text = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(VARIANT_OPEN, '〔')
    .replace(VARIANT_CLOSE, '〕');
  const all = findDocNumbers(text);
  const m = all[0];
  return m && m.index === 0 && m.end === text.length ? m : null;
}
