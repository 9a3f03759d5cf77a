import type { DocumentRecord } from '../../graph/model.js';
import { deadlineView, taskHeadings, type DeadlineKind } from './facts.js';
import { deadlinesIcs, type IcsItem } from './ics.js';
import { view, type Report, type Row } from './model.js';
import { sourceText } from './source.js';
import { SortedRows } from './spill.js';
import type { ReportBuilder } from './build.js';

export type DeadlineItem = IcsItem & { participant: string[] };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical agency names of each task of a document, by role: each agency once per task and role. */
export function agenciesByTask(d: DocumentRecord): Map<string, Record<'lead' | 'responsible' | 'participant', string[]>> {
  const byTask = new Map<string, Record<'lead' | 'responsible' | 'participant', Set<string>>>();
  for (const a of d.assignments) {
    const t = byTask.get(a.taskId) ?? byTask.set(a.taskId, { lead: new Set(), responsible: new Set(), participant: new Set() }).get(a.taskId)!;
    t[a.role].add(a.agencyId.slice('agency:'.length));
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return new Map([...byTask].map(([k, t]) => [k, { lead: sorted(t.lead), responsible: sorted(t.responsible), participant: sorted(t.participant) }]));
}

/** A document's deadlines read through the adapter, with the agencies of their task. */
export function deadlineItems(d: DocumentRecord): DeadlineItem[] {
  const source = sourceText(d.source.path);
  const tasks = taskHeadings(d);
  const agencies = agenciesByTask(d);
  return d.deadlines.map((x) => {
    const a = (x.taskId && agencies.get(x.taskId)) || { lead: [], responsible: [], participant: [] };
    return { view: deadlineView(x, d, source, tasks), decree: d.id, decreeTitle: d.title, issuedDate: d.issuedDate, ...a };
  });
}

export const compareDeadlines = (a: DeadlineItem, b: DeadlineItem) => cmp(a.view.due ?? '9999', b.view.due ?? '9999') || cmp(a.decree, b.decree) || a.view.start - b.view.start;

const KINDS: [DeadlineKind, string][] = [
  ['deadline', 'Deadlines'],
  ['target', 'Year targets'],
  ['recurring', 'Recurring duties'],
  ['duration', 'Periods (within N days of an event)'],
];

export class DeadlinesReport implements ReportBuilder {
  private readonly items = new SortedRows<DeadlineItem>(compareDeadlines);

  add(d: DocumentRecord): void {
    for (const i of deadlineItems(d)) this.items.add(i);
  }

  finish(): Report {
    const items = this.items;
    // One ISO column a spreadsheet sorts (the last day allowed) and the date as printed beside it.
    const columns = ['due_date', 'as_printed', 'precision', 'date_shown', 'kind', 'recurrence', 'what_is_due', 'task', 'lead', 'responsible', 'participant', 'decree'];
    const row = (i: DeadlineItem): Row => {
      const v = i.view;
      return [v.due, v.printed, v.precision, v.shown, v.kind, v.every, v.clause, v.task, i.lead.join('；'), i.responsible.join('；'), i.participant.join('；'), i.decree];
    };
    const ofKind = (kind: DeadlineKind | null) => {
      let n: number | null = null;
      return view(
        () => (n ??= kind ? [...items].filter((i) => i.view.kind === kind).length : items.length),
        function* () {
          for (const i of items) if (!kind || i.view.kind === kind) yield row(i);
        },
      );
    };
    return {
      kind: 'deadlines',
      title: '时限日历 Deadlines',
      csv: { heading: 'Deadlines', columns, rows: ofKind(null) },
      sections: KINDS.map(([kind, heading]) => ({ heading, columns, rows: ofKind(kind) })),
      data: view(() => items.length, function* () {
        for (const { view: v, ...i } of items) yield { ...v, ...i };
      }),
      ics: { [Symbol.iterator]: () => deadlinesIcs(items) },
      dispose: () => items.dispose(),
    };
  }
}
