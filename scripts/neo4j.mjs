#!/usr/bin/env node
// Starts/stops a local Neo4j Community 5.26 (embedded DBMS + Bolt, see neo4j/Launcher.java) without Docker.
//   node scripts/neo4j.mjs start   → fetches the jars once (Maven), starts in the background, prints the bolt:// URI
//   node scripts/neo4j.mjs stop    → stops the server started by `start`
//   node scripts/neo4j.mjs fetch   → only fetches the jars into neo4j/lib and cypher-shell's into neo4j/shell/lib (CI does this up front)
// Env: NEO4J_PORT (default: a free port), NEO4J_HEAP (default 1g).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const home = join(root, 'neo4j');
const lib = join(home, 'lib');
const runDir = join(home, 'run');
const state = join(runDir, 'current.json');

export const HOW_TO_GET_NEO4J =
  'Neo4j is needed for the integration tests. Either set NEO4J_URI (and NEO4J_USER/NEO4J_PASSWORD) to a running ' +
  'Neo4j 5.x, or install Java 17+ and Maven (`apt-get install openjdk-17-jdk-headless maven`) so that ' +
  '`npm run neo4j:start` can fetch Neo4j Community 5.26 from Maven Central and start it.';

function need(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`\`${cmd}\` is not available. ${HOW_TO_GET_NEO4J}`);
}

const shellLib = join(home, 'shell', 'lib');

/** Runs Maven in `dir` to copy its pom's dependencies into `dir/lib`, unless a jar matching `has` is there. */
function fetchInto(dir, has, what) {
  const into = join(dir, 'lib');
  if (existsSync(into) && readdirSync(into).some((f) => has.test(f))) return;
  need('mvn', ['-v']);
  const r = spawnSync('mvn', ['-q', '-B', 'dependency:copy-dependencies', '-DoutputDirectory=lib'], { cwd: dir, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`mvn could not fetch ${what} into ${into}. ${HOW_TO_GET_NEO4J}`);
}

/** The server's jars (neo4j/lib, which also holds neo4j-admin's AdminTool) and cypher-shell's (neo4j/shell/lib). */
export function fetchJars() {
  fetchInto(home, /^neo4j-5\.26\.\d+\.jar$/, 'the Neo4j jars');
  fetchInto(join(home, 'shell'), /^cypher-shell-5\.26\.\d+\.jar$/, 'cypher-shell');
}

/** The command line of a Java tool from the fetched jars: neo4j-admin (server lib) or cypher-shell (its own lib). */
export function javaTool(tool) {
  fetchJars();
  return tool === 'neo4j-admin'
    ? ['java', '-cp', join(lib, '*'), 'org.neo4j.cli.AdminTool']
    : ['java', '-cp', join(shellLib, '*'), 'org.neo4j.shell.Main'];
}

function freePort() {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/** Starts a server (on a fresh store directory unless `store` is given); resolves once it prints READY. */
export async function startServer({ port, detached = true, store: reuse } = {}) {
  need('java', ['-version']);
  fetchJars();
  mkdirSync(runDir, { recursive: true });
  const p = port ?? (process.env.NEO4J_PORT ? Number(process.env.NEO4J_PORT) : await freePort());
  const store = reuse ?? mkdtempSync(join(runDir, 'store-'));
  const logPath = join(store, 'launcher.log');
  const log = openSync(logPath, 'w');
  const child = spawn(
    'java',
    [
      `-Xmx${process.env.NEO4J_HEAP ?? '1g'}`,
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/java.io=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-Dio.netty.tryReflectionSetAccessible=true',
      '-cp',
      join(lib, '*'),
      join(home, 'Launcher.java'),
      String(p),
      store,
    ],
    { detached, stdio: ['ignore', log, log] },
  );
  if (detached) child.unref();
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const out = readFileSync(logPath, 'utf8');
    const m = /READY (bolt:\/\/\S+)/.exec(out);
    if (m) {
      const info = { uri: m[1], pid: child.pid, store };
      // Only the server `npm run neo4j:start` leaves running is recorded: one that tests or the benchmark
      // start and stop themselves must not replace it (its record would be lost with theirs).
      if (detached) writeFileSync(state, JSON.stringify(info));
      return info;
    }
    if (child.exitCode !== null) throw new Error(`Neo4j exited during start-up (code ${child.exitCode}):\n${out.slice(-3000)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGTERM');
  throw new Error(`Neo4j did not start within 3 minutes; see ${logPath}`);
}

export async function stopServer(info, { keepStore = false } = {}) {
  const current = info ?? (existsSync(state) ? JSON.parse(readFileSync(state, 'utf8')) : null);
  if (!current) return false;
  try {
    process.kill(current.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  for (let i = 0; i < 120; i++) {
    try {
      process.kill(current.pid, 0);
      await new Promise((r) => setTimeout(r, 250));
    } catch {
      break;
    }
  }
  if (!keepStore) rmSync(current.store, { recursive: true, force: true });
  if (existsSync(state) && JSON.parse(readFileSync(state, 'utf8')).pid === current.pid) rmSync(state);
  return true;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const cmd = process.argv[2];
  try {
    if (cmd === 'start') {
      const { uri, pid } = await startServer();
      console.error(`Neo4j 5.26 running (pid ${pid}); stop it with: npm run neo4j:stop`);
      console.log(uri);
    } else if (cmd === 'fetch') {
      fetchJars();
      console.error(`Neo4j jars ready in ${lib}, cypher-shell in ${shellLib}`);
    } else if (cmd === 'stop') {
      console.error((await stopServer()) ? 'Neo4j stopped' : 'no Neo4j started by `npm run neo4j:start` is running');
    } else {
      console.error('usage: node scripts/neo4j.mjs start|stop|fetch');
      process.exitCode = 2;
    }
  } catch (err) {
    console.error(err.message);
    process.exitCode = 1;
  }
}
