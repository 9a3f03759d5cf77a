import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUERS, textGazette } from '../fixtures/gazettes.js';
import { sampleVariant } from '../helpers.js';
import { CLI, cli, fileNames, tree } from './cliHelper.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dg-out-'));

/** A folder of short gazettes, one per issuer. */
function corpus(): string {
  const dir = tmp();
  ISSUERS.forEach((h, i) => writeFileSync(join(dir, `g${i}.txt`), textGazette(h)));
  return dir;
}

/** Files a user keeps: temp files, a cache folder, notes. */
function userFiles(dir: string): void {
  mkdirSync(join(dir, 'sub'), { recursive: true });
  mkdirSync(join(dir, 'cache'), { recursive: true });
  writeFileSync(join(dir, 'draft.tmp'), 'mine');
  writeFileSync(join(dir, 'sub', 'x.tmp'), 'mine');
  writeFileSync(join(dir, 'cache', 'mine.txt'), 'mine');
  writeFileSync(join(dir, 'notes.md'), 'mine');
}

describe('the out directory is ours or untouched', () => {
  it('a non-empty --out the tool did not make is refused (exit 2) and nothing in it changes', async () => {
    const notes = tmp();
    userFiles(notes);
    writeFileSync(join(notes, 'g.txt'), textGazette(ISSUERS[0]!));
    const before = tree(notes);
    const r = await cli(['run', 'g.txt', '--out', '.'], {}, { cwd: notes });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holding files decree-graph did not write.*nothing was changed/);
    expect(tree(notes)).toEqual(before);
  });

  it('in a directory it made, files it did not write (a *.tmp, cache/mine.txt) survive every run', async () => {
    const dir = corpus();
    const out = tmp();
    expect((await cli(['run', dir, '--out', out, '--quiet'])).code).toBe(0);
    userFiles(out);
    writeFileSync(join(out, 'reports', 'mine.tmp'), 'mine');
    writeFileSync(join(dir, 'g0.txt'), textGazette(ISSUERS[0]!, '各有关单位：\n\n一、改过的正文。\n'));
    expect((await cli(['run', dir, '--out', out, '--quiet'])).code).toBe(0);
    for (const f of ['draft.tmp', 'sub/x.tmp', 'cache/mine.txt', 'notes.md', 'reports/mine.tmp']) expect(readFileSync(join(out, f), 'utf8'), f).toBe('mine');
    expect(readdirSync(join(out, 'cache')).filter((f) => f.endsWith('.json'))).toHaveLength(ISSUERS.length);
  });

  it('`run .` with the default ./out never reads its own outputs: the same documents on every run', async () => {
    const dir = corpus();
    const counts: string[] = [];
    for (let i = 0; i < 3; i++) {
      // A changed input each time, so every run reads the folder again.
      writeFileSync(join(dir, 'g0.txt'), textGazette(ISSUERS[0]!, `各有关单位：\n\n一、第${i}次修改。\n`));
      const r = await cli(['run', '.', '--quiet'], {}, { cwd: dir });
      expect(r.code).toBe(0);
      counts.push(/(\d+) documents/.exec(r.stderr)![1]!);
    }
    expect(counts).toEqual(['3', '3', '3']);
    const manifest = JSON.parse(readFileSync(join(dir, 'out', 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.inputs).sort()).toEqual(['g0.txt', 'g1.txt', 'g2.txt']);
    expect(manifest.notTaken).toEqual([{ path: 'out', reason: expect.stringMatching(/^input\/out-dir: /) }]);
  });

  it("another run's out directory inside the inputs is not read either", async () => {
    const dir = corpus();
    expect((await cli(['run', dir, '--out', join(dir, 'old-out'), '--quiet'])).code).toBe(0);
    const r = await cli(['run', dir, '--out', tmp()]);
    expect(r.stderr).toMatch(/ 3 documents/);
    expect(r.stderr).toContain(`not taken ${join(dir, 'old-out')}: input/out-dir: `);
  });
});

describe('one run at a time per out directory', () => {
  const big = tmp();
  for (const city of '郑汴洛宛') writeFileSync(join(big, `${city}.txt`), sampleVariant(city));

  it('a second run says "out directory in use by pid N", exits 2 and touches nothing; the first finishes', async () => {
    const out = tmp();
    const first = spawn(process.execPath, [CLI, 'run', big, '--out', out, '--quiet'], { stdio: 'ignore', env: { ...process.env, NEO4J_URI: '' } });
    const exited = new Promise<number>((r) => first.once('exit', (code) => r(code ?? -1)));
    for (let i = 0; i < 1500 && !existsSync(join(out, '.decree-graph.lock')); i++) await new Promise((r) => setTimeout(r, 20));
    const before = fileNames(out);
    const second = await cli(['run', big, '--out', out]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`out directory in use by pid ${first.pid}`);
    expect(fileNames(out)).toEqual(expect.arrayContaining(before.filter((f) => !f.includes('.decree-graph-tmp-') && !f.includes('pending'))));
    expect(await exited).toBe(0);
    expect(existsSync(join(out, '.decree-graph.lock'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).summary.documents).toBe(72);
  }, 120_000);

  it('a lock left by a dead process on this host is stale and taken over; one from another host is not', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const out = tmp();
    writeFileSync(join(out, '.decree-graph.lock'), JSON.stringify({ pid: dead, host: hostname() }));
    expect((await cli(['run', corpus(), '--out', out, '--quiet'])).code).toBe(0);
    writeFileSync(join(out, '.decree-graph.lock'), JSON.stringify({ pid: dead, host: 'elsewhere.example' }));
    const r = await cli(['run', corpus(), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`out directory in use by pid ${dead} on elsewhere.example`);
  });
});

/**
 * The out directory as a clean run leaves it, but for the overview page (and its hash in the manifest): it
 * says what changed since the run before, which a rebuild has and a first run has not.
 */
function rebuilt(out: string): Record<string, unknown> {
  const { ['reports/index.html']: _changes, ['manifest.json']: manifest, ...rest } = tree(out);
  const m = JSON.parse(Buffer.from(manifest!, 'base64').toString('utf8')) as { outputs: Record<string, string> };
  delete m.outputs['reports/index.html'];
  return { ...rest, manifest: m };
}

describe('"up to date" is decided from what is on disk', () => {
  it('a run killed after export.json was replaced, then the input reverted: rebuilt, not "up to date"', async () => {
    const dir = corpus();
    const out = tmp();
    await cli(['run', dir, '--out', out, '--quiet']);
    const clean = rebuilt(out);
    const manifest = readFileSync(join(out, 'manifest.json'));
    const original = readFileSync(join(dir, 'g1.txt'));
    writeFileSync(join(dir, 'g1.txt'), textGazette(ISSUERS[1]!, '各有关单位：\n\n一、被撤回的修改。\n'));
    await cli(['run', dir, '--out', out, '--quiet']);
    // The state a kill leaves after the outputs were replaced and before the manifest was.
    writeFileSync(join(out, 'manifest.json'), manifest);
    writeFileSync(join(dir, 'g1.txt'), original);
    const r = await cli(['run', dir, '--out', out]);
    expect(r.stderr).not.toMatch(/is up to date/);
    expect(rebuilt(out)).toEqual(clean);
  });

  it.each(['reports/agencies.csv', 'import/nodes-tasks.csv', 'graph.cypher'])('a deleted %s is rebuilt', async (file) => {
    const dir = corpus();
    const out = tmp();
    await cli(['run', dir, '--out', out, '--quiet']);
    const clean = rebuilt(out);
    unlinkSync(join(out, file));
    expect((await cli(['run', dir, '--out', out, '--quiet'])).code).toBe(0);
    expect(rebuilt(out)).toEqual(clean);
  });

  it('an edited output or a cleared cache is rebuilt', async () => {
    const dir = corpus();
    const out = tmp();
    await cli(['run', dir, '--out', out, '--quiet']);
    const clean = rebuilt(out);
    writeFileSync(join(out, 'reports', 'gaps.md'), 'edited');
    rmSync(join(out, 'cache'), { recursive: true });
    const r = await cli(['run', dir, '--out', out]);
    expect(r.stderr).toMatch(/3 processed, 0 skipped/);
    expect(rebuilt(out)).toEqual(clean);
  });

  it('an unchanged run with nothing touched is still "up to date"', async () => {
    const dir = corpus();
    const out = tmp();
    await cli(['run', dir, '--out', out, '--quiet']);
    const r = await cli(['run', dir, '--out', out]);
    expect(r.stderr).toMatch(/0 processed, 3 skipped \(unchanged\), 0 rejected/);
    expect(r.stderr).toMatch(/is up to date/);
  });
});
