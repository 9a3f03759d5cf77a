/** RFC 4180 CSV cells. `excel` also neutralises formula injection (=, +, -, @ at a cell's start). */
function csvCell(v: unknown, excel = false): string {
  if (v === null || v === undefined) return '';
  let s = Array.isArray(v) ? v.join(';') : String(v);
  if (excel && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: unknown[], excel = false): string {
  return values.map((v) => csvCell(v, excel)).join(',') + '\n';
}
