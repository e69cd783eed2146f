// A run killed part-way through analysis resumes from the first unanalysed response, with nothing doubled.
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../pipeline/codebook/load-codebook.js';
import { AnalysisStore } from '../../pipeline/store/analysis-store.js';
import type { Db } from '../../pipeline/store/db.js';
import { silentLogger } from '../../pipeline/util/log.js';
import { analyseResponse, createAnalysisContext } from '../../stages/analyse/analyse-response.js';
import { analyseStage } from '../../stages/analyse/analyse-stage.js';
import { fixture } from '../helpers/cli.js';
import { ingest, source } from '../helpers/ingest-summary.js';
import { tempStore } from '../helpers/temp-store.js';

const { codebook } = loadCodebook();
const options = { runId: 1, workers: 0, batchSize: 2, dropRaw: false, paramsHash: 'p1' };

async function ingested(): Promise<Db> {
  const { db } = tempStore();
  await ingest(db, source(fixture('pii', 'planted.csv'), { columns: { id: 'id', text: ['Comment'] } }));
  return db;
}

function snapshot(db: Db): unknown {
  return {
    tags: db.prepare('SELECT rid, theme_id, origin, rule, span_start, span_end FROM tags ORDER BY rid, theme_id, rule, span_start').all(),
    codes: db.prepare('SELECT * FROM codes ORDER BY rid, theme_id').all(),
    redactions: db.prepare('SELECT count(*) AS n FROM redactions').get(),
  };
}

describe('analysis resumes after an interruption', () => {
  it('analyses only what is left and ends with the same result as an uninterrupted run', async () => {
    const clean = await ingested();
    await analyseStage(clean, codebook, undefined, options, silentLogger);

    const killed = await ingested();
    // The interrupted run: its stage row was written and two batches committed before it died.
    killed.prepare("INSERT INTO stage_runs (run_id, stage, version, params_hash, started_at) VALUES (1, 'analyse', '1', 'p1', 'x')").run();
    const store = new AnalysisStore(killed, 1);
    const context = createAnalysisContext(codebook, undefined);
    let after = 0;
    for (let i = 0; i < 2; i++) {
      const batch = store.nextBatch(after, 2);
      after = batch[batch.length - 1]?.rid ?? after;
      store.writeBatch(batch.map((b) => analyseResponse(b, context)), false);
    }
    const resumed = await analyseStage(killed, codebook, undefined, options, silentLogger);
    expect(resumed.resumed).toBe(true);
    expect(resumed.analysed).toBe(16 - 4);
    expect(snapshot(killed)).toEqual(snapshot(clean));
  });

  it('analyses everything again when the codebook or model changes', async () => {
    const db = await ingested();
    await analyseStage(db, codebook, undefined, options, silentLogger);
    const before = snapshot(db);
    const again = await analyseStage(db, codebook, undefined, { ...options, paramsHash: 'p2' }, silentLogger);
    expect(again.analysed).toBe(16);
    expect(snapshot(db)).toEqual(before);
  });
});
