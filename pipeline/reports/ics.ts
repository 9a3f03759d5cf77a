import type { Recurrence } from '../../graph/model.js';

/** iCalendar (RFC 5545) all-day events: dated deadlines once, recurring ones with an RRULE from the decree's date. */
interface Item {
  date: string | null;
  precision: string | null;
  recurrence: Recurrence | null;
  decree: string;
  decreeTitle: string;
  issuedDate: string | null;
  text: string;
  agencies: string[];
  start: number;
}

const escape = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\n/g, '\\n');
const ymd = (iso: string) => iso.replace(/-/g, '');
const BYDAY = ['', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

function rrule(r: Recurrence): string {
  switch (r.every) {
    case 'daily':
      return 'FREQ=DAILY';
    case 'weekly':
      return `FREQ=WEEKLY;BYDAY=${BYDAY[r.weekday ?? 1]}`;
    case 'monthly':
      return r.day && r.day < 31 ? `FREQ=MONTHLY;BYMONTHDAY=${r.day}` : 'FREQ=MONTHLY;BYMONTHDAY=-1';
    case 'quarterly':
      return `FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=${r.day && r.day < 31 ? r.day : -1}`;
    case 'yearly':
      return `FREQ=YEARLY;BYMONTH=${r.month ?? 12};BYMONTHDAY=${r.day ?? 31}`;
  }
}

/** The calendar in pieces (CRLF-terminated lines), so a large one is never one string. */
export function* deadlinesIcs(items: Iterable<Item>): Generator<string> {
  const crlf = (lines: string[]) => lines.map((l) => `${l}\r\n`).join('');
  yield crlf(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//decree-graph//deadlines//ZH', 'CALSCALE:GREGORIAN']);
  for (const i of items) {
    let start: string | null = null;
    if (i.precision === 'day' && i.date) start = ymd(i.date);
    else if (i.recurrence && i.issuedDate) {
      const [y, m] = i.issuedDate.split('-').map(Number) as [number, number];
      // Quarterly deadlines fall in the quarter's Nth month; start from the first such month after the decree.
      const month = i.recurrence.every === 'quarterly' ? Math.ceil(m / 3) * 3 - 2 + ((i.recurrence.monthOfQuarter ?? 1) - 1) : m;
      start = `${y}${String(Math.min(12, month)).padStart(2, '0')}01`;
    }
    if (!start) continue;
    yield crlf([
      'BEGIN:VEVENT',
      `UID:${escape(`${i.decree}@${i.start}`)}@decree-graph`,
      `DTSTAMP:${start}T000000Z`,
      `DTSTART;VALUE=DATE:${start}`,
      ...(i.recurrence ? [`RRULE:${rrule(i.recurrence)}`] : []),
      `SUMMARY:${escape(`${i.text}（${i.decree}）`)}`,
      `DESCRIPTION:${escape(`${i.decreeTitle}\n责任单位：${i.agencies.join('、') || '—'}`)}`,
      'END:VEVENT',
    ]);
  }
  yield crlf(['END:VCALENDAR']);
}
