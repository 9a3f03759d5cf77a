import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../pipeline/extract.js';
import { ISSUERS, pageOf, textGazette } from '../fixtures/gazettes.js';
import { sampleText } from '../helpers.js';

/** mulberry32: a small seeded generator, so a failure is reproduced by its seed and iteration. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const SEED = 20261128;
/** Wall time for the whole test, well under CI's minute; each input must also stay within PER_INPUT_MS. */
const BUDGET_MS = 40_000;
const PER_INPUT_MS = 5_000;
// Pieces the readers and extractors key on: brackets of numbers, titles, units, markup, entities.
const TOKENS = ['〔', '〕', '号', '令第', '第', '《', '》', '（', '）', '。', '；', '\n', '\r\n', '、', '2018', '1'.repeat(50), '一二三四五六七八九十', '万元', '亿', '%', '年', '月', '日前', '关于', '的通知', '负责', '牵头', '发文字号', '成文日期', '<table><tr><td>', '</td></tr></table>', '<div id="zoom">', '</div>', '<p>', '&nbsp;', '&#12289;', '&', '<', '\u3000', '\ufeff', '\u0000', '😀'];

function mutate(base: string, rnd: () => number): string {
  let s = base;
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const at = () => Math.floor(rnd() * (s.length + 1));
  for (let k = 1 + Math.floor(rnd() * 6); k > 0; k--) {
    const i = at();
    const op = rnd();
    if (op < 0.35) s = s.slice(0, i) + pick(TOKENS) + s.slice(i);
    else if (op < 0.5) s = s.slice(0, i) + s.slice(Math.min(s.length, i + Math.floor(rnd() * 200)));
    else if (op < 0.65) s = s.slice(0, i) + pick(TOKENS).repeat(1 + Math.floor(rnd() * 2_000)) + s.slice(i);
    else if (op < 0.8) {
      const piece = s.slice(i, i + Math.floor(rnd() * 300));
      s = s.slice(0, i) + piece.repeat(1 + Math.floor(rnd() * 20)) + s.slice(i);
    } else if (op < 0.9) s = s.slice(0, i);
    else s = s.slice(0, i) + String.fromCharCode(Math.floor(rnd() * 0xffff)) + s.slice(i + 1);
  }
  return s;
}

describe('fuzzing: mutated text and HTML inputs', () => {
  it(`never crash, hang or exceed ${PER_INPUT_MS} ms; each ends processed or rejected with a rule id (seed ${SEED})`, () => {
    const rnd = random(SEED);
    const bases: [string, string][] = [
      ...ISSUERS.map((h): [string, string] => ['fuzz.txt', textGazette(h)]),
      ...ISSUERS.map((h): [string, string] => ['fuzz.html', pageOf(h)]),
      ['fuzz.txt', sampleText().slice(0, 20_000)],
    ];
    const outcomes = new Map<string, number>();
    const t0 = performance.now();
    let n = 0;
    for (; performance.now() - t0 < BUDGET_MS && n < 5_000; n++) {
      const [path, base] = bases[n % bases.length]!;
      const input = mutate(base, rnd);
      // Some inputs as bytes the decoder must judge: a GB18030-looking or broken tail.
      const bytes = rnd() < 0.1 ? Buffer.concat([Buffer.from(input), Buffer.from([0xe9, 0x83])]) : Buffer.from(input);
      const t = performance.now();
      const r = extractBytes(path, bytes, { keywords: false });
      const ms = performance.now() - t;
      const outcome = 'rejected' in r ? r.rejected.split(':')[0]! : 'processed';
      if (ms > PER_INPUT_MS || !/^(?:processed|[a-z]+\/[a-z0-9-]+)$/.test(outcome)) {
        const file = join(tmpdir(), `decree-graph-fuzz-${SEED}-${n}${path.slice(path.lastIndexOf('.'))}`);
        writeFileSync(file, bytes);
        expect.fail(`iteration ${n} (${file}): ${Math.round(ms)} ms, ${'rejected' in r ? r.rejected.slice(0, 300) : 'processed'}`);
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    // Enough inputs to mean something, and both ends reached: some processed, some rejected.
    expect(n).toBeGreaterThan(200);
    expect(outcomes.get('processed')).toBeGreaterThan(0);
    expect(outcomes.size).toBeGreaterThan(1);
  }, 60_000);
});
