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

/** The sentence (between 。；！？ or line ends) around position i. */
export function sentenceAround(text: string, s: number, e: number): { start: number; end: number } {
  let a = s;
  while (a > 0 && !/[。；！？\n]/.test(text[a - 1]!)) a--;
  let b = e;
  while (b < text.length && !/[。；！？\n]/.test(text[b]!)) b++;
  return { start: a, end: b };
}

/** A list item's mark at the start of a sentence: 1. / （三） / 二、 / 一是 / 第十八条. */
export const ITEM_MARK = /^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+[、是]|第[一二三四五六七八九十百]+条)\s*/;
