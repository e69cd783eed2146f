// The ingest stage for one CSV file: sniff, map columns, stream rows into responses and rejects.
import { basename, extname } from 'node:path';
import Papa from 'papaparse';
import type { SourceConfig } from '../../pipeline/config/consultation-config.js';
import type { Db } from '../../pipeline/store/db.js';
import { addDiagnostic, recordStage } from '../../pipeline/store/run-log.js';
import { SourceWriter, clearSource, findSourceBySha, insertSource, otherSourceWithName, resetSourceHeader } from '../../pipeline/store/source-store.js';
import { VerbatimError } from '../../pipeline/util/errors.js';
import { sha256Text, stableJson } from '../../pipeline/util/hash.js';
import type { Logger } from '../../pipeline/util/log.js';
import { resolveColumns, type ColumnMapping } from './column-mapping.js';
import { readSample } from './decode.js';
import { detectColumns } from './detect-columns.js';
import { buildHeader, isSubHeaderRow } from './header.js';
import { readRecords } from './read-records.js';
import { recordToResponse } from './record-to-response.js';
import { scanFile, type Encoding } from './scan-file.js';
import { delimiterName, sniffDelimiter } from './sniff-delimiter.js';

export const INGEST_VERSION = '1';

export type IngestResult = Readonly<{
  sourceName: string; file: string; skipped: boolean; rowsRead: number; responses: number; rejects: number; blankRows: number;
}>;

export function sourceNameOf(source: SourceConfig): string {
  return source.name ?? basename(source.file, extname(source.file)).replace(/[^A-Za-z0-9_.-]+/g, '-');
}

/** A source whose file is sniffed and whose old rows (if it is read again) are cleared: ready for its rows. */
export type PreparedSource = Readonly<{ read(onCommit?: () => void): Promise<IngestResult> }>;

export async function ingestSource(db: Db, source: SourceConfig, runId: number, log: Logger): Promise<IngestResult> {
  const prepared = await prepareSource(db, source, runId, log);
  return 'read' in prepared ? prepared.read() : prepared;
}

/**
 * Everything before the rows: hash and sniff the file, map its columns, and decide whether it is new, read
 * again (its old rows and their analysis are removed now) or already in the store (nothing to do).
 */
export async function prepareSource(db: Db, source: SourceConfig, runId: number, log: Logger): Promise<PreparedSource | IngestResult> {
  const file = source.file;
  const name = sourceNameOf(source);
  const startedAt = new Date().toISOString();
  const scan = await scanFile(file);
  const existing = findSourceBySha(db, scan.sha256);
  const encoding: Encoding = source.encoding === 'auto' ? scan.encoding : source.encoding;
  const sample = await readSample(file, encoding);
  const delimiter = source.delimiter === 'auto' ? sniffDelimiter(sample.text) : source.delimiter;
  const sampleRows = Papa.parse<string[]>(sample.text, { delimiter, preview: 502, skipEmptyLines: 'greedy' }).data;
  if (!sample.complete) sampleRows.pop();
  const first = sampleRows[0];
  if (!first || first.every((c) => c.trim() === '')) throw new VerbatimError('the file is empty or its first line is blank; a header row is expected', { file, line: 1 });
  const twoRowHeader = isSubHeaderRow(first, sampleRows[1]);
  const header = buildHeader(first, twoRowHeader ? sampleRows[1] : undefined);
  const headerRows = twoRowHeader ? 2 : 1;
  const detected = detectColumns(header, sampleRows.slice(headerRows), source.columns);
  const mapping = resolveColumns(header, detected.columns, file);
  // What decides how rows become responses: the same file read the same way is a no-op.
  // The stance question is stored under the header's own spelling, the key its answers are stored under.
  const readAs = { ...detected.columns, stance: mapping.stance, encoding, delimiter, respondentType: source.respondentType, stanceMap: source.stanceMap, ingestVersion: INGEST_VERSION };
  if (existing?.status === 'ingesting' && existing.runId === runId) {
    // `run` prepares every file before reading any: the same file named twice is read once.
    log.info(`${file}: the same file as source "${existing.name}" in this run; it is read once`);
    return { sourceName: existing.name, file, skipped: true, rowsRead: 0, responses: 0, rejects: 0, blankRows: 0 };
  }
  if (existing?.status === 'complete' && existing.mappingJson === JSON.stringify(readAs)) {
    log.info(`${file}: already ingested as source "${existing.name}" (sha256 ${scan.sha256.slice(0, 12)}), nothing to do`);
    return { sourceName: existing.name, file, skipped: true, rowsRead: existing.rowsRead, responses: 0, rejects: 0, blankRows: 0 };
  }

  log.info(`${file}: ${scan.evidence}, ${delimiterName(delimiter)}-delimited, ${header.length} columns${twoRowHeader ? ', two header rows joined' : ''}`);
  for (const note of detected.notes) log.info(`${file}: ${note}`);

  const sourceHeader = { name, fileName: basename(file), sha256: scan.sha256, bytes: scan.bytes, encoding, delimiter, header, mapping: readAs, runId };
  let sourceId: number;
  if (existing) {
    log.info(existing.status === 'complete'
      ? `${file}: read before with other columns or options; reading it again`
      : `${file}: an earlier ingest of this file was interrupted; reading it again`);
    clearSource(db, existing.sourceId);
    resetSourceHeader(db, existing.sourceId, sourceHeader);
    sourceId = existing.sourceId;
  } else {
    sourceId = insertSource(db, sourceHeader);
  }

  return { read: (onCommit) => readSource(db, { file, name, runId, sourceId, encoding, delimiter, header, headerRows, mapping, readAs, notes: detected.notes, respondentType: source.respondentType, startedAt, bytes: scan.bytes }, log, onCommit) };
}

type SourceReading = Readonly<{
  file: string; name: string; runId: number; sourceId: number; encoding: Encoding; delimiter: string; header: readonly string[];
  headerRows: number; mapping: ColumnMapping; readAs: unknown; notes: readonly string[]; respondentType: string | undefined; startedAt: string;
  /** The file's size, for the share read so far. */
  bytes: number;
}>;

async function readSource(db: Db, r: SourceReading, log: Logger, onCommit?: () => void): Promise<IngestResult> {
  const { file, name, runId, sourceId, encoding, delimiter, headerRows, readAs, startedAt } = r;
  const writer = new SourceWriter(db, sourceId, onCommit);
  const context = { sourceName: name, width: r.header.length, delimiter, mapping: r.mapping, fixedRespondentType: r.respondentType };
  let rowsRead = 0;
  let blankRows = 0;
  const progress = log.progress(`ingest ${name}`);
  await readRecords(file, encoding, delimiter, (record, bytesRead) => {
    if (record.row <= headerRows) return;
    const outcome = recordToResponse(record, context);
    if (outcome.kind === 'blank') {
      blankRows++;
      return;
    }
    rowsRead++;
    if (outcome.kind === 'response') writer.addResponse(outcome.response);
    else writer.addReject(outcome.reject);
    // The row count is not known until the end; the share of the file's bytes read gives the ETA.
    if ((rowsRead & 1023) === 0) progress.tick(rowsRead, r.bytes > 0 ? bytesRead / r.bytes : undefined);
  });
  const supersedes = otherSourceWithName(db, name, sourceId);
  const paramsHash = sha256Text(stableJson(readAs));
  writer.finish(rowsRead, blankRows, supersedes, () => {
    recordStage(db, { runId, stage: `ingest:${name}`, version: INGEST_VERSION, paramsHash }, startedAt, { rowsRead, responses: writer.responses, rejects: writer.rejects, blankRows });
    for (const note of r.notes) addDiagnostic(db, runId, `ingest:${name}`, { severity: 'info', message: `${basename(file)}: ${note}` });
    if (supersedes !== undefined) addDiagnostic(db, runId, `ingest:${name}`, { severity: 'warning', message: `${basename(file)} replaces an earlier version of source "${name}"` });
  });
  progress.done(`${rowsRead} rows: ${writer.responses} responses, ${writer.rejects} rejected${blankRows ? `, ${blankRows} blank rows skipped` : ''}`);
  if (supersedes !== undefined) log.info(`${file}: replaces an earlier version of source "${name}"; the earlier version's responses are no longer counted`);
  return { sourceName: name, file, skipped: false, rowsRead, responses: writer.responses, rejects: writer.rejects, blankRows };
}
