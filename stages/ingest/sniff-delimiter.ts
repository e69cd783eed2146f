// Picks the delimiter whose parse of the sample gives the most consistent, widest rows.
import Papa from 'papaparse';

export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export function sniffDelimiter(sample: string): Delimiter {
  let best: Delimiter = ',';
  let bestScore = -1;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(sample, { delimiter, preview: 60, skipEmptyLines: 'greedy' }).data;
    const usable = rows.slice(0, Math.max(1, rows.length - 1)); // the last row of a cut sample may be partial
    const width = usable[0]?.length ?? 0;
    if (width < 2) continue;
    const consistent = usable.filter((row) => row.length === width).length / usable.length;
    const score = consistent * 100 + Math.min(width, 50);
    if (score > bestScore) {
      bestScore = score;
      best = delimiter;
    }
  }
  return best;
}

export function delimiterName(delimiter: string): string {
  return delimiter === '\t' ? 'tab' : delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : delimiter === '|' ? 'pipe' : delimiter;
}
