// The runner: ingest, analyse (with human codes and campaigns), report, each resumable from the store.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsultationConfig } from '../config/consultation-config.js';
import { loadCodebook, type LoadedCodebook } from '../codebook/load-codebook.js';
import { openDb, type Db } from '../store/db.js';
import { rejectCount, writeModel, writeThemes } from '../store/codebook-store.js';
import { applyHumanCodes } from '../store/human-codes-store.js';
import { lastStage, startRun, storedTitle } from '../store/run-log.js';
import { sha256Text, stableJson } from '../util/hash.js';
import type { Logger } from '../util/log.js';
import { TOOL_VERSION } from '../util/version.js';
import { ANALYSE_VERSION, analyseStage } from '../../stages/analyse/analyse-stage.js';
import { CAMPAIGN_VERSION, campaignStage } from '../../stages/campaigns/campaign-stage.js';
import { ingestSource, prepareSource, type PreparedSource } from '../../stages/ingest/ingest-source.js';
import { IngestFeed } from './ingest-feed.js';
import { renderReport } from '../../stages/report/render-report.js';
import { loadModel, type LoadedModel } from './load-model.js';

export type Stage = 'ingest' | 'analyse' | 'report';

export type PipelineOptions = Readonly<{
  consultation: ConsultationConfig;
  codebookPath: string | undefined;
  /** A model file, `null` for keywords only, or undefined for the codebook's own model. */
  modelPath: string | null | undefined;
  dbPath: string;
  outDir: string;
  workers: number;
  batchSize: number;
  asOf: string | undefined;
  collapseCampaigns: boolean;
  dropRaw: boolean;
  stages: readonly Stage[];
  command: string;
  /** False when the title is only the default: a report on its own then uses the title the analysis ran with. */
  titleGiven?: boolean;
}>;

export type PipelineResult = Readonly<{ exitCode: 0 | 1; reportPath: string | undefined; rejects: number }>;

function loadInputs(options: PipelineOptions, log: Logger): { codebook: LoadedCodebook; model: LoadedModel | undefined } {
  const codebook = loadCodebook(options.codebookPath);
  const modelPath = options.modelPath === null ? undefined : (options.modelPath ?? codebook.modelPath);
  const model = modelPath ? loadModel(modelPath, codebook.codebook, log) : undefined;
  return { codebook, model };
}

/** Only what changes the report's figures is recorded; paths and worker counts are not. */
function reportOptions(options: PipelineOptions): Record<string, unknown> {
  const o = options.consultation.options;
  return { title: options.consultation.title, campaignThreshold: o.campaignThreshold, campaignMinSize: o.campaignMinSize, collapseCampaigns: options.collapseCampaigns, quotesPerTheme: o.quotesPerTheme, dropRaw: options.dropRaw };
}

export async function runPipeline(options: PipelineOptions, log: Logger): Promise<PipelineResult> {
  // Only analysis reads the codebook and model; ingest and report work from the files and the store alone.
  const inputs = options.stages.includes('analyse') ? loadInputs(options, log) : undefined;
  const db = openDb(options.dbPath);
  try {
    if (!options.titleGiven) {
      const title = storedTitle(db);
      if (title !== undefined) options = { ...options, consultation: { ...options.consultation, title } };
    }
    const runId = startRun(db, {
      command: options.command,
      toolVersion: TOOL_VERSION,
      ...(inputs ? { codebookSha256: inputs.codebook.sha256 } : {}),
      ...(inputs?.model ? { modelSha256: inputs.model.sha256 } : {}),
      options: {
        ...reportOptions(options),
        ...(inputs ? { codebook: { id: inputs.codebook.codebook.id, version: inputs.codebook.codebook.version, combine: inputs.codebook.codebook.combine } } : {}),
      },
    });
    if (inputs) {
      writeThemes(db, inputs.codebook.codebook, inputs.codebook.sha256);
      if (inputs.model) writeModel(db, inputs.model.sha256, inputs.model.model.id, inputs.model.model.version, inputs.model.json);
    }
    if (options.stages.includes('ingest') && inputs) await ingestWhileAnalysing(db, runId, options, inputs, log);
    else if (options.stages.includes('ingest')) {
      for (const source of options.consultation.sources) await ingestSource(db, source, runId, log);
    } else if (inputs) await analyseAll(db, runId, options, inputs.codebook, inputs.model, log);
    let reportPath: string | undefined;
    if (options.stages.includes('report')) reportPath = writeReport(db, options, log);
    const rejects = rejectCount(db);
    if (rejects > 0) log.info(`${rejects} rows were rejected; they are listed in the report and kept in the store's rejects table`);
    return { exitCode: rejects > 0 ? 1 : 0, reportPath, rejects };
  } finally {
    db.close();
  }
}

/**
 * `run`: the rows of each file are analysed as ingest commits them, so the workers start on the first batch
 * instead of idling until the last file is read. Every file is prepared first (hashed, sniffed, and its old
 * rows cleared if it is read again), so no row is removed while its analysis is in flight. If either side
 * fails, the other stops at its next batch and the first failure is reported.
 */
async function ingestWhileAnalysing(db: Db, runId: number, options: PipelineOptions, inputs: { codebook: LoadedCodebook; model: LoadedModel | undefined }, log: Logger): Promise<void> {
  const prepared: PreparedSource[] = [];
  for (const source of options.consultation.sources) {
    const p = await prepareSource(db, source, runId, log);
    if ('read' in p) prepared.push(p);
  }
  const feed = new IngestFeed();
  const reading = (async () => {
    for (const p of prepared) {
      await p.read(() => {
        if (feed.failed) throw feed.failed;
        feed.committed();
      });
    }
    feed.finish();
  })();
  const analysing = analyseAll(db, runId, options, inputs.codebook, inputs.model, log, feed);
  const stopsTheOther = (side: Promise<void>): Promise<void> =>
    side.catch((error: unknown) => {
      feed.fail(error as Error);
      throw error;
    });
  const outcomes = await Promise.allSettled([stopsTheOther(reading), stopsTheOther(analysing)]);
  for (const o of outcomes) if (o.status === 'rejected') throw o.reason;
}

async function analyseAll(db: Db, runId: number, options: PipelineOptions, codebook: LoadedCodebook, model: LoadedModel | undefined, log: Logger, feed?: IngestFeed): Promise<void> {
  const paramsHash = sha256Text(stableJson({ v: ANALYSE_VERSION, codebook: codebook.sha256, model: model?.sha256 ?? null }));
  const { analysed } = await analyseStage(db, codebook.codebook, model?.model, { runId, workers: options.workers, batchSize: options.batchSize, dropRaw: options.dropRaw, paramsHash }, log, feed);
  const applied = applyHumanCodes(db);
  if (applied) log.info(`combine: ${applied} human codes applied over machine codes`);
  const o = options.consultation.options;
  const campaignParams = sha256Text(stableJson({ v: CAMPAIGN_VERSION, threshold: o.campaignThreshold, minSize: o.campaignMinSize, analyse: paramsHash }));
  if (analysed === 0 && lastStage(db, 'campaigns')?.paramsHash === campaignParams) return;
  campaignStage(db, { runId, threshold: o.campaignThreshold, minSize: o.campaignMinSize, paramsHash: campaignParams }, log);
}

function writeReport(db: Db, options: PipelineOptions, log: Logger): string {
  const markdown = renderReport(db, {
    title: options.consultation.title,
    asOf: options.asOf,
    collapseCampaigns: options.collapseCampaigns,
    quotesPerTheme: options.consultation.options.quotesPerTheme,
  });
  mkdirSync(options.outDir, { recursive: true });
  const path = join(options.outDir, 'summary.md');
  writeFileSync(path, markdown);
  log.info(`report: ${path}`);
  return path;
}
