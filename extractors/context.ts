import { sourceSpan, type Span } from '../corpus/normalize.js';
import type { SourceDocument } from '../corpus/split.js';
import type { DocumentMeta } from './metadata.js';
import { sections, type Section } from './sections.js';

/** What every extractor gets: one document, its metadata (reference date, place) and a span mapper. */
export interface ExtractContext {
  doc: SourceDocument;
  meta: DocumentMeta;
  /** Normalised text of the document. */
  text: string;
  /** Maps [s, e) of `text` to the decoded source. */
  span(s: number, e: number): Span;
  /** The document's sections (heading + text under it), computed once: tasks, deadlines and amounts share them. */
  readonly sections: Section[];
}

export function makeContext(doc: SourceDocument, meta: DocumentMeta, source: string): ExtractContext {
  let cached: Section[] | null = null;
  const ctx: ExtractContext = {
    doc,
    meta,
    text: doc.norm.text,
    span: (s, e) => sourceSpan(doc.norm, source, s, e),
    get sections() {
      return (cached ??= sections(ctx));
    },
  };
  return ctx;
}

/**
 * Farthest a sentence is looked for on either side of a match. A real sentence is shorter; a page with
 * no punctuation (one "sentence" of 400 KB) must not cost a scan of the whole text per match.
 */
export const MAX_SENTENCE = 1000;

const isStop = (c: number) => c === 0x3002 /* 。 */ || c === 0xff1b /* ； */ || c === 0xff01 /* ！ */ || c === 0xff1f /* ？ */ || c === 0x0a;

/** The sentence (between 。；！？ or line ends) around [s, e), at most `limit` characters either side. */
export function sentenceAround(text: string, s: number, e: number, limit = MAX_SENTENCE): { start: number; end: number } {
  const lo = Math.max(0, s - limit);
  let a = s;
  while (a > lo && !isStop(text.charCodeAt(a - 1))) a--;
  const hi = Math.min(text.length, e + limit);
  let b = e;
  while (b < hi && !isStop(text.charCodeAt(b))) b++;
  return { start: a, end: b };
}

/** A list item's mark at the start of a sentence: 1. / （三） / 二、 / 一是 / 第十八条. */
export const ITEM_MARK = /^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十百]+条)\s*/;
