// Regenerates corpus/pdf/data/radicals.json from the Unicode Character Database's
// EquivalentUnifiedIdeograph.txt (Debian: apt-get install unicode-data): each Kangxi radical and CJK
// radical supplement character → the unified ideograph it looks like. Only BMP targets are kept, so a fold
// is one UTF-16 unit for one and offsets stay aligned.
import { readFileSync, writeFileSync } from 'node:fs';

const src = process.argv[2] ?? '/usr/share/unicode/EquivalentUnifiedIdeograph.txt';
const out = {};
for (const raw of readFileSync(src, 'utf8').split('\n')) {
  const line = raw.split('#')[0].trim();
  if (!line) continue;
  const [from, to] = line.split(';').map((s) => s.trim());
  const [a, b = a] = from.split('..').map((h) => parseInt(h, 16));
  const target = parseInt(to, 16);
  if (target > 0xffff) continue;
  for (let c = a; c <= b; c++) out[String.fromCharCode(c)] = String.fromCharCode(target);
}
writeFileSync(new URL('../corpus/pdf/data/radicals.json', import.meta.url), JSON.stringify(out) + '\n');
console.log(`${Object.keys(out).length} radicals`);
