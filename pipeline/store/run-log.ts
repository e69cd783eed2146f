// Runs, stage runs and diagnostics: the store's record of what was done, with which inputs and options.
import type { Db } from './db.js';

export type RunInfo = Readonly<{ command: string; toolVersion: string; codebookSha256?: string; modelSha256?: string; options: unknown }>;

export function startRun(db: Db, info: RunInfo): number {
  const result = db
    .prepare('INSERT INTO runs (started_at, tool_version, command, codebook_sha256, model_sha256, options_json) VALUES (?, ?, ?, ?, ?, ?)')
    .run(new Date().toISOString(), info.toolVersion, info.command, info.codebookSha256 ?? null, info.modelSha256 ?? null, JSON.stringify(info.options));
  return Number(result.lastInsertRowid);
}

export type StageRun = Readonly<{ runId: number; stage: string; version: string; paramsHash: string }>;

/** Records a finished stage; call it inside the transaction that commits the stage's output. */
export function recordStage(db: Db, stage: StageRun, startedAt: string, counts: Readonly<Record<string, number>>): void {
  db.prepare('INSERT INTO stage_runs (run_id, stage, version, params_hash, started_at, finished_at, counts_json) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(stage.runId, stage.stage, stage.version, stage.paramsHash, startedAt, new Date().toISOString(), JSON.stringify(counts));
}

/** Records a stage as started (for stages that commit in many transactions); `finishStage` completes the row. */
export function startStage(db: Db, stage: StageRun, startedAt: string): number {
  const r = db.prepare('INSERT INTO stage_runs (run_id, stage, version, params_hash, started_at) VALUES (?, ?, ?, ?, ?)')
    .run(stage.runId, stage.stage, stage.version, stage.paramsHash, startedAt);
  return Number(r.lastInsertRowid);
}

export function finishStage(db: Db, stageRow: number, counts: Readonly<Record<string, number>>): void {
  db.prepare('UPDATE stage_runs SET finished_at = ?, counts_json = ? WHERE rowid = ?').run(new Date().toISOString(), JSON.stringify(counts), stageRow);
}

export function lastStage(db: Db, stage: string): { paramsHash: string; version: string } | undefined {
  const row = db.prepare('SELECT params_hash AS paramsHash, version FROM stage_runs WHERE stage = ? AND finished_at IS NOT NULL ORDER BY rowid DESC LIMIT 1').get(stage);
  return row as { paramsHash: string; version: string } | undefined;
}

export type Diagnostic = Readonly<{ severity: 'info' | 'warning' | 'error'; rid?: number; message: string }>;

export function addDiagnostic(db: Db, runId: number, stage: string, d: Diagnostic): void {
  db.prepare('INSERT INTO diagnostics (run_id, stage, severity, rid, message) VALUES (?, ?, ?, ?, ?)').run(runId, stage, d.severity, d.rid ?? null, d.message);
}

/** The run whose analysis the store's codes come from: the last one that finished. */
export const LAST_ANALYSIS_RUN = "(SELECT max(run_id) FROM stage_runs WHERE stage = 'analyse' AND finished_at IS NOT NULL)";

/** The consultation title the last analysis ran with, for a report made later without the config. */
export function storedTitle(db: Db): string | undefined {
  const row = db.prepare(`SELECT options_json AS o FROM runs WHERE run_id = ${LAST_ANALYSIS_RUN}`).get() as { o: string } | undefined;
  const title = row ? (JSON.parse(row.o) as { title?: unknown }).title : undefined;
  return typeof title === 'string' ? title : undefined;
}
