import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../pipeline/reports/build.js';
import { REPORT_KINDS } from '../../pipeline/reports/model.js';
import { render } from '../../pipeline/reports/render.js';
import { writeBadInputs } from '../fixtures/badInputs.js';
import { SAMPLE_PATH, sampleVariant } from '../helpers.js';
import { CLI, cli, tree } from './cliHelper.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dg-run-'));

describe('decree-graph run (embedded default)', () => {
  it('writes the export, graph files and every report; a second run skips everything and says so', async () => {
    const out = tmp();
    const first = await cli(['run', SAMPLE_PATH, '--out', out]);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/1 processed, 0 skipped \(unchanged\), 0 rejected; 18 documents/);
    expect(first.stderr).toMatch(/facts: \d+ citations, \d+ assignments, \d+ amounts, \d+ deadlines, 74 appointments/);
    const files = Object.keys(tree(out));
    for (const f of ['export.json', 'graph.cypher', 'manifest.json', 'import/import.sh', 'import/nodes-decrees.csv', 'import/rels-cites.csv', 'reports/deadlines.ics']) expect(files).toContain(f);
    for (const kind of ['citations', 'gaps', 'agencies', 'deadlines']) for (const fmt of ['csv', 'json', 'md', 'html']) expect(files).toContain(`reports/${kind}.${fmt}`);
    const before = tree(out);
    const second = await cli(['run', SAMPLE_PATH, '--out', out]);
    expect(second.stderr).toMatch(/0 processed, 1 skipped \(unchanged\), 0 rejected/);
    expect(second.stderr).toMatch(/no changes since the last run/);
    expect(tree(out)).toEqual(before);
  });

  it('the reports a run writes are the report builders over its export.json', async () => {
    const out = tmp();
    await cli(['run', SAMPLE_PATH, '--out', out, '--quiet']);
    const exp = JSON.parse(readFileSync(join(out, 'export.json'), 'utf8'));
    for (const kind of REPORT_KINDS) {
      for (const format of ['json', 'csv', 'md', 'html'] as const) {
        expect(readFileSync(join(out, 'reports', `${kind}.${format}`), 'utf8'), `${kind}.${format}`).toBe(await render(buildReport(kind, exp), format));
      }
    }
  });

  it('copies of one gazette at two paths share one cached result; each document keeps the path it was read from', async () => {
    const dir = tmp();
    const out = tmp();
    const text = readFileSync(SAMPLE_PATH, 'utf8');
    writeFileSync(join(dir, 'a.txt'), text);
    writeFileSync(join(dir, 'b.txt'), text);
    const r = await cli(['run', dir, '--out', out]);
    expect(r.stderr).toMatch(/2 processed, 0 skipped \(unchanged\), 0 rejected; 36 documents/);
    const exp = JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')) as { documents: { source: { path: string } }[] };
    const byPath = (name: string) => exp.documents.filter((d) => d.source.path === join(dir, name)).length;
    expect([byPath('a.txt'), byPath('b.txt')]).toEqual([18, 18]);
    expect(readdirSync(join(out, 'cache'))).toHaveLength(1);
  });

  it('a changed gazette is processed again and the summary says what changed', async () => {
    const dir = tmp();
    const out = tmp();
    const path = join(dir, 'issue.txt');
    const text = readFileSync(SAMPLE_PATH, 'utf8');
    const cut = text.indexOf('郑州市人民政府任免人员');
    writeFileSync(path, text.slice(0, cut));
    await cli(['run', dir, '--out', out]);
    writeFileSync(path, text);
    const r = await cli(['run', dir, '--out', out]);
    expect(r.stderr).toMatch(/1 processed, 0 skipped/);
    expect(r.stderr).toMatch(/since the last run: decrees \+1 -0, citations \+0 -0, assignments \+0 -0/);
  });

  it('bad inputs of every kind: each rejected with its reason or processed safely; the batch goes on; exit 1', async () => {
    const dir = tmp();
    const out = tmp();
    const expected = writeBadInputs(join(dir, 'bad'));
    cpSync(SAMPLE_PATH, join(dir, 'good.txt'));
    expect(Object.keys(expected).length).toBeGreaterThanOrEqual(20);
    const r = await cli(['run', dir, '--out', out, '--quiet']);
    expect(r.code).toBe(1);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).inputs as Record<string, { status: string; reason?: string }>;
    // Nothing lost: every input is in the manifest, processed or rejected with a reason.
    expect(Object.keys(manifest).sort()).toEqual([...Object.keys(expected), join(dir, 'good.txt')].sort());
    expect(manifest[join(dir, 'good.txt')]!.status).toBe('processed');
    for (const [path, outcome] of Object.entries(expected)) {
      const got = manifest[path]!;
      if (outcome === 'processed') expect({ path, status: got.status }).toEqual({ path, status: 'processed' });
      else {
        expect({ path, status: got.status }).toEqual({ path, status: 'rejected' });
        expect(got.reason!.startsWith(`${outcome}${outcome === 'read' ? ':' : ': '}`), `${path}: ${got.reason}`).toBe(true);
        expect(r.stderr).toContain(`rejected ${path}: `);
      }
    }
    // Text that looks like Cypher or a spreadsheet formula stays data.
    const exp = JSON.parse(readFileSync(join(out, 'export.json'), 'utf8'));
    expect(exp.documents.map((d: { title: string }) => d.title)).toContain("郑州市人民政府关于=cmd|' /C calc'!A0的通知");
    const csv = readFileSync(join(out, 'import', 'nodes-decrees.csv'), 'utf8');
    // neo4j-admin gets the exact value; only the reports meant for Excel neutralise formulas.
    expect(csv).toContain(",郑州市人民政府关于=cmd|' /C calc'!A0的通知,");
    const report = readFileSync(join(out, 'reports', 'citations.csv'), 'utf8');
    expect(report.startsWith('\ufeff')).toBe(true);
    expect(report).not.toMatch(/(^|,)=/m);
  }, 120_000);
});

describe('kill -9 at any point, then a re-run, gives the same out directory as a clean run', () => {
  // A corpus large enough that the kill lands mid-batch: the sample under several city names.
  const corpus = tmp();
  for (const city of '郑汴洛宛许商') writeFileSync(join(corpus, `${city}.txt`), sampleVariant(city));
  const clean = tmp();
  let cleanMs = 0;

  it('a clean run', async () => {
    const t0 = performance.now();
    expect((await cli(['run', corpus, '--out', clean, '--quiet'])).code).toBe(0);
    cleanMs = performance.now() - t0;
  }, 120_000);

  // Kill points spread over the clean run's duration: start-up, extraction, writing outputs.
  it.each([0.15, 0.35, 0.55, 0.75, 0.9])('killed at %d of a clean run', async (fraction) => {
    const out = tmp();
    const child = spawn(process.execPath, [CLI, 'run', corpus, '--out', out, '--quiet'], { stdio: 'ignore', env: { ...process.env, NEO4J_URI: '' } });
    const exited = new Promise((r) => child.once('exit', r));
    await new Promise((r) => setTimeout(r, cleanMs * fraction));
    child.kill('SIGKILL');
    await exited;
    expect((await cli(['run', corpus, '--out', out, '--quiet'])).code).toBe(0);
    expect(tree(out)).toEqual(tree(clean));
  }, 120_000);
});
