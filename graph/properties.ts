/**
 * The stored type of every property the graph writes, in one place. The three load paths must give the
 * same typed graph: the Bolt driver sends every JS number as a FLOAT and cypher-shell reads `30` as an
 * INTEGER, so the statements convert each value by its declared type (toInteger, toFloat, date), and the
 * neo4j-admin CSV headers carry the same types (`year:int`, `dueDate:date`).
 */
export type PropertyType = 'string' | 'int' | 'float' | 'date' | 'boolean' | 'string[]' | 'int[]';

export type Properties = Record<string, PropertyType>;

const span: Properties = { text: 'string', start: 'int', end: 'int' };

export const DECREE: Properties = {
  id: 'string', docNumber: 'string', prefix: 'string', year: 'int', serial: 'int', title: 'string', titleKey: 'string',
  issuesKey: 'string', issuer: 'string', docType: 'string', issuedDate: 'date', issuesTitle: 'string',
  keywords: 'string[]', sourcePath: 'string', sourceStart: 'int', sourceEnd: 'int', hash: 'string',
};
export const LAW: Properties = { id: 'string', title: 'string', docNumber: 'string' };
export const PLANNED: Properties = { id: 'string', title: 'string', titleKey: 'string' };
export const BODY: Properties = { id: 'string', text: 'string', start: 'int', end: 'int', lineStarts: 'int[]', lineEnds: 'int[]' };
export const TASK: Properties = { id: 'string', heading: 'string' };
export const CITES: Properties = { relation: 'string', kind: 'string', docNumber: 'string', title: 'string', ...span, conflict: 'string' };
export const ASSIGNED: Properties = { role: 'string', task: 'string', ...span };
export const DEADLINE: Properties = {
  id: 'string', kind: 'string', date: 'string', precision: 'string', dueDate: 'date', what: 'string', every: 'string', day: 'int',
  weekday: 'int', month: 'int', monthOfQuarter: 'int', durationValue: 'int', durationUnit: 'string', ...span,
};
export const AMOUNT: Properties = { id: 'string', value: 'float', unit: 'string', qualifier: 'string', kind: 'string', per: 'string[]', ...span };
export const AGENCY: Properties = { id: 'string', name: 'string', kind: 'string', aliases: 'string[]' };
/** Where a record of a decree stands in an input; `chosen` marks the record the graph holds. */
export const CONTAINS: Properties = { start: 'int', end: 'int', format: 'string', chosen: 'boolean' };
export const APPOINTMENT: Properties = { id: 'string', action: 'string', post: 'string', date: 'date', ...span };

const CONVERT: Record<PropertyType, (e: string) => string> = {
  string: (e) => e,
  boolean: (e) => e,
  'string[]': (e) => e,
  int: (e) => `toInteger(${e})`,
  float: (e) => `toFloat(${e})`,
  date: (e) => `date(${e})`,
  'int[]': (e) => `[x IN ${e} | toInteger(x)]`,
};

/** A Cypher map of `props` read from `row`, each value converted to its type: `{id: row.id, year: toInteger(row.year)}`. */
export function typedMap(props: Properties, row: string): string {
  return `{${Object.entries(props)
    .map(([k, t]) => `${k}: ${CONVERT[t](`${row}.${k}`)}`)
    .join(', ')}}`;
}

const CSV_TYPE: Record<PropertyType, string> = { string: '', boolean: ':boolean', 'string[]': ':string[]', int: ':int', float: ':double', date: ':date', 'int[]': ':int[]' };

/** neo4j-admin header cells for `props`, in their order. */
export const csvHeader = (props: Properties): string[] => Object.entries(props).map(([k, t]) => k + CSV_TYPE[t]);

/** The values of `props` from `row`, in header order. */
export const csvValues = (props: Properties, row: object): unknown[] => Object.keys(props).map((k) => (row as Record<string, unknown>)[k]);
