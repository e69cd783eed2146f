// Labelled examples for training and testing: CSVs of id, text, 0/1 per theme and stance, plus the fixed split.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { VerbatimError } from '../../pipeline/util/errors.js';
import type { Stance } from '../analyse/theme-model.js';

export type LabelledExample = Readonly<{ id: string; text: string; themes: ReadonlyMap<string, boolean>; stance: Stance | undefined; file: string }>;
export type Split = 'train' | 'test';

export const SPLIT_FILE = 'split.csv';

export function readLabelledFile(file: string, themeIds: readonly string[]): LabelledExample[] {
  const text = readFileSync(file, 'utf8').replace(/^\ufeff/, '');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  return parsed.data.map((row, i) => {
    const themes = new Map<string, boolean>();
    for (const t of themeIds) {
      const v = (row[t] ?? '').trim();
      if (v !== '0' && v !== '1') throw new VerbatimError(`${t}: expected 0 or 1, got "${v}"`, { file, line: i + 2 });
      themes.set(t, v === '1');
    }
    const stance = (row.stance ?? '').trim() as Stance | '';
    return { id: (row.id ?? '').trim(), text: row.text ?? '', themes, stance: stance || undefined, file };
  });
}

/** Every labelled CSV in a folder (all but the split file), in file-name order. */
export function readLabelledDir(dir: string, themeIds: readonly string[]): LabelledExample[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv') && f !== SPLIT_FILE).sort();
  return files.flatMap((f) => readLabelledFile(join(dir, f), themeIds));
}

export function readSplit(dir: string): Map<string, Split> {
  const text = readFileSync(join(dir, SPLIT_FILE), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: 'greedy' });
  return new Map(parsed.data.map((r) => [r.id ?? '', (r.split === 'test' ? 'test' : 'train') as Split]));
}
