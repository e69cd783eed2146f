// Report section on data quality: rejected rows with their reasons, redactions, and warnings.
import { code, inline, table } from './markdown.js';
import type { ReportContext } from './report-context.js';

const MAX_SAMPLES = 10;

export function qualitySection({ store }: ReportContext): string {
  const parts = ['## Data quality', ''];
  const reasons = store.rejectReasons();
  if (reasons.length === 0) parts.push('No rows were rejected.', '');
  else {
    parts.push('Rejected rows are kept in the store (`rejects` table) with file, line and reason.', '');
    parts.push(table(['Reason', 'Rows'], reasons.map((r) => [inline(r.label), r.n]), ['l', 'r']), '');
    const samples = store.rejectSamples(MAX_SAMPLES).map((s) => [inline(s.fileName), s.line, s.column ?? '', inline(s.reason)]);
    parts.push(`First ${samples.length} rejects:`, '', table(['File', 'Line', 'Column', 'Reason'], samples, ['l', 'r', 'r', 'l']), '');
  }
  const redactions = store.redactionCounts();
  const redacted = redactions.reduce((s, r) => s + r.n, 0);
  parts.push(
    redacted === 0
      ? 'No personal data was found to redact.'
      : `${redacted} items of personal data were redacted from the text before any quote or export (the raw text stays only in the store):`,
  );
  if (redacted) parts.push('', table(['Redaction rule', 'Items'], redactions.map((r) => [code(r.label ?? ''), r.n]), ['l', 'r']));
  const diagnostics = store.diagnosticsCount();
  if (diagnostics.length) parts.push('', `Diagnostics recorded: ${diagnostics.map((d) => `${d.n} ${d.label}`).join(', ')} (see the \`diagnostics\` table).`);
  return parts.join('\n').trimEnd();
}
