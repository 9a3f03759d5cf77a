import type { Amount, Deadline, DocumentRecord, Recurrence } from '../../graph/model.js';
import { agencyName } from '../../extractors/agencies.js';
import { matches } from './source.js';

/**
 * The one place reports read deadlines and amounts: the export's facts (due date, what is due, targets,
 * recipients, amount kinds) put in the words and shapes the report pages show.
 */
export type DeadlineKind = 'deadline' | 'target' | 'recurring' | 'duration';

export interface DeadlineView {
  kind: DeadlineKind;
  /** ISO due date, the last day the text allows (`2018年4月前` → 2018-04-30); null when undated. */
  due: string | null;
  precision: Deadline['precision'];
  /** The date as printed, layout spaces removed (`2018年4月前`). */
  printed: string;
  /** The date at the precision the text states, in words: `2018年4月`, `2018年`, `2018年4月30日`. */
  shown: string;
  /** What is due: the sentence the deadline governs (the target's measure), else the task heading. */
  clause: string;
  /** The task heading (from the assignments of the same section), or null. */
  task: string | null;
  recurrence: Recurrence | null;
  /** A recurring duty in words: `每月20日前报送市发展改革委`. */
  every: string | null;
  recipient: string | null;
  start: number;
  end: number;
  taskId: string | null;
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The date at the precision the text states: 年底前 is shown as the year's end, not as 12-31. */
function shownDate(date: string | null, precision: Deadline['precision'], printed: string): string {
  if (!date) return '';
  const [y, m, d] = date.split('-').map((x) => Number(x.replace('Q', '')));
  if (precision === 'year') return /年底/.test(printed) ? `${y}年底` : `${y}年`;
  if (precision === 'quarter') return `${y}年第${m}季度`;
  if (precision === 'month') return /月底/.test(printed) ? `${y}年${m}月底` : `${y}年${m}月`;
  return `${y}年${m}月${d}日`;
}

const WEEKDAYS = '一二三四五六日';

/** A recurrence in the words a decree would use. */
export function recurrenceWords(r: Recurrence): string {
  const day = (d?: number) => (!d || d >= 31 ? '月底' : `${d}日`);
  switch (r.every) {
    case 'daily':
      return '每日';
    case 'weekly':
      return `每周${WEEKDAYS[(r.weekday ?? 1) - 1]}`;
    case 'monthly':
      return `每月${day(r.day)}前`;
    case 'quarterly':
      return `每季度${r.monthOfQuarter ? `第${r.monthOfQuarter}个月` : ''}${day(r.day)}前`;
    case 'yearly':
      return `每年${r.month ?? 12}月${day(r.day)}前`;
  }
}

/** Sentence ends of 公文: a clause never runs over 。；！？ or a line break (nor, in HTML, over a tag). */
const STOP = /[。；;！？!?\n<>]/;

/**
 * The sentence around [start, end) in the decoded source, markup removed (HTML sources index the page's
 * markup). Bounded, so a source without punctuation does not give a whole document.
 */
export function sentenceAt(source: string, start: number, end: number, limit = 160): string {
  let s = start;
  while (s > 0 && start - s < limit && !STOP.test(source[s - 1]!)) s--;
  let e = end;
  while (e < source.length && e - end < limit && !STOP.test(source[e]!)) e++;
  if (e < source.length && /[。；;！？!?]/.test(source[e]!)) e++;
  return squeeze(source.slice(s, e).replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' '));
}

/** Tasks of a document by section: the heading its assignments stand under. */
export function taskHeadings(doc: DocumentRecord): Map<string, string> {
  const tasks = new Map<string, string>();
  for (const a of doc.assignments) if (!tasks.has(a.taskId)) tasks.set(a.taskId, squeeze(a.task));
  return tasks;
}

export function deadlineView(d: Deadline, doc: DocumentRecord, source?: string, tasks = taskHeadings(doc)): DeadlineView {
  const printed = squeeze(d.text);
  const task = (d.taskId && tasks.get(d.taskId)) || null;
  const src = matches(source, d);
  const clause = d.what || (src ? sentenceAt(src, d.start, d.end) : task ?? printed);
  const kind: DeadlineKind = d.recurrence ? 'recurring' : d.duration ? 'duration' : d.kind;
  // Canonical names in id order: the same whether the export or the graph (which keeps only ids) is read.
  const recipient = [...new Set(d.recipients.map((r) => r.agencyId))].sort().map(agencyName).join('、') || null;
  const every = d.recurrence ? `${recurrenceWords(d.recurrence)}${recipient ? `报送${recipient}` : ''}` : null;
  return {
    kind,
    due: d.dueDate,
    precision: d.precision,
    printed,
    shown: shownDate(d.date, d.precision, printed),
    clause,
    task,
    recurrence: d.recurrence,
    every,
    recipient,
    start: d.start,
    end: d.end,
    taskId: d.taskId,
  };
}

export type AmountKind = 'money' | 'ratio' | 'area' | 'length' | 'count' | 'other';

export interface AmountView {
  value: number;
  unit: string;
  qualifier: string | null;
  kind: AmountKind;
  printed: string;
  /** What the amount is for: the sentence around it, else the task heading. */
  clause: string;
  start: number;
  end: number;
  taskId: string | null;
}

function amountKind(unit: string): AmountKind {
  if (/元/.test(unit)) return 'money';
  if (/^(%|‰|个百分点)$/.test(unit)) return 'ratio';
  if (/平方|亩|公顷/.test(unit)) return 'area';
  if (/米|公里|千米/.test(unit)) return 'length';
  if (/^(个|家|户|人|套|辆|台|项|所|座|处|条|次|名|栋|间|张|宗|批|件)$/.test(unit)) return 'count';
  return 'other';
}

export function amountView(a: Amount, doc: DocumentRecord, source?: string, tasks = taskHeadings(doc)): AmountView {
  const printed = squeeze(a.text);
  const src = matches(source, a);
  return {
    value: a.value,
    unit: a.unit,
    qualifier: a.qualifier,
    kind: amountKind(a.unit),
    printed,
    clause: src ? sentenceAt(src, a.start, a.end) : (a.taskId && tasks.get(a.taskId)) || printed,
    start: a.start,
    end: a.end,
    taskId: a.taskId,
  };
}
