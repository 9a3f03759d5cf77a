import type { AgencyRef } from '../graph/model.js';
import { agencyId, canonicalAgency, looksLikeAgency } from './agencies.js';
import { splitList } from './assignments.js';

// 报送市工信委、市安监局 / 上报至市政府 / 向市发展改革委报告: the agencies a report goes to.
// 形成总结报告报送生态环境部: 报告 is the report, 报送 its verb: a run of such words is skipped whole.
const SENT_TO = /(?:(?:报送|上报|报告|提交|呈报|抄送|报)(?:至|给|到)?)+([^，。；：（(\n]{2,60})/;
const SENT_TOWARDS = /向([^，。；：（(\n]{2,40}?)(?:报送|上报|报告|提交|呈报|报)/;

/** The longest start of `name` that is an agency name: 市安监局备案 → 市安监局. */
function agencyPrefix(name: string): string | null {
  for (let n = Math.min(name.length, 40); n >= 3; n--) if (looksLikeAgency(name.slice(0, n))) return name.slice(0, n);
  return null;
}

/**
 * Recipients of a report in `rest`, the part of a sentence after a deadline (每月20日前将进展情况报送市发展改革委).
 * A list stops at its first item that is not an agency (报送年度报告 has none), or that only begins with one.
 */
export function reportRecipients(rest: string, issuer: string | null): AgencyRef[] {
  const m = SENT_TOWARDS.exec(rest) ?? SENT_TO.exec(rest);
  if (!m) return [];
  const out: AgencyRef[] = [];
  for (const it of splitList(m[1]!, 0)) {
    const name = agencyPrefix(it.name);
    if (!name) break;
    out.push({ agency: name, agencyId: agencyId(canonicalAgency(name, issuer)) });
    if (name !== it.name) break;
  }
  return out;
}
