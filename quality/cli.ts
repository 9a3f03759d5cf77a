#!/usr/bin/env node
/**
 * `npm run quality -- <corpus dir> [--gold quality/gold/x.json] [--floors quality/floors.json] [--json] [--misses] [--dev]`
 * Extracts every labelled file found under <corpus dir> (a real corpus, read where it lies) and prints
 * per-field accuracy / precision / recall per source, for the development files, the held-out files and
 * overall. --gold scores one gold file only (a corpus kept outside ../shared, e.g. the 司法解释 texts);
 * by default every file in quality/gold. With --floors, exits 1 when a field falls below its floor.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { assembleExport, extractInput } from '../pipeline/extract.js';
import { addScores, emptyScores, rates, scoreFile, sourceOf, type GoldFile, type Miss, type Scores } from './score.js';
import { checkFloors, formatTable, type Floors } from './table.js';

const here = dirname(fileURLToPath(import.meta.url));
// Source files live in quality/, the compiled script in dist/quality/: the gold is read from the source tree.
const qualityDir = existsSync(join(here, 'gold')) ? here : join(here, '../../quality');

function goldFiles(only?: string): GoldFile[] {
  const dir = join(qualityDir, 'gold');
  const paths = only ? [only] : readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
  return paths.flatMap((p) => (JSON.parse(readFileSync(p, 'utf8')) as { files: GoldFile[] }).files);
}

// Every corpus keeps its own held-out list (heldout.txt, heldout-sfjs.txt): one file name a line.
const heldout = new Set(
  readdirSync(qualityDir)
    .filter((f) => /^heldout.*\.txt$/.test(f))
    .flatMap((f) => readFileSync(join(qualityDir, f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter(Boolean),
);

async function main(): Promise<void> {
  const cmd = new Command('quality')
    .argument('<dir>', 'a labelled corpus (../shared/corpus/real, or the 司法解释 texts)')
    .option('--gold <file>', 'score only the files of this gold file (default: every quality/gold/*.json)')
    .option('--floors <file>', 'JSON floors per split and field; exit 1 when a field is below')
    .option('--json', 'print the scores as JSON')
    .option('--misses', 'list, per development file, the values that differ from the gold')
    .option('--dev', 'score the development files only, so tuning never shows a held-out figure')
    .parse();
  const dir = cmd.args[0]!;
  const opts = cmd.opts<{ gold?: string; floors?: string; json?: boolean; misses?: boolean; dev?: boolean }>();
  // A corpus kept outside the repository (the 司法解释 texts) is absent on a fresh machine: nothing to score.
  if (!existsSync(dir)) {
    process.stderr.write(`quality: ${dir} is absent, nothing scored\n`);
    return;
  }
  const groups = new Map<string, Scores>();
  const add = (key: string, s: Scores) => {
    if (!groups.has(key)) groups.set(key, emptyScores());
    addScores(groups.get(key)!, s);
  };
  let files = 0;
  for (const gold of goldFiles(opts.gold)) {
    const path = join(dir, gold.file);
    if (!existsSync(path) || (opts.dev && heldout.has(gold.file))) continue;
    files++;
    const result = await extractInput(path, readFileSync(path), { keywords: false });
    const exp = assembleExport([result]);
    const docs = exp.rejected.length ? null : exp.documents;
    const misses: Miss[] = [];
    const s = scoreFile(gold, docs, misses);
    const split = heldout.has(gold.file) ? 'heldout' : 'dev';
    add(`${split} ${sourceOf(gold.file)}`, s);
    add(split, s);
    add('all', s);
    // Held-out misses stay unread: they are the check on documents nobody tuned on.
    if (opts.misses && split === 'dev' && misses.length) {
      const head = docs ? `${docs.length} document(s)` : `rejected: ${exp.rejected[0]!.reason}`;
      process.stdout.write(`${gold.file} (${head})\n${misses.map((m) => `  ${m.field}: gold ${JSON.stringify(m.gold)} got ${JSON.stringify(m.got)}\n`).join('')}`);
    }
  }
  if (!files) throw new Error(`no labelled file found under ${dir}: expected the files the gold names (html/, txt/, pdf/ of ../shared/corpus/real; sfjs/ of the 司法解释 texts)`);
  const table = [...groups].sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b));
  if (opts.json) process.stdout.write(`${JSON.stringify(Object.fromEntries(table.map(([k, s]) => [k, summary(s)])), null, 1)}\n`);
  else process.stdout.write(formatTable(table));
  if (opts.floors) {
    const failures = checkFloors(new Map(table), JSON.parse(readFileSync(opts.floors, 'utf8')) as Floors);
    for (const f of failures) process.stderr.write(`quality: ${f}\n`);
    if (failures.length) process.exitCode = 1;
  }
}

const order = (k: string) => (k === 'all' ? 0 : k === 'dev' ? 1 : k === 'heldout' ? 2 : 3);

function summary(s: Scores) {
  return Object.fromEntries(Object.entries(s).map(([f, t]) => [f, { ...t, ...rates(t) }]));
}

main().catch((err: Error) => {
  process.stderr.write(`quality: ${err.message}\n`);
  process.exitCode = 2;
});
