import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readGazette } from '../../corpus/read.js';
import { extractDocument } from '../../extractors/document.js';
import { AdminImportWriter } from '../../graph/adminImport.js';
import { connect } from '../../graph/connection.js';
import { cypherScript } from '../../graph/cypherScript.js';
import { SCHEMA } from '../../graph/schema.js';
import { loadExport, unloadExport } from '../../graph/loader.js';
import type { ExportFile } from '../../graph/model.js';
import { documentRows } from '../../graph/statements.js';
import { chooseDocuments } from '../../pipeline/conflicts.js';
// @ts-expect-error plain ESM script shared with `npm run neo4j:start`
import { javaTool, startServer, stopServer } from '../../scripts/neo4j.mjs';
import { exportFor, sampleVariant } from '../helpers.js';
import { DATABASE, testDriver } from '../neo4j/driver.js';
import { cli } from '../pipeline/cliHelper.js';
import { snapshot } from './snapshot.js';

/**
 * The three ways into Neo4j — the Bolt loader, `cypher-shell -f graph.cypher` and `neo4j-admin database
 * import` of the CSVs — write the same graph, property types included. The last two run the real tools
 * (Maven Central jars fetched by scripts/neo4j.mjs), not emulations.
 */
const run = promisify(execFile);
const gazette = exportFor('paths-test/濮.txt', sampleVariant('濮'));
// One decree printed by a second input too (its web page): the graph holds one record with both sources.
const page = { ...gazette.documents[3]!, source: { ...gazette.documents[3]!.source, path: 'paths-test/濮-page.html', format: 'html' as const } };
const exp = { ...gazette, documents: [...gazette.documents, page] };
const chosen = chooseDocuments(exp.documents);
const ids = chosen.documents.map((d) => d.id);
const tmp = mkdtempSync(join(tmpdir(), 'load-paths-'));
const [java, ...shellArgs] = javaTool('cypher-shell') as string[];
const cypherShell = (uri: string, ...args: string[]) => run(java!, [...shellArgs, '-a', uri, '-d', DATABASE, '--non-interactive', ...args], { maxBuffer: 1 << 24 });

/** Runs import.sh (the server jars' `neo4j-admin`) into a fresh store, starts a server on it, adds the schema, and calls `check`. */
async function adminImported(dir: string, name: string, check: (imported: Driver, stdout: string) => Promise<void>): Promise<void> {
  const bin = join(tmp, 'bin');
  if (!existsSync(bin)) {
    mkdirSync(bin);
    const [, ...adminArgs] = javaTool('neo4j-admin') as string[];
    writeFileSync(join(bin, 'neo4j-admin'), `#!/bin/sh\nexec java ${adminArgs.map((a) => `'${a}'`).join(' ')} "$@"\n`, { mode: 0o755 });
  }
  const home = join(tmp, name);
  mkdirSync(home);
  const { stdout } = await run('sh', [join(dir, 'import.sh')], { cwd: tmp, env: { ...process.env, NEO4J_HOME: home, PATH: `${bin}:${process.env.PATH}` }, maxBuffer: 1 << 24 });
  const server = await startServer({ store: home, detached: false });
  let imported: Driver | undefined;
  try {
    await cypherShell(server.uri, '-f', join(dir, 'schema.cypher'));
    imported = await connect({ uri: server.uri, user: 'neo4j', password: '', database: 'neo4j' });
    await check(imported, stdout);
  } finally {
    await imported?.close();
    await stopServer(server);
  }
}

let driver: Driver;
let viaBolt: string[];

beforeAll(async () => {
  driver = await testDriver();
  await loadExport(driver, DATABASE, { ...exp, ...chosen });
  viaBolt = await snapshot(driver, ids);
  await unloadExport(driver, DATABASE, exp);
});
afterAll(async () => {
  if (driver) await unloadExport(driver, DATABASE, exp);
  await driver?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the three load paths give the same typed graph', () => {
  it('the Bolt load stores whole numbers as INTEGER and dates as DATE; only amounts are FLOAT', () => {
    expect(viaBolt.length).toBeGreaterThan(1000);
    const floats = new Set(viaBolt.flatMap((l) => [...l.matchAll(/(\w+): FLOAT/g)].map((m) => m[1])));
    expect([...floats]).toEqual(['value']);
    expect(viaBolt).toContainEqual(expect.stringMatching(/^濮政〔2018〕25号 .*issuedDate: DATE NOT NULL .*serial: INTEGER NOT NULL 25.*year: INTEGER NOT NULL 2018/));
    expect(viaBolt).toContainEqual(expect.stringMatching(/"DUE".*dueDate: DATE NOT NULL/));
  });

  it('a decree printed by two inputs holds both as sources, the chosen record marked', () => {
    const sources = viaBolt.filter((l) => l.startsWith(`${page.id} ["CONTAINS"`));
    expect(sources).toHaveLength(2);
    expect(sources).toContainEqual(expect.stringMatching(/chosen: BOOLEAN NOT NULL true.*format: STRING NOT NULL .?"text.*start: INTEGER NOT NULL \d+.*path: STRING NOT NULL .?"paths-test\/濮.txt/));
    expect(sources).toContainEqual(expect.stringMatching(/chosen: BOOLEAN NOT NULL false.*format: STRING NOT NULL .?"html.*path: STRING NOT NULL .?"paths-test\/濮-page.html/));
  });

  it('cypher-shell -f graph.cypher writes what the Bolt loader writes', async () => {
    const file = join(tmp, 'graph.cypher');
    writeFileSync(file, cypherScript({ ...exp, documents: chosen.documents }, chosen.sourcesOf));
    await cypherShell(inject('neo4jUri'), '-f', file);
    expect(await snapshot(driver, ids)).toEqual(viaBolt);
    await unloadExport(driver, DATABASE, exp);
  }, 300_000);

  it('neo4j-admin imports the CSVs into a fresh store; import.sh then says how to add the schema, which cypher-shell applies', async () => {
    const dir = join(tmp, 'import');
    const writer = new AdminImportWriter(dir, ids);
    for (const d of chosen.documents) await writer.add(documentRows(d, chosen.sourcesOf(d)));
    await writer.finish(exp.agencies);
    await adminImported(dir, 'home', async (imported, stdout) => {
      const howToIndex = stdout.trim().split('\n').at(-1)!;
      expect(howToIndex).toMatch(/cypher-shell -d neo4j -f '.*schema\.cypher'$/);
      expect(await snapshot(imported, ids, 'neo4j')).toEqual(viaBolt);
      // Every constraint and index of the schema, online (a constraint is backed by an index of its name).
      const indexes = (await imported.executeQuery('SHOW INDEXES YIELD name, state', {}, { database: 'neo4j' })).records.map((r) => r.toObject());
      const named = SCHEMA.map((q) => /(?:CONSTRAINT|INDEX) (\w+) IF NOT EXISTS/.exec(q)![1]!);
      expect(indexes.filter((i) => named.includes(i.name as string))).toEqual(expect.arrayContaining(named.map((name) => ({ name, state: 'ONLINE' }))));
      expect(indexes.filter((i) => named.includes(i.name as string))).toHaveLength(named.length);
    });
  }, 300_000);

  it('a number-less document repeated verbatim in two gazettes is one decree in the CSVs, as over Bolt', async () => {
    // 许's appointments notice (任免, no 发文字号: its id is issuer, kind and date) printed again in a second gazette.
    const text = sampleVariant('许');
    const g = readGazette('x.txt', Buffer.from(text));
    const docs = g.documents.map((d) => ({ id: extractDocument(g, d, { keywords: false }).id, text: text.slice(d.norm.map[0], d.norm.map[d.norm.text.length]) }));
    const repeated = docs.filter((d) => d.id.startsWith('任免:'));
    expect(repeated).toHaveLength(1);
    const corpus = join(tmp, 'repeat');
    mkdirSync(corpus);
    writeFileSync(join(corpus, '许-1.txt'), text);
    writeFileSync(join(corpus, '许-2.txt'), `${repeated[0]!.text}\n`);
    const out = join(tmp, 'repeat-out');
    const r = await cli(['run', corpus, '--out', out, '--quiet'], { NEO4J_URI: inject('neo4jUri') });
    expect(r.code, r.stderr).toBe(0);
    const runExp = JSON.parse(readFileSync(join(out, 'export.json'), 'utf8')) as ExportFile & { conflicts: { id: string }[] };
    expect(runExp.conflicts.map((c) => c.id)).toEqual([repeated[0]!.id]);
    const runIds = [...new Set(runExp.documents.map((d) => d.id))];
    try {
      const bolt = await snapshot(driver, runIds);
      await adminImported(join(out, 'import'), 'repeat-home', async (imported) => {
        expect(await snapshot(imported, runIds, 'neo4j')).toEqual(bolt);
      });
    } finally {
      await unloadExport(driver, DATABASE, runExp);
    }
  }, 300_000);
});
