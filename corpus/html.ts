import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { isField, metadata, pageTitle, type PageMeta } from './htmlMeta.js';
import { shortText, textOf, type TextView } from './htmlText.js';
import { reject } from './problems.js';

export type { TextView } from './htmlText.js';

export interface HtmlPage {
  /** Metadata values from the disclosure table, each as text with its source map. */
  meta: PageMeta;
  /** The page's own headline (ArticleTitle, title block, <title> without the site name), if any. */
  title: TextView | null;
  body: TextView;
}

const NOISE = 'script, style, noscript, iframe, nav, header, footer, form, [class*="share"], [class*="footer"], [class*="nav"], [id*="footer"], [id*="nav"]';
const BODY = ['#zoom', '.TRS_Editor', '.article-content', '.pages_content', '#UCAP-CONTENT', '.content', 'article', '#content', '.article', '.main'];

/** Reads a government information-disclosure page: metadata fields, headline and article body. */
export function readHtml(html: string): HtmlPage {
  const $ = load(html, { sourceCodeLocationInfo: true });
  const title = pageTitle($, html);
  $(NOISE).remove();
  const meta = metadata($, html);
  // The metadata table is not body text.
  $('table').filter((_i, t) => $(t).find('td, th').toArray().some((c) => isField(shortText(c) ?? ''))).remove();
  let container: Element | undefined;
  for (const sel of BODY) {
    const found = $(sel).toArray().sort((a, b) => $(b).text().length - $(a).text().length)[0];
    if (found?.type === 'tag' && $(found).text().trim().length > 20) { container = found as Element; break; }
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
