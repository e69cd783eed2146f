// No planted email, phone number, postcode, address, name or link reaches a report or an export.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, verbatim } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-store.js';
import { survivors } from '../helpers/planted-pii.js';

describe('personal data never leaves the store', () => {
  it('is absent from the report and both exports, and counted in the data-quality section', () => {
    const dir = tempDir();
    const db = join(dir, 'v.sqlite');
    const run = verbatim(['run', fixture('pii', 'planted.csv'), '--id-column', 'id', '--text-column', 'Comment', '--db', db, '--out', dir, '--no-raw', '-q']);
    expect(run.status).toBe(0);
    const report = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(survivors(report)).toEqual([]);
    expect(report).toMatch(/items of personal data were redacted/);
    expect(report).toMatch(/`pii\.phone` \| \d+/);
    for (const format of ['csv', 'json']) {
      const out = verbatim(['export', '--db', db, '--format', format]);
      expect(out.status).toBe(0);
      expect(survivors(out.stdout)).toEqual([]);
      expect(out.stdout).toContain('[phone]');
    }
  });
});
