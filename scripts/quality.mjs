#!/usr/bin/env node
// Recall check per field: `node scripts/quality.mjs [gazette.txt]` (default: the sample issue).
// For each field, a deliberately looser pattern finds candidate occurrences in the source text, independently
// of the extractors; the script reports how many candidates an extracted fact covers and lists the misses for
// a reviewer to label (a miss may be a true miss or a false candidate). Precision is reviewed by reading the
// facts themselves: `decree-graph extract` prints them with their source text.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { assembleExport, extractBytes } = await import(join(root, 'dist/pipeline/extract.js'));
const path = process.argv[2] ?? join(root, 'corpus/samples/zhengzhou-gazette-2018-04.txt');
const bytes = readFileSync(path);
const source = new TextDecoder().decode(bytes).replace(/^\ufeff/, '');
const exp = assembleExport([extractBytes(path, bytes)]);
if (exp.rejected.length) throw new Error(exp.rejected[0].reason);

const facts = (k) => exp.documents.flatMap((d) => d[k]);
const headers = exp.documents.map((d) => d.provenance.docNumber).filter(Boolean);
const fields = {
  // Any bracketed year followed by a serial and 号, whatever the brackets and spaces.
  'citations by number': { re: /[\u4e00-\u9fff]{1,8}\s*[〔[［﹝（(]\s*\d{4}\s*[〕\]］﹞）)]\s*第?\s*\d+\s*号|令\s*第?\s*\d+\s*号/g, facts: [...facts('citations'), ...headers] },
  'citations by title': { re: /《[^《》\n]{2,80}》/g, facts: facts('citations') },
  assignments: { re: /(?:牵头|责任|配合)单位\s*[:：]|[^，。；\n]{2,12}(?:负责|牵头)/g, facts: facts('assignments') },
  amounts: { re: /\d+(?:\.\d+)?\s*(?:万|亿)?\s*(?:元|平方米|公里|套|户|所|个|座|条|处|%|吨|兆瓦)/g, facts: facts('amounts') },
  deadlines: { re: /(?:\d{4}\s*年\s*)?(?:\d{1,2}\s*月\s*)?(?:\d{1,2}\s*日|底|末|份)\s*(?:前|之前|以前)|每(?:月|季度|年|周)[^，。；]{0,12}前|\d+\s*个?工作日内/g, facts: facts('deadlines') },
  appointments: { re: /^[\u4e00-\u9fff]{2,4}(?:同志)?(?:为|的)[^\n]*(?:局|委|办|会|社|厅|室)[^\n]*$/gm, facts: facts('appointments') },
};

console.log(`${path}: ${exp.documents.length} documents\n`);
console.log('field                  candidates  covered  recall  extracted');
const misses = {};
for (const [name, { re, facts: fs }] of Object.entries(fields)) {
  const cands = [...source.matchAll(re)].map((m) => [m.index, m.index + m[0].length, m[0]]);
  const covered = cands.filter(([s, e]) => fs.some((f) => f.start < e && f.end > s));
  misses[name] = cands.filter((c) => !covered.includes(c));
  console.log(`${name.padEnd(22)} ${String(cands.length).padStart(10)} ${String(covered.length).padStart(8)} ${(covered.length / Math.max(1, cands.length)).toFixed(3).padStart(7)} ${String(fs.length).padStart(10)}`);
}
for (const [name, list] of Object.entries(misses)) {
  if (!list.length) continue;
  console.log(`\n${name}: ${list.length} candidates not covered (label each: true miss / not a fact)`);
  for (const [s, , t] of list.slice(0, 15)) console.log(`  @${s}  ${t.replace(/\s+/g, ' ').slice(0, 60)}  …${source.slice(Math.max(0, s - 15), s).replace(/\s+/g, ' ')}⟨here⟩`);
  if (list.length > 15) console.log(`  … ${list.length - 15} more`);
}
