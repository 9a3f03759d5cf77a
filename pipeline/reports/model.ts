/** A report as data; renderers turn it into CSV, JSON, Markdown or HTML. */
export interface Section {
  heading: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface Report {
  kind: ReportKind;
  title: string;
  /** The table written as CSV (one CSV per report, for Excel). */
  csv: Section;
  sections: Section[];
  /** The structured form written as JSON. */
  data: unknown;
  /** Optional drawing for HTML (the citation graph). */
  svg?: string;
  /** Optional iCalendar file (deadlines). */
  ics?: string;
}

export const REPORT_KINDS = ['citations', 'gaps', 'agencies', 'deadlines'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];
export const FORMATS = ['csv', 'json', 'md', 'html'] as const;
export type Format = (typeof FORMATS)[number];
