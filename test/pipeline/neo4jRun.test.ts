import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { unloadExport } from '../../graph/loader.js';
import { ISSUERS, textGazette } from '../fixtures/gazettes.js';
import { DATABASE, testDriver } from '../neo4j/driver.js';
import { cli } from './cliHelper.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'dg-neo-'));

describe('an unchanged run with --neo4j still makes the database hold the documents', () => {
  it('after out/cache was cleared, and after the decrees were deleted from the database', async () => {
    const driver = await testDriver();
    const dir = tmp();
    const out = tmp();
    // Numbers of this test's own (year 1999), so the shared database holds nothing else of theirs.
    const heads = ISSUERS.map((h) => ({ ...h, number: h.number.replace(/〔\d{4}〕/, '〔1999〕') }));
    heads.forEach((h, i) => writeFileSync(join(dir, `g${i}.txt`), textGazette(h)));
    const ids = heads.map((h) => h.number);
    const held = async () => (await driver.executeQuery('MATCH (d:Decree) WHERE d.id IN $ids RETURN count(d) AS n', { ids }, { database: DATABASE })).records[0]!.get('n');
    const uri = inject('neo4jUri');
    try {
      expect((await cli(['run', dir, '--out', out, '--quiet'])).code).toBe(0);
      rmSync(join(out, 'cache'), { recursive: true });
      const r = await cli(['run', dir, '--out', out, '--quiet', '--neo4j', uri]);
      expect(r.stderr).toMatch(/Neo4j: 3 documents written/);
      expect(await held()).toBe(3);
      // The database loses the documents (restored from an older backup, say); the out directory does not change.
      await unloadExport(driver, DATABASE, JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')));
      expect(await held()).toBe(0);
      const again = await cli(['run', dir, '--out', out, '--neo4j', uri]);
      expect(again.stderr).toMatch(/is up to date/);
      expect(again.stderr).toMatch(/Neo4j: 3 documents written, 0 unchanged/);
      expect(await held()).toBe(3);
    } finally {
      await unloadExport(driver, DATABASE, JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')));
      await driver.close();
    }
  }, 120_000);
});
