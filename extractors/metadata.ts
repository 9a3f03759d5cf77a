import { createHash } from 'node:crypto';
import { findDate } from '../corpus/dates.js';
import { canonicalDocNumber, type DocNumberParts } from '../corpus/docNumber.js';
import type { Problem } from '../corpus/problems.js';
import type { Range, SourceDocument, TitleSource } from '../corpus/split.js';

export interface DocumentMeta {
  id: string;
  docNumber: string | null;
  docNumberParts: DocNumberParts | null;
  title: string;
  issuer: string | null;
  coIssuers: string[];
  docType: string;
  issuedDate: string | null;
  /** For 印发/转发 notices: the title of the document issued (现将《…》印发给你们). */
  issuesTitle: string | null;
  titleSource: TitleSource;
  /** What the reader guessed (no header, title from the file name, …), as problems. */
  warnings: Problem[];
}

/** 文种 at the end of a title, longest first (实施意见 is an 意见). */
const DOC_TYPE = /(意见|通知|通报|通告|公告|决定|决议|命令|令|公报|报告|请示|批复|议案|函|纪要|方案|办法|规划|政策|细则|规定|纲要|计划|条例|规则)$/;
const ISSUES_IN_BODY = /现将《([^》]{2,80})》(?:印发|转发)给/;
const ISSUES_IN_TITLE = /关于(?:印发|转发)(.+?)的通知$/;

/**
 * Removes layout whitespace: line wraps inside a title, and (already gone after normalisation) spaces next
 * to CJK text. A space between two ASCII words is the text's own and stays.
 */
export const compact = (s: string) => s.replace(/\s*\n\s*/g, '').replace(/(?<=[^\x00-\x7f])\s+|\s+(?=[^\x00-\x7f])/g, '').replace(/\s+/g, ' ').trim();
const textOf = (doc: SourceDocument, r: Range) => doc.norm.text.slice(r[0], r[1]);

/** A 任免 list has no number: it is known by who decided and when (`任免:郑州市人民政府:2018-04-10`), an id an analyst can type. */
const appointmentsId = (issuers: string[], date: string | null, title: string) => `任免:${issuers.join('、')}:${date ?? title}`;

export function documentMeta(doc: SourceDocument): DocumentMeta {
  const h = doc.header;
  const number = h.docNumber ? canonicalDocNumber(textOf(doc, h.docNumber)) : null;
  const printed = h.issuers.map((r) => compact(textOf(doc, r)));
  const issuers = h.signers ? h.signers.map((r) => compact(textOf(doc, r))) : printed;
  const titleRest = compact(h.title.map((r) => textOf(doc, r)).join('')) || (doc.fallbackTitle ?? '');
  // GB/T 9704: the full title is issuer + 关于…; gazettes print the issuer on its own line above.
  const title = doc.kind === 'decree' && titleRest.startsWith('关于') ? printed.join('') + titleRest : titleRest;
  const body = doc.norm.text.slice(doc.bodyStart);
  // A 任免 list is dated by its decision line (2018年4月10日决定，任命：); a decree never by its body.
  const dateText = h.date ? textOf(doc, h.date) : doc.kind === 'appointments' ? body.slice(0, 400) : '';
  const issued = findDate(dateText);
  const issuesTitle = ISSUES_IN_BODY.exec(body.slice(0, 600))?.[1] ?? ISSUES_IN_TITLE.exec(title)?.[1] ?? null;
  const docType = doc.kind === 'appointments' ? '任免' : DOC_TYPE.exec(title)?.[1] ?? '其他';
  const parts = number ? { prefix: number.prefix, year: number.year, serial: number.serial } : null;
  const issuedDate = issued?.iso ?? null;
  return {
    id: number?.canonical ?? (doc.kind === 'appointments' ? appointmentsId(issuers, issuedDate, title) : `doc:${createHash('sha1').update(`${issuers.join('、')}|${title}|${issuedDate}`).digest('hex').slice(0, 12)}`),
    docNumber: number?.canonical ?? null,
    docNumberParts: parts,
    title,
    issuer: issuers[0] ?? null,
    coIssuers: issuers.slice(1),
    docType,
    issuedDate,
    issuesTitle: issuesTitle && compact(issuesTitle),
    titleSource: doc.titleSource,
    warnings: doc.warnings,
  };
}
