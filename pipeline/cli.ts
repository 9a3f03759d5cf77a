#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { writeFileAtomic } from './atomic.js';
import { extractInputs } from './extract.js';

/** Exit codes: 0 all inputs read, 1 some rejected (the rest still written), 2 usage error. */
export const EXIT = { ok: 0, rejected: 1, usage: 2 } as const;

export function buildProgram(): Command {
  const program = new Command('decree-graph')
    .description('Turns Chinese government gazettes (政府公报) into a Neo4j knowledge graph of decrees, citations, agencies, tasks and appointments.')
    .version('0.1.0')
    .exitOverride()
    .addHelpText('after', `
Examples:
  $ decree-graph run corpus/samples                      # main job, embedded default: ./out
  $ decree-graph extract corpus/samples --out out.json   # the JSON export only
  $ NEO4J_URI=bolt://127.0.0.1:7687 decree-graph run corpus/samples`);

  program
    .command('extract')
    .description('Read gazettes (files or directories, .txt/.html) and write the JSON export (docs/export-format.md).')
    .argument('<inputs...>', 'gazette files or directories (searched recursively for .txt/.html)')
    .option('-o, --out <file>', 'where to write the JSON export (default: standard output)')
    .addHelpText('after', `
Examples:
  $ decree-graph extract corpus/samples/zhengzhou-gazette-2018-04.txt --out out/export.json
  $ decree-graph extract gazettes/ pages/notice.html > export.json

Exit status: 0 all inputs read; 1 some inputs rejected (listed in "rejected" and on stderr); 2 usage error.`)
    .action(async (inputs: string[], opts: { out?: string }) => {
      const exported = await extractInputs(inputs);
      const json = JSON.stringify(exported, null, 2) + '\n';
      if (opts.out) await writeFileAtomic(opts.out, json);
      else process.stdout.write(json);
      for (const r of exported.rejected) process.stderr.write(`decree-graph: rejected ${r.path}: ${r.reason}\n`);
      process.stderr.write(`decree-graph: ${exported.documents.length} documents from ${inputs.length} input(s), ${exported.rejected.length} rejected\n`);
      process.exitCode = exported.rejected.length ? EXIT.rejected : EXIT.ok;
    });
  return program;
}

export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
    }
    process.stderr.write(`decree-graph: ${(err as Error).message}\n`);
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
