#!/usr/bin/env node
// Benchmark: `npm run bench [-- --gazettes N] [-- --neo4j-gazettes M] [-- --warmups W] [-- --small S --large L]
// [-- --pdf-pages P] [-- --only pdf]`. Not a test: it prints a table and,
// last, one JSON line. Ratios are taken against baselines measured in the same run on the same bytes.
//
// Corpus: N synthetic gazettes (default 1000, ~300 MB) built from the sample: documents shuffled,
// renumbered and re-dated per gazette, every 10th in GB18030 and every 10th as one HTML page per document,
// so nothing is cached or repeated verbatim.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const require = createRequire(import.meta.url);
const { readGazette } = await import(join(root, 'dist/corpus/read.js'));
const { extractBytes, assembleExport } = await import(join(root, 'dist/pipeline/extract.js'));
const { extractDocument } = await import(join(root, 'dist/extractors/document.js'));
const { extractInput } = await import(join(root, 'dist/pipeline/extract.js'));
const { buildPdf } = await import(join(root, 'scripts/pdf-writer.mjs'));

const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const N = arg('gazettes', 1000);
const SUBSET = arg('subset', 40); // files measured in-process for the per-core rates
const NEO4J_GAZETTES = arg('neo4j-gazettes', 20);
const WARMUPS = arg('warmups', 3);
const PDF_PAGES = arg('pdf-pages', 500);
// `--only pdf` measures the PDF reader alone (no text corpus, no Neo4j).
const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
// Corpus sizes whose run peaks are compared: memory must not grow with the corpus.
const SMALL = arg('small', 200);
const LARGE = arg('large', 2000);
const work = join(root, 'bench-out');
// Bumped when the corpus recipe changes, so a stale one is never reused.
const CORPUS_VERSION = 3;
const corpusDir = (n) => join(work, `corpus-${n}-v${CORPUS_VERSION}`);
const corpus = corpusDir(N);

// --- corpus -------------------------------------------------------------------------------------------
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function buildCorpus(N) {
  const corpus = corpusDir(N);
  if (existsSync(join(corpus, '.done'))) return corpus;
  rmSync(corpus, { recursive: true, force: true });
  mkdirSync(corpus, { recursive: true });
  const sample = readFileSync(join(root, 'corpus/samples/zhengzhou-gazette-2018-04.txt'), 'utf8');
  const g = readGazette('sample.txt', Buffer.from(sample));
  const docs = g.documents.map((d) => sample.slice(d.norm.map[0], d.norm.map[d.norm.text.length]));
  for (let k = 0; k < N; k++) {
    const rand = rng(k + 1);
    const year = 1950 + (k % 100);
    const order = docs.map((d, i) => [rand(), i]).sort((a, b) => a[0] - b[0]).map(([, i]) => docs[i]);
    // (year, serial) unique to each gazette up to N = 9,900 with serials of at most 5 digits, so no document
    // (nor HTML page) repeats another verbatim.
    const renumber = (t) => t.replace(/〔2018〕(\s*)(\d+)(\s*)号/g, (_m, a, n, b) => `〔${year}〕${a}${Number(n) + 1000 * Math.floor(k / 100)}${b}号`).replace(/2018(\s*)年/g, `${year}$1年`);
    if (k % 10 === 1) {
      const dir = join(corpus, `g${String(k).padStart(5, '0')}`);
      mkdirSync(dir);
      order.forEach((d, i) => {
        const body = renumber(d).split(/\n+/).filter((l) => l.trim()).map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('\n');
        writeFileSync(join(dir, `doc${i}.html`), `<!DOCTYPE html><html><head><meta charset="utf-8"><script>var x=1;</script></head><body><div class="nav">首页 &gt; 政府文件</div><div id="zoom">${body}</div><div class="footer">主办单位</div></body></html>`);
      });
    } else {
      const text = renumber(order.join('\n\n'));
      writeFileSync(join(corpus, `g${String(k).padStart(5, '0')}.txt`), k % 10 === 0 ? iconv.encode(text, 'gb18030') : text);
    }
  }
  writeFileSync(join(corpus, '.done'), '');
  return corpus;
}

function files(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(txt|html)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

const mb = (bytes) => bytes / 1e6;
const time = (fn) => {
  const t = performance.now();
  const r = fn();
  return [r, (performance.now() - t) / 1000];
};

// --- per-core rates on the same bytes ----------------------------------------------------------------
function perCore(paths) {
  const utf8 = paths.filter((p) => p.endsWith('.txt')).map((p) => readFileSync(p)).filter((b) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b);
      return true;
    } catch {
      return false;
    }
  });
  const bytes = utf8.reduce((n, b) => n + b.length, 0);
  const dec = new TextDecoder('utf-8');
  // Warm up each path once, then measure.
  for (const b of utf8.slice(0, 2)) dec.decode(b);
  const [texts, tDecode] = time(() => utf8.map((b) => dec.decode(b)));
  const extractAll = () => utf8.forEach((b, i) => {
    const g = readGazette(`f${i}.txt`, b);
    for (const d of g.documents) extractDocument(g, d, { keywords: false });
  });
  extractAll();
  const [, tExtract] = time(extractAll);
  const nodejieba = require('nodejieba');
  nodejieba.cut('预热');
  const [, tJieba] = time(() => texts.forEach((t) => nodejieba.cut(t)));
  const { Jieba } = require('@node-rs/jieba');
  const { dict } = require('@node-rs/jieba/dict');
  const rs = Jieba.withDict(dict);
  rs.cut('预热');
  const [, tRs] = time(() => texts.forEach((t) => rs.cut(t)));
  return { bytes, decodeMBps: mb(bytes) / tDecode, extractMBps: mb(bytes) / tExtract, segmentMBps: mb(bytes) / tJieba, rsJiebaMBps: mb(bytes) / tRs };
}

// --- the whole run, in a child process, with its peak RSS --------------------------------------------
function wholeRun(out, inputs = corpus) {
  const r = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, join(root, 'dist/pipeline/cli.js'), 'run', inputs, '--out', out, '--quiet'], { encoding: 'utf8', env: { ...process.env, NEO4J_URI: '' }, maxBuffer: 1 << 26 });
  const [kb, secs] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  if (r.status !== 0) throw new Error(`run failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { seconds: secs, peakRssMB: kb / 1024 };
}

const timed = async (fn) => {
  const t = performance.now();
  await fn();
  return (performance.now() - t) / 1000;
};

// --- Neo4j load against a raw UNWIND … CREATE of the same rows -----------------------------------------
async function neo4jLoad(paths) {
  const { connect, settingsFromEnv } = await import(join(root, 'dist/graph/connection.js'));
  const { loadExport, unloadExport } = await import(join(root, 'dist/graph/loader.js'));
  const { documentRows } = await import(join(root, 'dist/graph/statements.js'));
  let server = null;
  let settings = settingsFromEnv();
  if (!settings) {
    const { startServer } = await import(join(root, 'scripts/neo4j.mjs'));
    server = await startServer({ detached: false });
    settings = settingsFromEnv(server.uri);
  }
  const driver = await connect(settings);
  try {
    // The sample into the fresh database first, as a new user's first load: schema, cold plans and all.
    let freshLoadSeconds = null;
    if (server) {
      const sample = join(root, 'corpus/samples/zhengzhou-gazette-2018-04.txt');
      const first = assembleExport([extractBytes(sample, readFileSync(sample))]);
      freshLoadSeconds = await timed(() => loadExport(driver, settings.database, first));
      await unloadExport(driver, settings.database, first);
    }
    const exp = assembleExport(paths.map((p) => extractBytes(p, readFileSync(p))));
    const rows = exp.documents.flatMap((d) => {
      const r = documentRows(d);
      const flat = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v === null || typeof v !== 'object'));
      return [flat(r.decree), ...r.issuers, ...r.cites, ...r.tasks, ...r.assignments, ...r.deadlines, ...r.amounts, ...r.appointments].map(flat);
    });
    const rawCreate = async () => {
      for (let i = 0; i < rows.length; i += 5000) {
        await driver.executeQuery('UNWIND $rows AS row CREATE (n:BenchRaw) SET n = row', { rows: rows.slice(i, i + 5000) }, { database: settings.database });
      }
    };
    const rawDelete = async () => {
      // CALL … IN TRANSACTIONS needs an auto-commit transaction: session.run, not executeQuery.
      const session = driver.session({ database: settings.database });
      await session.run('MATCH (n:BenchRaw) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      await session.close();
    };
    // Warm-up iterations of each (a fresh JVM interprets before it compiles; a server that loads gazettes
    // as they are published is warm), then the timed one.
    await unloadExport(driver, settings.database, exp);
    for (let i = 0; i < WARMUPS; i++) {
      await loadExport(driver, settings.database, exp);
      await unloadExport(driver, settings.database, exp);
      await rawCreate();
      await rawDelete();
    }
    const tLoad = await timed(() => loadExport(driver, settings.database, exp));
    await unloadExport(driver, settings.database, exp);
    const tRaw = await timed(rawCreate);
    await rawDelete();
    return { rows: rows.length, documents: exp.documents.length, loadRowsPerSec: rows.length / tLoad, loadDocsPerSec: exp.documents.length / tLoad, rawCreateRowsPerSec: rows.length / tRaw, freshLoadSeconds };
  } finally {
    await driver.close();
    if (server) {
      const { stopServer } = await import(join(root, 'scripts/neo4j.mjs'));
      await stopServer(server);
    }
  }
}

// --- PDF: a gazette of PDF_PAGES pages set from the sample (head, page number, wrapped paragraphs) ------
function buildPdfGazette() {
  const file = join(work, `gazette-${PDF_PAGES}p-v${CORPUS_VERSION}.pdf`);
  if (existsSync(file)) return file;
  mkdirSync(work, { recursive: true });
  const sample = readFileSync(join(root, 'corpus/samples/zhengzhou-gazette-2018-04.txt'), 'utf8');
  const lines = [];
  for (const para of sample.split(/\n+/).map((l) => l.trim()).filter(Boolean)) {
    const chars = [...para];
    for (let i = 0, first = true; i < chars.length; first = false) {
      const n = first ? 26 : 28;
      lines.push({ text: chars.slice(i, i + n).join(''), x: first ? 104 : 72 });
      i += n;
    }
  }
  const pages = [];
  for (let p = 0, k = 0; p < PDF_PAGES; p++) {
    const texts = [{ text: '郑州市人民政府公报', x: 252, y: 40, size: 10 }, { text: `— ${p + 1} —`, x: 280, y: 800, size: 10 }];
    for (let row = 0; row < 24; row++, k++) texts.push({ ...lines[k % lines.length], y: 100 + row * 28, size: 16 });
    pages.push({ texts });
  }
  writeFileSync(file, buildPdf(pages));
  return file;
}

async function pdfRates() {
  const file = buildPdfGazette();
  const bytes = readFileSync(file);
  await extractInput('warm.pdf', bytes.subarray(0, 0)); // loads pdfjs
  const t = performance.now();
  const r = await extractInput(file, bytes, { keywords: false });
  const secs = (performance.now() - t) / 1000;
  if ('rejected' in r) throw new Error(r.rejected);
  // Memory of a batch on it: the whole `extract` command in a child process.
  const child = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, join(root, 'dist/pipeline/cli.js'), 'extract', file, '--out', join(work, 'pdf-export.json')], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`extract failed: ${child.stderr.slice(-2000)}`);
  const kb = Number(child.stderr.trim().split('\n').pop());
  return { pdfPages: PDF_PAGES, pdfMB: +mb(bytes.length).toFixed(2), pdfDocuments: r.documents.length, pdfPagesPerSec: +(PDF_PAGES / secs).toFixed(1), pdfMBps: +(mb(bytes.length) / secs).toFixed(2), pdfExtractPeakRssMB: Math.round(kb / 1024) };
}

if (ONLY === 'pdf') {
  const pdf = await pdfRates();
  console.log(`PDF (${pdf.pdfPages} pages, ${pdf.pdfMB} MB, ${pdf.pdfDocuments} documents): ${pdf.pdfPagesPerSec} pages/s, ${pdf.pdfMBps} MB/s; peak RSS of extract ${pdf.pdfExtractPeakRssMB} MB`);
  console.log(JSON.stringify(pdf));
  process.exit(0);
}

// --- main ----------------------------------------------------------------------------------------------
const [, tBuild] = time(() => buildCorpus(N));
const all = files(corpus);
const corpusBytes = all.reduce((n, p) => n + statSync(p).size, 0);
console.error(`corpus: ${N} gazettes, ${all.length} files, ${mb(corpusBytes).toFixed(0)} MB (built in ${tBuild.toFixed(1)} s)`);
const core = perCore(all.slice(0, SUBSET));
const out = join(work, `out-${N}`);
rmSync(out, { recursive: true, force: true });
const first = wholeRun(out);
const again = wholeRun(out);
// Peak RSS of a first run over a small and a large corpus.
const peakOf = (n) => {
  const dir = join(work, `out-peak-${n}`);
  rmSync(dir, { recursive: true, force: true });
  const { peakRssMB } = wholeRun(dir, buildCorpus(n));
  rmSync(dir, { recursive: true, force: true });
  return peakRssMB;
};
const peakSmall = peakOf(SMALL);
const peakLarge = peakOf(LARGE);
const neo = await neo4jLoad(all.filter((p) => p.endsWith('.txt')).slice(0, NEO4J_GAZETTES));
const pdf = await pdfRates();
const result = {
  gazettes: N,
  decodeMBps: +core.decodeMBps.toFixed(1),
  extractMBps: +core.extractMBps.toFixed(1),
  segmentMBps: +core.segmentMBps.toFixed(2),
  rsJiebaMBps: +core.rsJiebaMBps.toFixed(2),
  runMBps: +(mb(corpusBytes) / first.seconds).toFixed(2),
  runSeconds: first.seconds,
  rerunSeconds: again.seconds,
  loadRowsPerSec: Math.round(neo.loadRowsPerSec),
  loadDocsPerSec: Math.round(neo.loadDocsPerSec),
  rawCreateRowsPerSec: Math.round(neo.rawCreateRowsPerSec),
  freshLoadSeconds: neo.freshLoadSeconds === null ? null : +neo.freshLoadSeconds.toFixed(2),
  peakRssMB: Math.round(Math.max(first.peakRssMB, again.peakRssMB)),
  ...pdf,
  peakRssSmallMB: Math.round(peakSmall),
  peakRssLargeMB: Math.round(peakLarge),
};
const ratio = (a, b) => (a / b).toFixed(2);
const rows = [
  ['UTF-8 decode (baseline)', `${result.decodeMBps} MB/s`, ''],
  ['extraction, no segmentation (1 core)', `${result.extractMBps} MB/s`, `${ratio(result.extractMBps, result.decodeMBps)}× decode (target ≥ 0.25×)`],
  ['segmentation: nodejieba (1 core)', `${result.segmentMBps} MB/s`, ''],
  ['segmentation: @node-rs/jieba (1 core)', `${result.rsJiebaMBps} MB/s`, `${ratio(result.rsJiebaMBps, result.segmentMBps)}× nodejieba`],
  ['whole run, embedded default', `${result.runMBps} MB/s, ${result.runSeconds} s`, `${ratio(result.runMBps, result.segmentMBps)}× segmenter (target ≥ 0.8×); target ≤ 60 s for 1,000`],
  ['unchanged re-run', `${result.rerunSeconds} s`, 'target ≤ 2 s'],
  ['Neo4j load', `${result.loadRowsPerSec} rows/s, ${result.loadDocsPerSec} documents/s`, `${ratio(result.loadRowsPerSec, result.rawCreateRowsPerSec)}× raw CREATE (target ≥ 0.5×)`],
  ['raw UNWIND … CREATE (baseline)', `${result.rawCreateRowsPerSec} rows/s`, `${neo.rows} rows, ${neo.documents} documents`],
  ['fresh-database load of the sample', result.freshLoadSeconds === null ? 'n/a (NEO4J_URI given)' : `${result.freshLoadSeconds} s`, 'target < 5 s'],
  ['peak RSS (run)', `${result.peakRssMB} MB`, `N = ${N}; target ≤ 600 MB at N = 1,000`],
  [`peak RSS, N = ${SMALL} / N = ${LARGE}`, `${result.peakRssSmallMB} / ${result.peakRssLargeMB} MB`, `${ratio(result.peakRssLargeMB, result.peakRssSmallMB)}× (target ≤ 1.10×)`],
  [`PDF, ${pdf.pdfPages} pages (1 core)`, `${pdf.pdfPagesPerSec} pages/s, ${pdf.pdfMBps} MB/s`, `${ratio(pdf.pdfMBps, result.extractMBps)}× text extraction per MB`],
  [`peak RSS (extract, ${pdf.pdfPages}-page PDF)`, `${pdf.pdfExtractPeakRssMB} MB`, ''],
];
const w = Math.max(...rows.map((r) => r[0].length));
for (const [a, b, c] of rows) console.log(`${a.padEnd(w)}  ${b.padEnd(24)}  ${c}`);
console.log(JSON.stringify(result));
