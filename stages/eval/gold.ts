// Reads a gold-standard CSV: an id column, one 0/1 column per theme, and optionally a stance column.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { VerbatimError } from '../../pipeline/util/errors.js';
import { STANCES } from '../analyse/theme-model.js';

export type GoldRow = Readonly<{ id: string; themes: ReadonlyMap<string, boolean>; stance: string | undefined; line: number }>;
export type Gold = Readonly<{ themeIds: readonly string[]; rows: readonly GoldRow[]; hasStance: boolean }>;

const STANCE_VALUES: ReadonlySet<string> = new Set(STANCES);

export function readGold(file: string, knownThemes: readonly string[]): Gold {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  } catch (error) {
    throw new VerbatimError(`cannot read the gold file: ${(error as Error).message}`, { file });
  }
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const header = (parsed.data[0] ?? []).map((h) => h.trim());
  const idIndex = Math.max(0, header.findIndex((h) => /^(id|response_id|response id)$/i.test(h)));
  const themeIds = knownThemes.filter((t) => header.includes(t));
  if (themeIds.length === 0) throw new VerbatimError(`no theme columns: expected some of ${knownThemes.join(', ')}`, { file, line: 1 });
  const stanceIndex = header.findIndex((h) => h.toLowerCase() === 'stance');
  const rows: GoldRow[] = [];
  let line = 1;
  for (const record of parsed.data.slice(1)) {
    line++;
    const themes = new Map<string, boolean>();
    for (const t of themeIds) {
      const column = header.indexOf(t);
      const value = (record[column] ?? '').trim();
      if (value !== '0' && value !== '1') throw new VerbatimError(`column ${t}: expected 0 or 1, got "${value}"`, { file, line, column: column + 1 });
      themes.set(t, value === '1');
    }
    const stance = stanceIndex >= 0 ? (record[stanceIndex] ?? '').trim().toLowerCase() : undefined;
    if (stance !== undefined && stance !== '' && !STANCE_VALUES.has(stance)) {
      throw new VerbatimError(`stance: expected oppose, support, mixed or unclear, got "${stance}"`, { file, line, column: stanceIndex + 1 });
    }
    rows.push({ id: (record[idIndex] ?? '').trim(), themes, stance: stance || undefined, line });
  }
  return { themeIds, rows, hasStance: stanceIndex >= 0 };
}
