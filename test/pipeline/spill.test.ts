import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { SortedRows } from '../../pipeline/reports/spill.js';

type R = { key: number; seq: number };
const byKey = (a: R, b: R) => a.key - b.key;
const spills = () => readdirSync(tmpdir()).filter((f) => f.startsWith('decree-graph-report-'));

describe('SortedRows: an external merge sort for report tables', () => {
  // Keys with many ties, added in a scrambled order; `seq` records the order they were added in.
  const rows: R[] = Array.from({ length: 1000 }, (_, seq) => ({ key: (seq * 7919) % 37, seq }));
  const stable = [...rows].sort(byKey);

  it.each([
    ['all in memory', 5000],
    ['spilled to 9 runs on disk', 120],
    ['spilled to runs of one row', 1],
  ])('%s: the same rows as a stable sort, iterable more than once', (_name, limit) => {
    const before = spills().length;
    const sorted = new SortedRows<R>(byKey, limit);
    for (const r of rows) sorted.add(r);
    expect(sorted.length).toBe(1000);
    expect([...sorted]).toEqual(stable);
    expect([...sorted]).toEqual(stable);
    sorted.dispose();
    expect(spills().length).toBe(before);
  });

  it('rows longer than the read buffer (64K) and multi-byte text come back whole', () => {
    const big = (i: number) => ({ key: i % 3, seq: i, text: `${'政府公报'.repeat(20_000)}${i}` });
    const sorted = new SortedRows<R & { text: string }>(byKey, 2);
    const input = Array.from({ length: 7 }, (_, i) => big(i));
    for (const r of input) sorted.add(r);
    expect([...sorted]).toEqual([...input].sort(byKey));
    sorted.dispose();
  });

  it('stopping early closes the runs and leaves the rows readable again', () => {
    const before = spills().length;
    const sorted = new SortedRows<R>(byKey, 100);
    for (const r of rows) sorted.add(r);
    const firstTen: R[] = [];
    for (const r of sorted) {
      firstTen.push(r);
      if (firstTen.length === 10) break;
    }
    expect(firstTen).toEqual(stable.slice(0, 10));
    expect([...sorted]).toEqual(stable);
    expect(spills().length).toBe(before + 1);
    sorted.dispose();
    expect(spills().length).toBe(before);
  });
});
