import type { AgencyRecord, DocumentRecord } from '../../graph/model.js';
import { amountView, deadlineView, taskHeadings } from './facts.js';
import { view, type Report } from './model.js';
import { sourceText } from './source.js';
import { SortedRows } from './spill.js';
import type { ReportBuilder } from './build.js';

type AgencyTask = { agencyId: string; role: string; decree: string; task: string; taskId: string; deadlines: string[]; amounts: string[] };

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const short = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n)}…` : s);

export class AgenciesReport implements ReportBuilder {
  private readonly rows = new SortedRows<AgencyTask>((x, y) => cmp(x.agencyId, y.agencyId) || cmp(x.decree, y.decree) || cmp(x.taskId, y.taskId) || cmp(x.role, y.role));

  add(d: DocumentRecord): void {
    // Deadlines (due date, as the text states it) and amounts (with what they are for) under each task;
    // the rows of one task share its lists, and equal task texts one string.
    const source = sourceText(d.source.path);
    const tasks = taskHeadings(d);
    const facts = new Map<string, { deadlines: string[]; amounts: string[] }>();
    for (const a of d.assignments) facts.set(a.taskId, { deadlines: [], amounts: [] });
    for (const x of d.deadlines) {
      const v = x.taskId ? deadlineView(x, d, undefined, tasks) : null;
      const list = v && facts.get(x.taskId!)?.deadlines;
      const text = v?.due ? `${v.printed}（${v.due}）` : v?.printed;
      // The same date printed again under one task is one deadline of it.
      if (list && text && !list.includes(text)) list.push(text);
    }
    for (const x of d.amounts) {
      const v = x.taskId ? amountView(x, d, source, tasks) : null;
      if (v) facts.get(x.taskId!)?.amounts.push(`${v.printed}：${short(v.clause)}`);
    }
    // An agency named several times in one task (its heading, then its clause) counts once per role.
    const seen = new Set<string>();
    for (const a of d.assignments) {
      const key = `${a.agencyId}|${a.taskId}|${a.role}`;
      if (seen.has(key)) continue;
      seen.add(key);
      this.rows.add({ agencyId: a.agencyId, role: a.role, decree: d.id, task: tasks.get(a.taskId)!, taskId: a.taskId, ...facts.get(a.taskId)! });
    }
  }

  finish(agencies: AgencyRecord[]): Report {
    const listed = new Map(agencies.map((a) => [a.id, a]));
    const rows = this.rows;
    // The sorted rows of each listed agency in turn: one agency's tasks in memory at a time.
    function* byAgency(): Generator<[AgencyRecord, AgencyTask[]]> {
      let tasks: AgencyTask[] = [];
      for (const r of rows) {
        if (!listed.has(r.agencyId)) continue;
        if (tasks.length && tasks[0]!.agencyId !== r.agencyId) {
          yield [listed.get(tasks[0]!.agencyId)!, tasks];
          tasks = [];
        }
        tasks.push(r);
      }
      if (tasks.length) yield [listed.get(tasks[0]!.agencyId)!, tasks];
    }
    const summarise = (a: AgencyRecord, tasks: AgencyTask[]) => {
      const count = (role: string) => new Set(tasks.filter((t) => t.role === role).map((t) => t.taskId)).size;
      return { id: a.id, name: a.name, aliases: a.aliases, lead: count('lead'), responsible: count('responsible'), participant: count('participant') };
    };
    type Summary = ReturnType<typeof summarise>;
    // The summary table and the row count need a full read of the tasks: the first read that goes to the
    // end (the CSV, written first) records them on its way, rather than a read of its own.
    let summary: Summary[] | null = null;
    let total = 0;
    function* agencyTasks(): Generator<[AgencyRecord, AgencyTask[], Summary]> {
      const seen: Summary[] = [];
      let n = 0;
      for (const [a, tasks] of byAgency()) {
        const s = summarise(a, tasks);
        seen.push(s);
        n += tasks.length;
        yield [a, tasks, s];
      }
      // Ranked by workload: tasks led, then responsible for, then taking part in.
      summary = seen.sort((x, y) => y.lead + y.responsible + y.participant - (x.lead + x.responsible + x.participant) || y.lead - x.lead || cmp(x.name, y.name));
      total = n;
    }
    const summaries = () => {
      if (!summary) for (const _ of agencyTasks());
      return summary!;
    };
    const summaryRow = (a: Summary) => [a.name, a.aliases.join('；'), a.lead + a.responsible + a.participant, a.lead, a.responsible, a.participant];
    const csv = {
      heading: 'Agency tasks',
      columns: ['agency', 'aliases', 'role', 'decree', 'task', 'deadlines', 'amounts'],
      rows: view(
        () => {
          summaries();
          return total;
        },
        function* () {
          for (const [a, tasks] of agencyTasks()) {
            const aliases = a.aliases.join('；');
            for (const t of tasks) yield [a.name, aliases, t.role, t.decree, t.task, t.deadlines.join('；'), t.amounts.join('；')];
          }
        },
      ),
    };
    return {
      kind: 'agencies',
      title: '责任单位报告 Agencies',
      csv,
      sections: [
        {
          heading: 'Agencies by workload',
          columns: ['agency', 'aliases', 'tasks', 'lead', 'responsible', 'participant'],
          rows: view(() => summaries().length, () => summaries().map(summaryRow)),
        },
        csv,
      ],
      data: {
        *[Symbol.iterator]() {
          for (const [, tasks, s] of agencyTasks()) yield { ...s, tasks: tasks.map(({ agencyId: _a, ...t }) => t) };
        },
      },
      dispose: () => rows.dispose(),
    };
  }
}
