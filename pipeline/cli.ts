#!/usr/bin/env node
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { connect, isTemporal, redactUri, settingsFromEnv, type Neo4jSettings } from '../graph/connection.js';
import { loadExport } from '../graph/loader.js';
import { SCHEMA_VERSION, type ExportFile, type Rejected } from '../graph/model.js';
import { readBack } from '../graph/readBack.js';
import { AtomicStream, writeFileAtomic } from './atomic.js';
import { chooseDocuments } from './conflicts.js';
import { DEFAULT_BUDGET, extractInputs } from './extract.js';
import { makeProgress } from './progress.js';
import { buildReport } from './reports/build.js';
import { FORMATS, REPORT_KINDS, type Format, type ReportKind } from './reports/model.js';
import { writeReport } from './reports/render.js';
import { run, type RunSummary } from './run.js';

/** Exit codes: 0 all inputs read, 1 some rejected (the rest still written), 2 usage error or no Neo4j. */
const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;

// Every line goes through redactUri: a password written into a URI is never printed, whatever quotes it.
const say = (line: string) => process.stderr.write(`decree-graph: ${redactUri(line)}\n`);

function neo4jSettings(uri: string | undefined): Neo4jSettings {
  const s = settingsFromEnv(uri);
  if (!s) throw new Error('no Neo4j URI: pass --neo4j bolt://host:7687 (or neo4j:// for a cluster) or set NEO4J_URI; start a local one with `npm run neo4j:start`');
  return s;
}

async function withDriver<T>(uri: string | undefined, fn: (driver: Awaited<ReturnType<typeof connect>>, s: Neo4jSettings) => Promise<T>): Promise<T> {
  const s = neo4jSettings(uri);
  const driver = await connect(s);
  try {
    return await fn(driver, s);
  } finally {
    await driver.close();
  }
}

async function readExport(path: string): Promise<ExportFile> {
  let exp: ExportFile;
  try {
    exp = JSON.parse(await readFile(path, 'utf8')) as ExportFile;
  } catch (err) {
    throw new Error(`${path}: cannot read the export: ${(err as Error).message}`);
  }
  if (typeof exp.schemaVersion !== 'number' || !Array.isArray(exp.documents)) throw new Error(`${path}: unexpected content, expected a decree-graph JSON export (schemaVersion, documents)`);
  if (exp.schemaVersion > SCHEMA_VERSION) throw new Error(`${path}: schemaVersion ${exp.schemaVersion} is newer than this decree-graph reads (${SCHEMA_VERSION})`);
  return exp;
}

/** A whole number in [min, max], or commander's usage error saying what is expected. */
const intIn = (min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || n < min || n > max) throw new InvalidArgumentError(`unexpected "${v}", expected a whole number from ${min} to ${max}.`);
  return n;
};
const nonEmpty = (v: string) => {
  if (!v.trim()) throw new InvalidArgumentError('unexpected an empty path, expected a directory (the default is ./out).');
  return v;
};

/** Printed last, so that "0 documents" never hides a folder of files that were not taken. */
function sayNotTaken(notTaken: Rejected[], alsoIn = ''): void {
  for (const r of notTaken) say(`not taken ${r.path}: ${r.reason}`);
  if (notTaken.length) say(`${notTaken.length} file(s) not taken as input (listed above${alsoIn})`);
}

function printSummary(s: RunSummary, out: string): void {
  const f = s.facts;
  say(`${s.processed} processed, ${s.skipped} skipped (unchanged), ${s.rejected.length} rejected; ${s.documents} documents in ${s.seconds.toFixed(1)} s`);
  say(`facts: ${f.citations} citations, ${f.assignments} assignments, ${f.amounts} amounts, ${f.deadlines} deadlines, ${f.appointments} appointments`);
  for (const r of s.rejected) say(`rejected ${r.path}: ${r.reason}`);
  for (const c of s.conflicts) say(`conflict ${c.id}: kept ${c.kept.path} (at ${c.kept.start}), also in ${c.others.map((o) => `${o.path} (at ${o.start})`).join(', ')}`);
  if (s.changes) {
    const c = s.changes;
    const nothing = !c.decrees.added.length && !c.decrees.removed.length && !c.citations.added && !c.citations.removed && !c.assignments.added && !c.assignments.removed;
    say(
      nothing
        ? 'no changes since the last run'
        : `since the last run: decrees +${c.decrees.added.length} -${c.decrees.removed.length}, citations +${c.citations.added} -${c.citations.removed}, assignments +${c.assignments.added} -${c.assignments.removed}`,
    );
  }
  if (s.load) say(`Neo4j: ${s.load.documents} documents written, ${s.load.unchanged} unchanged; ${s.load.nodesCreated} nodes and ${s.load.relationshipsCreated} relationships created, ${s.load.nodesDeleted} nodes deleted`);
  for (const f of s.load?.failed ?? []) say(`Neo4j refused ${f.id}: ${f.reason}`);
  sayNotTaken(s.notTaken, ` and in ${out}/manifest.json`);
  say(s.processed || !s.skipped ? `wrote ${out}/export.json, ${out}/graph.cypher, ${out}/import/, ${out}/reports/` : `${out}/ is up to date`);
}

function buildProgram(): Command {
  const program = new Command('decree-graph')
    .description('Turns Chinese government gazettes (政府公报) into a Neo4j knowledge graph of decrees, citations, agencies, tasks and appointments.')
    .version('0.1.0')
    .exitOverride()
    .showHelpAfterError()
    .addHelpText(
      'after',
      `
Examples:
  $ decree-graph run corpus/samples                      # main job, embedded default: ./out
  $ decree-graph run gazettes/ --neo4j bolt://127.0.0.1:7687
  $ decree-graph extract corpus/samples --out export.json
  $ decree-graph report citations --format html > citations.html
  $ decree-graph query "MATCH (d:Decree)-[:CITES]->(t {id: '郑政〔2018〕25号'}) RETURN d.id"

Neo4j credentials come from NEO4J_USER / NEO4J_PASSWORD (never from flags, never printed); NEO4J_DATABASE picks the database.`,
    );

  const isoDate = (v: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new InvalidArgumentError(`unexpected ${JSON.stringify(v)}, expected a date YYYY-MM-DD`);
    return v;
  };
  // The same budgets for every command that reads inputs: run, extract, load.
  const budgetOptions = {
    mb: () => new Option('--max-input-mb <n>', 'size budget per input file, in MB').default(DEFAULT_BUDGET.megabytes).argParser(intIn(1, 4096)),
    seconds: () => new Option('--max-input-seconds <n>', 'extraction time budget per input file').default(DEFAULT_BUDGET.seconds).argParser(intIn(1, 86_400)),
  };
  type BudgetOpts = { maxInputMb: number; maxInputSeconds: number };
  const budgetOf = (o: BudgetOpts) => ({ megabytes: o.maxInputMb, seconds: o.maxInputSeconds });
  program
    .command('run')
    .description('The batch job: process new or changed gazettes, write the export, graph files and reports to --out, and load Neo4j when a URI is given.')
    .argument('<inputs...>', 'gazette files or directories (searched recursively for .txt/.html)')
    .addOption(new Option('-o, --out <dir>', 'output directory (new, empty, or made by decree-graph)').default('out').argParser(nonEmpty))
    .option('--neo4j <uri>', 'load this Neo4j (bolt:// or neo4j://); default: $NEO4J_URI, else no load')
    .addOption(new Option('--workers <n>', 'extraction worker threads (1-64; default: one per core)').argParser(intIn(1, 64)))
    .addOption(budgetOptions.mb())
    .addOption(budgetOptions.seconds())
    .addOption(new Option('--as-of <YYYY-MM-DD>', 'date the report site marks deadlines overdue / due soon from (default: the day the pages are opened)').argParser(isoDate))
    .option('-q, --quiet', 'no progress output')
    .addHelpText('after', '\nExit status: 0 all inputs processed; 1 some inputs rejected (the rest written); 2 usage error or Neo4j unreachable.')
    .action(async (inputs: string[], opts: { out: string; neo4j?: string; workers?: number; asOf?: string; quiet?: boolean } & BudgetOpts) => {
      const budget = budgetOf(opts);
      const progress = makeProgress(process.stderr, opts.quiet);
      const summary = await run({ inputs, out: opts.out, neo4jUri: opts.neo4j, workers: opts.workers, asOf: opts.asOf, budget, progress });
      printSummary(summary, opts.out);
      process.exitCode = summary.rejected.length || summary.load?.failed.length ? EXIT.rejected : EXIT.ok;
    });

  program
    .command('extract')
    .description('Read gazettes (files or directories, .txt/.html) and write the JSON export (docs/export-format.md).')
    .argument('<inputs...>', 'gazette files or directories (searched recursively for .txt/.html)')
    .option('-o, --out <file>', 'where to write the JSON export (default: standard output)')
    .addOption(budgetOptions.mb())
    .addOption(budgetOptions.seconds())
    .addHelpText(
      'after',
      `
Examples:
  $ decree-graph extract corpus/samples/zhengzhou-gazette-2018-04.txt --out out/export.json
  $ decree-graph extract gazettes/ pages/notice.html > export.json

Exit status: 0 all inputs read; 1 some inputs rejected (listed in "rejected" and on stderr); 2 usage error.`,
    )
    .action(async (inputs: string[], opts: { out?: string } & BudgetOpts) => {
      const { exported, notTaken } = await extractInputs(inputs, budgetOf(opts));
      const json = JSON.stringify(exported, null, 2) + '\n';
      if (opts.out) await writeFileAtomic(opts.out, json);
      else process.stdout.write(json);
      for (const r of exported.rejected) say(`rejected ${r.path}: ${r.reason}`);
      say(`${exported.documents.length} documents from ${inputs.length} input(s), ${exported.rejected.length} rejected`);
      sayNotTaken(notTaken);
      process.exitCode = exported.rejected.length ? EXIT.rejected : EXIT.ok;
    });

  program
    .command('load')
    .description('Load a JSON export (or gazettes, extracted first) into Neo4j; re-loading unchanged documents changes nothing.')
    .argument('<inputs...>', 'an export.json, or gazette files/directories')
    .option('--neo4j <uri>', 'Neo4j URI (default: $NEO4J_URI)')
    .addOption(budgetOptions.mb())
    .addOption(budgetOptions.seconds())
    .action(async (inputs: string[], opts: { neo4j?: string } & BudgetOpts) => {
      const exp = inputs.length === 1 && inputs[0]!.endsWith('.json') ? await readExport(inputs[0]!) : (await extractInputs(inputs, budgetOf(opts))).exported;
      // One record per 发文字号, chosen as `run` chooses it: the same graph whatever the order of the export.
      const chosen = chooseDocuments(exp.documents);
      const c = await withDriver(opts.neo4j, (driver, s) => loadExport(driver, s.database, { ...exp, ...chosen }));
      process.stdout.write(JSON.stringify(c, null, 2) + '\n');
      process.exitCode = exp.rejected.length || c.failed.length ? EXIT.rejected : EXIT.ok;
    });

  program
    .command('query')
    .description('Run a read-only Cypher query and print the rows (a table, or JSON with --json).')
    .argument('<cypher>', 'the query; pass values with --param name=value, never inside the query text')
    .option('--neo4j <uri>', 'Neo4j URI (default: $NEO4J_URI)')
    .option('--json', 'print rows as JSON')
    .option('-p, --param <name=value...>', 'query parameters (values parsed as JSON when they parse)')
    .action(async (cypher: string, opts: { neo4j?: string; json?: boolean; param?: string[] }) => {
      const params = Object.fromEntries(
        (opts.param ?? []).map((p) => {
          const i = p.indexOf('=');
          const raw = p.slice(i + 1);
          let v: unknown = raw;
          try {
            v = JSON.parse(raw);
          } catch {
            /* a plain string */
          }
          return [p.slice(0, i), v];
        }),
      );
      const rows = await withDriver(opts.neo4j, async (driver, s) => {
        const res = await driver.executeQuery(cypher, params, { database: s.database, routing: 'READ' });
        return res.records.map((r) => r.toObject());
      });
      // Dates and times print as ISO strings (2018-04-30), not as the driver's {year, month, day} objects.
      if (opts.json) process.stdout.write(JSON.stringify(rows, (_k, v: unknown) => (isTemporal(v) ? String(v) : v), 2) + '\n');
      else if (rows.length) console.table(rows);
      else say('no rows');
    });

  program
    .command('report')
    .description('Write a report (citations, gaps, agencies, deadlines) from the out directory or from Neo4j.')
    .addArgument(new Command().createArgument('<kind>', 'report kind').choices(REPORT_KINDS))
    .addOption(new Option('--from <source>', 'read from an out directory or from Neo4j').default('out'))
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('md'))
    .option('-o, --out <file>', 'write to a file instead of standard output')
    .option('--neo4j <uri>', 'Neo4j URI when --from neo4j (default: $NEO4J_URI)')
    .addHelpText('after', '\nExamples:\n  $ decree-graph report citations --format csv -o citations.csv   # from ./out\n  $ decree-graph report gaps --from neo4j --format md')
    .action(async (kind: ReportKind, opts: { from: string; format: Format; out?: string; neo4j?: string }) => {
      const exp = opts.from === 'neo4j' ? await withDriver(opts.neo4j, (driver, s) => readBack(driver, s.database)) : await readExport(join(opts.from, 'export.json'));
      const report = buildReport(kind, exp);
      try {
        if (opts.out) {
          const file = new AtomicStream(opts.out);
          await writeReport(report, opts.format, (chunk) => file.write(chunk));
          await file.close();
        } else {
          await writeReport(report, opts.format, (chunk) => {
            process.stdout.write(chunk);
          });
        }
      } finally {
        report.dispose?.();
      }
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) {
      // `commander.help` is help shown because no command was given: a usage error, unlike --help.
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    say((err as Error).message);
    return EXIT.usage;
  }
}

// `decree-graph extract … | head` closes stdout early: that is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
