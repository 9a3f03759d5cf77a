import { findDate } from '../corpus/dates.js';
import type { Appointment } from '../graph/model.js';
import { agencyId, canonicalAgency } from './agencies.js';
import type { ExtractContext } from './context.js';

/**
 * 任免 lists: a line `2018年4月10日同意：` or `决定，任命：` opens appointments, `免去：` removals; then one
 * person a line: `贾中同志为郑州市城市管理局副局长，市城市综合执法局副局长；` / `裴广战的郑州市…主任职务；`.
 * Real slips (missing 同志, a stray 其, a line ending in 。) still parse.
 */
const APPOINT_LINE = /^([\u4e00-\u9fff·]{2,6}?)(?:同志)?为(.+?)[；;。，,]?$/;
const REMOVE_LINE = /^([\u4e00-\u9fff·]{2,6}?)(?:同志)?的其?(.+?)职务[；;。，,]?$/;
const POST = /(监察室主任|总[\u4e00-\u9fff]{1,3}师|总会计师|副?调研员|副?巡视员|副?(?:局长|主任|支队长|秘书长|市长|社长|主席|书记|处长|科长|所长|院长|馆长|队长|部长|厅长|区长|县长))$/;

/** 郑州市城市管理局（市城市管理行政执法局）副局长 → agency 郑州市城市管理局, post 副局长. */
function splitPost(text: string): { agency: string; post: string } {
  const m = POST.exec(text);
  if (!m) return { agency: '', post: text };
  const agency = text.slice(0, m.index).replace(/[（(][^）)]*[）)]$/, '');
  // A slip that repeats the agency's own place before the post: 郑州市人民防空办公室郑州市监察室主任.
  const repeated = /^([\u4e00-\u9fff]{1,8}?[省市县区])(.+?)\1$/.exec(agency);
  return { agency: repeated ? repeated[1]! + repeated[2]! : agency, post: m[1]! };
}

export function extractAppointments(ctx: ExtractContext): Appointment[] {
  if (ctx.doc.kind !== 'appointments') return [];
  const { text } = ctx;
  const out: Appointment[] = [];
  let action: Appointment['action'] | null = null;
  let date: string | null = ctx.meta.issuedDate;
  for (let s = ctx.doc.bodyStart; s < text.length; ) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    const line = text.slice(s, e).trim();
    const lead = text.slice(s, e).indexOf(line);
    const ls = s + lead;
    s = e + 1;
    if (!line) continue;
    const heading = /^(.*?)(同意|任命|免去)[：:]?$/.exec(line.replace(/[，,]/g, ''));
    if (heading) {
      action = heading[2] === '免去' ? 'remove' : 'appoint';
      date = findDate(heading[1]!)?.iso ?? date;
      continue;
    }
    const m = (action === 'remove' ? REMOVE_LINE : APPOINT_LINE).exec(line);
    if (!m || !action) continue;
    const person = m[1]!;
    // One person may hold two posts on one line, separated by ，: each is its own appointment.
    let at = ls + line.indexOf(m[2]!);
    for (const part of m[2]!.split(/[，,、]/)) {
      const { agency, post } = splitPost(part);
      const canonical = canonicalAgency(agency || part, ctx.meta.issuer);
      out.push({ person, action, post, agency: agency || part, agencyId: agencyId(canonical), date, ...ctx.span(ls, Math.min(at + part.length, ls + line.length)) });
      at += part.length + 1;
    }
  }
  return out;
}
