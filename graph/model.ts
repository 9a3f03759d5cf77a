/**
 * The JSON export: a public format, documented field by field in docs/export-format.md.
 * A change that breaks readers bumps SCHEMA_VERSION.
 */
import type { Encoding } from '../corpus/decode.js';
import type { DocNumberParts } from '../corpus/docNumber.js';
import type { Span } from '../corpus/normalize.js';
import type { Warning } from '../corpus/problems.js';
import type { TitleSource } from '../corpus/split.js';

export const SCHEMA_VERSION = 2;

/** A span; for PDF inputs also the page it is printed on (1-based) and its box there, when known. */
export interface Place extends Span {
  page?: number;
  /** [x0, top, x1, bottom] in PDF points from the page's top-left corner. */
  box?: [number, number, number, number] | null;
}

export type CitationKind = 'decree' | 'law' | 'order';
export type CitationRelation = 'basis' | 'implements' | 'refers' | 'repeals' | 'drafts' | 'mentions';
export type Role = 'lead' | 'responsible' | 'participant';

export interface Citation extends Place {
  docNumber: string | null;
  title: string | null;
  kind: CitationKind;
  relation: CitationRelation;
  /** Id of the cited document when it is in the same run, else null (the graph makes a stub). */
  target: string | null;
  /** Set when the cited title names a different document of the run than the cited number. */
  conflict: string | null;
}

/**
 * A document still to be drafted (研究制订《…》) and not in the run: the graph makes it a `:Planned` node,
 * not a stub, and reports do not list it as cited but missing. One the run holds was drafted since.
 */
export const isPlanned = (c: Citation): boolean => c.relation === 'drafts' && !c.target && !!c.title;

/** An agency as printed and its canonical id (see AgencyRecord). */
export interface AgencyRef {
  agency: string;
  agencyId: string;
}

export interface Assignment extends Place, AgencyRef {
  role: Role;
  /** The heading or sentence the assignment belongs to. */
  task: string;
  taskId: string;
}

export interface Amount extends Place {
  value: number;
  unit: string;
  qualifier: string | null;
  /** budget (money set aside), subsidy (paid out, or its cap), rate (per unit, never summed), threshold
   * (a condition or target), estimate (a cost foreseen), other. */
  kind: 'budget' | 'subsidy' | 'rate' | 'threshold' | 'estimate' | 'other';
  /** What the amount is per: 每人每月30元 → [人, 月], 120万元/公里 → [公里]; empty for a plain sum. */
  per: string[];
  taskId: string | null;
}

export interface Recurrence {
  every: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  day?: number;
  weekday?: number;
  month?: number;
  monthOfQuarter?: number;
}

export interface Deadline extends Place {
  /** As stated: YYYY-MM-DD, YYYY-MM, YYYY-Qn or YYYY (see `precision`). */
  date: string | null;
  precision: 'day' | 'month' | 'quarter' | 'year' | null;
  /** The last day the stated date allows (2018年4月前 → 2018-04-30), ISO; null when undated. */
  dueDate: string | null;
  /** `target`: a state to reach by then (到2020年…达到…), not something due. */
  kind: 'deadline' | 'target';
  /** The sentence the deadline governs: what is due, or the target's measure. */
  what: string;
  /** Who a report is sent to (每月20日前报送市发展改革委): not the task's owner. */
  recipients: AgencyRef[];
  recurrence: Recurrence | null;
  duration: { value: number; unit: string } | null;
  taskId: string | null;
}

export interface Appointment extends Place, AgencyRef {
  person: string;
  action: 'appoint' | 'remove';
  post: string;
  date: string | null;
}

/** A name or date as printed in a 版记, with its normalised reading. */
export interface ImprintPart extends Place {
  name: string;
}

export interface Imprint {
  /** 抄送 (also 抄报, 分送): one entry per body, in print order. */
  copyTo: ImprintPart[];
  /** The office that printed it (…办公室　2019年3月26日印发). */
  printedBy: ImprintPart | null;
  /** The printing date: `date` ISO, `text` as printed. */
  printedDate: (Place & { date: string | null }) | null;
}

export interface Keyword {
  word: string;
  weight: number;
}

export interface DocumentRecord {
  id: string;
  docNumber: string | null;
  docNumberParts: DocNumberParts | null;
  title: string;
  issuer: string | null;
  coIssuers: string[];
  docType: string;
  issuedDate: string | null;
  issuesTitle: string | null;
  /** Where the title was read; `file-name` when nothing in the input printed one. */
  titleSource: TitleSource;
  /**
   * What the reader had to guess for this document (rule id + message), and problems that did not stop the
   * input (`pdf/no-text` for a page without a text layer, with its `page`); empty when nothing was.
   */
  warnings: Warning[];
  source: {
    path: string;
    encoding: Encoding | 'pdf';
    format: 'text' | 'html' | 'pdf';
    start: number;
    end: number;
    /** PDF inputs: first and last page the document is printed on. */
    pages?: [number, number];
  };
  /** Where each header fact stands in the decoded source. */
  provenance: { docNumber: Place | null; title: Place[]; issuers: Place[]; issuedDate: Place | null };
  citations: Citation[];
  assignments: Assignment[];
  amounts: Amount[];
  deadlines: Deadline[];
  appointments: Appointment[];
  keywords: Keyword[];
  /**
   * The 版记 closing the document (抄送 list, printing office and date), null when none is printed; absent
   * from exports written before it was read, and from documents read back from the graph.
   */
  imprint?: Imprint | null;
  /** The normalised body for full-text search: its lines joined by \n, each line's [start, end) in the source. */
  body: { text: string; lines: [number, number][] };
}

/** What kind of body an agency is; `collective` names many bodies as one (各县（市、区）人民政府). */
export type AgencyKind = 'government' | 'department' | 'committee' | 'company' | 'peoples-organisation' | 'collective' | 'other';

export interface AgencyRecord {
  id: string;
  name: string;
  kind: AgencyKind;
  aliases: string[];
}

export interface Rejected {
  path: string;
  reason: string;
}

export interface ExportFile {
  schemaVersion: number;
  documents: DocumentRecord[];
  agencies: AgencyRecord[];
  rejected: Rejected[];
}
