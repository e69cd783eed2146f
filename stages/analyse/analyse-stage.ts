// The analysis stage: every pending response through the worker pool, each batch committed as it returns.
import type { Codebook } from '../../pipeline/codebook/codebook-schema.js';
import { AnalysisStore } from '../../pipeline/store/analysis-store.js';
import { dropIndexes, ensureIndexes, type Db } from '../../pipeline/store/db.js';
import { finishStage, startStage } from '../../pipeline/store/run-log.js';
import type { Logger } from '../../pipeline/util/log.js';
import { createAnalysisPool } from './analysis-pool.js';
import type { ModelFile } from './theme-model.js';

export const ANALYSE_VERSION = '2';
/** From this many pending responses on, indexes are dropped during analysis and rebuilt after it. */
const BULK_THRESHOLD = 20_000;

export type AnalyseOptions = Readonly<{ runId: number; workers: number; batchSize: number; dropRaw: boolean; paramsHash: string }>;

export type AnalyseResult = Readonly<{ analysed: number; resumed: boolean }>;

function lastAnalyseParams(db: Db): string | undefined {
  const row = db.prepare("SELECT params_hash AS p FROM stage_runs WHERE stage = 'analyse' ORDER BY rowid DESC LIMIT 1").get() as { p: string } | undefined;
  return row?.p;
}

export async function analyseStage(db: Db, codebook: Codebook, model: ModelFile | undefined, options: AnalyseOptions, log: Logger): Promise<AnalyseResult> {
  const store = new AnalysisStore(db);
  const startedAt = new Date().toISOString();
  const previous = lastAnalyseParams(db);
  const resumed = previous === options.paramsHash;
  if (previous !== undefined && !resumed) {
    log.info('analyse: codebook, model or options changed since the last analysis; analysing every response again');
    store.resetAll();
  }
  const stageRow = startStage(db, { runId: options.runId, stage: 'analyse', version: ANALYSE_VERSION, paramsHash: options.paramsHash }, startedAt);
  const total = store.countPending();
  if (total === 0) {
    finishStage(db, stageRow, { analysed: 0 });
    return { analysed: 0, resumed };
  }
  const bulk = total >= BULK_THRESHOLD;
  if (bulk) dropIndexes(db);
  const pool = createAnalysisPool(options.workers, codebook, model);
  const progress = log.progress('analyse', total);
  let analysed = 0;
  let afterRid = 0;
  const inFlight = new Set<Promise<void>>();
  try {
    for (;;) {
      const batch = store.nextBatch(afterRid, options.batchSize);
      const last = batch[batch.length - 1];
      if (!last) break;
      afterRid = last.rid;
      const job = pool.analyse(batch).then((results) => {
        store.writeBatch(options.runId, results, options.dropRaw);
        analysed += results.length;
        progress.tick(analysed);
      });
      inFlight.add(job);
      void job.finally(() => inFlight.delete(job)).catch(() => undefined);
      if (inFlight.size >= pool.capacity) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    await pool.close();
    if (bulk) ensureIndexes(db);
  }
  finishStage(db, stageRow, { analysed });
  progress.done(`${analysed} responses`);
  return { analysed, resumed };
}
