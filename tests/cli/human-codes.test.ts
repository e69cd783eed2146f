// Human codes imported for a response override the machine's codes on the next analysis, and are kept as tags.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixture, verbatim } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-store.js';

function exported(db: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(verbatim(['export', '--db', db]).stdout, { header: true, skipEmptyLines: true }).data;
}

describe('human codes', () => {
  it('always win over keyword and model codes', () => {
    const dir = tempDir();
    const db = join(dir, 'v.sqlite');
    expect(verbatim(['run', fixture('messy', 'utf8-bom-crlf', 'input.csv'), '--db', db, '--out', dir, '--title', 'Human codes', '-q']).status).toBe(0);
    const before = exported(db).find((r) => r.response_id === '1');
    expect(before?.isolation).toBe('1');
    expect(before?.domestic_abuse).toBe('0');

    const codes = join(dir, 'coder.csv');
    writeFileSync(codes, 'id,isolation,domestic_abuse\n1,0,1\n');
    const imported = verbatim(['codes', 'import', codes, '--coder', 'A. Analyst', '--db', db]);
    expect(imported.status).toBe(0);
    expect(verbatim(['analyse', '--db', db, '-q']).status).toBe(0);

    const after = exported(db).find((r) => r.response_id === '1');
    expect(after?.isolation).toBe('0');
    expect(after?.domestic_abuse).toBe('1');
    expect(after?.cost).toBe(before?.cost);
    // A report made later, without the config, keeps the title the analysis ran with.
    expect(verbatim(['report', '--db', db, '--out', dir, '-q']).status).toBe(0);
    const report = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(report.startsWith('# Human codes: summary of responses')).toBe(true);
    expect(report).toMatch(/Domestic abuse \(`domestic_abuse`\) \| 1 \| [\d.]+% \| human 1/);
  });
});
