// Runs ingest on one file into a fresh store and returns what was stored, as plain data for comparison.
import type { SourceConfig } from '../../pipeline/config/consultation-config.js';
import { sourceSchema } from '../../pipeline/config/consultation-config.js';
import type { Db } from '../../pipeline/store/db.js';
import { startRun } from '../../pipeline/store/run-log.js';
import { silentLogger } from '../../pipeline/util/log.js';
import { ingestSource, type IngestResult } from '../../stages/ingest/ingest-source.js';

export function source(file: string, extra: Record<string, unknown> = {}): SourceConfig {
  return sourceSchema.parse({ file, ...extra });
}

export async function ingest(db: Db, config: SourceConfig): Promise<IngestResult> {
  const runId = startRun(db, { command: 'test', toolVersion: 'test', options: {} });
  return ingestSource(db, config, runId, silentLogger);
}

export function storedSummary(db: Db): unknown {
  const sources = db.prepare('SELECT name, encoding, delimiter, header_json AS header, rows_read AS rowsRead, blank_rows AS blankRows FROM sources ORDER BY source_id').all() as {
    header: string;
  }[];
  const responses = db.prepare('SELECT rid, response_id AS responseId, line, row, respondent_type AS respondentType, area, closed_json AS closed FROM responses ORDER BY rid').all() as {
    rid: number; closed: string;
  }[];
  const answers = db.prepare('SELECT rid, field, raw_text AS text FROM answers ORDER BY rid, field').all() as { rid: number; field: string; text: string }[];
  const rejects = db.prepare('SELECT line, row, column, reason FROM rejects ORDER BY reject_id').all();
  return {
    sources: sources.map((s) => ({ ...s, header: JSON.parse(s.header) as unknown })),
    responses: responses.map(({ rid, closed, ...r }) => ({
      ...r,
      closed: JSON.parse(closed) as unknown,
      answers: Object.fromEntries(answers.filter((a) => a.rid === rid).map((a) => [a.field, a.text])),
    })),
    rejects,
  };
}
