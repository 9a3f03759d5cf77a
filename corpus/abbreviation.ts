/**
 * `short` abbreviates `full`: its characters stand in order in `full`, both end alike, and it starts with
 * the same character or with a relative place (市政府 → 宜春市人民政府, 工信部 → 工业和信息化部).
 */
export function abbreviates(short: string, full: string): boolean {
  if (short.length >= full.length || short.at(-1) !== full.at(-1)) return false;
  if (short[0] !== full[0] && !/^[省市县区]/.test(short)) return false;
  let i = 0;
  for (const c of full) if (c === short[i]) i++;
  return i === short.length;
}

