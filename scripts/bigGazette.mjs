#!/usr/bin/env node
// One very large gazette: `npm run bench:big [-- --mb 200]`. Not a test (too slow for the suite): builds a
// single text gazette of ~MB megabytes from the sample (each copy under its own year, so no 发文字号 repeats)
// and runs `decree-graph run` on it in a child process, printing its time, exit status and peak RSS
// against the target of the issue (≤ 1 GB for 200 MB).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const i = process.argv.indexOf('--mb');
const MB = i > 0 ? Number(process.argv[i + 1]) : 200;
const work = join(root, 'bench-out', `big-${MB}`);
const input = join(work, 'gazette.txt');
const sample = readFileSync(join(root, 'corpus/samples/zhengzhou-gazette-2018-04.txt'), 'utf8');
mkdirSync(work, { recursive: true });
const copies = Math.ceil((MB * 2 ** 20) / Buffer.byteLength(sample));
const parts = [];
for (let k = 0; k < copies; k++) parts.push(sample.replace(/〔2018〕/g, `〔${1000 + k}〕`));
writeFileSync(input, parts.join('\n'));
const out = join(work, 'out');
rmSync(out, { recursive: true, force: true });
const r = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, join(root, 'dist/pipeline/cli.js'), 'run', input, '--out', out, '--quiet'], { encoding: 'utf8', env: { ...process.env, NEO4J_URI: '' }, maxBuffer: 1 << 26 });
const [kb, secs] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
const result = { inputMB: +(statSync(input).size / 2 ** 20).toFixed(1), exit: r.status, seconds: secs, peakRssMB: Math.round(kb / 1024), targetMB: 1024 };
console.error(r.stderr.split('\n').filter((l) => l.startsWith('decree-graph:')).join('\n'));
console.log(JSON.stringify(result));
