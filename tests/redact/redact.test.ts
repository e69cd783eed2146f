// Redaction finds personal data in the forms people write it, and maps spans into the redacted text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../stages/analyse/parse-text.js';
import { redact } from '../../stages/redact/redact.js';
import { survivors } from '../helpers/planted-pii.js';

const texts = Papa.parse<{ id: string; Comment: string }>(readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'pii', 'planted.csv'), 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;

describe('redact', () => {
  it('removes every planted email, phone number, postcode, address, name and link', () => {
    for (const { id, Comment } of texts) {
      const r = redact(parseText(Comment));
      expect(survivors(r.text), `${id}: ${r.text}`).toEqual([]);
    }
  });

  it('keeps the postcode district, and the words around the redactions', () => {
    const r = redact(parseText('I live at OX4 3DE and I am lonely'));
    expect(r.text).toBe('I live at OX4 [postcode] and I am lonely');
    expect(r.redactions).toEqual([{ rule: 'pii.postcode', start: 10, end: 24 }]);
  });

  it('does not redact ordinary capitalised words or figures', () => {
    const text = 'The Banbury centre costs £61m over 5 years. Health visitors in Oxford say 1 in 10 mums have PND.';
    expect(redact(parseText(text)).text).toBe(text);
  });

  it('maps spans after a redaction into the redacted text', () => {
    const text = 'Email me at a@b.com, I was so lonely';
    const r = redact(parseText(text));
    const start = text.indexOf('lonely');
    const [s, e] = r.mapSpan(start, start + 'lonely'.length);
    expect(r.text.slice(s, e)).toBe('lonely');
  });
});
