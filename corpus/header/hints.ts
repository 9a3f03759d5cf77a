import { abbreviates } from '../abbreviation.js';
import { canonicalDocNumber, sameOrder } from '../docNumber.js';
import type { NormText } from '../normalize.js';
import { concat, type Range, type SourceDocument, type TitleSource } from '../split.js';
import { ORGAN } from './lines.js';
import { findSignature } from './signature.js';

/**
 * Header facts read outside the printed header: a disclosure page's metadata table, a Markdown export's
 * metadata lines, the page title. Each is normalised text that still maps to the source.
 */
export interface Hints {
  title?: { text: NormText; source: TitleSource; /** a metadata 标题 outranks the printed header */ wins: boolean };
  /** null: the field says there is none (文号：无). */
  docNumber?: NormText | null;
  /** 成文日期: outranks the signature. */
  date?: NormText;
  /** A law collection's history line (the latest version): below the signature, above the printed header. */
  adopted?: NormText;
  /** 发布日期 of a portal: only when nothing else dates the document. */
  published?: NormText;
  /** 发文机关, possibly abbreviated (市政府) or joint (国务院办公厅、中央军委办公厅). */
  issuer?: NormText;
  /** 发布机构 of a portal: only when nothing else names the issuer. */
  publisher?: NormText;
}

const JOINT = /[、，,；;／/]|\s+/g;
/** An issuer named collectively (工业和信息化部等七部门): the signature lists them. */
const COLLECTIVE = /等[一二三四五六七八九十\d]{1,3}个?(?:部门|单位|部委|机关)$/;

/** The ranges of the parts of a joint issuer field, split at 、 ， and spaces. */
function parts(text: string, at: number): Range[] {
  const out: Range[] = [];
  let s = 0;
  for (const m of text.matchAll(JOINT)) {
    if (m.index! > s) out.push([at + s, at + m.index!]);
    s = m.index! + m[0].length;
  }
  if (text.length > s) out.push([at + s, at + text.length]);
  return out;
}

/**
 * Joint issuers printed on one line, set apart by layout spaces (中共中央　国务院): split where the source
 * skips characters, when every piece names a body.
 */
function splitAtGaps(norm: NormText, r: Range): Range[] {
  const out: Range[] = [];
  let s = r[0];
  for (let i = r[0] + 1; i < r[1]; i++) {
    if (norm.map[i]! > norm.map[i - 1]! + 1) {
      out.push([s, i]);
      s = i;
    }
  }
  out.push([s, r[1]]);
  return out.length > 1 && out.every((p) => ORGAN.test(norm.text.slice(p[0], p[1]))) ? out : [r];
}

const textOf = (text: string, r: Range) => text.slice(r[0], r[1]);

/**
 * The issuers in full: the named ones (metadata, else header), each replaced by the signature's full name
 * it abbreviates; a collective name (…等七部门) or none at all gives the signature's list; then the bodies
 * the title opens with; the portal last.
 */
function decideIssuers(text: string, named: Range[], organs: Range[], titled: Range[], publisher: Range | undefined): Range[] {
  let out: Range[];
  if (!named.length || (named.length === 1 && COLLECTIVE.test(textOf(text, named[0]!)) && organs.length > 1)) out = organs;
  else out = named.map((b) => organs.find((o) => abbreviates(textOf(text, b), textOf(text, o))) ?? b);
  if (out.length) return out;
  return titled.length || !publisher ? titled : [publisher];
}

// Separators between joint issuers, which a heading and a headline print differently (、 or a space).
const unjoined = (s: string) => s.replace(/[\s、]/g, '');

/**
 * The bodies a title opens with (GB/T 9704: issuer + 关于…): 最高人民法院、最高人民检察院关于…, each a body,
 * else none.
 */
function titleIssuers(text: string, r: Range): Range[] {
  const t = textOf(text, r);
  const at = t.indexOf('关于');
  if (at <= 0 || at > 40) return [];
  const bodies = parts(t.slice(0, at), r[0]);
  return bodies.every((b) => ORGAN.test(textOf(text, b))) ? bodies : [];
}

/**
 * Puts the hints in front of the document's text (one line each) and decides every field by precedence:
 * title: metadata 标题 > printed header > page title > file name; number: metadata > header (unless the
 * metadata abbreviates it);
 * date: 成文日期 > signature > history line > header > 发布日期; issuers: metadata (expanded from the signature) > header
 * > signature > 发布机构.
 */
export function finishDocument(doc: SourceDocument, hints: Hints, fileName: string): SourceDocument {
  let prefix: NormText = { text: '', map: new Int32Array([doc.norm.map[0] ?? 0]) };
  const put = (part: NormText): Range => {
    const r: Range = [prefix.text.length, prefix.text.length + part.text.length];
    const end = part.map[part.text.length]!;
    prefix = concat(concat(prefix, part), { text: '\n', map: new Int32Array([end - 1, end]) });
    return r;
  };
  const h = doc.header;
  // A law collection's heading repeated by the text's own headline (issuer lines + 关于…) with other
  // separators is one title: the heading keeps those the headline sets by layout (最高人民法院、最高人民检察院关于…).
  const printedTitle = [...h.issuers, ...h.title].map((r) => doc.norm.text.slice(r[0], r[1])).join('');
  const hinted = hints.title?.text.text ?? '';
  const repeated = hinted !== printedTitle && unjoined(hinted) === unjoined(printedTitle);
  const useTitle = hints.title && (hints.title.wins || !h.title.length || repeated) ? hints.title : undefined;
  const title = useTitle && put(useTitle.text);
  // A metadata number that abbreviates the printed one (省政府令第223号 for 江西省人民政府令 第223号) gives way.
  const headerNumber = h.docNumber && canonicalDocNumber(doc.norm.text.slice(h.docNumber[0], h.docNumber[1]))?.canonical;
  const metaNumber = hints.docNumber && canonicalDocNumber(hints.docNumber.text)?.canonical;
  const shortened = metaNumber && headerNumber && sameOrder(metaNumber, headerNumber);
  const number = hints.docNumber && !shortened ? put(hints.docNumber) : null;
  const date = hints.date && put(hints.date);
  const adopted = hints.adopted && put(hints.adopted);
  const issuer = hints.issuer && put(hints.issuer);
  const publisher = hints.publisher && put(hints.publisher);
  const published = hints.published && put(hints.published);

  const by = prefix.text.length;
  const mv = (r: Range): Range => [r[0] + by, r[1] + by];
  const norm = concat(prefix, doc.norm);
  const bodyStart = doc.bodyStart + by;
  const sig = findSignature(norm.text, bodyStart);
  const out: SourceDocument = {
    ...doc,
    norm,
    bodyStart,
    warnings: [...doc.warnings],
    header: {
      issuers: title ? [] : h.issuers.map(mv),
      title: title ? [title] : h.title.map(mv),
      docNumber: number ?? (h.docNumber && mv(h.docNumber)),
      date: date ?? sig.date ?? adopted ?? (h.date && mv(h.date)) ?? published ?? null,
    },
  };
  if (useTitle) out.titleSource = useTitle.source;
  if (!out.header.title.length) {
    out.titleSource = 'file-name';
    out.fallbackTitle = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
    out.warnings.push({ rule: 'header/none', message: 'no header printed; title taken from the file name' });
  }
  const printed = (title ? h.issuers.map(mv) : out.header.issuers).flatMap((r) => splitAtGaps(norm, r));
  const titled = title ? titleIssuers(norm.text, title) : [];
  const signers = decideIssuers(norm.text, issuer ? parts(textOf(norm.text, issuer), issuer[0]) : printed, sig.organs, titled, publisher);
  const named = out.header.issuers;
  const same = signers.length === named.length && signers.every((r, i) => textOf(norm.text, r) === textOf(norm.text, named[i]!));
  if (!same) out.header.signers = signers;
  return out;
}
