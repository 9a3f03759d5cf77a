import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractBytes } from '../../pipeline/extract.js';
import { KeywordThread, withKeywords } from '../../pipeline/pool.js';
import { ISSUERS, textGazette } from '../fixtures/gazettes.js';
import { cli } from './cliHelper.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dg-limit-'));
const nestedTables = (depth: number) => `<html><body><div id="zoom">${ISSUERS[0]!.issuer}\n${ISSUERS[0]!.title}\n${ISSUERS[0]!.number}\n${'<table><tr><td>'.repeat(depth)}正文。${'</td></tr></table>'.repeat(depth)}</div></body></html>`;

/**
 * Inputs built to hit a per-match scan or a recursion, at the sizes that took minutes or crashed: with
 * extraction linear and HTML walked iteratively, each takes seconds. Each still ends with its documents.
 */
describe('pathological inputs are extracted in linear time', () => {
  const cases: [string, string, () => string][] = [
    ['100 KB of digits (amounts)', 'x.txt', () => textGazette(ISSUERS[1]!, '1'.repeat(100_000))],
    ['400 KB of 令第1号 (a sentence per citation)', 'x.txt', () => textGazette(ISSUERS[2]!, '令第1号'.repeat(80_000))],
    ['400 nested tables', 'x.html', () => nestedTables(400)],
    ['3,000 nested tables (cheerio .text() overflowed the stack)', 'x.html', () => nestedTables(3_000)],
  ];
  it.each(cases)('%s', (_name, path, build) => {
    const t0 = performance.now();
    const r = extractBytes(path, Buffer.from(build()), { keywords: false });
    expect('rejected' in r ? r.rejected : '').toBe('');
    expect(performance.now() - t0).toBeLessThan(15_000);
  }, 30_000);
});

describe('per-input budgets', () => {
  it('an input over the size budget is rejected with limit/size; the rest is processed', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'big.txt'), textGazette(ISSUERS[0]!, '正文。\n'.repeat(200_000)));
    writeFileSync(join(dir, 'g.txt'), textGazette(ISSUERS[1]!));
    const r = await cli(['run', dir, '--out', tmp(), '--max-input-mb', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 processed, 0 skipped \(unchanged\), 1 rejected; 1 documents/);
    expect(r.stderr).toMatch(new RegExp(`rejected ${join(dir, 'big.txt')}: limit/size: unexpected \\d+ bytes or more, expected at most 1048576 bytes`));
  });

  it('an input over the time budget is rejected with limit/time and does not stall the batch', async () => {
    const dir = tmp();
    const out = tmp();
    writeFileSync(join(dir, 'slow.html'), nestedTables(20_000));
    writeFileSync(join(dir, 'g.txt'), textGazette(ISSUERS[1]!));
    const t0 = performance.now();
    const r = await cli(['run', dir, '--out', out, '--max-input-seconds', '1']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`rejected ${join(dir, 'slow.html')}: limit/time: unexpected extraction still running after 1 s`);
    expect(JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')).documents).toHaveLength(1);
    expect(performance.now() - t0).toBeLessThan(40_000);
    // Not cached (only g.txt is): a later run with a larger budget reads it again.
    expect(readdirSync(join(out, 'cache'))).toHaveLength(1);
  }, 120_000);
});

describe('the keyword thread has the per-input time budget', () => {
  // An injected slow path: a segmenter that never returns on one input and answers the others.
  const script = join(tmp(), 'stalling.mjs');
  writeFileSync(
    script,
    `import { parentPort } from 'node:worker_threads';
parentPort.on('message', ({ file }) => {
  parentPort.postMessage({ started: true });
  if (file === 'stall') for (;;);
  parentPort.postMessage({ result: [[{ word: 'ok', weight: 1 }], [{ word: 'ok', weight: 1 }]] });
});`,
  );

  it('a job over budget gets a limit/time warning within the budget; the thread is replaced and answers the next input', async () => {
    const thread = new KeywordThread(1, pathToFileURL(script));
    try {
      const t0 = performance.now();
      const over = await thread.run({ file: 'stall' });
      expect(performance.now() - t0).toBeLessThan(10_000);
      expect(over).toEqual({ dropped: { rule: 'limit/time', message: expect.stringMatching(/^unexpected keyword segmentation still running after 1 s, expected at most 1 s per input \(--max-input-seconds\)/) } });
      expect(await thread.run({ file: 'two-documents' })).toEqual([[{ word: 'ok', weight: 1 }], [{ word: 'ok', weight: 1 }]]);
    } finally {
      await thread.close();
    }
  }, 30_000);

  it('dropped keywords leave every document of the input in place, without keywords, with the warning', () => {
    for (const h of [ISSUERS[0]!, ISSUERS[2]!]) {
      const r = extractBytes('x.txt', Buffer.from(textGazette(h)), { keywords: false });
      if (!('documents' in r)) throw new Error(r.rejected);
      const warning = { rule: 'limit/time', message: 'unexpected keyword segmentation still running after 1 s, expected at most 1 s per input' };
      expect([...withKeywords(r.documents, { dropped: warning })].map((d) => [d.id, d.keywords, d.warnings])).toEqual([[h.number, [], [warning]]]);
    }
  });
});
