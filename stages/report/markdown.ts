// Markdown building blocks that make any text safe to print: respondents' words can never become markup.

/** Inline text: one line, every character markdown or HTML could read as syntax escaped. */
export function inline(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return '';
  return text
    .replace(/[\r\n\t\u2028\u2029]+/g, ' ')
    .replace(/\s{2,}/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~:])/g, '\\$1')
    .trim();
}

/** A code span: its content is shown literally, so nothing in it is escaped; backticks and line breaks cannot occur. */
export function code(text: string): string {
  return `\`${text.replace(/[`\r\n]+/g, "'")}\``;
}

export function table(header: readonly string[], rows: readonly (readonly (string | number)[])[], align?: readonly ('l' | 'r')[]): string {
  const cells = (r: readonly (string | number)[]): string => `| ${r.map((c) => (typeof c === 'number' ? String(c) : c)).join(' | ')} |`;
  const rule = `|${header.map((_, i) => (align?.[i] === 'r' ? ' ---: ' : ' --- ')).join('|')}|`;
  return [cells(header), rule, ...rows.map(cells)].join('\n');
}

export function percent(n: number, of: number): string {
  return of === 0 ? '–' : `${((100 * n) / of).toFixed(1)}%`;
}

/** A short quote around the evidence span, cut at sentence or word boundaries, with an ellipsis where cut. */
export function excerpt(text: string, start: number | null, end: number | null, max = 280): string {
  if (text.length <= max) return text;
  const s = start ?? 0;
  const e = end ?? Math.min(text.length, max);
  let from = Math.max(0, text.lastIndexOf('.', s) + 1);
  if (s - from > max / 2) from = Math.max(0, text.lastIndexOf(' ', s - Math.floor(max / 3)) + 1);
  let to = Math.min(text.length, from + max);
  if (to < e) to = Math.min(text.length, e + 20);
  const cut = text.slice(from, to);
  const lastSpace = cut.lastIndexOf(' ');
  const body = to < text.length && lastSpace > cut.length / 2 ? cut.slice(0, lastSpace) : cut;
  return `${from > 0 ? '… ' : ''}${body.trim()}${to < text.length ? ' …' : ''}`;
}
