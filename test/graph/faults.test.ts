import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../graph/connection.js';
import { loadExport } from '../../graph/loader.js';
import { documentHash } from '../../graph/statements.js';
import { exportFor, sampleVariant } from '../helpers.js';
import { cli } from '../pipeline/cliHelper.js';
// @ts-expect-error plain ESM script shared with `npm run neo4j:start`
import { startServer, stopServer } from '../../scripts/neo4j.mjs';
import { inject } from 'vitest';

interface Server {
  uri: string;
  pid: number;
  store: string;
}

/** A server of this file's own, to kill and restart without disturbing the other tests. */
async function ownServer(store?: string): Promise<Server> {
  const error = inject('neo4jError');
  if (error) throw new Error(`No Neo4j for the integration tests: ${error}`);
  return startServer({ detached: false, store });
}

const servers: Server[] = [];
afterAll(async () => {
  for (const s of servers) await stopServer(s);
});

const settings = (uri: string) => ({ uri, user: 'neo4j', password: '', database: 'neo4j' });

describe('Neo4j stopped in the middle of a load', () => {
  it('the load fails clearly, no document is half-loaded, and loading again resumes to the full graph', async () => {
    // Three issues' worth of documents, so the kill lands mid-load.
    const exports = ['甲', '乙', '丙'].map((c) => exportFor(`faults/${c}.txt`, sampleVariant(c)));
    const exp = { ...exports[0]!, documents: exports.flatMap((e) => e.documents), agencies: exports.flatMap((e) => e.agencies) };
    const first = await ownServer();
    servers.push(first);
    let driver = await connect(settings(first.uri));
    // Warm the plan cache, so the kill below lands while documents are being written.
    await loadExport(driver, 'neo4j', exportFor('faults/warm.txt', sampleVariant('暖')));
    // The server dies (SIGKILL, no shutdown) once two batches of 4 documents are in.
    let killed = false;
    const onDocument = (done: number) => {
      if (done < 8 || killed) return;
      killed = true;
      process.kill(first.pid, 'SIGKILL');
    };
    const err = (await loadExport(driver, 'neo4j', exp, { batchSize: 4, onDocument }).catch((e: Error) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err.message).toMatch(/^loading Neo4j stopped after \d+ of 54 documents: .*run the same load again to resume\.$/s);
    await driver.close().catch(() => {});

    const again = await ownServer(first.store);
    servers.push(again);
    driver = await connect(settings(again.uri));
    try {
      // Every decree in the graph is whole: its hash and its fact counts are those of its document.
      const rows = (await driver.executeQuery(
        `MATCH (d:Decree) WHERE d.stub = false AND d.sourcePath STARTS WITH 'faults/' AND NOT d.sourcePath ENDS WITH 'warm.txt'
         RETURN d.id AS id, d.hash AS hash, COUNT { (d)-[:CITES]->() } AS cites, COUNT { (d)-[:APPOINTS]->() } AS holds,
                COUNT { (d)-[:HAS_AMOUNT]->() } AS amounts`,
        {},
        { database: 'neo4j' },
      )).records.map((r) => r.toObject());
      const byId = new Map(exp.documents.map((d) => [d.id, d]));
      expect(rows.length).toBeLessThan(54);
      for (const r of rows) {
        const d = byId.get(r.id as string)!;
        expect({ id: r.id, hash: r.hash, cites: r.cites, holds: r.holds, amounts: r.amounts }).toEqual({ id: d.id, hash: documentHash(d), cites: d.citations.length, holds: d.appointments.length, amounts: d.amounts.length });
      }
      const resumed = await loadExport(driver, 'neo4j', exp);
      expect(resumed.unchanged).toBe(rows.length);
      expect(resumed.documents).toBe(54 - rows.length);
      const total = await driver.executeQuery(`MATCH (d:Decree) WHERE d.stub = false AND d.sourcePath STARTS WITH 'faults/' AND NOT d.sourcePath ENDS WITH 'warm.txt' RETURN count(d) AS n`, {}, { database: 'neo4j' });
      expect(total.records[0]!.get('n')).toBe(54);
      // Same batch once more: nothing changes.
      expect(await loadExport(driver, 'neo4j', exp)).toMatchObject({ documents: 0, unchanged: 54, nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 });
    } finally {
      await driver.close();
    }
  }, 180_000);
});

describe('credentials', () => {
  it('never appear in the output of a run, a failed connection or a query', async () => {
    const secret = 'pw-7f3a9c-secret';
    const env = { NEO4J_USER: 'neo4j', NEO4J_PASSWORD: secret };
    const failed = await cli(['query', 'RETURN 1', '--neo4j', 'bolt://127.0.0.1:1'], env);
    expect(failed.code).toBe(2);
    expect(failed.stderr).toMatch(/cannot reach Neo4j at bolt:\/\/127\.0\.0\.1:1/);
    const ok = await cli(['query', 'RETURN 1 AS one', '--json', '--neo4j', inject('neo4jUri')], env);
    expect(ok.stdout).toMatch(/"one": 1/);
    for (const r of [failed, ok]) expect(r.stdout + r.stderr).not.toContain(secret);
  });
});
