import { join } from 'node:path';
import { AtomicStream, writeFileAtomic } from '../pipeline/atomic.js';
import { csvLine } from './csv.js';
import type { AgencyRecord } from './model.js';
import type { DocumentRows } from './statements.js';

/**
 * The same graph as the Bolt loader writes, as CSV files for `neo4j-admin database import full` (an
 * offline bulk load into an empty database), written one document at a time. One ID space (`Node`).
 */
const HEADERS = {
  'nodes-decrees': ['id:ID(Node)', 'docNumber', 'prefix', 'year:int', 'serial:int', 'title', 'titleKey', 'issuesKey', 'issuer', 'docType', 'issuedDate:date', 'issuesTitle', 'keywords:string[]', 'sourcePath', 'sourceStart:int', 'sourceEnd:int', 'hash', 'stub:boolean', ':LABEL'],
  'nodes-laws': ['id:ID(Node)', 'title', 'docNumber', ':LABEL'],
  'nodes-agencies': ['id:ID(Node)', 'name', 'aliases:string[]', ':LABEL'],
  'nodes-gazettes': ['path:ID(Node)', ':LABEL'],
  'nodes-tasks': ['id:ID(Node)', 'heading', 'decree', ':LABEL'],
  'nodes-deadlines': ['id:ID(Node)', 'decree', 'date', 'precision', 'every', 'day:int', 'weekday:int', 'month:int', 'monthOfQuarter:int', 'durationValue:int', 'durationUnit', 'text', 'start:int', 'end:int', 'dueDate:date', ':LABEL'],
  'nodes-amounts': ['id:ID(Node)', 'decree', 'value:double', 'unit', 'qualifier', 'text', 'start:int', 'end:int', ':LABEL'],
  'nodes-persons': ['id:ID(Node)', 'name', ':LABEL'],
  'rels-contains': [':START_ID(Node)', ':END_ID(Node)', ':TYPE'],
  'rels-issued-by': [':START_ID(Node)', ':END_ID(Node)', ':TYPE'],
  'rels-cites': [':START_ID(Node)', ':END_ID(Node)', 'relation', 'kind', 'docNumber', 'title', 'text', 'start:int', 'end:int', 'conflict', ':TYPE'],
  'rels-has-task': [':START_ID(Node)', ':END_ID(Node)', ':TYPE'],
  'rels-assigned': [':START_ID(Node)', ':END_ID(Node)', 'role', 'task', 'text', 'start:int', 'end:int', 'decree', ':TYPE'],
  'rels-has-deadline': [':START_ID(Node)', ':END_ID(Node)', ':TYPE'],
  'rels-has-amount': [':START_ID(Node)', ':END_ID(Node)', ':TYPE'],
  'rels-holds': [':START_ID(Node)', ':END_ID(Node)', 'action', 'post', 'date:date', 'decree', 'text', 'start:int', 'end:int', ':TYPE'],
} as const;
type TableName = keyof typeof HEADERS;

export class AdminImportWriter {
  private readonly files = new Map<TableName, AtomicStream>();
  private readonly seen = new Set<string>();
  private readonly inRun: Set<string>;

  /** `ids`: every document id of the run, so a citation of one of them is not written as a stub. */
  constructor(private readonly dir: string, ids: Iterable<string>) {
    this.inRun = new Set(ids);
  }

  private async row(table: TableName, values: unknown[]): Promise<void> {
    let f = this.files.get(table);
    if (!f) {
      f = new AtomicStream(join(this.dir, `${table}.csv`));
      this.files.set(table, f);
      await f.write(csvLine([...HEADERS[table]]));
    }
    await f.write(csvLine(values));
  }

  private once(id: string): boolean {
    return !this.seen.has(id) && !!this.seen.add(id);
  }

  async add(r: DocumentRows): Promise<void> {
    const x = r.decree;
    await this.row('nodes-decrees', [x.id, x.docNumber, x.prefix, x.year, x.serial, x.title, x.titleKey, x.issuesKey, x.issuer, x.docType, x.issuedDate, x.issuesTitle, x.keywords, x.sourcePath, x.sourceStart, x.sourceEnd, x.hash, false, 'Decree']);
    if (this.once(`gazette:${r.gazette}`)) await this.row('nodes-gazettes', [r.gazette, 'Gazette']);
    await this.row('rels-contains', [r.gazette, x.id, 'CONTAINS']);
    for (const i of r.issuers) await this.row('rels-issued-by', [x.id, i.id, 'ISSUED_BY']);
    for (const c of r.cites) {
      if (c.kind === 'law') {
        if (this.once(c.targetId)) await this.row('nodes-laws', [c.targetId, c.title, c.docNumber, 'Law']);
      } else if (!this.inRun.has(c.targetId) && this.once(c.targetId)) {
        await this.row('nodes-decrees', [c.targetId, c.docNumber, null, null, null, c.title, c.titleKey, null, null, null, null, null, [], null, null, null, null, true, 'Decree']);
      }
      await this.row('rels-cites', [x.id, c.targetId, c.relation, c.kind, c.docNumber, c.title, c.text, c.start, c.end, c.conflict, 'CITES']);
    }
    for (const task of r.tasks) {
      await this.row('nodes-tasks', [task.id, task.heading, x.id, 'Task']);
      await this.row('rels-has-task', [x.id, task.id, 'HAS_TASK']);
    }
    for (const a of r.assignments) await this.row('rels-assigned', [a.agencyId, a.taskId, a.role, a.task, a.text, a.start, a.end, x.id, 'ASSIGNED']);
    for (const dl of r.deadlines) {
      await this.row('nodes-deadlines', [dl.id, x.id, dl.date, dl.precision, dl.every, dl.day, dl.weekday, dl.month, dl.monthOfQuarter, dl.durationValue, dl.durationUnit, dl.text, dl.start, dl.end, dl.dueDate, 'Deadline']);
      await this.row('rels-has-deadline', [dl.taskId ?? x.id, dl.id, 'HAS_DEADLINE']);
    }
    for (const am of r.amounts) {
      await this.row('nodes-amounts', [am.id, x.id, am.value, am.unit, am.qualifier, am.text, am.start, am.end, 'Amount']);
      await this.row('rels-has-amount', [am.taskId ?? x.id, am.id, 'HAS_AMOUNT']);
    }
    for (const h of r.holds) {
      if (this.once(h.personId)) await this.row('nodes-persons', [h.personId, h.person, 'Person']);
      await this.row('rels-holds', [h.personId, h.agencyId, h.action, h.post, h.date, x.id, h.text, h.start, h.end, 'HOLDS']);
    }
  }

  /** Agencies last (their aliases are known only at the end); then every table is closed, and import.sh. */
  async finish(agencies: AgencyRecord[]): Promise<string[]> {
    for (const a of agencies) await this.row('nodes-agencies', [a.id, a.name, a.aliases, 'Agency']);
    // Tables with no rows still get their header, so import.sh always finds its files.
    for (const t of Object.keys(HEADERS) as TableName[]) if (!this.files.has(t)) {
      const f = new AtomicStream(join(this.dir, `${t}.csv`));
      await f.write(csvLine([...HEADERS[t]]));
      this.files.set(t, f);
    }
    for (const f of this.files.values()) await f.close();
    const files = (Object.keys(HEADERS) as TableName[]).map((t) => `${t}.csv`);
    const args = files.map((f) => `  --${f.startsWith('nodes') ? 'nodes' : 'relationships'}="$here/${f}" \\`).join('\n');
    const script = `#!/usr/bin/env sh
# Bulk-loads this export into an EMPTY database with neo4j-admin (Neo4j 5.x), offline:
#   neo4j stop && sh import.sh [database] && neo4j start
# Then create the indexes: the first statements of ../graph.cypher (or see docs/graph-model.md).
set -e
here=$(cd "$(dirname "$0")" && pwd)
neo4j-admin database import full "\${1:-neo4j}" --overwrite-destination=true --multiline-fields=true --array-delimiter=";" \\
${args}
  --verbose
`;
    await writeFileAtomic(join(this.dir, 'import.sh'), script);
    return [...files, 'import.sh'];
  }
}
