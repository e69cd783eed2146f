// The analysis stage: every pending response through the worker pool, each batch committed as it returns.
import type { Codebook } from '../../pipeline/codebook/codebook-schema.js';
import { AnalysisStore } from '../../pipeline/store/analysis-store.js';
import { dropIndexes, ensureIndexes, type Db } from '../../pipeline/store/db.js';
import { finishStage, startStage } from '../../pipeline/store/run-log.js';
import type { Logger } from '../../pipeline/util/log.js';
import { createAnalysisPool } from './analysis-pool.js';
import type { ModelFile } from './theme-model.js';

export const ANALYSE_VERSION = '2';
/**
 * Once this many responses are to be written, the analysis tables' indexes are dropped and rebuilt after the
 * stage: known at the start when the store already holds them, or reached on the way while `run` is ingesting.
 */
const BULK_THRESHOLD = 20_000;

export type AnalyseOptions = Readonly<{ runId: number; workers: number; batchSize: number; dropRaw: boolean; paramsHash: string }>;

export type AnalyseResult = Readonly<{ analysed: number; resumed: boolean }>;

/** Where rows come from while they are still being read: the stage waits on it when it has caught up. */
export type RowFeed = Readonly<{ done: boolean; failed: Error | undefined; next(): Promise<void> }>;

function lastAnalyseParams(db: Db): string | undefined {
  const row = db.prepare("SELECT params_hash AS p FROM stage_runs WHERE stage = 'analyse' ORDER BY rowid DESC LIMIT 1").get() as { p: string } | undefined;
  return row?.p;
}

/** Analyses every pending response; with a feed, also each row ingest commits until the feed is done. */
export async function analyseStage(db: Db, codebook: Codebook, model: ModelFile | undefined, options: AnalyseOptions, log: Logger, feed?: RowFeed): Promise<AnalyseResult> {
  const store = new AnalysisStore(db, options.runId);
  const startedAt = new Date().toISOString();
  const previous = lastAnalyseParams(db);
  const resumed = previous === options.paramsHash;
  if (previous !== undefined && !resumed) {
    log.info('analyse: codebook, model or options changed since the last analysis; analysing every response again');
    store.resetAll();
  }
  const stageRow = startStage(db, { runId: options.runId, stage: 'analyse', version: ANALYSE_VERSION, paramsHash: options.paramsHash }, startedAt);
  const pendingAtStart = store.countPending();
  if (pendingAtStart === 0 && (feed === undefined || feed.done)) {
    finishStage(db, stageRow, { analysed: 0 });
    return { analysed: 0, resumed };
  }
  let bulk = false;
  const goBulk = (): void => {
    if (bulk) return;
    bulk = true;
    dropIndexes(db);
  };
  if (pendingAtStart >= BULK_THRESHOLD) goBulk();
  const pool = createAnalysisPool(options.workers, codebook, model);
  // While ingest runs, the number of responses is not known yet: the progress line then shows no total.
  const progress = log.progress('analyse', feed && !feed.done ? undefined : pendingAtStart);
  let analysed = 0;
  let afterRid = 0;
  // Under `run` the total is known once ingest ends: what is done plus what waits (in flight included).
  let total = feed && !feed.done ? undefined : pendingAtStart;
  const inFlight = new Set<Promise<void>>();
  try {
    for (;;) {
      if (feed?.failed) {
        // Ingest failed: what is in flight is still written, then the run stops with ingest's error.
        await Promise.allSettled(inFlight);
        throw feed.failed;
      }
      const batch = store.nextBatch(afterRid, options.batchSize);
      const last = batch[batch.length - 1];
      if (!last) {
        if (!feed || feed.done) break;
        await feed.next();
        continue;
      }
      afterRid = last.rid;
      const job = pool.analyse(batch).then((results) => {
        store.writeBatch(results, options.dropRaw);
        analysed += results.length;
        if (total === undefined && feed?.done) total = analysed + store.countPending();
        progress.tick(analysed, total ? Math.min(1, analysed / total) : undefined);
        if (analysed >= BULK_THRESHOLD) goBulk();
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
