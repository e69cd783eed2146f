// Turns one CSV record into a response or a reject with its reason: the pure core of ingest.
import type { ResponseRow, RejectRow } from '../../pipeline/store/source-store.js';
import { areaOf } from './area.js';
import type { CsvRecord } from './read-records.js';
import type { ColumnMapping } from './column-mapping.js';
import { cleanCell } from './header.js';
import { isNonAnswer, normaliseText } from './non-answer.js';

export type RecordOutcome =
  | Readonly<{ kind: 'blank' }>
  | Readonly<{ kind: 'response'; response: ResponseRow }>
  | Readonly<{ kind: 'reject'; reject: RejectRow }>;

const MAX_REJECT_RAW = 100_000;

export type RecordContext = Readonly<{ sourceName: string; width: number; delimiter: string; mapping: ColumnMapping; fixedRespondentType: string | undefined }>;

export function recordToResponse(record: CsvRecord, ctx: RecordContext): RecordOutcome {
  const { fields } = record;
  if (fields.every((f) => f.trim() === '')) return { kind: 'blank' };
  const raw = (): string => {
    const joined = fields.join(ctx.delimiter);
    return joined.length > MAX_REJECT_RAW ? `${joined.slice(0, MAX_REJECT_RAW)}… [${joined.length - MAX_REJECT_RAW} more characters]` : joined;
  };
  const reject = (reason: string, column: number | null): RecordOutcome => ({ kind: 'reject', reject: { line: record.line, row: record.row, column, reason, raw: raw() } });

  if (record.quoteError) return reject(record.quoteError.message, record.quoteError.field);
  if (fields.length > ctx.width && fields.slice(ctx.width).some((f) => f.trim() !== '')) {
    return reject(`expected ${ctx.width} fields, found ${fields.length}`, ctx.width + 1);
  }
  if (fields.length < ctx.width) return reject(`expected ${ctx.width} fields, found ${fields.length}`, fields.length);
  const damaged = fields.findIndex((f) => f.includes('\ufffd'));
  if (damaged >= 0) return reject('undecodable bytes in this row (the file is not consistently in one encoding)', damaged + 1);

  const { mapping } = ctx;
  const cell = (index: number | undefined): string => (index === undefined ? '' : cleanCell(fields[index] ?? ''));
  const id = cell(mapping.id);
  const answers: (readonly [string, string])[] = [];
  for (const [index, field] of mapping.text) {
    const text = normaliseText(fields[index] ?? '');
    if (!isNonAnswer(text)) answers.push([field, text]);
  }
  const closed: Record<string, string> = {};
  for (const [index, question] of mapping.closed) {
    const answer = cell(index);
    if (answer) closed[question] = answer;
  }
  const area = mapping.area === undefined ? null : areaOf(cell(mapping.area));
  return {
    kind: 'response',
    response: {
      responseId: id || `${ctx.sourceName}:${record.row}`,
      line: record.line,
      row: record.row,
      respondentType: cell(mapping.respondentType) || ctx.fixedRespondentType || null,
      area,
      closed,
      answers,
    },
  };
}
