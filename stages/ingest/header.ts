// Cleans header names as people and survey tools leave them: spaces, blanks, duplicates, two header rows.

const SUB_LABELS_OF_TEXT = new Set(['response', 'open-ended response', 'open ended response']);

export function cleanCell(value: string): string {
  return value.replace(/[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g, ' ').replace(/\s+/g, ' ').trim();
}

/** True when the second row is a SurveyMonkey-style sub-header ("Response", "Open-Ended Response", options). */
export function isSubHeaderRow(first: readonly string[], second: readonly string[] | undefined): boolean {
  if (!second) return false;
  const labels = second.map((c) => cleanCell(c).toLowerCase());
  const subLabels = labels.filter((l) => SUB_LABELS_OF_TEXT.has(l)).length;
  const blankFirst = first.filter((c) => cleanCell(c) === '').length;
  return subLabels >= 1 && subLabels + blankFirst >= Math.ceil(labels.filter((l) => l !== '').length / 2);
}

/** Header names, one per column: trimmed, blanks named, duplicates numbered, two header rows joined. */
export function buildHeader(first: readonly string[], second?: readonly string[]): string[] {
  let carried = '';
  const names = first.map((cell, i) => {
    const top = cleanCell(cell);
    if (!second) return top || `column ${i + 1}`;
    if (top) carried = top;
    const sub = cleanCell(second[i] ?? '');
    const base = top || carried || `column ${i + 1}`;
    return sub && !SUB_LABELS_OF_TEXT.has(sub.toLowerCase()) ? `${base} - ${sub}` : base;
  });
  const seen = new Map<string, number>();
  return names.map((name) => {
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}

export function headerKey(name: string): string {
  return cleanCell(name).toLowerCase();
}

/** Index of a configured column in the header, matched without regard to case or spacing. */
export function findColumn(header: readonly string[], wanted: string): number {
  const key = headerKey(wanted);
  return header.findIndex((h) => headerKey(h) === key);
}
