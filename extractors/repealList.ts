import type { Citation, CitationKind } from '../graph/model.js';

/**
 * A repeal said of the list that follows it, one title per numbered line and no 《》 (a law's 附件:
 * `…下列条例、补充规定和决定…予以废止：` then `1.关于惩治走私罪的补充规定`). Each listed title is repealed.
 */

// The sentence announcing the list: it names the titles as 下列 and repeals them, ending in a colon.
/** The words that repeal a document (shared with the citations' relation). */
export const REPEAL_VERB = '废止|停止执行|不再执行|停止施行|不再施行|不再适用';
const ANNOUNCE = new RegExp(`下列[^。；\\n]{0,80}(?:${REPEAL_VERB})[:：]\\s*$`);
// One item: 1. / 1、 / （1） then a title, nothing after it.
const ITEM = /^\s*(?:\d{1,3}[.．、]|[（(]\d{1,3}[）)])\s*([^。；，：\n]{4,120}?)\s*[。；]?\s*$/;
const KIND = /(?:法|条例|法典|规定|决定|决议|办法|细则|通知|意见|规则|命令)$/;
/**
 * A law or regulation title (办法 is not a law). A 通则 in the state's name is a law too
 * (中华人民共和国民法通则); a ministry's 通则 (企业财务通则) is not.
 */
export const LAW = /(?:(?<!办)法|条例|法典)$|^中华人民共和国.*通则$/;

type Found = Omit<Citation, 'target' | 'conflict' | 'start' | 'end' | 'text'> & { s: number; e: number };

/** Each titled line of the numbered lists announced as repealed; offsets are the title's in `text`. */
export function listedRepeals(text: string, from: number): Found[] {
  const out: Found[] = [];
  let listing = false;
  let at = from;
  for (const line of text.slice(from).split('\n')) {
    const m = listing ? ITEM.exec(line) : null;
    if (m) {
      // An item that is not a document (a form, a list) is passed over; the list goes on.
      if (KIND.test(m[1]!)) {
        const s = at + line.indexOf(m[1]!);
        const kind: CitationKind = LAW.test(m[1]!) ? 'law' : 'decree';
        out.push({ s, e: s + m[1]!.length, title: m[1]!, docNumber: null, kind, relation: 'repeals' });
      }
    } else if (!listing || line.trim()) {
      // A blank line between items does not end the list; any other line does (or announces a new one).
      listing = ANNOUNCE.test(line);
    }
    at += line.length + 1;
  }
  return out;
}
