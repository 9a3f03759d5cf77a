import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { reject } from './problems.js';

/** Plain text read out of HTML, with the HTML source offset of every character. */
export interface TextView {
  text: string;
  map: number[];
}

export interface HtmlPage {
  /** Metadata values from the disclosure table, each as text with its source map. */
  meta: Partial<Record<'docNumber' | 'date' | 'issuer' | 'title', TextView>>;
  body: TextView;
}

const LABELS: [keyof HtmlPage['meta'], RegExp][] = [
  ['docNumber', /^(?:发文字号|文号|发文号)$/],
  ['date', /^(?:成文日期|发文日期|印发日期|发布日期)$/],
  ['issuer', /^(?:发文机关|发布机构|发文单位|发文机构)$/],
  ['title', /^(?:标题|名称|文件名称)$/],
];
const NOISE = 'script, style, noscript, iframe, nav, header, footer, form, [class*="share"], [class*="footer"], [class*="nav"], [id*="footer"], [id*="nav"]';
const BODY = ['#zoom', '.TRS_Editor', '.article-content', '.pages_content', '#UCAP-CONTENT', '.content', 'article', '#content', '.article', '.main'];
const BLOCK = new Set(['p', 'div', 'br', 'tr', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'section', 'article', 'td', 'th']);
const squash = (s: string) => s.replace(/[\s\u00a0\u3000\u2002\u2003:：]+/g, '');

/** Appends one text node to `view`; each character maps to its place in `html`. */
function appendData(html: string, data: string, start: number, view: TextView): void {
  let i = start;
  for (let j = 0; j < data.length; j++) {
    view.text += data[j];
    view.map.push(i);
    // An entity (&nbsp; &emsp; &#12289;) is one character in the text and several in the source.
    if (html[i] === '&') {
      const semi = html.indexOf(';', i);
      i = semi > i && semi - i <= 10 ? semi + 1 : i + 1;
    } else {
      i += html.codePointAt(i)! > 0xffff ? 2 : 1;
      if (data.codePointAt(j)! > 0xffff) { view.text += data[++j]; view.map.push(i - 1); }
    }
  }
}

function newline(view: TextView, at: number): void {
  if (view.text && !view.text.endsWith('\n')) { view.text += '\n'; view.map.push(at); }
}

/** The text under `root`, block elements on lines of their own. Iterative: nesting depth is the page's, not the stack's. */
function appendText(html: string, root: AnyNode, view: TextView): void {
  const stack: (AnyNode | { close: number })[] = [root];
  while (stack.length) {
    const item = stack.pop()!;
    if ('close' in item) { newline(view, item.close); continue; }
    if (item.type === 'text') { appendData(html, item.data, item.sourceCodeLocation?.startOffset ?? 0, view); continue; }
    if (item.type !== 'tag' && item.type !== 'root') continue;
    const el = item as Element;
    const at = el.sourceCodeLocation?.startOffset ?? 0;
    const block = item.type === 'tag' && BLOCK.has(el.name);
    if (block) { newline(view, at); stack.push({ close: el.sourceCodeLocation?.endOffset ?? at }); }
    for (let k = el.children.length - 1; k >= 0; k--) stack.push(el.children[k]!);
  }
}

function textOf(html: string, nodes: AnyNode[]): TextView {
  const view: TextView = { text: '', map: [] };
  for (const n of nodes) appendText(html, n, view);
  return view;
}

/**
 * The text of a short element (a label cell), walked iteratively; null once it passes `limit` characters
 * or nodes. cheerio's `.text()` recurses (a stack overflow at ~3,000 nested tables) and reads the whole
 * subtree of every cell it is asked about (quadratic on nested tables).
 */
function shortText(root: AnyNode, limit = 200): string | null {
  let text = '';
  let nodes = 0;
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (++nodes > limit) return null;
    if (n.type === 'text') text += n.data;
    else if ('children' in n) for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k]!);
    if (text.length > limit) return null;
  }
  return text;
}

/** Elements whose whole text is a metadata label (发文字号, 成文日期, …), with the field they name. */
function labelsOf($: CheerioAPI, selector: string): [Element, keyof HtmlPage['meta']][] {
  const out: [Element, keyof HtmlPage['meta']][] = [];
  for (const el of $(selector).toArray()) {
    const text = shortText(el);
    const hit = text === null ? undefined : LABELS.find(([, re]) => re.test(squash(text)));
    if (hit) out.push([el as Element, hit[0]]);
  }
  return out;
}

/** Length of the text under every node, computed once bottom-up (no recursion, no re-reading). */
function textLengths(root: AnyNode): Map<AnyNode, number> {
  const len = new Map<AnyNode, number>();
  const stack: [AnyNode, boolean][] = [[root, false]];
  while (stack.length) {
    const [n, done] = stack.pop()!;
    if (n.type === 'text') len.set(n, n.data.length);
    else if (!('children' in n)) len.set(n, 0);
    else if (done) len.set(n, n.children.reduce((sum, c) => sum + (len.get(c) ?? 0), 0));
    else {
      stack.push([n, true]);
      for (const c of n.children) stack.push([c, false]);
    }
  }
  return len;
}

function metadata($: CheerioAPI, html: string): HtmlPage['meta'] {
  const meta: HtmlPage['meta'] = {};
  for (const [el, field] of labelsOf($, 'td, th, dt, span, label, b, strong')) {
    if (meta[field]) continue;
    // The value is the next cell (td/dd) or the label element's next sibling.
    const next = $(el).next();
    if (!next.length) continue;
    const view = textOf(html, [next[0]!]);
    if (view.text.trim()) meta[field] = view;
  }
  return meta;
}

/** Reads a government information-disclosure page: metadata table + article body. */
export function readHtml(html: string): HtmlPage {
  const $ = load(html, { sourceCodeLocationInfo: true });
  $(NOISE).remove();
  const meta = metadata($, html);
  // The metadata table is not body text: every table holding a label cell goes.
  const tables = new Set<Element>();
  for (const [cell] of labelsOf($, 'td, th')) for (let p = cell.parent; p; p = p.parent) if (p.type === 'tag' && (p as Element).name === 'table') tables.add(p as Element);
  $([...tables]).remove();
  const len = textLengths($.root()[0]!);
  let container: Element | undefined;
  for (const sel of BODY) {
    const found = $(sel).toArray().sort((a, b) => len.get(b)! - len.get(a)!)[0];
    if (found?.type === 'tag' && textOf(html, [found]).text.trim().length > 20) { container = found as Element; break; }
  }
  const root: AnyNode | undefined = container ?? $('body')[0];
  if (!root) reject('html/no-body', 'unexpected HTML without a <body>, expected a page with the document text');
  const body = textOf(html, [root]);
  if (!body.text.trim()) reject('html/no-body', 'unexpected HTML page with an empty body, expected the document text');
  return { meta, body };
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html|<head|<body|<meta|<div|<table)/i.test(text.slice(0, 2048));
}
