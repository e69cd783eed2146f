// The commands around the pipeline: export, codebook validate, eval, train and human-code import.
import { createWriteStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { loadCodebook } from '../codebook/load-codebook.js';
import { openDb } from '../store/db.js';
import { importHumanCodes, type HumanCode } from '../store/human-codes-store.js';
import { trainingTextsFromStore } from '../store/training-store.js';
import { createLogger } from '../util/log.js';
import { stableJson } from '../util/hash.js';
import { PACKAGE_ROOT } from '../util/paths.js';
import { evalJson, evaluate, formatEval, storedThemeIds } from '../../stages/eval/evaluate.js';
import { readGold } from '../../stages/eval/gold.js';
import { exportResponses, type ExportFormat } from '../../stages/export/export-responses.js';
import { readLabelledDir, readSplit, type LabelledExample } from '../../stages/train/labelled.js';
import { trainModel } from '../../stages/train/train-model.js';

export function registerToolCommands(program: Command): void {
  program
    .command('export')
    .description('one row per response: response_id, source, a 0/1 column per theme, stance, campaign_id, then the free-text fields (redacted)')
    .option('--db <file>', 'the SQLite store', './verbatim.sqlite')
    .addOption(new Option('--format <format>', 'output format').choices(['csv', 'json']).default('csv'))
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--raw', 'export the raw text where the store still has it (it may contain personal data)')
    .action(async (flags: { db: string; format: ExportFormat; out?: string; raw?: boolean }) => {
      const db = openDb(flags.db, { readonly: true });
      try {
        const out = flags.out ? createWriteStream(flags.out) : process.stdout;
        const n = await exportResponses(db, flags.format, out, { raw: flags.raw === true, warn: (m) => process.stderr.write(`warning: ${m}\n`) });
        if (flags.out) await new Promise<void>((resolve, reject) => out.end(() => resolve()).on('error', reject));
        process.stderr.write(`export: ${n} responses${flags.out ? ` to ${flags.out}` : ''}\n`);
      } finally {
        db.close();
      }
    });

  program
    .command('codebook')
    .description('work with codebooks')
    .command('validate')
    .description('check a codebook file; errors name the file, line and path')
    .argument('<file>', 'codebook YAML')
    .action((file: string) => {
      const { codebook, sha256 } = loadCodebook(file);
      const rules = codebook.themes.reduce((n, t) => n + t.rules.length, 0);
      process.stdout.write(`${file}: valid codebook "${codebook.id}" version ${codebook.version}: ${codebook.themes.length} themes, ${rules} rules, sha256 ${sha256}\n`);
    });

  program
    .command('eval')
    .description('precision, recall, F1 and kappa of keyword, model and combined codes against gold codes')
    .requiredOption('--db <file>', 'the SQLite store holding the coded responses')
    .requiredOption('--gold <file>', 'gold CSV: an id column, 0/1 columns per theme id, optional stance')
    .option('--json', 'print the results as JSON')
    .action((flags: { db: string; gold: string; json?: boolean }) => {
      const db = openDb(flags.db, { readonly: true });
      try {
        const result = evaluate(db, readGold(flags.gold, storedThemeIds(db)));
        process.stdout.write(flags.json ? `${JSON.stringify(evalJson(result), null, 2)}\n` : formatEval(result));
      } finally {
        db.close();
      }
    });

  program
    .command('train')
    .description('train the theme and stance models from labelled examples (train split) and any human codes in a store')
    .option('--labelled <dir>', 'folder of labelled CSVs with split.csv', join(PACKAGE_ROOT, 'fixtures', 'labelled'))
    .option('--codebook <file>', 'codebook YAML (default: the bundled four core themes)')
    .option('--db <file>', 'also learn from the human codes in this store')
    .option('--id <id>', 'model id', 'verbatim-core-themes')
    .option('--out <file>', 'where to write the model JSON', './model.json')
    .option('-q, --quiet', 'no progress or log lines')
    .action((flags: { labelled: string; codebook?: string; db?: string; id: string; out: string; quiet?: boolean }) => {
      const log = createLogger({ quiet: flags.quiet === true });
      const { codebook } = loadCodebook(flags.codebook);
      const themeIds = codebook.themes.map((t) => t.id);
      const split = readSplit(flags.labelled);
      const examples: LabelledExample[] = readLabelledDir(flags.labelled, themeIds).filter((e) => split.get(e.id) !== 'test');
      if (flags.db) {
        const db = openDb(flags.db, { readonly: true });
        try {
          const human = trainingTextsFromStore(db, themeIds);
          log.info(`train: ${human.length} human-coded responses from ${flags.db}`);
          examples.push(...human);
        } finally {
          db.close();
        }
      }
      log.info(`train: ${examples.length} examples`);
      const { model, report } = trainModel(examples, codebook, flags.id);
      writeFileSync(flags.out, `${stableJson(model)}\n`);
      for (const [theme, r] of Object.entries(report.themes)) log.info(`train: ${theme}: threshold ${r.threshold}, out-of-fold F1 ${JSON.stringify(r.oofF1)}`);
      log.info(`train: out-of-fold macro-F1 by rule ${JSON.stringify(report.oofMacroF1)}; best rule ${report.bestRule}`);
      log.info(`train: model written to ${flags.out}`);
    });

  program
    .command('codes')
    .description('human codes')
    .command('import')
    .description('import a coder\'s codes (CSV: id column, 0/1 per theme id); they override machine codes on the next run')
    .argument('<file>', 'codes CSV')
    .requiredOption('--coder <name>', 'who coded them')
    .option('--db <file>', 'the SQLite store', './verbatim.sqlite')
    .action((file: string, flags: { coder: string; db: string }) => {
      const db = openDb(flags.db);
      try {
        const gold = readGold(file, storedThemeIds(db));
        const codes: HumanCode[] = gold.rows.flatMap((r) => [...r.themes].map(([themeId, v]) => ({ responseId: r.id, themeId, value: v ? 1 : 0, coder: flags.coder }) as const));
        const n = importHumanCodes(db, codes);
        process.stderr.write(`codes: ${n} human codes imported from ${file}; run "verbatim analyse" to apply them\n`);
      } finally {
        db.close();
      }
    });
}
