import type { ExportFile } from './model.js';
import { SCHEMA } from './schema.js';
import { agencyStatement, documentStatement, DROP_ORPHANS, type Statement } from './statements.js';

/**
 * The Bolt loader's statements as a cypher-shell script: `cypher-shell -f graph.cypher`.
 * Values travel as `:param` (evaluated by cypher-shell), never spliced into the queries.
 */
export function cypherLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v).includes('e') ? v.toExponential() : String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(cypherLiteral).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `\`${k.replace(/`/g, '``')}\`: ${cypherLiteral(x)}`)
    .join(', ')}}`;
}

function statementText(s: Statement): string {
  const params = Object.entries(s.params).map(([k, v]) => `:param ${k} => ${cypherLiteral(v)}\n`);
  return `${params.join('')}${s.cypher.trim()};\n`;
}

export function cypherScript(exp: ExportFile): string {
  const parts = [
    `// decree-graph export for cypher-shell: cypher-shell -a bolt://127.0.0.1:7687 -f graph.cypher\n// ${exp.documents.length} documents, schemaVersion ${exp.schemaVersion}. Re-running it replaces each document's facts.\n`,
    ...SCHEMA.map((q) => `${q};\n`),
    statementText(agencyStatement(exp.agencies)),
    ...exp.documents.flatMap((d) => [`// ${d.id}\n`, statementText(documentStatement(d))]),
    statementText(DROP_ORPHANS),
  ];
  return parts.join('');
}
