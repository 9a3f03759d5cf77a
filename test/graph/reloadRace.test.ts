import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadExport, unloadExport } from '../../graph/loader.js';
import type { DocumentRecord, ExportFile } from '../../graph/model.js';
import { CITED_ONLY, documentRows } from '../../graph/statements.js';
import { exportFor, sampleVariant } from '../helpers.js';
import { DATABASE, testDriver } from '../neo4j/driver.js';
import { snapshot } from './snapshot.js';

/**
 * Two shards (two issuers' copies of the sample) cite the same laws and central documents. Each is loaded,
 * then changed (half of its documents cite less) and loaded again while the other shard loads its own
 * change: one load's orphan cleanup runs while the other deletes and rewrites citations of shared nodes.
 * Small batches make many transactions to interleave with.
 */
const [xu, luo] = ['许', '洛'].map((c) => exportFor(`race-test/${c}.txt`, sampleVariant(c))) as [ExportFile, ExportFile];
const ids = [...xu.documents, ...luo.documents].map((d) => d.id);

/** Every other document cites only some of what it cited (`keep` picks which): its hash changes. */
const changed = (exp: ExportFile, keep: (i: number) => boolean): ExportFile => ({
  ...exp,
  documents: exp.documents.map((d, k): DocumentRecord => (k % 2 ? d : { ...d, citations: d.citations.filter((_, i) => keep(i)) })),
});
const versions = [
  [xu, luo],
  [changed(xu, (i) => i % 2 === 0), changed(luo, (i) => i % 2 === 1)],
  [changed(xu, (i) => i === 0), luo],
] as const;

let driver: Driver;
const unloadAll = async () => {
  for (const exp of [xu, luo]) await unloadExport(driver, DATABASE, exp);
};

/** Cited-only nodes (laws, stubs, planned) the shards' documents reach, and whether anything cites each. */
async function citedOnly(): Promise<{ id: string; cited: boolean }[]> {
  const res = await driver.executeQuery(
    `MATCH (t) WHERE (${CITED_ONLY}) AND t.id IN $targets RETURN t.id AS id, EXISTS { ()-[:CITES]->(t) } AS cited ORDER BY id`,
    { targets: [...new Set(versions.flat().flatMap((e) => e.documents.flatMap((d) => documentRows(d).cites.map((c) => c.targetId))))] },
    { database: DATABASE },
  );
  return res.records.map((r) => r.toObject() as { id: string; cited: boolean });
}

beforeAll(async () => {
  driver = await testDriver();
  await unloadAll();
});
afterAll(async () => {
  if (driver) await unloadAll();
  await driver?.close();
});

describe('concurrent loads re-loading changed documents while the other cleans up orphans', () => {
  it('lose no citation and leave no orphan: the graph of one load of the final versions', async () => {
    const [a, b] = versions[2];
    await loadExport(driver, DATABASE, a);
    await loadExport(driver, DATABASE, b);
    const once = await snapshot(driver, ids);
    const onceTargets = await citedOnly();
    expect(onceTargets.length).toBeGreaterThan(0);
    await unloadAll();

    for (const [x, y] of versions) {
      const counts = await Promise.all([loadExport(driver, DATABASE, x, { batchSize: 2 }), loadExport(driver, DATABASE, y, { batchSize: 3 })]);
      for (const c of counts) expect(c.failed).toEqual([]);
    }
    expect(await snapshot(driver, ids)).toEqual(once);
    const targets = await citedOnly();
    expect(targets).toEqual(onceTargets);
    expect(targets.every((t) => t.cited)).toBe(true);
  }, 300_000);
});
