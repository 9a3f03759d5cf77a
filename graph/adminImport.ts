import { join } from 'node:path';
import { AtomicStream, writeFileAtomic } from '../pipeline/atomic.js';
import { csvLine } from './csv.js';
import type { AgencyRecord } from './model.js';
import { SCHEMA } from './schema.js';
import * as P from './properties.js';
import { csvHeader, csvValues } from './properties.js';
import type { DocumentRows } from './statements.js';

/**
 * The same graph as the Bolt loader writes, as CSV files for `neo4j-admin database import full` (an
 * offline bulk load into an empty database), written one document at a time. One ID space (`Node`).
 */
const node = (props: P.Properties) => ['id:ID(Node)', ...csvHeader(props).slice(1), ':LABEL'];
const rel = (props: P.Properties = {}) => [':START_ID(Node)', ':END_ID(Node)', ...csvHeader(props), ':TYPE'];
const HEADERS = {
  'nodes-decrees': node({ ...P.DECREE, stub: 'boolean' }),
  'nodes-laws': node(P.LAW),
  'nodes-planned': node(P.PLANNED),
  'nodes-agencies': node(P.AGENCY),
  'nodes-gazettes': ['path:ID(Node)', ':LABEL'],
  'nodes-bodies': node(P.BODY),
  'nodes-tasks': node(P.TASK),
  'nodes-deadlines': node(P.DEADLINE),
  'nodes-amounts': node(P.AMOUNT),
  'nodes-appointments': node(P.APPOINTMENT),
  'nodes-persons': node({ id: 'string', name: 'string' }),
  'rels-contains': rel(P.CONTAINS),
  'rels-issued-by': rel(),
  'rels-has-body': rel(),
  'rels-cites': rel(P.CITES),
  'rels-has-task': rel(),
  'rels-assigned': rel(P.ASSIGNED),
  'rels-has-deadline': rel(),
  'rels-due': rel(),
  'rels-report-to': rel(),
  'rels-has-amount': rel(),
  'rels-involves': rel(),
  'rels-appoints': rel(),
  'rels-of': rel(),
  'rels-at': rel(),
} as const;
type TableName = keyof typeof HEADERS;

export class AdminImportWriter {
  private readonly files = new Map<TableName, AtomicStream>();
  private readonly seen = new Set<string>();
  private readonly inRun: Set<string>;
  /** Planned documents by id, with the least title their planners give (as the Bolt load keeps). */
  private readonly planned = new Map<string, { id: string; title: string; titleKey: string | null }>();

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
    // neo4j-admin refuses a repeated id: the run keeps one record per id (pipeline/conflicts.ts), as over Bolt.
    if (!this.once(`decree:${x.id}`)) throw new Error(`${r.sources.map((s) => s.path).join(', ')}: unexpected second document ${x.id} for the neo4j-admin CSVs, expected one record per id`);
    await this.row('nodes-decrees', [...csvValues(P.DECREE, x), false, 'Decree']);
    for (const s of r.sources) {
      if (this.once(`gazette:${s.path}`)) await this.row('nodes-gazettes', [s.path, 'Gazette']);
      await this.row('rels-contains', [s.path, x.id, ...csvValues(P.CONTAINS, s), 'CONTAINS']);
    }
    for (const i of r.issuers) await this.row('rels-issued-by', [x.id, i.id, 'ISSUED_BY']);
    for (const b of r.body) {
      await this.row('nodes-bodies', [...csvValues(P.BODY, b), 'Body']);
      await this.row('rels-has-body', [x.id, b.id, 'HAS_BODY']);
    }
    for (const c of r.cites) {
      if (c.planned) {
        const p = this.planned.get(c.targetId);
        if (!p || c.title! < p.title) this.planned.set(c.targetId, { id: c.targetId, title: c.title!, titleKey: c.titleKey });
      } else if (c.kind === 'law') {
        if (this.once(c.targetId)) await this.row('nodes-laws', [...csvValues(P.LAW, { ...c, id: c.targetId }), 'Law']);
      } else if (!this.inRun.has(c.targetId) && this.once(c.targetId)) {
        // A stub holds only what its citer printed.
        const stub = { id: c.targetId, docNumber: c.docNumber, title: c.title, titleKey: c.titleKey };
        await this.row('nodes-decrees', [...csvValues(P.DECREE, stub), true, 'Decree']);
      }
      await this.row('rels-cites', [x.id, c.targetId, ...csvValues(P.CITES, c), 'CITES']);
    }
    for (const task of r.tasks) {
      await this.row('nodes-tasks', [...csvValues(P.TASK, task), 'Task']);
      await this.row('rels-has-task', [x.id, task.id, 'HAS_TASK']);
    }
    for (const a of r.assignments) await this.row('rels-assigned', [a.agencyId, a.taskId, ...csvValues(P.ASSIGNED, a), 'ASSIGNED']);
    for (const dl of r.deadlines) {
      await this.row('nodes-deadlines', [...csvValues(P.DEADLINE, dl), 'Deadline']);
      await this.row('rels-has-deadline', [x.id, dl.id, 'HAS_DEADLINE']);
      if (dl.taskId) await this.row('rels-due', [dl.taskId, dl.id, 'DUE']);
      for (const r of dl.recipients) await this.row('rels-report-to', [dl.id, r.agencyId, 'REPORT_TO']);
    }
    for (const am of r.amounts) {
      await this.row('nodes-amounts', [...csvValues(P.AMOUNT, am), 'Amount']);
      await this.row('rels-has-amount', [x.id, am.id, 'HAS_AMOUNT']);
      if (am.taskId) await this.row('rels-involves', [am.taskId, am.id, 'INVOLVES']);
    }
    for (const ap of r.appointments) {
      if (this.once(ap.personId)) await this.row('nodes-persons', [ap.personId, ap.person, 'Person']);
      await this.row('nodes-appointments', [...csvValues(P.APPOINTMENT, ap), 'Appointment']);
      await this.row('rels-appoints', [x.id, ap.id, 'APPOINTS']);
      await this.row('rels-of', [ap.id, ap.personId, 'OF']);
      await this.row('rels-at', [ap.id, ap.agencyId, 'AT']);
    }
  }

  /** Agencies and planned documents last (their names are known only at the end); then every table is closed, and import.sh. */
  async finish(agencies: AgencyRecord[]): Promise<string[]> {
    for (const p of this.planned.values()) await this.row('nodes-planned', [...csvValues(P.PLANNED, p), 'Planned']);
    for (const a of agencies) await this.row('nodes-agencies', [...csvValues(P.AGENCY, a), 'Agency']);
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
# neo4j-admin cannot create indexes; the last line printed says how (schema.cypher, once the server runs).
set -e
here=$(cd "$(dirname "$0")" && pwd)
neo4j-admin database import full "\${1:-neo4j}" --overwrite-destination=true --multiline-fields=true --array-delimiter=";" \\
${args}
  --verbose
echo "Imported. Start Neo4j, then create the constraints and indexes: cypher-shell -d \${1:-neo4j} -f '$here/schema.cypher'"
`;
    await writeFileAtomic(join(this.dir, 'import.sh'), script);
    await writeFileAtomic(join(this.dir, 'schema.cypher'), SCHEMA.map((q) => `${q};\n`).join('') + 'CALL db.awaitIndexes(300);\n');
    return [...files, 'import.sh', 'schema.cypher'];
  }
}
