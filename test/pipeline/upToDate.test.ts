import { mkdtempSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { ISSUERS, textGazette } from '../fixtures/gazettes.js';
import { cli } from './cliHelper.js';

// Counts the files read and hashed; everything else in inputs.js is the real thing.
vi.mock('../../pipeline/inputs.js', async (original) => {
  const real = await original<typeof import('../../pipeline/inputs.js')>();
  return { ...real, hashInput: vi.fn(real.hashInput) };
});
const { hashInput } = await import('../../pipeline/inputs.js');
const { hashOutputs, outputsIntact, statOutputs } = await import('../../pipeline/outdir.js');
const { mtimeNs } = await import('../../pipeline/fileStat.js');

const tmp = () => mkdtempSync(join(tmpdir(), 'dg-stat-'));
const hashed = () => vi.mocked(hashInput).mock.calls.map((c) => String(c[0]));
const FILES = ['export.json', 'graph.cypher', 'reports/gaps.md'];

/** An out directory as a run leaves it: outputs, then (a clock tick later) the manifest. */
async function written(): Promise<{ out: string; hashes: Record<string, string>; stats: Record<string, string>; since: bigint }> {
  const out = tmp();
  FILES.forEach((f, i) => writeFileSync(join(out, f.replace('/', '-')), `output ${i}\n`));
  const files = FILES.map((f) => f.replace('/', '-'));
  const stats = await statOutputs(out, files);
  const hashes = await hashOutputs(out, files);
  await sleep(30);
  writeFileSync(join(out, 'manifest.json'), '{}');
  vi.mocked(hashInput).mockClear();
  return { out, hashes, stats, since: await mtimeNs(join(out, 'manifest.json')) };
}

describe('"unchanged" from the stat, as git decides it; hashing only what changed', () => {
  it('outputs whose stat is as recorded are not read', async () => {
    const { out, hashes, stats, since } = await written();
    expect(await outputsIntact(out, hashes, stats, since)).toBe(true);
    expect(hashed()).toEqual([]);
  });

  it('an output edited with its mtime restored (touch -r) differs by its ctime: hashed, found changed', async () => {
    const { out, hashes, stats, since } = await written();
    const f = join(out, 'export.json');
    const { atime, mtime } = statSync(f);
    writeFileSync(f, 'output X\n');
    utimesSync(f, atime, mtime);
    expect(await outputsIntact(out, hashes, stats, since)).toBe(false);
    expect(hashed()).toEqual([f]);
  });

  it('an output touched with the same bytes is hashed and still intact; the others are not read', async () => {
    const { out, hashes, stats, since } = await written();
    const f = join(out, 'graph.cypher');
    utimesSync(f, new Date(), new Date());
    expect(await outputsIntact(out, hashes, stats, since)).toBe(true);
    expect(hashed()).toEqual([f]);
  });

  it('a file changed in the clock tick its stat was taken in is not trusted ("racily clean"): hashed', async () => {
    const { out, stats } = await written();
    // A recorded hash that no longer matches, a stat that still does: only the hash can tell.
    const stale = Object.fromEntries(Object.keys(stats).map((f) => [f, '0'.repeat(64)]));
    const ctimes = Object.keys(stats).map((f) => statSync(join(out, f), { bigint: true }).ctimeNs);
    const tick = ctimes.reduce((a, b) => (a > b ? a : b));
    expect(await outputsIntact(out, stale, stats, tick + 1n)).toBe(true);
    expect(await outputsIntact(out, stale, stats, tick)).toBe(false);
  });
});

describe('an unchanged re-run and edits that keep the mtime', () => {
  const corpus = () => {
    const dir = tmp();
    ISSUERS.forEach((h, i) => writeFileSync(join(dir, `g${i}.txt`), textGazette(h)));
    return dir;
  };

  it('the manifest records every input and output with its stat; a re-run is up to date', async () => {
    const dir = corpus();
    const out = join(tmp(), 'out');
    await cli(['run', dir, '--out', out, '--quiet']);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(Object.keys(m.outputStats).sort()).toEqual(Object.keys(m.outputs).sort());
    for (const e of Object.values(m.inputs) as { stat?: string }[]) expect(e.stat).toMatch(/^\d+ \d+ \d+ \d+$/);
    expect((await cli(['run', dir, '--out', out])).stderr).toMatch(/is up to date/);
  });

  // Same size: only the ctime (and the content) tell. A digit of a year is changed (2020 → 2021).
  const edit = (f: string) => {
    const { atime, mtime } = statSync(f);
    const text = readFileSync(f, 'utf8');
    const at = text.lastIndexOf('2020');
    expect(at).toBeGreaterThan(-1);
    writeFileSync(f, text.slice(0, at) + '2021' + text.slice(at + 4));
    utimesSync(f, atime, mtime);
  };

  it('an output edited to the same size with its mtime restored is seen: rebuilt', async () => {
    const dir = corpus();
    const out = join(tmp(), 'out');
    await cli(['run', dir, '--out', out, '--quiet']);
    const f = join(out, 'export.json');
    const clean = readFileSync(f, 'utf8');
    edit(f);
    await cli(['run', dir, '--out', out, '--quiet']);
    expect(readFileSync(f, 'utf8')).toEqual(clean);
  });

  it('an input edited to the same size with its mtime restored is seen: read again', async () => {
    const dir = corpus();
    const out = join(tmp(), 'out');
    await cli(['run', dir, '--out', out, '--quiet']);
    edit(join(dir, 'g0.txt'));
    const r = await cli(['run', dir, '--out', out]);
    expect(r.stderr).toMatch(/1 processed, 2 skipped/);
    expect(readFileSync(join(out, 'export.json'), 'utf8')).toContain('2021-01-08');
  });
});
