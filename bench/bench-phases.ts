// The measured phases of the benchmark, each run in its own process so its time and peak memory are its own.
import { createReadStream } from 'node:fs';
import Papa from 'papaparse';
import { openDb } from '../pipeline/store/db.js';
import { silentLogger } from '../pipeline/util/log.js';
import { consultationSchema } from '../pipeline/config/consultation-config.js';
import { runPipeline, type Stage } from '../pipeline/runner/run-pipeline.js';
import { parseText } from '../stages/analyse/parse-text.js';

export type PhaseResult = Readonly<{ seconds: number; peakRssMb: number; stages?: Record<string, number> }>;

const peakRssMb = (): number => Math.round(process.resourceUsage().maxRSS / 1024);

/** The floor: papaparse over the file, one SQLite transaction of all rows, one wink parse per answer, one thread. */
export async function floorPhase(file: string, dbPath: string): Promise<PhaseResult> {
  const started = performance.now();
  const db = openDb(dbPath);
  db.exec('CREATE TABLE raw (id TEXT, q2 TEXT, q3 TEXT)');
  const insert = db.prepare('INSERT INTO raw VALUES (?, ?, ?)');
  db.exec('BEGIN');
  let tokens = 0;
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(createReadStream(file, 'utf8'), {
      step(result) {
        const [id, , , , q2 = '', q3 = ''] = result.data;
        insert.run(id, q2, q3);
        if (q2) tokens += parseText(q2).value.length;
        if (q3) tokens += parseText(q3).value.length;
      },
      complete: () => resolve(),
      error: reject,
    });
  });
  db.exec('COMMIT');
  db.close();
  return { seconds: (performance.now() - started) / 1000, peakRssMb: peakRssMb(), stages: { tokens } };
}

function stageSeconds(dbPath: string): Record<string, number> {
  const db = openDb(dbPath, { readonly: true });
  const rows = db.prepare('SELECT stage, started_at AS s, finished_at AS f FROM stage_runs WHERE finished_at IS NOT NULL').all() as { stage: string; s: string; f: string }[];
  db.close();
  const out: Record<string, number> = {};
  for (const r of rows) out[r.stage.replace(/:.*/, '')] = (out[r.stage.replace(/:.*/, '')] ?? 0) + (Date.parse(r.f) - Date.parse(r.s)) / 1000;
  return out;
}

/** verbatim itself: the same code path as `verbatim run` (or one of its stages), on every core. */
export async function verbatimPhase(file: string, dbPath: string, outDir: string, stages: readonly Stage[], workers: number): Promise<PhaseResult> {
  const started = performance.now();
  const consultation = consultationSchema.parse({
    title: 'Synthetic benchmark consultation',
    sources: [{ name: 'bench', file, columns: { id: 'Response ID', text: ['Q2 Please explain your answer', 'Q3 Any other comments'], respondentType: 'In what capacity are you responding?', area: 'Postcode', stance: 'Q1 Do you agree with the proposal?' } }],
  });
  await runPipeline(
    { consultation, codebookPath: undefined, modelPath: undefined, dbPath, outDir, workers, batchSize: 1000, asOf: undefined, collapseCampaigns: false, dropRaw: false, stages, command: 'bench' },
    silentLogger,
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, peakRssMb: peakRssMb(), stages: stages.includes('analyse') ? stageSeconds(dbPath) : { report: seconds } };
}
