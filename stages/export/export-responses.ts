// Writes the per-response export as CSV (spreadsheet-safe) or JSON, streaming to a file or stdout.
import type { Writable } from 'node:stream';
import Papa from 'papaparse';
import { storedThemeIds } from '../../pipeline/store/eval-store.js';
import { ExportStore } from '../../pipeline/store/export-store.js';
import type { Db } from '../../pipeline/store/db.js';

export type ExportFormat = 'csv' | 'json';

/** A cell a spreadsheet would run as a formula gets a leading apostrophe, so it shows as text. */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
}

export async function exportResponses(db: Db, format: ExportFormat, out: Writable, options: Readonly<{ raw: boolean; warn: (message: string) => void }>): Promise<number> {
  const store = new ExportStore(db);
  const unanalysed = store.unanalysed();
  if (unanalysed > 0 && !options.raw) options.warn(`${unanalysed} responses are not analysed yet, so not redacted: their text is left out (run "verbatim analyse")`);
  const themeIds = storedThemeIds(db);
  const fields = store.fields();
  let n = 0;
  if (format === 'csv') {
    const header = ['response_id', 'source', ...themeIds, 'stance', 'campaign_id', ...fields];
    await write(out, `${Papa.unparse([header], { newline: '\n' })}\n`);
    for (const r of store.rows(options.raw)) {
      const cells = [r.responseId, r.source, ...themeIds.map((t) => (r.themes.has(t) ? '1' : '0')), r.stance ?? '', r.campaignId === null ? '' : `C${r.campaignId}`, ...fields.map((f) => r.texts.get(f) ?? '')];
      await write(out, `${Papa.unparse([cells.map(spreadsheetSafe)], { newline: '\n', quotes: false })}\n`);
      n++;
    }
    return n;
  }
  await write(out, '[');
  for (const r of store.rows(options.raw)) {
    const record: Record<string, unknown> = { response_id: r.responseId, source: r.source };
    for (const t of themeIds) record[t] = r.themes.has(t) ? 1 : 0;
    record.stance = r.stance;
    record.campaign_id = r.campaignId === null ? null : `C${r.campaignId}`;
    for (const f of fields) record[f] = r.texts.get(f) ?? null;
    await write(out, `${n === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`);
    n++;
  }
  await write(out, '\n]\n');
  return n;
}
