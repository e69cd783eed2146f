// Recognises answers that say nothing ("N/A", "-", "nothing to add") so they are not counted as text.

const NON_ANSWERS = new Set([
  'n/a', 'na', 'n.a', 'n.a.', 'n\\a', 'none', 'nil', 'no', 'nope', 'no comment', 'no comments', 'nothing', 'nothing to add',
  'nothing further', 'nothing more to add', 'no further comments', 'not applicable', 'see above', 'as above', '.', '-', '--', '---', '?', 'x', '0',
]);

/** The most ASCII letters and digits any listed phrase has. */
const MOST_LETTERS = Math.max(...[...NON_ANSWERS].map((p) => p.replace(/[^a-z0-9]/g, '').length));

/** True once the text has more ASCII letters or digits than `limit`: read only as far as needed. */
function moreLettersThan(text: string, limit: number): boolean {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) && ++n > limit) return true;
  }
  return false;
}

export function isNonAnswer(text: string): boolean {
  // A text with more letters than any listed phrase is neither one of them nor punctuation alone; deciding that
  // from its first few dozen characters spares a lower-casing pass over every long answer.
  if (moreLettersThan(text, MOST_LETTERS)) return false;
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
