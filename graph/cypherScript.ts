import { SCHEMA_VERSION, type AgencyRecord, type DocumentRecord, type ExportFile } from './model.js';
import { SCHEMA } from './schema.js';
import { agencyStatement, documentRows, DROP_ORPHANS, rowsStatement, type DocumentRows, type SourceRow, type Statement } from './statements.js';

/**
 * The Bolt loader's statements as a cypher-shell script: `cypher-shell -f graph.cypher`, written in three
 * parts so a run can stream it (head, one part per document, tail). Values travel as `:param {…}`
 * (evaluated by cypher-shell), never spliced into the queries.
 */
const ESCAPE: Record<string, string> = { '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r' };
const ESCAPED = /[\\'\n\r]/g;
const HAS_ESCAPED = /[\\'\n\r]/;
// Map keys are few and repeat on every row: each is quoted once.
const keys = new Map<string, string>();
const keyText = (k: string) => keys.get(k) ?? keys.set(k, `\`${k.replace(/`/g, '``')}\`: `).get(k)!;

// Written with loops and +=: a run renders millions of rows, and per-value arrays and joins dominated.
function cypherLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return HAS_ESCAPED.test(v) ? `'${v.replace(ESCAPED, (c) => ESCAPE[c]!)}'` : `'${v}'`;
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v).includes('e') ? v.toExponential() : String(v);
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i ? ', ' : '') + cypherLiteral(v[i]);
    return out + ']';
  }
  let out = '{';
  let first = true;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    out += (first ? '' : ', ') + keyText(k) + cypherLiteral(x);
    first = false;
  }
  return out + '}';
}

// All of a statement's parameters in one `:param {…}` map: cypher-shell evaluates each :param with a round
// trip to the server, and one per parameter made the script several times slower.
function statementText(s: Statement): string {
  const params = Object.keys(s.params).length ? `:param ${cypherLiteral(s.params)}\n` : '';
  return `${params}${s.cypher.trim()};\n`;
}

export const cypherScriptHead = () =>
  `// decree-graph export for cypher-shell: cypher-shell -a bolt://127.0.0.1:7687 -f graph.cypher\n// Re-running it replaces each document's facts. schemaVersion ${SCHEMA_VERSION}.\n${SCHEMA.map((q) => `${q};\n`).join('')}`;

export const cypherScriptDocument = (r: DocumentRows) => `// ${r.id}\n${statementText(rowsStatement(r))}`;

/** Agencies last: documents create them by id; their names and aliases are known only at the end. */
export const cypherScriptTail = (agencies: AgencyRecord[]) => statementText(agencyStatement(agencies)) + statementText(DROP_ORPHANS);

/** `sourcesOf`: as in LoadInput, for an export whose documents were chosen one per 发文字号. */
export function cypherScript(exp: ExportFile, sourcesOf?: (d: DocumentRecord) => SourceRow[]): string {
  return cypherScriptHead() + exp.documents.map((d) => cypherScriptDocument(documentRows(d, sourcesOf?.(d)))).join('') + cypherScriptTail(exp.agencies);
}
