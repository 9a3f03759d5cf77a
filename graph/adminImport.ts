import { join } from 'node:path';
import { writeFileAtomic } from '../pipeline/atomic.js';
import { csvLine } from './csv.js';
import type { ExportFile } from './model.js';
import { documentRows } from './statements.js';

/**
 * The same graph as the Bolt loader writes, as CSV files for `neo4j-admin database import full`
 * (an offline bulk load into an empty database). One ID space (`Node`) for all labels.
 */
interface Table {
  header: string[];
  rows: unknown[][];
}

export function adminImportTables(exp: ExportFile): Record<string, Table> {
  const t = (header: string[]): Table => ({ header, rows: [] });
  const decrees = t(['id:ID(Node)', 'docNumber', 'prefix', 'year:int', 'serial:int', 'title', 'titleKey', 'issuesKey', 'issuer', 'docType', 'issuedDate:date', 'issuesTitle', 'keywords:string[]', 'sourcePath', 'sourceStart:int', 'sourceEnd:int', 'hash', 'stub:boolean', ':LABEL']);
  const laws = t(['id:ID(Node)', 'title', 'docNumber', ':LABEL']);
  const agencies = t(['id:ID(Node)', 'name', 'aliases:string[]', ':LABEL']);
  const gazettes = t(['path:ID(Node)', ':LABEL']);
  const tasks = t(['id:ID(Node)', 'heading', 'decree', ':LABEL']);
  const deadlines = t(['id:ID(Node)', 'decree', 'date', 'precision', 'every', 'day:int', 'weekday:int', 'month:int', 'monthOfQuarter:int', 'durationValue:int', 'durationUnit', 'text', 'start:int', 'end:int', 'dueDate:date', ':LABEL']);
  const amounts = t(['id:ID(Node)', 'decree', 'value:double', 'unit', 'qualifier', 'text', 'start:int', 'end:int', ':LABEL']);
  const persons = t(['id:ID(Node)', 'name', ':LABEL']);
  const rel = (extra: string[]) => t([':START_ID(Node)', ':END_ID(Node)', ...extra, ':TYPE']);
  const contains = rel([]);
  const issuedBy = rel([]);
  const cites = rel(['relation', 'kind', 'docNumber', 'title', 'text', 'start:int', 'end:int', 'conflict']);
  const hasTask = rel([]);
  const assigned = rel(['role', 'task', 'text', 'start:int', 'end:int', 'decree']);
  const hasDeadline = rel([]);
  const hasAmount = rel([]);
  const holds = rel(['action', 'post', 'date:date', 'decree', 'text', 'start:int', 'end:int']);

  const seen = new Set<string>();
  const once = (id: string) => !seen.has(id) && seen.add(id);
  const inRun = new Set(exp.documents.map((d) => d.id));
  const agencyNames = new Map(exp.agencies.map((a) => [a.id, a]));
  const agency = (id: string, name: string) => {
    if (!once(id)) return;
    const a = agencyNames.get(id);
    agencies.rows.push([id, a?.name ?? name, a?.aliases ?? [], 'Agency']);
  };
  for (const a of exp.agencies) agency(a.id, a.name);

  for (const d of exp.documents) {
    const r = documentRows(d);
    const x = r.decree;
    once(x.id);
    decrees.rows.push([x.id, x.docNumber, x.prefix, x.year, x.serial, x.title, x.titleKey, x.issuesKey, x.issuer, x.docType, x.issuedDate, x.issuesTitle, x.keywords, x.sourcePath, x.sourceStart, x.sourceEnd, x.hash, false, 'Decree']);
    if (once(`gazette:${r.gazette}`)) gazettes.rows.push([r.gazette, 'Gazette']);
    contains.rows.push([r.gazette, x.id, 'CONTAINS']);
    for (const i of r.issuers) {
      agency(i.id, i.name);
      issuedBy.rows.push([x.id, i.id, 'ISSUED_BY']);
    }
    for (const c of r.cites) {
      if (c.kind === 'law') {
        if (once(c.targetId)) laws.rows.push([c.targetId, c.title, c.docNumber, 'Law']);
      } else if (!inRun.has(c.targetId) && once(c.targetId)) {
        decrees.rows.push([c.targetId, c.docNumber, null, null, null, c.title, c.titleKey, null, null, null, null, null, [], null, null, null, null, true, 'Decree']);
      }
      cites.rows.push([x.id, c.targetId, c.relation, c.kind, c.docNumber, c.title, c.text, c.start, c.end, c.conflict, 'CITES']);
    }
    for (const task of r.tasks) {
      tasks.rows.push([task.id, task.heading, x.id, 'Task']);
      hasTask.rows.push([x.id, task.id, 'HAS_TASK']);
    }
    for (const a of r.assignments) {
      agency(a.agencyId, a.agencyName);
      assigned.rows.push([a.agencyId, a.taskId, a.role, a.task, a.text, a.start, a.end, x.id, 'ASSIGNED']);
    }
    for (const dl of r.deadlines) {
      deadlines.rows.push([dl.id, x.id, dl.date, dl.precision, dl.every, dl.day, dl.weekday, dl.month, dl.monthOfQuarter, dl.durationValue, dl.durationUnit, dl.text, dl.start, dl.end, dl.precision === 'day' ? dl.date : null, 'Deadline']);
      hasDeadline.rows.push([dl.taskId ?? x.id, dl.id, 'HAS_DEADLINE']);
    }
    for (const am of r.amounts) {
      amounts.rows.push([am.id, x.id, am.value, am.unit, am.qualifier, am.text, am.start, am.end, 'Amount']);
      hasAmount.rows.push([am.taskId ?? x.id, am.id, 'HAS_AMOUNT']);
    }
    for (const h of r.holds) {
      agency(h.agencyId, h.agencyName);
      if (once(h.personId)) persons.rows.push([h.personId, h.person, 'Person']);
      holds.rows.push([h.personId, h.agencyId, h.action, h.post, h.date, x.id, h.text, h.start, h.end, 'HOLDS']);
    }
  }
  return {
    'nodes-decrees': decrees, 'nodes-laws': laws, 'nodes-agencies': agencies, 'nodes-gazettes': gazettes, 'nodes-tasks': tasks,
    'nodes-deadlines': deadlines, 'nodes-amounts': amounts, 'nodes-persons': persons,
    'rels-contains': contains, 'rels-issued-by': issuedBy, 'rels-cites': cites, 'rels-has-task': hasTask, 'rels-assigned': assigned,
    'rels-has-deadline': hasDeadline, 'rels-has-amount': hasAmount, 'rels-holds': holds,
  };
}

/** Writes the CSVs and an import.sh that runs neo4j-admin on them. */
export async function writeAdminImport(dir: string, exp: ExportFile): Promise<string[]> {
  const tables = adminImportTables(exp);
  const files: string[] = [];
  for (const [name, table] of Object.entries(tables)) {
    const body = csvLine(table.header) + table.rows.map((r) => csvLine(r)).join('');
    await writeFileAtomic(join(dir, `${name}.csv`), body);
    files.push(`${name}.csv`);
  }
  const args = files.map((f) => `  --${f.startsWith('nodes') ? 'nodes' : 'relationships'}="$here/${f}" \\`).join('\n');
  const script = `#!/usr/bin/env sh
# Bulk-loads this export into an EMPTY database with neo4j-admin (Neo4j 5.x), offline:
#   neo4j stop && sh import.sh [database] && neo4j start
# Then apply the indexes: cypher-shell -f ../graph.cypher runs them first (or see docs/graph-model.md).
set -e
here=$(cd "$(dirname "$0")" && pwd)
neo4j-admin database import full "\${1:-neo4j}" --overwrite-destination=true --multiline-fields=true --array-delimiter=";" \\
${args}
  --verbose
`;
  await writeFileAtomic(join(dir, 'import.sh'), script);
  return [...files, 'import.sh'];
}
