// Recognises answers that say nothing ("N/A", "-", "nothing to add") so they are not counted as text.

const NON_ANSWERS = new Set([
  'n/a', 'na', 'n.a', 'n.a.', 'n\\a', 'none', 'nil', 'no', 'nope', 'no comment', 'no comments', 'nothing', 'nothing to add',
  'nothing further', 'nothing more to add', 'no further comments', 'not applicable', 'see above', 'as above', '.', '-', '--', '---', '?', 'x', '0',
]);

export function isNonAnswer(text: string): boolean {
  const t = text.toLowerCase().replace(/\s+/g, ' ').trim().replace(/[.!]+$/, '');
  return t === '' || NON_ANSWERS.has(t) || /^[\s\-_.?*/]+$/.test(t);
}

/** The text as stored: Unicode-composed, odd spaces made plain, line breaks made \n, control characters gone. */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '')
    .trim();
}
