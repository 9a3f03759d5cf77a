import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { appendData, shortText, textOf, type TextView } from './htmlText.js';

export type MetaKey = 'docNumber' | 'date' | 'published' | 'issuer' | 'publisher' | 'title';
/** Metadata values of a disclosure page; `null` where the field says there is none (文号：无). */
export type PageMeta = Partial<Record<MetaKey, TextView | null>>;

const LABELS: [MetaKey, RegExp][] = [
  ['docNumber', /^(?:发文字号|文号|发文号|文件编号)$/],
  ['date', /^(?:成文日期|发文日期|印发日期|成文时间)$/],
  ['published', /^(?:发布日期|公布日期|发布时间)$/],
  ['issuer', /^(?:发文机关|发文单位|发文机构)$/],
  ['publisher', /^(?:发布机构|发布单位)$/],
  ['title', /^(?:标题|名称|文件名称)$/],
];
const NONE = /^(?:无|暂无|-+|—+|\/)$/;
const CANDIDATES = 'td, th, dt, dd, li, p, div, span, label, b, strong, em, font';
const MAX_FIELD = 200;
export const squash = (s: string) => s.replace(/[\s\u00a0\u3000\u2002\u2003:：]+/g, '');
const labelOf = (s: string) => LABELS.find(([, re]) => re.test(squash(s)))?.[0];

/** The part of `view` from `s` to the end of its line, trimmed. */
function cut(view: TextView, s: number): TextView {
  let e = view.text.indexOf('\n', s);
  if (e < 0) e = view.text.length;
  while (s < e && /[\s\u00a0\u3000:：]/.test(view.text[s]!)) s++;
  while (e > s && /[\s\u00a0\u3000]/.test(view.text[e - 1]!)) e--;
  return { text: view.text.slice(s, e), map: view.map.slice(s, e) };
}

/**
 * The value after a label element: the text that follows it in the same cell (`<b>文号:</b> 赣府…`,
 * `<span>文号</span>：…`), else the next element (`<td>` after `<td>`, `<dd>` after `<dt>`).
 */
function valueAfter(html: string, el: Element): TextView | null {
  const view: TextView = { text: '', map: [] };
  for (let n: AnyNode | null = el.nextSibling; n; n = n.nextSibling) {
    if (n.type === 'text') {
      appendData(html, n.data, n.sourceCodeLocation?.startOffset ?? 0, view);
      continue;
    }
    if (squash(view.text) || n.type !== 'tag') break;
    if (labelOf(textOf(html, [n]).text)) return null; // the next label: this one is empty
    return cut(textOf(html, [n]), 0);
  }
  return squash(view.text) ? cut(view, 0) : null;
}

const LABEL_IN_TEXT = /^[\s\u00a0\u3000]*([^\s:：\n][^:：\n]{0,12}?)[\s\u00a0\u3000]*[:：]/;

/** A metadata cell: a label alone, or a label with its value (`文　号：赣府厅发〔2020〕6号`). */
export function isField(text: string): boolean {
  const m = LABEL_IN_TEXT.exec(text);
  return Boolean(labelOf(text) ?? (m && labelOf(m[1]!)));
}

/** Label/value pairs in every form disclosure pages print them: cells, dl/dt/dd, div/span/li, one text. */
export function metadata($: CheerioAPI, html: string): PageMeta {
  const meta: PageMeta = {};
  // TRS-style CMS pages give the publication time in a meta tag when no field prints it.
  const pub = metaContent($, html, 'PubDate');
  $(CANDIDATES).each((_i, el) => {
    const raw = shortText(el, MAX_FIELD);
    if (raw === null) return; // a container, not a field
    let key = labelOf(raw);
    let value: TextView | null = null;
    if (key) {
      if (key in meta) return;
      value = valueAfter(html, el);
    } else {
      // Label and value in one text: `<td>文　号：赣府厅发〔2020〕6号</td>`, `<li>发文字号：…</li>`.
      const view = textOf(html, [el]);
      const m = LABEL_IN_TEXT.exec(view.text);
      key = m ? labelOf(m[1]!) : undefined;
      if (!key || key in meta) return;
      value = cut(view, m![0].length);
    }
    if (!value || !squash(value.text) || labelOf(value.text)) return;
    meta[key] = NONE.test(squash(value.text)) ? null : value;
  });
  if (pub && !meta.published) meta.published = pub;
  return meta;
}

const SITE_SEPARATOR = /\s*[_|｜]\s*|\s+[-–—]\s+|\s+/g;
// `…-宜春市人民政府`, `…—中国政府网`: a site name after a dash (a dash inside a title, 2025-2030年, stays).
// A short name of letters only after the last dash is a site section (…-纪检, …—要闻).
const SITE_SUFFIX = /\s*[-–—]\s*(?:[^-–—\s]{2,30}(?:网|网站|门户|政府|平台)|[\u4e00-\u9fff]{2,6})\s*$/;

/** The longest part of a `<title>` cut at site separators: the page's own headline without the site name. */
function headlineOf(view: TextView): TextView | null {
  const text = view.text.replace(SITE_SUFFIX, '');
  let best: [number, number] = [0, 0];
  let s = 0;
  const consider = (e: number) => { if (e - s > best[1] - best[0]) best = [s, e]; };
  for (const m of text.matchAll(SITE_SEPARATOR)) { consider(m.index!); s = m.index! + m[0].length; }
  consider(text.length);
  return best[1] > best[0] ? { text: view.text.slice(best[0], best[1]), map: view.map.slice(best[0], best[1]) } : null;
}

/** The value of `<meta name=…>` as text mapped to its place in the attribute. */
function metaContent($: CheerioAPI, html: string, name: string): TextView | null {
  const el = $(`meta[name="${name}" i]`)[0];
  const loc = (el?.sourceCodeLocation as { attrs?: Record<string, { startOffset: number }> } | undefined)?.attrs?.content;
  const value = el?.attribs.content?.trim();
  if (!el || !loc || !value) return null;
  const at = html.indexOf(value.slice(0, 1), html.indexOf('=', loc.startOffset) + 1);
  const view: TextView = { text: '', map: [] };
  appendData(html, value, at, view);
  return view;
}

/**
 * The page's headline when no metadata field names the title: `<meta name="ArticleTitle">`, a title
 * block printed outside the article (h1, .title), or `<title>` without the site name.
 */
export function pageTitle($: CheerioAPI, html: string): TextView | null {
  const article = metaContent($, html, 'ArticleTitle');
  if (article && squash(article.text).length >= 4) return article;
  const title = $('title')[0];
  const full = title ? textOf(html, [title]) : null;
  const head = full && headlineOf(full);
  const inPage = $('h1, h2, [class*="title" i], [id*="title" i]').toArray().find((e) => {
    const t = squash(shortText(e) ?? '');
    return t.length >= 4 && t.length <= 160 && !/[。；]/.test(t) && (!head || squash(full!.text).includes(t) || t.includes(squash(head.text)));
  });
  if (inPage) {
    const v = textOf(html, [inPage]);
    const line = v.text.split('\n').map((l) => l.trim()).find((l) => l.length >= 4);
    if (line) return cut(v, v.text.indexOf(line));
  }
  return head;
}
