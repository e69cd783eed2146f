// `run` analyses the rows ingest has committed while the rest of the file is still being read.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../pipeline/codebook/load-codebook.js';
import { IngestFeed } from '../../pipeline/runner/ingest-feed.js';
import type { Db } from '../../pipeline/store/db.js';
import { startRun } from '../../pipeline/store/run-log.js';
import { silentLogger } from '../../pipeline/util/log.js';
import type { AnalysisPool } from '../../stages/analyse/analysis-pool.js';
import { analyseStage } from '../../stages/analyse/analyse-stage.js';
import { prepareSource, type PreparedSource } from '../../stages/ingest/ingest-source.js';
import { source } from '../helpers/ingest-summary.js';
import { tempStore } from '../helpers/temp-store.js';

const { codebook } = loadCodebook();
// Ingest commits every 5,000 rows and reads the file 1 MB at a time: 3 MB of rows give two commits in different reads.
const ROWS = 12_000;
const PADDING = ' We went to stay and play every week and the staff knew all of us by name.'.repeat(2);

function bigFile(dir: string): string {
  const file = join(dir, 'big.csv');
  const lines = ['id,Comment'];
  for (let i = 1; i <= ROWS; i++) lines.push(`R${i},"Row ${i}: I felt so lonely after the birth, the centre kept me going.${PADDING}"`);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

async function prepared(db: Db, file: string): Promise<{ runId: number; p: PreparedSource }> {
  const runId = startRun(db, { command: 'test', toolVersion: 'test', options: {} });
  const p = await prepareSource(db, source(file, { columns: { id: 'id', text: ['Comment'] } }), runId, silentLogger);
  if (!('read' in p)) throw new Error('expected a new source');
  return { runId, p };
}

const analysedCount = (db: Db): number => (db.prepare('SELECT count(*) AS n FROM responses WHERE analysed_run IS NOT NULL').get() as { n: number }).n;

describe('analysis fed by ingest', () => {
  it('starts on committed rows before the file is read to the end, and analyses every row once', async () => {
    const { db, dir } = tempStore();
    const { runId, p } = await prepared(db, bigFile(dir));
    const feed = new IngestFeed();
    const analysedAtCommit: number[] = [];
    const analysing = analyseStage(db, codebook, undefined, { runId, workers: 0, batchSize: 500, dropRaw: false, paramsHash: 'p' }, silentLogger, feed);
    await p.read(() => {
      analysedAtCommit.push(analysedCount(db));
      feed.committed();
    });
    feed.finish();
    const result = await analysing;
    // Commits at rows 5,000 and 10,000 and at the end of the file. By the second, rows committed at the
    // first had been analysed while rows 10,001-12,000 were still unread.
    expect(analysedAtCommit).toHaveLength(3);
    expect(analysedAtCommit[1]).toBeGreaterThan(0);
    expect(analysedAtCommit[2]).toBeLessThan(ROWS);
    expect(result.analysed).toBe(ROWS);
    expect(analysedCount(db)).toBe(ROWS);
    // Keywords only (no model here): every row's "lonely" tagged exactly once.
    const tags = db.prepare("SELECT count(*) AS n, count(DISTINCT rid) AS r FROM tags WHERE rule = 'iso.lonely'").get() as { n: number; r: number };
    expect(tags).toEqual({ n: ROWS, r: ROWS });
  });

  it('reads a file named twice in one run once', async () => {
    const { db, dir } = tempStore();
    const file = bigFile(dir);
    const { runId, p } = await prepared(db, file);
    const again = await prepareSource(db, source(file, { name: 'again', columns: { id: 'id', text: ['Comment'] } }), runId, silentLogger);
    expect('read' in again ? 'read' : again.skipped).toBe(true);
    await p.read();
    expect((db.prepare('SELECT count(*) AS n FROM responses').get() as { n: number }).n).toBe(ROWS);
  });

  it('fails when a batch fails while it waits for ingest, and tells ingest to stop', async () => {
    const { db, dir } = tempStore();
    const { runId, p } = await prepared(db, bigFile(dir));
    await p.read();
    const feed = new IngestFeed(); // ingest "still running": the analysis waits on it after its one batch
    // A pool whose batch fails a moment later, as a worker's failure arrives, with room for more batches.
    const failingPool = (): AnalysisPool => ({
      capacity: 4,
      analyse: () => new Promise((_, reject) => setTimeout(() => reject(new Error('worker died')), 20)),
      close: () => Promise.resolve(),
    });
    const options = { runId, workers: 1, batchSize: ROWS, dropRaw: false, paramsHash: 'p' };
    const analysing = analyseStage(db, codebook, undefined, options, silentLogger, feed, failingPool);
    // Without the failure waking it, the stage would wait for ingest: end ingest later, and check it did not.
    let endedByIngest = false;
    const ending = setTimeout(() => {
      endedByIngest = true;
      feed.finish();
    }, 5000);
    await expect(analysing).rejects.toThrow('worker died');
    clearTimeout(ending);
    expect(endedByIngest).toBe(false);
    expect(feed.failed?.message).toBe('worker died');
    expect(db.prepare("SELECT finished_at FROM stage_runs WHERE stage = 'analyse'").get()).toEqual({ finished_at: null });
  });

  it('stops with ingest\'s error when ingest fails', async () => {
    const { db, dir } = tempStore();
    const { runId } = await prepared(db, bigFile(dir));
    const feed = new IngestFeed();
    const analysing = analyseStage(db, codebook, undefined, { runId, workers: 0, batchSize: 500, dropRaw: false, paramsHash: 'p' }, silentLogger, feed);
    feed.fail(new Error('the disk went away'));
    await expect(analysing).rejects.toThrow('the disk went away');
  });
});
