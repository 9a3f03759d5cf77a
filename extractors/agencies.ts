import type { AgencyKind } from '../graph/model.js';
import abbreviations from './data/agency-abbreviations.json' with { type: 'json' };

/**
 * Agency names: the short forms documents use (市发展改革委, 环保局) turned into one canonical name per real
 * body, scoped by place (郑州市财政局 ≠ 河南省财政厅 ≠ 开封市财政局).
 */
const TABLE = new Map(Object.entries(abbreviations as Record<string, string>).filter(([k]) => !k.startsWith('$')));
const ORGAN_SUFFIX = /(?:委员会|管委会|办公室|办公厅|人民政府|政府|局|委|办|厅|中心|支队|大队|公司|集团|社|院|所|站|部)$/;

/** The place that 市/省/县 means in a document: 郑州市人民政府办公厅 → {市: 郑州市}. */
export function placeOf(issuer: string | null): { level: '省' | '市' | '县' | '区'; name: string } | null {
  if (!issuer) return null;
  // Highest level first: 郑州市 is a 市 although 州 ends its name; 河南省 a 省.
  for (const [re, level] of PLACE_LEVELS) {
    const m = re.exec(issuer);
    if (m) return { level, name: m[0] };
  }
  return null;
}
const PLACE_LEVELS: [RegExp, '省' | '市' | '县' | '区'][] = [
  [/^[\u4e00-\u9fff]{1,8}?(?:省|自治区)/, '省'],
  [/^[\u4e00-\u9fff]{1,8}?市/, '市'],
  [/^[\u4e00-\u9fff]{1,8}?县/, '县'],
  [/^[\u4e00-\u9fff]{1,8}?区/, '区'],
];

const NAMED_PLACE = /^[\u4e00-\u9fff]{2,6}[市县区]$/;
const COLLECTIVE_PLACE = /^各?(?:[县市区](?:（[^（）]*）)?|开发区)$/;

/**
 * A place named alone (巩义市, 中牟县) or a collective of places (各县（市、区）, 开发区): in a list of
 * responsible units it means that place's government (a development zone's: its 管委会).
 */
export const isPlaceName = (name: string) => (NAMED_PLACE.test(name) && !/^[市县区各]/.test(name)) || COLLECTIVE_PLACE.test(name);

export function looksLikeAgency(name: string): boolean {
  // 市城管局（市城市综合执法局）: a body with its other name in parentheses.
  const bare = name.replace(/[（(][^（）()]*[）)]$/, '');
  return bare.length >= 3 && name.length <= 40 && ORGAN_SUFFIX.test(bare);
}

/**
 * Canonical name of an agency mentioned in a document issued by `issuer`.
 * `市城管局` → `郑州市城市管理局`; collectives keep their shape (`县（市、区）政府` → `郑州市县（市、区）人民政府`).
 */
export function canonicalAgency(given: string, issuer: string | null): string {
  let name = given;
  if (isPlaceName(name)) {
    const bare = name.replace(/^各/, '');
    if (!COLLECTIVE_PLACE.test(name)) return `${bare}人民政府`;
    name = bare === '开发区' ? '开发区管委会' : bare.includes('管委会') ? bare : `${bare}政府`;
  }
  // 各级…办公室 is the offices at every level: 各 stays (级… alone is no name).
  let n = name.replace(/〔/g, '（').replace(/〕/g, '）').replace(/^各(?!级)/, '');
  // 市城管局（市城市综合执法局） is 市城管局 under its second name; 各区（管委会） is not 各区.
  const bare = n.replace(/[（(][^（）()]*[）)]$/, '');
  if (bare !== n && ORGAN_SUFFIX.test(bare) && bare.length >= 3) n = bare;
  const place = placeOf(issuer);
  let scope = '';
  const local = /^(市|省|县|区)(?!（|场)/.exec(n);
  if (local && place && local[1] === place.level) {
    scope = place.name;
    // 市郑州供电公司 (an elided 市 carried onto a name that prints its place): the place once.
    n = stripPlace(n.slice(1), place.name);
  } else {
    const explicit = /^(.{1,10}?(?:省|自治区|市|州|县|区))(?=.{2})/.exec(n);
    if (explicit && !/^(?:县（|区（|市（)/.test(n) && !/^(?:市|县|区|省)/.test(n)) {
      scope = explicit[1]!;
      n = n.slice(scope.length);
    } else if (place) {
      scope = place.name;
    }
  }
  if (TABLE.has(n)) n = TABLE.get(n)!;
  if (/政府$/.test(n) && !/人民政府$/.test(n)) n = n.replace(/政府$/, '人民政府');
  return scope + n;
}

/** 郑州供电公司 / 郑州市供电公司 without their place 郑州市: 供电公司. Other names unchanged. */
function stripPlace(name: string, place: string): string {
  const short = place.slice(0, -1);
  if (short.length < 2 || !name.startsWith(short)) return name;
  return name.slice(name.startsWith(place) ? place.length : short.length);
}

/**
 * The same body with its place written short (郑州供电公司) and in full (郑州市供电公司): the short form's
 * key, for merging the two in a run. Null when the name has no place of at least two characters.
 */
export function shortPlaceKey(canonical: string): string | null {
  const m = /^(.{2,8}?)(?:省|市|县|区)(.{2,})$/.exec(canonical);
  return m ? m[1]! + m[2]! : null;
}

const KINDS: [AgencyKind, RegExp][] = [
  // 共青团, 妇联, 工会, 残联, 科协, 红十字会, 工商联, 文联, 侨联: 人民团体.
  ['peoples-organisation', /团[省市县区]委|共青团|妇联|妇女联合会|工会|残联|残疾人联合会|科协|科学技术协会|红十字会|工商联|文联|侨联/],
  ['company', /(?:公司|集团|电厂|银行|企业)$/],
  ['government', /(?:人民政府|政府|^国务院)$/],
  // Coordinating bodies and zone committees, and their offices: 领导小组办公室, 考评委员会, 管委会.
  ['committee', /(?:领导小组|小组|指挥部|联席会议|管委会|区管理委员会|运动委员会|考评委员会)(?:办公室)?(?:（[^（）]*）)?$/],
  ['department', /(?:委员会|委|局|厅|办|办公室|中心|支队|大队|院|所|站|部|社)$/],
];

/**
 * What kind of body a canonical name is. A collective (各县（市、区）人民政府, 开发区管委会 with no place of its own,
 * 各级…办公室) is many bodies named as one; `printed` are the spellings seen (各… marks a collective).
 */
export function agencyKind(canonical: string, printed: string[] = []): AgencyKind {
  // 所在区块人民政府, 辖区政府: whichever body holds the place, i.e. each of many.
  const collective = /（市(?:、区)?）|^开发区|各级|所在|辖区/.test(canonical) || printed.some((p) => /^各/.test(p));
  if (collective) return 'collective';
  return KINDS.find(([, re]) => re.test(canonical))?.[0] ?? 'other';
}

export const agencyId = (canonical: string) => `agency:${canonical}`;
/** The canonical name an agency id stands for. */
export const agencyName = (id: string) => id.slice('agency:'.length);
