// Report sections on who answered and what they chose: sources, respondent types, areas, closed questions, stance.
import { inline, percent, table } from './markdown.js';
import type { ReportContext } from './report-context.js';
import type { CountRow } from '../../pipeline/store/report-store.js';

const NOT_STATED = '(not stated)';
const MAX_AREAS = 25;

function countTable(title: string, rows: readonly CountRow[], total: number, limit = Infinity): string {
  const shown = rows.slice(0, limit);
  const rest = rows.slice(limit).reduce((s, r) => s + r.n, 0);
  const body = shown.map((r) => [r.label === null || r.label === '' ? NOT_STATED : inline(r.label), r.n, percent(r.n, total)] as (string | number)[]);
  if (rest > 0) body.push([`${rows.length - limit} other values`, rest, percent(rest, total)]);
  return table([title, 'Responses', '%'], body, ['l', 'r', 'r']);
}

export function sourcesSection({ store }: ReportContext): string {
  const sources = store.sources();
  const rows = sources.map((s) => [
    inline(s.name) + (s.superseded ? ' (superseded, not counted)' : ''), inline(s.fileName), s.rowsRead, s.responses, s.rejects, s.blankRows,
  ]);
  const active = sources.filter((s) => !s.superseded);
  const read = active.reduce((n, s) => n + s.rowsRead, 0);
  const stored = active.reduce((n, s) => n + s.responses, 0);
  const rejected = active.reduce((n, s) => n + s.rejects, 0);
  const t = store.totals();
  return [
    '## Responses read',
    '',
    `${read} rows were read from ${active.length} source file${active.length === 1 ? '' : 's'}: ${stored} became responses and ${rejected} were rejected ` +
      `(rows read = responses + rejects). ${t.withText} responses contain free text; the others answered closed questions only or wrote nothing substantive ("N/A", "-", "nothing to add").`,
    '',
    table(['Source', 'File', 'Rows read', 'Responses', 'Rejected', 'Blank rows skipped'], rows, ['l', 'l', 'r', 'r', 'r', 'r']),
  ].join('\n');
}

export function respondentsSection({ store }: ReportContext): string {
  const total = store.totals().responses;
  return [
    '## Who responded',
    '',
    countTable('Respondent type', store.countBy('respondent_type'), total),
    '',
    `Areas are postcode districts (full postcodes are never stored); the ${MAX_AREAS} most frequent are shown.`,
    '',
    countTable('Area', store.countBy('area'), total, MAX_AREAS),
  ].join('\n');
}

export function closedSection({ store }: ReportContext): string {
  const questions = store.closedQuestions();
  if (questions.length === 0) return '';
  const total = store.totals().responses;
  const parts = ['## Closed questions', ''];
  for (const q of questions) {
    parts.push(`### ${inline(q)}`, '', countTable('Answer', store.closedAnswers(q), total), '');
  }
  return parts.join('\n').trimEnd();
}

export function stanceSection({ store }: ReportContext): string {
  const total = store.totals().responses;
  const basis = store.stanceBasis().map((r) => `${r.n} from ${r.label}`).join(', ');
  return [
    '## Position on the proposal',
    '',
    `Stance is taken from the closed question where the source has one and the answer is clear, otherwise from the text model (${basis}).`,
    '',
    countTable('Stance', store.countBy('stance'), total),
  ].join('\n');
}
