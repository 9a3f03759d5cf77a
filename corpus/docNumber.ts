import { abbreviates } from './abbreviation.js';
import { chineseNumber } from './dates.js';

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

// Words that end the running text before a number cited bare (严格落实郑政〔2018〕25号, a 批复's 你院粤检发〔2020〕8号
// 请示): the prefix starts after them.
const LEAD_IN = /^.*(?:你[院厅局部委办省市区县]|我院|本院|落实|执行|根据|依据|按照|参照|贯彻|印发|转发|废止|停止|简称|文件|规定|精神|要求|详见|参见|见|按|据|依|经|由|对|将|在|即|和|及|与|或|的|了|是|为|以)/;

// 原 ("former") before the organ of an order since renamed (原卫生部令第45号) is a word, not its name. Only
// before an order: 原 also opens real 机关代字 (原平市's 原政发〔2020〕5号).
const FORMER = /^原(?=.+令)/;

function trimPrefix(run: string): string {
  let cut = run.replace(LEAD_IN, '').replace(FORMER, '');
  // A code's parenthesised part follows a head of 1–3 characters (法, 高检); after a longer run the brackets
  // close words of the text (…意见（试行）), and the code starts after them.
  const open = cut.indexOf('（');
  if (open > 3) cut = cut.slice(cut.indexOf('）') + 1);
  // Real prefixes are 1–8 characters (国发, 唐优化营商办), orders name the whole organ
  // (国家食品药品监督管理总局令, 13); a longer run still has text in front.
  const max = run.endsWith('令') ? 16 : 8;
  return cut.length > max ? cut.slice(-max) : cut;
}

export interface DocNumberMatch extends DocNumberParts {
  canonical: string;
  /** Offsets in the matched text (after the prefix is trimmed). */
  index: number;
  end: number;
}

const isCjk = (c: number) => c >= 0x4e00 && c <= 0x9fff;
const YEAR_SERIAL = /〔(\d{4})〕第?(\d{1,5})号/y;
const ORDER_SERIAL = /令第?(\d{1,5})号/y;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

// A part of an issuer code in its own parentheses, 1980s–90s forms: 法（研）发, 高检（研）发, 法（经）发.
const INNER_CODE = /[\u4e00-\u9fff]（[\u4e00-\u9fff]{1,3}）$/;

/**
 * The run of CJK characters (at most 24) that ends at `end`: where a prefix may stand. A parenthesised part
 * counts when CJK stands on both sides of it (法（研）发), not a bracket that opens or closes the run.
 */
function runBefore(text: string, end: number): string {
  let s = end;
  while (s > 0 && end - s < 24) {
    if (isCjk(text.charCodeAt(s - 1))) s--;
    else {
      const inner = s < end ? INNER_CODE.exec(text.slice(Math.max(0, s - 6), s)) : null;
      if (!inner) break;
      s -= inner[0].length - 1; // the CJK before it is taken on the next turn
    }
  }
  let run = text.slice(s, end);
  // A date printed against the organ (2011年8月26日省人民政府令第190号): its unit is not part of the name.
  if (s > 0 && isDigit(text.charCodeAt(s - 1))) run = run.replace(/^[年月日号]/, '');
  // The state's name in front of an organ (中华人民共和国国务院令) is not part of the 机关代字.
  return run.replace(/^.*中华人民共和国/, '');
}

/**
 * Every document number in normalised text, in order of position. Anchored on the literals 〔 and 令, then
 * read backwards for the prefix: a pattern starting with a CJK class would be tried at every character.
 */
export function findDocNumbers(text: string, trim: (run: string) => string = trimPrefix): DocNumberMatch[] {
  const found: DocNumberMatch[] = [];
  for (let i = text.indexOf('〔'); i >= 0; i = text.indexOf('〔', i + 1)) {
    YEAR_SERIAL.lastIndex = i;
    const m = YEAR_SERIAL.exec(text);
    if (!m) continue;
    const prefix = trim(runBefore(text, i));
    if (!prefix || prefix.endsWith('令')) continue;
    const year = Number(m[1]);
    const serial = Number(m[2]);
    found.push({ prefix, year, serial, canonical: `${prefix}〔${year}〕${serial}号`, index: i - prefix.length, end: i + m[0].length });
  }
  for (let i = text.indexOf('令'); i >= 0; i = text.indexOf('令', i + 1)) {
    ORDER_SERIAL.lastIndex = i;
    const m = ORDER_SERIAL.exec(text);
    if (!m) continue;
    const prefix = trim(runBefore(text, i + 1));
    if (prefix.length < 2) continue;
    const serial = Number(m[1]);
    found.push({ prefix, year: null, serial, canonical: `${prefix}第${serial}号`, index: i + 1 - prefix.length, end: i + m[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

const OPEN = '[\\[［﹝【（(〔]';
const CLOSE = '[\\]］﹞】）)〕]';
// The year in brackets of any kind; other parentheses belong to the issuer code (法（研）发) and print full-width.
const VARIANT_YEAR = new RegExp(`${OPEN}(\\d{4})${CLOSE}`, 'g');
// An order's serial printed in brackets on the line under it: 上海市人民政府令（第19号）.
const BRACKETED_ORDER = new RegExp(`令${OPEN}(第?\\d+号)${CLOSE}$`);

/** Canonical form of one document number in any printed variant, or null if it is not one. */
export function canonicalDocNumber(raw: string): DocNumberMatch | null {
  const text = raw
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(VARIANT_YEAR, '〔$1〕')
    .replace(BRACKETED_ORDER, '令$1')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(FORMER, '')
    .replace(/^中华人民共和国/, '')
    // Laws' histories print orders in Chinese numerals (主席令第二十九号): the serial as a number.
    .replace(/令第([〇零一二三四五六七八九十百千]+)号$/, (m, n: string) => {
      const v = chineseNumber(n);
      return v === null ? m : `令第${v}号`;
    });
  // The whole string is the number: no running text to cut off (京经信发 keeps its 经, 中国证券监督管理委员会令 its length).
  const all = findDocNumbers(text, (run) => run);
  const m = all[0];
  return m && m.index === 0 && m.end === text.length ? m : null;
}

/** The organ of an order number, 令 included (`江西省人民政府令`); null for a year number. */
const orderOrgan = (n: string) => (n.includes('〔') ? null : n.slice(0, n.lastIndexOf('令') + 1));

/**
 * Two canonical numbers of one order, one organ abbreviating the other (江西省人民政府令第223号 and
 * 省人民政府令第223号, 国务院令第707号 and 国令第707号). A year number's 机关代字 is a fixed code: 国发 is not
 * 国办发, and 国发〔2020〕1号 is not 国发〔2020〕11号, so year numbers are the same only when equal.
 */
export function sameOrder(a: string, b: string): boolean {
  const [x, y] = [orderOrgan(a), orderOrgan(b)];
  if (!x || !y) return a === b;
  return a.slice(x.length) === b.slice(y.length) && (x === y || abbreviates(x, y) || abbreviates(y, x));
}
