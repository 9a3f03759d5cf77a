export type Row = (string | number | null)[];
/** A table's rows: an array, or rows streamed from disk (iterable more than once) with their count. */
export type Rows = Iterable<Row> & { readonly length: number };

/** A report as data; renderers turn it into CSV, JSON, Markdown or HTML. */
export interface Section {
  heading: string;
  columns: string[];
  rows: Rows;
}

export interface Report {
  kind: ReportKind;
  title: string;
  /** The table written as CSV (one CSV per report, for Excel). */
  csv: Section;
  sections: Section[];
  /** The structured form written as JSON: an iterable (written as an array) or an object. */
  data: unknown;
  /** Optional drawing for HTML (the citation graph). */
  svg?: string;
  /** Optional iCalendar file (deadlines), in pieces. */
  ics?: Iterable<string>;
  /** Frees what the report keeps on disk; call once it is written. */
  dispose?: () => void;
}

export const REPORT_KINDS = ['citations', 'gaps', 'agencies', 'deadlines'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const FORMATS = ['csv', 'json', 'md', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** A lazy table: rows made by `make` on each iteration; `length` is asked for only when a renderer needs it. */
export const view = <T>(length: () => number, make: () => Iterable<T>): Iterable<T> & { readonly length: number } => ({
  get length() {
    return length();
  },
  [Symbol.iterator]: () => make()[Symbol.iterator](),
});
