// The personal data planted in fixtures/pii, and a check for any of it surviving in a text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'pii');
export const planted = JSON.parse(readFileSync(join(FIXTURES, 'planted.json'), 'utf8')) as Record<string, string[]>;

/** A planted item survives if it is still in the text, compared without case (names: as a whole word). */
export function survivors(text: string): string[] {
  return Object.entries(planted).flatMap(([kind, items]) =>
    items.filter((item) => (kind === 'name' ? new RegExp(`\\b${item}\\b`).test(text) : text.toLowerCase().includes(item.toLowerCase()))),
  );
}
