// The analysis stage: every pending response through the worker pool, each batch committed as it returns.
import type { Codebook } from '../../pipeline/codebook/codebook-schema.js';
import { AnalysisStore } from '../../pipeline/store/analysis-store.js';
import { dropIndexes, ensureIndexes, type Db } from '../../pipeline/store/db.js';
import { finishStage, startStage } from '../../pipeline/store/run-log.js';
import type { Logger } from '../../pipeline/util/log.js';
import { createAnalysisPool, type AnalysisPool } from './analysis-pool.js';
import type { ModelFile } from './theme-model.js';

export const ANALYSE_VERSION = '2';
/**
 * From this many responses on, the analysis tables' indexes are dropped and rebuilt after the stage: at the
 * start when that many are waiting, otherwise once that many have been written (under `run`, as ingest goes).
 */
const BULK_THRESHOLD = 20_000;

export type AnalyseOptions = Readonly<{ runId: number; workers: number; batchSize: number; dropRaw: boolean; paramsHash: string }>;

export type AnalyseResult = Readonly<{ analysed: number; resumed: boolean }>;

/**
 * Where rows come from while they are still being read: the stage waits on it when it has caught up, and
 * tells it at once when the analysis fails, so ingest stops too.
 */
export type RowFeed = Readonly<{ done: boolean; failed: Error | undefined; next(): Promise<void>; fail(error: Error): void }>;

/** How the stage gets its workers; tests give it a pool of their own. */
export type PoolFactory = (workers: number, codebook: Codebook, model: ModelFile | undefined) => AnalysisPool;

function lastAnalyseParams(db: Db): string | undefined {
  const row = db.prepare("SELECT params_hash AS p FROM stage_runs WHERE stage = 'analyse' ORDER BY rowid DESC LIMIT 1").get() as { p: string } | undefined;
  return row?.p;
}

/** Analyses every pending response; with a feed, also each row ingest commits until the feed is done. */
export async function analyseStage(
  db: Db, codebook: Codebook, model: ModelFile | undefined, options: AnalyseOptions, log: Logger, feed?: RowFeed, makePool: PoolFactory = createAnalysisPool,
): Promise<AnalyseResult> {
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
  const pool = makePool(options.workers, codebook, model);
  // While ingest runs the number of responses is not known; it is once ingest ends: what is done plus what
  // waits (in flight included). The progress line shows the total when there is one from the start.
  let total = feed && !feed.done ? undefined : pendingAtStart;
  const progress = log.progress('analyse', total);
  let analysed = 0;
  let afterRid = 0;
  // Jobs never reject: the first failure is kept here and checked after every wait, including the waits
  // for ingest, when no one else would see a batch fail.
  let failure: Error | undefined;
  const inFlight = new Set<Promise<void>>();
  try {
    for (;;) {
      if (failure) throw failure;
      if (feed?.failed) {
        // Ingest failed: what is in flight is still written, then the run stops with ingest's error.
        await Promise.all(inFlight);
        throw feed.failed;
      }
      const batch = store.nextBatch(afterRid, options.batchSize);
      const last = batch[batch.length - 1];
      if (!last) {
        if (!feed || feed.done) break;
        await Promise.race([feed.next(), ...inFlight]);
        continue;
      }
      afterRid = last.rid;
      const job = pool
        .analyse(batch)
        .then((results) => {
          store.writeBatch(results, options.dropRaw);
          analysed += results.length;
          if (total === undefined && feed?.done) total = analysed + store.countPending();
          progress.tick(analysed, total ? Math.min(1, analysed / total) : undefined);
          if (analysed >= BULK_THRESHOLD) goBulk();
        })
        .catch((error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
        })
        .finally(() => inFlight.delete(job));
      inFlight.add(job);
      if (inFlight.size >= pool.capacity) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
  } catch (error) {
    // Ingest stops at its next commit instead of reading on while the workers and indexes are shut down.
    if (error !== feed?.failed) feed?.fail(error as Error);
    throw error;
  } finally {
    await pool.close();
    if (bulk) ensureIndexes(db);
  }
  finishStage(db, stageRow, { analysed });
  progress.done(`${analysed} responses`);
  return { analysed, resumed };
}
