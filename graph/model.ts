/**
 * The JSON export: a public format, documented field by field in docs/export-format.md.
 * A change that breaks readers bumps SCHEMA_VERSION.
 */
import type { Encoding } from '../corpus/decode.js';
import type { DocNumberParts } from '../corpus/docNumber.js';
import type { Span } from '../corpus/normalize.js';

export const SCHEMA_VERSION = 1;

export type CitationKind = 'decree' | 'law' | 'order';
export type CitationRelation = 'basis' | 'implements' | 'refers' | 'repeals' | 'mentions';
export type Role = 'lead' | 'responsible' | 'participant';

export interface Citation extends Span {
  docNumber: string | null;
  title: string | null;
  kind: CitationKind;
  relation: CitationRelation;
  /** Id of the cited document when it is in the same run, else null (the graph makes a stub). */
  target: string | null;
  /** Set when the cited title names a different document of the run than the cited number. */
  conflict: string | null;
}

export interface Assignment extends Span {
  agency: string;
  agencyId: string;
  role: Role;
  /** The heading or sentence the assignment belongs to. */
  task: string;
  taskId: string;
}

export interface Amount extends Span {
  value: number;
  unit: string;
  qualifier: string | null;
  taskId: string | null;
}

export interface Recurrence {
  every: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
  day?: number;
  weekday?: number;
  month?: number;
  monthOfQuarter?: number;
}

export interface Deadline extends Span {
  date: string | null;
  precision: 'day' | 'month' | 'year' | null;
  recurrence: Recurrence | null;
  duration: { value: number; unit: string } | null;
  taskId: string | null;
}

export interface Appointment extends Span {
  person: string;
  action: 'appoint' | 'remove';
  post: string;
  agency: string;
  agencyId: string;
  date: string | null;
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
  source: { path: string; encoding: Encoding; format: 'text' | 'html'; start: number; end: number };
  /** Where each header fact stands in the decoded source. */
  provenance: { docNumber: Span | null; title: Span[]; issuers: Span[]; issuedDate: Span | null };
  citations: Citation[];
  assignments: Assignment[];
  amounts: Amount[];
  deadlines: Deadline[];
  appointments: Appointment[];
  keywords: Keyword[];
  /** The normalised body for full-text search: its lines joined by \n, each line's [start, end) in the source. */
  body: { text: string; lines: [number, number][] };
}

export interface AgencyRecord {
  id: string;
  name: string;
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
