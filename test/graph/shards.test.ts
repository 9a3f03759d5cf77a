import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readGazette } from '../../corpus/read.js';
import { extractDocument } from '../../extractors/document.js';
import { unloadExport } from '../../graph/loader.js';
import type { ExportFile } from '../../graph/model.js';
import { sampleVariant } from '../helpers.js';
import { DATABASE, testDriver } from '../neo4j/driver.js';
import { cli } from '../pipeline/cliHelper.js';
import { fingerprint } from './snapshot.js';

/**
 * Two cities' copies of the sample. 汝's documents 25号 and 92号, cited by number by its 95号, are a file
 * of their own, so a shard can hold the citer without the cited. Both issues cite the same laws and
 * central documents: shards loading at once MERGE the same shared nodes.
 */
const dir = mkdtempSync(join(tmpdir(), 'shards-'));
const corpus = join(dir, 'corpus');
const cited = ['汝政〔2018〕25号', '汝政文〔2018〕92号'];
const file = (name: string) => join(corpus, name);

function writeCorpus(): void {
  mkdirSync(corpus, { recursive: true });
  writeFileSync(file('郏.txt'), sampleVariant('郏'));
  const text = sampleVariant('汝');
  const g = readGazette('x.txt', Buffer.from(text));
  const parts = g.documents.map((d) => ({ id: extractDocument(g, d, { keywords: false }).id, text: text.slice(d.norm.map[0], d.norm.map[d.norm.text.length]) }));
  const away = parts.filter((p) => cited.includes(p.id));
  expect(away).toHaveLength(2);
  writeFileSync(file('汝.txt'), parts.filter((p) => !away.includes(p)).map((p) => p.text).join('\n\n'));
  writeFileSync(file('汝-cited.txt'), away.map((p) => p.text).join('\n\n'));
}

let driver: Driver;
const uri = () => inject('neo4jUri');
const run = (inputs: string[], out: string) => cli(['run', ...inputs, '--out', join(dir, out), '--quiet'], { NEO4J_URI: uri() });
const exportOf = (out: string) => JSON.parse(readFileSync(join(dir, out, 'export.json'), 'utf8')) as ExportFile;
const unload = async (...outs: string[]) => {
  for (const o of outs) if (existsSync(join(dir, o, 'export.json'))) await unloadExport(driver, DATABASE, exportOf(o));
};

beforeAll(async () => {
  driver = await testDriver();
  writeCorpus();
});
afterAll(async () => {
  // What a failed assertion left loaded.
  if (driver) await unload('whole', 'shard1', 'shard2');
  rmSync(dir, { recursive: true, force: true });
  await driver?.close();
});

/** Runs `shards` at once (each its own process and out directory) and returns the graph they made. */
async function concurrently(shards: string[][]): Promise<Awaited<ReturnType<typeof fingerprint>>> {
  const runs = await Promise.all(shards.map((inputs, i) => run(inputs.map(file), `shard${i + 1}`)));
  for (const r of runs) expect(r.code, r.stderr).toBe(0);
  return fingerprint(driver);
}

describe('runs over disjoint shards, loading one database at the same time', () => {
  it('give exactly the graph one run over the whole corpus gives', async () => {
    const before = await fingerprint(driver);
    const whole = await run([file('汝.txt'), file('汝-cited.txt'), file('郏.txt')], 'whole');
    expect(whole.code, whole.stderr).toBe(0);
    const one = await fingerprint(driver);
    expect(one.labels.Decree).toBeGreaterThan((before.labels.Decree ?? 0) + 36);
    await unload('whole');
    expect(await fingerprint(driver)).toEqual(before);

    expect(await concurrently([['汝.txt', '汝-cited.txt'], ['郏.txt']])).toEqual(one);
    await unload('shard1', 'shard2');
    expect(await fingerprint(driver)).toEqual(before);
  }, 600_000);

  it('a stub one shard makes becomes the decree when the other shard loads it', async () => {
    const whole = await run([file('汝.txt'), file('汝-cited.txt')], 'whole');
    expect(whole.code, whole.stderr).toBe(0);
    const one = await fingerprint(driver);
    await unload('whole');

    const sharded = await concurrently([['汝.txt'], ['汝-cited.txt']]);
    const targets = await driver.executeQuery(
      'MATCH (:Decree {id: $from})-[:CITES]->(t:Decree) WHERE t.id IN $cited RETURN DISTINCT t.id AS id, t.stub AS stub ORDER BY id',
      { from: '汝政文〔2018〕95号', cited },
      { database: DATABASE },
    );
    expect(targets.records.map((r) => r.toObject())).toEqual(cited.sort().map((id) => ({ id, stub: false })));
    // The same nodes and edges; what differs is what each run resolved against its own documents only
    // (README, "Scaling out"): the citation's resolved target in the citer's hash, short agency names.
    expect(sharded.types).toEqual(one.types);
    expect(sharded.labels.Decree).toBe(one.labels.Decree);
    await unload('shard1', 'shard2');
  }, 600_000);
});
