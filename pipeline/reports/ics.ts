import type { Recurrence } from '../../graph/model.js';
import type { DeadlineView } from './facts.js';

/**
 * iCalendar (RFC 5545) all-day events: a dated deadline on its due date, a recurring duty with an RRULE
 * whose DTSTART is its first occurrence after the decree (a start off the rule is an extra occurrence to
 * calendar applications) and an UNTIL when the text gives an end year. Targets (到2025年) are goals, not
 * events, and durations have no date: neither is in the calendar.
 */
export interface IcsItem {
  view: DeadlineView;
  decree: string;
  decreeTitle: string;
  issuedDate: string | null;
  lead: string[];
  responsible: string[];
}

const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
const ymd = (iso: string) => iso.replace(/-/g, '');
const BYDAY = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const iso = (t: Date) => t.toISOString().slice(0, 10);
const monthDay = (d?: number) => (!d || d >= 31 ? -1 : d);

export function rrule(r: Recurrence): string {
  switch (r.every) {
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${BYDAY[r.weekday ?? 1]}`;
    case 'monthly':
      return `FREQ=MONTHLY;BYMONTHDAY=${monthDay(r.day)}`;
    case 'quarterly': {
      const m = r.monthOfQuarter ?? 1;
      return `FREQ=YEARLY;BYMONTH=${[m, m + 3, m + 6, m + 9].join(',')};BYMONTHDAY=${monthDay(r.day)}`;
    }
    case 'yearly':
      return `FREQ=YEARLY;BYMONTH=${r.month ?? 12};BYMONTHDAY=${monthDay(r.day)}`;
  }
}

/** Whether `t` is an occurrence of the rule (the day tests of rrule() above). */
function onRule(r: Recurrence, t: Date): boolean {
  const month = t.getUTCMonth() + 1;
  const last = new Date(Date.UTC(t.getUTCFullYear(), month, 0)).getUTCDate();
  const day = monthDay(r.day) === -1 ? last : r.day!;
  switch (r.every) {
    case 'daily':
      return true;
    case 'weekly':
      return (t.getUTCDay() || 7) === (r.weekday ?? 1);
    case 'monthly':
      return t.getUTCDate() === day;
    case 'quarterly':
      return (month - (r.monthOfQuarter ?? 1)) % 3 === 0 && t.getUTCDate() === day;
    case 'yearly':
      return month === (r.month ?? 12) && t.getUTCDate() === day;
  }
}

/** The first occurrence on or after `from` (a rule occurs at least once in any 400 days). */
export function firstOccurrence(r: Recurrence, from: string): string | null {
  const t = new Date(`${from}T00:00:00Z`);
  for (let i = 0; i < 400; i++, t.setUTCDate(t.getUTCDate() + 1)) if (onRule(r, t)) return iso(t);
  return null;
}

/** The end year a recurring duty's text gives: 至2020年, 到2020年底, or a plan's span (2017—2020年) in its title. */
export function endYear(clause: string, title: string): number | null {
  const m = /[至到](\d{4})年/.exec(clause) ?? /\d{4}\s*[—–－-]+\s*(\d{4})\s*年/.exec(title);
  return m ? Number(m[1]) : null;
}

const encoder = new TextEncoder();

/** RFC 5545 §3.1: lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
export function fold(line: string): string {
  const out: string[] = [];
  let cur = '';
  let octets = 0;
  for (const ch of line) {
    const n = encoder.encode(ch).length;
    // Continuation lines start with a space, which counts towards their 75.
    if (octets + n > 75) {
      out.push(cur);
      cur = ' ';
      octets = 1;
    }
    cur += ch;
    octets += n;
  }
  out.push(cur);
  return out.join('\r\n');
}

const crlf = (lines: string[]) => lines.map((l) => `${fold(l)}\r\n`).join('');
const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

function event(i: IcsItem): string[] | null {
  const v = i.view;
  let start: string | null = null;
  let rule: string[] = [];
  if (v.kind === 'deadline' && v.due) start = v.due;
  else if (v.kind === 'recurring' && v.recurrence && i.issuedDate) {
    start = firstOccurrence(v.recurrence, i.issuedDate);
    const end = endYear(v.clause, i.decreeTitle);
    const until = end && start && `${end}-12-31` >= start ? `;UNTIL=${end}1231` : '';
    rule = [`RRULE:${rrule(v.recurrence)}${until}`];
  }
  if (!start) return null;
  const what = v.task ?? v.clause;
  const when = v.kind === 'recurring' ? v.every! : v.shown;
  const agencies = [i.lead.length ? `牵头单位：${i.lead.join('、')}` : '', i.responsible.length ? `责任单位：${i.responsible.join('、')}` : ''].filter(Boolean);
  return [
    'BEGIN:VEVENT',
    `UID:${escape(`${i.decree}@${v.start}`)}@decree-graph`,
    `DTSTAMP:${ymd(i.issuedDate ?? start)}T000000Z`,
    `DTSTART;VALUE=DATE:${ymd(start)}`,
    ...rule,
    `SUMMARY:${escape(`${when}：${short(what)}（${i.decree}）`)}`,
    `DESCRIPTION:${escape([v.clause, `${i.decreeTitle}（${i.decree}）`, `时限：${v.printed}`, ...agencies].join('\n'))}`,
    'END:VEVENT',
  ];
}

/** The calendar in pieces (CRLF-terminated, folded lines), so a large one is never one string. */
export function* deadlinesIcs(items: Iterable<IcsItem>): Generator<string> {
  yield crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//decree-graph//deadlines//ZH', 'CALSCALE:GREGORIAN']);
  for (const i of items) {
    const lines = event(i);
    if (lines) yield crlf(lines);
  }
  yield crlf(['END:VCALENDAR']);
}
