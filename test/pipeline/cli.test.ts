import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_PATH } from '../helpers.js';
import { SCHEMA_VERSION } from '../../graph/model.js';
import { cli } from './cliHelper.js';

describe('decree-graph CLI', () => {
  it.each([['--help'], ['extract', '--help'], ['run', '--help'], ['report', '--help'], ['load', '--help'], ['query', '--help']])('%s %s shows help with exit 0', async (...args) => {
    const r = await cli(args.filter(Boolean));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: decree-graph/);
  });

  it('--help shows examples', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/Examples:\n\s+\$ decree-graph run/);
    expect((await cli(['extract', '--help'])).stdout).toMatch(/Examples:\n\s+\$ decree-graph extract/);
  });

  it.each([[[]], [['extract']], [['frobnicate']], [['report', 'nonsense']], [['run', 'x', '--workers']]])('usage error %j exits 2', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toBe('');
  });

  it('extract writes the export and exits 0 when every input was read', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'dg-')), 'e.json');
    const r = await cli(['extract', SAMPLE_PATH, '--out', out]);
    expect(r.code).toBe(0);
    const exp = JSON.parse(readFileSync(out, 'utf8'));
    expect(exp.schemaVersion).toBe(SCHEMA_VERSION);
    expect(exp.documents).toHaveLength(18);
    expect(exp.rejected).toEqual([]);
  });

  it('extract exits 1 naming the bad file and what is wrong, and still exports the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dg-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, Buffer.from([0, 1, 2, 3]));
    const r = await cli(['extract', SAMPLE_PATH, bad]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`rejected ${bad}: decode/binary: unexpected NUL byte`);
    const exp = JSON.parse(r.stdout);
    expect(exp.documents).toHaveLength(18);
    expect(exp.rejected).toEqual([{ path: bad, reason: expect.stringMatching(/^decode\/binary: /) }]);
  });

  it('load and query without a Neo4j say how to get one (exit 2)', async () => {
    const r = await cli(['query', 'RETURN 1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no Neo4j URI.*npm run neo4j:start/);
  });
});
