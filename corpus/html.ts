import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isField, metadata, pageTitle, type PageMeta } from './htmlMeta.js';
import { shortText, textLengths, textOf, type TextView } from './htmlText.js';
import { reject } from './problems.js';

export type { TextView } from './htmlText.js';

export interface HtmlPage {
  /** Metadata values from the disclosure table, each as text with its source map. */
  meta: PageMeta;
  /** The page's own headline (ArticleTitle, title block, <title> without the site name), if any. */
  title: TextView | null;
  body: TextView;
}

const NOISE = 'script, style, noscript, iframe, nav, header, footer, input, select, button, textarea, [class*="share"], [class*="footer"], [class*="nav"], [id*="footer"], [id*="nav"]';
// A form is a search box or a login, unless it holds the article (some CMSs wrap the whole text in one).
const FORM_TEXT = 100;
const BODY = ['#zoom', '.TRS_Editor', '.article-content', '.pages_content', '#UCAP-CONTENT', '.content', 'article', '#content', '.article', '.main'];

/** Reads a government information-disclosure page: metadata fields, headline and article body. */
export function readHtml(html: string): HtmlPage {
  const $ = load(html, { sourceCodeLocationInfo: true });
  const title = pageTitle($, html);
  $(NOISE).remove();
  $('form').filter((_, f) => $(f).text().trim().length < FORM_TEXT).remove();
  const meta = metadata($, html);
  // The metadata table is not body text: the table right around each field cell goes (found from the cell
  // up, not by searching every table's subtree, which is quadratic on nested tables; not the outer tables,
  // which on older sites lay out the whole page).
  const tables = new Set<AnyNode>();
  for (const cell of $('td, th').toArray()) {
    if (!isField(shortText(cell) ?? '')) continue;
    let p = cell.parent;
    while (p && !(p.type === 'tag' && (p as Element).name === 'table')) p = p.parent;
    if (p) tables.add(p);
  }
  $([...tables]).remove();
  // Text lengths computed once, bottom-up: cheerio's .text() recurses and re-reads nested subtrees.
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
  return { meta, title, body };
}

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html|<head|<body|<meta|<div|<table)/i.test(text.slice(0, 2048));
}
