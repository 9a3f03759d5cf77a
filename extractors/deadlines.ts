import { chineseNumber, isoDate, lastDayOfMonth } from '../corpus/dates.js';
import type { Deadline, Recurrence } from '../graph/model.js';
import { ITEM_MARK, sentenceAround, type ExtractContext } from './context.js';
import { compact } from './metadata.js';
import { reportRecipients } from './recipients.js';
import { sectionAt } from './sections.js';

/**
 * Deadlines, chrono-style: each parser is a pattern + an extract function; the reference date is always
 * explicit (the document's own date, for a year left out). Stated parts stay as written: `precision` says
 * how much of `date` the text gave.
 */
type Parsed = Pick<Deadline, 'date' | 'precision' | 'dueDate' | 'kind' | 'recurrence' | 'duration'>;
interface Parser {
  pattern: RegExp;
  extract(m: RegExpMatchArray, refYear: number): Parsed | null;
}

const N = '(\\d{1,4}|[〇零一二三四五六七八九十]{1,4})';
const num = (s: string | undefined) => (s === undefined ? null : chineseNumber(s));
const BY = '(?:前|之前|以前|底前)';
const none = { recurrence: null, duration: null, kind: 'deadline' } as const;
const undated = { date: null, precision: null, dueDate: null, ...none };
const pad = (n: number) => String(n).padStart(2, '0');
/** A deadline stated to the month: due on its last day. */
const byMonth = (y: number, mo: number): Parsed | null =>
  mo >= 1 && mo <= 12 ? { date: `${y}-${pad(mo)}`, precision: 'month', dueDate: isoDate(y, mo, lastDayOfMonth(y, mo)), ...none } : null;
const byYear = (y: number, kind: Deadline['kind'] = 'deadline'): Parsed => ({ date: String(y), precision: 'year', dueDate: `${y}-12-31`, ...none, kind });
const WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

const parsers: Parser[] = [
  {
    // 每月20日前 / 每月底前
    pattern: new RegExp(`每(?:个)?月(?:${N}日|(底|末))${BY}?`, 'g'),
    extract: (m) => ({ ...undated, recurrence: { every: 'monthly', day: m[1] ? num(m[1])! : 31 } }),
  },
  {
    // 每季度第一个月5日前 / 每季度末
    pattern: new RegExp(`每(?:个)?季度(?:第${N}个月)?(?:${N}日|(末|底))${BY}?`, 'g'),
    extract: (m) => {
      const r: Recurrence = { every: 'quarterly' };
      if (m[1]) r.monthOfQuarter = num(m[1])!;
      r.day = m[2] ? num(m[2])! : 31;
      return { ...undated, recurrence: r };
    },
  },
  {
    // 每年3月31日前 / 每年底
    pattern: new RegExp(`每年(?:${N}月${N}日|(底|末))${BY}?`, 'g'),
    extract: (m) => ({ ...undated, recurrence: m[3] ? { every: 'yearly', month: 12, day: 31 } : { every: 'yearly', month: num(m[1])!, day: num(m[2])! } }),
  },
  {
    // 每周五前
    pattern: /每周([一二三四五六日天])(?:前|之前)?/g,
    extract: (m) => ({ ...undated, recurrence: { every: 'weekly', weekday: WEEKDAY[m[1]!]! } }),
  },
  {
    // 15个工作日内 / 3个月内
    pattern: new RegExp(`${N}个?(工作日|日|天|周|个月|月|年)(?:内|以内)`, 'g'),
    extract: (m) => {
      const v = num(m[1]);
      return v === null ? null : { ...undated, duration: { value: v, unit: m[2] === '月' ? '个月' : m[2]! } };
    },
  },
  {
    // 2018年9月底前 / 9月底前 / 2018年底前 / 年底前
    pattern: new RegExp(`(?:${N}年)?(?:${N}月)?(?<!每)(?:年)?(底|末)(?:前|之前|以前)`, 'g'),
    extract: (m, ref) => {
      const y = m[1] ? num(m[1])! : ref;
      if (!m[1] && !m[2] && !m[0].startsWith('年')) return null;
      // 月底 states the month, 年底 only the year: each is due on the last day of what it states.
      return m[2] ? byMonth(y, num(m[2])!) : byYear(y);
    },
  },
  {
    // 2018年第三季度前 / 三季度末前: due on the quarter's last day.
    pattern: new RegExp(`(?:${N}年)?第?([一二三四1-4])季度(?:末|底)?(?:前|之前|以前)`, 'g'),
    extract: (m, ref) => {
      const y = m[1] ? num(m[1])! : ref;
      const q = num(m[2])!;
      return { date: `${y}-Q${q}`, precision: 'quarter', dueDate: isoDate(y, q * 3, lastDayOfMonth(y, q * 3)), ...none };
    },
  },
  {
    // 2018年4月25日前 / 4月25日前
    pattern: new RegExp(`(?:${N}年)?${N}月${N}日(?:前|之前|以前|止)`, 'g'),
    extract: (m, ref) => {
      const iso = isoDate(m[1] ? num(m[1])! : ref, num(m[2])!, num(m[3])!);
      return iso ? { date: iso, precision: 'day', dueDate: iso, ...none } : null;
    },
  },
  {
    // 2019年6月份前 / 2019年6月前
    pattern: new RegExp(`${N}年${N}月份?(?:前|之前|以前)`, 'g'),
    extract: (m) => {
      const y = num(m[1])!;
      return y > 1900 ? byMonth(y, num(m[2])!) : null;
    },
  },
  {
    // 2020年前 is a deadline; 到2020年（…达到…） a target to reach by then, not a date something is due.
    // 截至2015年底 is a statistics cut-off, 从2017年到2020年 a range and 调整到2015年 a past figure (a year before
    // the document's): none of them is either.
    pattern: /(?:(?<!截|\d年)(?:到|至)(\d{4})年(?![\d一二三四五六七八九十]+月)|(\d{4})年(?:前|之前|以前))/g,
    extract: (m, ref) => (Number(m[1] ?? m[2]) >= ref ? byYear(Number(m[1] ?? m[2]), m[1] ? 'target' : 'deadline') : null),
  },
];

// Every deadline shape contains one of these; parsers run only in windows around them, not over the
// whole text (their patterns begin with optional groups, which a regex engine tries at every position).
const ANCHOR = /[前内底末止每到至]/g;
const RADIUS = 20;

function windows(text: string, from: number): [number, number][] {
  const out: [number, number][] = [];
  ANCHOR.lastIndex = from;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    const s = Math.max(from, m.index - RADIUS);
    const e = Math.min(text.length, m.index + RADIUS + 1);
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = e;
    else out.push([s, e]);
  }
  return out;
}

export function extractDeadlines(ctx: ExtractContext): Deadline[] {
  const { text } = ctx;
  const refYear = Number((ctx.meta.issuedDate ?? '').slice(0, 4)) || new Date().getUTCFullYear();
  const secs = ctx.sections;
  const taken: [number, number][] = [];
  const out: Deadline[] = [];
  const spans = windows(text, ctx.doc.bodyStart).map(([s, e]) => ({ s, text: text.slice(s, e) }));
  for (const p of parsers) {
    for (const w of spans) {
      for (const m of w.text.matchAll(p.pattern)) {
        const s = w.s + m.index!;
        const e = s + m[0].length;
        if (taken.some(([a, b]) => s < b && e > a)) continue;
        const d = p.extract(m, refYear);
        if (!d) continue;
        taken.push([s, e]);
        const sent = sentenceAround(text, s, e);
        out.push({
          ...d,
          what: compact(text.slice(sent.start, sent.end)).replace(ITEM_MARK, ''),
          recipients: reportRecipients(text.slice(e, sent.end), ctx.meta.issuer),
          taskId: sectionAt(secs, s)?.id ?? null,
          ...ctx.span(s, e),
        });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
