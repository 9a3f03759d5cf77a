import { slice, type NormText } from '../normalize.js';
import type { Hints } from './hints.js';
import { lawHistory } from './lawHistory.js';
import { linesOf } from './lines.js';

/** What a Markdown export prints above the document text, and where the text starts. */
export interface MarkdownHead {
  hints: Hints;
  bodyStart: number;
}

const HEADING = /^#(?!#)\s*(.+)$/;
const FIELD = /^\*\*([^*]{2,8})\*\*\s*[:：]\s*(.*)$/;
const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/;
const SECTION = /^#{2,6}\s/;
const INFO_END = '<!-- INFO END -->';
type Key = 'date' | 'published' | 'issuer' | 'publisher' | 'docNumber';
const FIELDS: [Key, RegExp][] = [
  ['date', /^(?:成文日期|发文日期|印发日期)$/],
  ['published', /^(?:发布日期|公布日期|发布时间)$/],
  ['issuer', /^(?:发文机关|发文单位)$/],
  ['publisher', /^(?:发布机构|发布单位|来源单位)$/],
  ['docNumber', /^(?:发文字号|文号)$/],
];

export const looksLikeMarkdown = (text: string) => /^\s*#(?!#)\s*\S/.test(text);

/**
 * Reads the head of a Markdown export: `# title`, `**发布日期**: …` field lines, `---` rules and `## 正文`
 * section headings (policy crawlers), or title + history lines closed by `<!-- INFO END -->` (LawRefBook,
 * where the 公布 line prints the order number and the last line dates the version in force).
 */
export function readMarkdownHead(norm: NormText): MarkdownHead {
  const { text } = norm;
  const hints: Hints = {};
  const lines = linesOf(text);
  const heading = lines[0] && HEADING.exec(lines[0].text);
  if (!heading) return { hints, bodyStart: 0 };
  const t0 = lines[0]!.e - heading[1]!.length;
  hints.title = { text: slice(norm, t0, lines[0]!.e), source: 'metadata', wins: false };
  const info = text.indexOf(INFO_END);
  if (info >= 0) {
    const history = lines.filter((l) => l.e <= info && l !== lines[0]);
    Object.assign(hints, lawHistory(norm, history));
    return { hints, bodyStart: info + INFO_END.length };
  }
  let bodyStart = lines[0]!.e;
  for (const l of lines.slice(1)) {
    const f = FIELD.exec(l.text);
    if (!f && !RULE.test(l.text) && !SECTION.test(l.text)) break;
    bodyStart = l.e;
    const key = f && FIELDS.find(([, re]) => re.test(f[1]!.replace(/\s/g, '')))?.[0];
    const value = f?.[2]!.trim();
    if (key && value) hints[key] = slice(norm, l.e - value.length, l.e);
  }
  return { hints, bodyStart };
}
