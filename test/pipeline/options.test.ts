import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { redactUri } from '../../graph/connection.js';
import { buildReport } from '../../pipeline/reports/build.js';
import { render } from '../../pipeline/reports/render.js';
import { ISSUERS, textGazette } from '../fixtures/gazettes.js';
import { exportFor } from '../helpers.js';
import { cli } from './cliHelper.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dg-opt-'));

describe('Neo4j: credentials never printed, the server checked before any work', () => {
  it.each(['bolt://neo4j:s3cret-pw@127.0.0.1:1', 'neo4j://admin:s3cret-pw@127.0.0.1:1/x'])('%s: exit 2 at once, the password redacted, nothing extracted or written', async (uri) => {
    const dir = tmp();
    writeFileSync(join(dir, 'g.txt'), textGazette(ISSUERS[0]!));
    const out = join(tmp(), 'out');
    for (const r of [await cli(['run', dir, '--out', out, '--neo4j', uri]), await cli(['run', dir, '--out', out], { NEO4J_URI: uri })]) {
      expect(r.code).toBe(2);
      expect(r.stderr).not.toContain('s3cret-pw');
      expect(r.stderr).toMatch(/cannot reach Neo4j at (bolt|neo4j):\/\/\*\*\*@127\.0\.0\.1:1/);
      expect(r.stderr).not.toMatch(/processed/);
    }
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });

  it('any text quoting a URI loses its user:password part', () => {
    expect(redactUri('failed: connect to bolt+s://u:p@h:7687 and neo4j://x@y')).toBe('failed: connect to bolt+s://***@h:7687 and neo4j://***@y');
  });
});

describe('Markdown reports keep titles and names as text', () => {
  it.each(ISSUERS.map((h) => [h.issuer, h.number]))('%s: <script> in a title is escaped', async (issuer, number) => {
    const text = `${issuer}\n\n${issuer}关于<script>alert(1)</script>的通知\n\n${number}\n\n各有关单位：\n\n一、正文。\n`;
    const exp = exportFor('x.txt', text);
    expect(exp.documents).toHaveLength(1);
    for (const kind of ['citations', 'gaps'] as const) {
      const md = await render(buildReport(kind, exp), 'md');
      expect(md).not.toContain('<script>');
    }
    expect(await render(buildReport('citations', exp), 'md')).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('option values are checked with a clear message (exit 2)', () => {
  it.each([
    [['--workers', '0'], /--workers.*unexpected "0", expected a whole number from 1 to 64/],
    [['--workers', '100000'], /unexpected "100000", expected a whole number from 1 to 64/],
    [['--workers', 'two'], /unexpected "two", expected a whole number/],
    [['--out', ''], /--out.*unexpected an empty path, expected a directory/],
    [['--max-input-mb', '0'], /--max-input-mb.*expected a whole number from 1/],
    [['--max-input-seconds', '-5'], /--max-input-seconds.*expected a whole number from 1/],
  ])('%j', async (args, message) => {
    const cwd = tmp();
    writeFileSync(join(cwd, 'g.txt'), textGazette(ISSUERS[1]!));
    const r = await cli(['run', 'g.txt', ...args], {}, { cwd, timeout: 60_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readdirSync(cwd)).toEqual(['g.txt']);
  });
});

describe('the summary adds up and every error names its file', () => {
  it('processed + skipped + rejected = inputs, on a first run and a re-run', async () => {
    const dir = tmp();
    const out = tmp();
    ISSUERS.forEach((h, i) => writeFileSync(join(dir, `g${i}.txt`), textGazette(h)));
    writeFileSync(join(dir, 'bad.txt'), Buffer.from([0, 1, 2]));
    const counts = (s: string) => /(\d+) processed, (\d+) skipped \(unchanged\), (\d+) rejected/.exec(s)!.slice(1).map(Number);
    const first = counts((await cli(['run', dir, join(dir, 'missing.txt'), '--out', out])).stderr);
    expect(first).toEqual([3, 0, 2]);
    writeFileSync(join(dir, 'g0.txt'), textGazette(ISSUERS[0]!, '各有关单位：\n\n一、改过的正文。\n'));
    expect(counts((await cli(['run', dir, join(dir, 'missing.txt'), '--out', out])).stderr)).toEqual([1, 2, 2]);
  });

  it('a corrupt export.json: `report` and `load` say which file', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'export.json'), '{"schemaVersion":1,"documents":[');
    const report = await cli(['report', 'gaps', '--from', dir]);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(`${join(dir, 'export.json')}: cannot read the export`);
    const load = await cli(['load', join(dir, 'export.json')]);
    expect(load.code).toBe(2);
    expect(load.stderr).toContain(`${join(dir, 'export.json')}: cannot read the export`);
  });

  it('an --out that is a file is refused naming it', async () => {
    const dir = tmp();
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'g.txt'), textGazette(ISSUERS[2]!));
    writeFileSync(join(dir, 'out'), 'x');
    const r = await cli(['run', join(dir, 'in'), '--out', join(dir, 'out')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'out')}: unexpected a file, expected a directory`);
  });
});
