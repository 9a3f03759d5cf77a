import { canonicalDocNumber } from '../docNumber.js';
import type { Header } from '../split.js';
import { headerLike, MAX_TITLE_LINE, ORGAN, organLine, TITLE_END, titleLike, type Line } from './lines.js';
import { adoptionNote } from './lawHistory.js';
import { dateLine, noteDate } from './signature.js';

/** How far into a text its printed header may start (a dateline such as 新华社北京2月13日电 may precede it). */
const TOP_LINES = 8;
const NUMBER_ONLY = /^[（(]?([^（()）]{2,30}?)[）)]?$/;
// （2020年） under a 公告, （2023年5月） under a communiqué: not a full date, part of the header.
const YEAR_ONLY = /^[（(]\d{4}年(?:\d{1,2}月)?[）)]$/;

/** A 关于 line whose 文种 ends the next line: 关于进一步加快… / …的意见. */
const wrappedTitle = (l: Line, next: Line | undefined) =>
  /^.{0,40}关于/.test(l.text) && headerLike(l, MAX_TITLE_LINE) && next !== undefined && headerLike(next, MAX_TITLE_LINE) && TITLE_END.test(next.text);

/** Reads the title at line k into `h` with its issuer(s); returns the title's last line. */
function readTitle(lines: Line[], k: number, h: Header): number {
  const l = lines[k]!;
  const at = l.text.indexOf('关于');
  const own = at > 0 && at <= 40;
  // The title's own issuer (…关于) or the organ lines right above it, not both.
  h.issuers = own ? [[l.s, l.s + at]] : [];
  h.title.push([own ? l.s + at : l.s, l.e]);
  for (let j = k - 1; j >= 0 && !own && headerLike(lines[j]!) && ORGAN.test(lines[j]!.text); j--) h.issuers.unshift([lines[j]!.s, lines[j]!.e]);
  // A title wrapped over two lines: the second ends in its 文种.
  const next = lines[k + 1];
  let last = k;
  if (!TITLE_END.test(l.text) && next && headerLike(next, MAX_TITLE_LINE) && TITLE_END.test(next.text)) {
    h.title.push([next.s, next.e]);
    last = k + 1;
  }
  const after = lines[last + 1];
  if (!after || !parenthesisGoesOn(after)) return last;
  h.title.push([after.s, after.e]);
  return last + 1;
}

// A title's edition or scope set on the line under it: （第八版）, （试行第九版）, （2023—2025年）, （第九版）的通知.
const PARENTHESIS_LINE = /^[（(]([^（()）]{1,24})[）)](.{0,40})$/;

/** The line under a title going on with it in parentheses, not a number, date or year of its own (（2020年）). */
function parenthesisGoesOn(l: Line): boolean {
  const m = PARENTHESIS_LINE.exec(l.text);
  if (!m || !headerLike(l, MAX_TITLE_LINE) || YEAR_ONLY.test(l.text) || dateLine(l) || noteDate(l)) return false;
  if (canonicalDocNumber(m[1]!)) return false;
  return !m[2] || TITLE_END.test(m[2]);
}

// A browser's print of a web page opens with the page's title: headline, separator, site and maybe its
// domain (…精品线路”--湖北省文化和旅游厅（hubei.gov.cn)).
const PAGE_TITLE = /^(.{4,80}?)\s*(?:--|——|_|\|)\s*([\u4e00-\u9fff]{2,30})(?:\s*[（(][\w.-]+[）)])?$/;

/** The headline of a printed page's title line, and the date printed after the headline repeated under it. */
function pageTitle(lines: Line[], k: number, h: Header): number {
  const l = lines[k]!;
  const m = PAGE_TITLE.exec(l.text);
  if (!m || !(organLine(m[2]!) || /网站?$/.test(m[2]!))) return -1;
  h.title.push([l.s, l.s + m[1]!.length]);
  const next = lines[k + 1];
  if (!next?.text.startsWith(m[1]!)) return k;
  const rest = next.text.slice(m[1]!.length).trim();
  const date = rest && dateLine({ s: next.e - rest.length, e: next.e, text: rest });
  if (!date && rest) return k;
  h.date = date || null;
  return k + 1;
}

/**
 * The header of a document printed without a 发文字号 under its title: a 公告 printing only （2020年）,
 * a 决定 or a rule (…办法) with no number, a number alone above the salutation. Read from the first lines,
 * before the first sentence; `null` when the text starts with its body.
 */
export function topHeader(lines: Line[]): Header | null {
  const h: Header = { firstLine: 0, lastLine: -1, kind: 'decree', issuers: [], title: [], docNumber: null, date: null };
  let organAt = -1;
  for (let k = 0; k < Math.min(lines.length, TOP_LINES); k++) {
    const l = lines[k]!;
    if (!headerLike(l, MAX_TITLE_LINE) && !(h.title.length && noteDate(l))) {
      if (/[。；]/.test(l.text) || l.text.length > 60) break; // the body has begun
      continue;
    }
    const num = NUMBER_ONLY.exec(l.text)?.[1];
    const page = k === 0 ? pageTitle(lines, k, h) : -1;
    if (page >= 0) {
      k = page;
    } else if (!h.docNumber && num && canonicalDocNumber(num)) {
      const s = l.s + l.text.indexOf(num);
      h.docNumber = [s, s + num.length];
    } else if (!h.date && h.title.length && noteDate(l)) {
      const note = adoptionNote(lines, k);
      h.date = note.date ?? noteDate(l);
      if (!h.issuers.length && note.issuer) h.issuers.push(note.issuer);
      h.docNumber ??= note.docNumber;
      k = note.last;
    } else if (!h.date && h.title.length && (dateLine(l) || YEAR_ONLY.test(l.text))) {
      h.date = dateLine(l) ?? noteDate(l);
    } else if (!h.title.length && (titleLike(l) || wrappedTitle(l, lines[k + 1]))) {
      k = readTitle(lines, k, h);
    } else if ((!h.issuers.length || organAt === k - 1) && organLine(l.text)) {
      // Bodies printed under a headline (统计公报: 万载县统计局　国家统计局万载调查队), or stacked one a line
      // on a report's cover (深圳市统计局 / 深圳市妇女儿童工作委员会).
      h.issuers.push([l.s, l.e]);
      organAt = k;
    } else if (h.title.length || h.docNumber) {
      break;
    } else {
      continue;
    }
    h.lastLine = k;
  }
  return h.lastLine >= 0 ? h : null;
}
