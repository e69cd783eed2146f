#!/usr/bin/env node
// The verbatim command line: the only place that parses argv, prints fatal errors and calls process.exit.
import { availableParallelism } from 'node:os';
import { Command, Option } from 'commander';
import { VerbatimError } from '../util/errors.js';
import { createLogger } from '../util/log.js';
import { TOOL_VERSION } from '../util/version.js';
import { addInputOptions, buildConsultation, type InputFlags } from './input-options.js';
import { runPipeline, type Stage } from '../runner/run-pipeline.js';
import { registerToolCommands } from './tool-commands.js';

type CommonFlags = InputFlags & Readonly<{
  db: string; out: string; codebook?: string; model?: string | false; workers?: string; batchSize: string; asOf?: string;
  campaigns: 'count' | 'collapse'; raw: boolean; quiet?: boolean; debug?: boolean;
}>;

const program = new Command('verbatim')
  .description('Turns the free-text returns of a public consultation into coded, counted, traceable evidence.')
  .version(TOOL_VERSION)
  .showHelpAfterError()
  .addHelpText('after', '\nExit codes: 0 done, 1 done with rows rejected or findings that need attention, 2 fatal (bad config, unreadable input).');

function pipelineCommand(name: string, description: string, stages: readonly Stage[]): void {
  const command = program.command(name).description(description).argument('[files...]', 'CSV exports to read');
  addInputOptions(command)
    .option('--db <file>', 'the SQLite store', './verbatim.sqlite')
    .option('--out <dir>', 'folder for the report (summary.md)', './reports')
    .option('--codebook <file>', 'codebook YAML (default: the bundled four core themes)')
    .option('--model <file>', 'trained model JSON (default: the codebook\'s model)')
    .option('--no-model', 'keyword rules only')
    .option('--workers <n>', 'analysis worker threads (default: one per core)')
    .option('--batch-size <n>', 'responses per analysis batch', '1000')
    .option('--as-of <text>', 'date printed in the report (the report has no timestamp otherwise)')
    .addOption(new Option('--campaigns <mode>', 'count every response, or each campaign once, in theme tables').choices(['count', 'collapse']).default('count'))
    .option('--no-raw', 'drop raw text from the store once redacted (quotes and exports are always redacted)')
    .option('-q, --quiet', 'no progress or log lines')
    .option('--debug', 'stack traces for fatal errors');
  command.action(async (files: string[], flags: CommonFlags) => {
    const log = createLogger({ quiet: flags.quiet === true, debug: flags.debug === true });
    const { consultation, codebookPath } = buildConsultation(files, flags, stages.includes('ingest'));
    const workers = flags.workers === undefined ? availableParallelism() : Number(flags.workers);
    if (!Number.isInteger(workers) || workers < 0) throw new VerbatimError(`--workers expects a whole number, got "${flags.workers ?? ''}"`);
    const result = await runPipeline(
      {
        consultation,
        codebookPath: flags.codebook ?? codebookPath,
        modelPath: flags.model === false ? null : flags.model,
        dbPath: flags.db,
        outDir: flags.out,
        workers,
        batchSize: Math.max(1, Number(flags.batchSize) || 1000),
        asOf: flags.asOf,
        collapseCampaigns: flags.campaigns === 'collapse',
        dropRaw: flags.raw === false,
        stages,
        command: name,
        titleGiven: flags.title !== undefined || flags.config !== undefined,
      },
      log,
    );
    process.exitCode = result.exitCode;
  });
}

// A reader that stops early (`verbatim export | head`) closes the pipe: that is the end of the output, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

pipelineCommand('run', 'ingest, analyse and report in one go', ['ingest', 'analyse', 'report']);
pipelineCommand('ingest', 'read CSV exports into the store (a file already read is skipped)', ['ingest']);
pipelineCommand('analyse', 'code every response not yet analysed (resumes after an interruption)', ['analyse']);
pipelineCommand('report', 'write the markdown report from the store', ['report']);
registerToolCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const debug = process.argv.includes('--debug');
  if (error instanceof VerbatimError) {
    process.stderr.write(`verbatim: ${error.oneLine()}\n`);
    if (debug) process.stderr.write(`${error.stack ?? ''}\n`);
    process.exit(error.exitCode);
  }
  process.stderr.write(`verbatim: internal error: ${(error as Error).message}\n`);
  if (debug) process.stderr.write(`${(error as Error).stack ?? ''}\n`);
  else process.stderr.write('run again with --debug for details\n');
  process.exit(2);
}
