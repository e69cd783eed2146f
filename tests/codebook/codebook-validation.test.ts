// Codebook errors name the file, the line and the path of the bad value.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../pipeline/codebook/load-codebook.js';
import { VerbatimError } from '../../pipeline/util/errors.js';
import { tempDir } from '../helpers/temp-store.js';

function errorOf(yaml: string): string {
  const file = join(tempDir(), 'codebook.yaml');
  writeFileSync(file, yaml);
  try {
    loadCodebook(file);
  } catch (error) {
    expect(error).toBeInstanceOf(VerbatimError);
    return (error as VerbatimError).oneLine().replace(file, 'codebook.yaml');
  }
  throw new Error('expected the codebook to be rejected');
}

const theme = (id: string, rules: string) => `  - id: ${id}\n    label: L\n    definition: D\n    rules:\n${rules}`;

describe('codebook validation', () => {
  it('accepts the bundled default codebook with the four core themes', () => {
    const { codebook, sha256 } = loadCodebook();
    expect(codebook.themes.map((t) => t.id)).toEqual(['mental_health', 'isolation', 'domestic_abuse', 'cost']);
    expect(sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the path and line of a list that is not a list of strings', () => {
    const yaml = `id: t\nversion: 1\nthemes:\n${theme('a', '      - id: a.1\n        terms: [x]')}\n${theme('b', '      - id: b.1\n        terms: [x]')}\n${theme('c', '      - id: c.1\n        terms: lonely')}\n`;
    expect(errorOf(yaml)).toBe('codebook.yaml:21:16: themes[2].rules[0].terms: expected a list of strings');
  });

  it('rejects duplicate rule ids and bad theme ids', () => {
    const dup = `id: t\nversion: 1\nthemes:\n${theme('a', '      - id: r.1\n        terms: [x]\n      - id: r.1\n        terms: [y]')}\n`;
    expect(errorOf(dup)).toMatch(/themes\[0\]\.rules\[1\]\.id: duplicate rule id r\.1/);
    expect(errorOf(`id: t\nversion: 1\nthemes:\n${theme('Bad-Id', '      - id: r\n        terms: [x]')}\n`)).toMatch(/themes\[0\]\.id: theme ids are lower_snake_case/);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(errorOf('id: t\nthemes: [\n')).toMatch(/^codebook\.yaml:\d+:\d+: invalid YAML/);
  });

  it('rejects unknown keys, so typos are not silently ignored', () => {
    expect(errorOf(`id: t\nversion: 1\ncombine_rule: model\nthemes:\n${theme('a', '      - id: r\n        terms: [x]')}\n`)).toMatch(/Unrecognized key.*combine_rule/i);
  });
});
