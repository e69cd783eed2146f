// npm run eval: runs verbatim on the held-out labelled test split and the demo consultation, and writes
// what `verbatim eval` measures into reports/eval/ and the README, so no figure is typed by hand.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { consultationSchema } from '../pipeline/config/consultation-config.js';
import { loadCodebook } from '../pipeline/codebook/load-codebook.js';
import { runPipeline } from '../pipeline/runner/run-pipeline.js';
import { openDb } from '../pipeline/store/db.js';
import { loadYaml } from '../pipeline/config/load-yaml.js';
import { silentLogger } from '../pipeline/util/log.js';
import { PACKAGE_ROOT } from '../pipeline/util/paths.js';
import { evalJson, evaluate, formatEval, storedThemeIds } from '../stages/eval/evaluate.js';
import { readGold } from '../stages/eval/gold.js';
import { readLabelledDir, readSplit } from '../stages/train/labelled.js';

const labelledDir = join(PACKAGE_ROOT, 'fixtures', 'labelled');
const DEMO_LABELLED = 'oxfordshire-demo.csv';
const outDir = join(PACKAGE_ROOT, 'reports', 'eval');
const work = mkdtempSync(join(tmpdir(), 'verbatim-eval-'));

async function evalRun(name: string, consultation: ReturnType<typeof consultationSchema.parse>, goldFile: string): Promise<string> {
  const dbPath = join(work, `${name}.sqlite`);
  await runPipeline(
    { consultation, codebookPath: undefined, modelPath: undefined, dbPath, outDir: join(work, name), workers: 0, batchSize: 1000, asOf: undefined, collapseCampaigns: false, dropRaw: false, stages: ['ingest', 'analyse'], command: 'eval' },
    silentLogger,
  );
  const db = openDb(dbPath, { readonly: true });
  const result = evaluate(db, readGold(goldFile, storedThemeIds(db)));
  db.close();
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(evalJson(result), null, 2)}\n`);
  const text = formatEval(result);
  writeFileSync(join(outDir, `${name}.md`), text);
  return text.split('\n\nDisagreements')[0] ?? text;
}

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const themeIds = loadCodebook().codebook.themes.map((t) => t.id);
  const split = readSplit(labelledDir);
  // The demo's own coded responses are a labelled set too; they are measured through the demo run below.
  const test = readLabelledDir(labelledDir, themeIds).filter((e) => split.get(e.id) === 'test' && !e.file.endsWith(DEMO_LABELLED));
  const testFile = join(work, 'labelled-test.csv');
  writeFileSync(testFile, Papa.unparse(test.map((e) => ({ id: e.id, text: e.text, ...Object.fromEntries(themeIds.map((t) => [t, e.themes.get(t) ? 1 : 0])), stance: e.stance ?? '' }))));
  const labelled = await evalRun('labelled-test', consultationSchema.parse({ sources: [{ name: 'labelled', file: testFile, columns: { id: 'id', text: ['text'] } }] }), testFile);

  const demoConfig = join(PACKAGE_ROOT, 'fixtures', 'oxfordshire', 'consultation.yaml');
  const demo = loadYaml(demoConfig, consultationSchema).value;
  const demoSources = demo.sources.map((s) => ({ ...s, file: join(PACKAGE_ROOT, 'fixtures', 'oxfordshire', s.file) }));
  const demoGold = join(work, 'oxfordshire-test.csv');
  const goldText = readFileSync(join(PACKAGE_ROOT, 'fixtures', 'oxfordshire', 'gold.csv'), 'utf8');
  const gold = Papa.parse<Record<string, string>>(goldText, { header: true, skipEmptyLines: true }).data.filter((r) => split.get(r.id ?? '') === 'test');
  writeFileSync(demoGold, Papa.unparse(gold));
  const oxfordshire = await evalRun('oxfordshire-demo', { ...demo, sources: demoSources }, demoGold);

  const section = [
    '<!-- eval:start (written by npm run eval; do not edit by hand) -->',
    `**Held-out test split** (${test.length} labelled responses from the seven written sets, never trained on):`,
    '',
    labelled.trim(),
    '',
    `**The demo consultation's held-out quarter** (${gold.length} of its 856 responses, never trained on, measured through \`npm run demo\`'s own pipeline; gold in \`fixtures/oxfordshire/gold.csv\`):`,
    '',
    oxfordshire.trim(),
    '<!-- eval:end -->',
  ].join('\n');
  const readmePath = join(PACKAGE_ROOT, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const updated = readme.replace(/<!-- eval:start[\s\S]*?<!-- eval:end -->/, section);
  writeFileSync(readmePath, updated);
  process.stdout.write(`${section}\n`);
  rmSync(work, { recursive: true, force: true });
}

await main();
