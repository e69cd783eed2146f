// verbatim run from the command line: exit codes, determinism, re-ingest, export, and fatal errors.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { fixture, verbatim } from '../helpers/cli.js';
import { tempDir } from '../helpers/temp-store.js';

const damaged = fixture('messy', 'damaged-rows', 'input.csv');
const columns = ['--id-column', 'Respondent ID', '--text-column', 'Your answer', '--text-column', 'Any other comments'];

describe('verbatim run', () => {
  it('keeps every row as a response or a reject, and exits 1 when rows were rejected', () => {
    const dir = tempDir();
    const run = verbatim(['run', damaged, ...columns, '--db', join(dir, 'v.sqlite'), '--out', dir, '--workers', '2']);
    expect(run.stderr).toContain('5 rows: 1 responses, 4 rejected');
    expect(run.status).toBe(1);
    const report = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(report).toContain('5 rows were read from 1 source file: 1 became responses and 4 were rejected');
    expect(report).toContain('a quoted field is never closed');
    const exported = verbatim(['export', '--db', join(dir, 'v.sqlite'), '--format', 'csv']);
    expect(exported.status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(exported.stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {})).toEqual(['response_id', 'source', 'mental_health', 'isolation', 'domestic_abuse', 'cost', 'stance', 'campaign_id', 'Your answer', 'Any other comments']);
  });

  it('writes byte-identical reports for identical inputs, whatever the number of workers', () => {
    const a = tempDir();
    const b = tempDir();
    const input = fixture('messy', 'utf8-comma-lf', 'input.csv');
    expect(verbatim(['run', input, '--db', join(a, 'v.sqlite'), '--out', a, '--workers', '0', '-q']).status).toBe(0);
    expect(verbatim(['run', input, '--db', join(b, 'v.sqlite'), '--out', b, '--workers', '2', '-q']).status).toBe(0);
    expect(readFileSync(join(a, 'summary.md'))).toEqual(readFileSync(join(b, 'summary.md')));
  });

  it('treats a re-run on the same file as a no-op and a changed file as a new source that replaces it', () => {
    const dir = tempDir();
    const input = join(dir, 'survey.csv');
    copyFileSync(fixture('messy', 'utf8-comma-lf', 'input.csv'), input);
    const db = join(dir, 'v.sqlite');
    verbatim(['run', input, '--db', db, '--out', dir, '-q']);
    const first = readFileSync(join(dir, 'summary.md'), 'utf8');
    const again = verbatim(['run', input, '--db', db, '--out', dir]);
    expect(again.stderr).toContain('already ingested');
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(first);
    const otherColumns = verbatim(['run', input, '--id-column', 'Respondent ID', '--text-column', 'Your answer', '--db', db, '--out', join(dir, 'other')]);
    expect(otherColumns.stderr).toContain('read before with other columns or options; reading it again');
    expect(otherColumns.status).toBe(0);
    writeFileSync(input, `${readFileSync(input, 'utf8')}4,Another long answer about the bus fare being too expensive,\n`);
    const changed = verbatim(['run', input, '--db', db, '--out', dir]);
    expect(changed.stderr).toContain('replaces an earlier version');
    const report = readFileSync(join(dir, 'summary.md'), 'utf8');
    expect(report).toContain('4 rows were read from 1 source file');
    expect(report).toContain('(superseded, not counted)');
  });

  it('exits 2 with one line naming the file and line for a bad config, and for an unreadable input', () => {
    const dir = tempDir();
    const config = join(dir, 'consultation.yaml');
    writeFileSync(config, 'sources:\n  - file: survey.csv\n    columns:\n      text: 12\n');
    const bad = verbatim(['run', '--config', config, '--db', join(dir, 'v.sqlite')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(`verbatim: ${config}:4:13: sources[0].columns.text: expected a list of column names`);
    const missing = verbatim(['run', join(dir, 'nope.csv'), '--db', join(dir, 'v.sqlite')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/nope\.csv: cannot read input: ENOENT/);
    expect(missing.stderr).not.toMatch(/at .*\.js:\d+/);
    const column = verbatim(['run', damaged, '--text-column', 'Q9', '--db', join(dir, 'w.sqlite')]);
    expect(column.status).toBe(2);
    expect(column.stderr).toMatch(/input\.csv:1: no column named "Q9"; the columns are: "Respondent ID"/);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const dir = tempDir();
    const input = join(dir, 'f.csv');
    writeFileSync(input, 'id,text\n1,"=HYPERLINK(""http://x"",""click"") the centre is too expensive"\n2,"+44 is not a number here, I felt so lonely"\n3,"-- keep it open, the bus fare is too much"\n');
    verbatim(['run', input, '--id-column', 'id', '--text-column', 'text', '--db', join(dir, 'v.sqlite'), '--out', dir, '-q']);
    const out = join(dir, 'export.csv');
    expect(verbatim(['export', '--db', join(dir, 'v.sqlite'), '--out', out]).status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(readFileSync(out, 'utf8'), { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => r.text?.[0])).toEqual(["'", "'", "'"]);
    const json = JSON.parse(verbatim(['export', '--db', join(dir, 'v.sqlite'), '--format', 'json']).stdout) as Record<string, unknown>[];
    expect(json).toHaveLength(3);
    expect(json[0]).toHaveProperty('cost');
  });

  it('answers --help for every command', () => {
    for (const command of ['run', 'ingest', 'analyse', 'report', 'export', 'eval', 'train', 'codebook validate', 'codes import']) {
      const r = verbatim([...command.split(' '), '--help']);
      expect(r.status, command).toBe(0);
      expect(r.stdout).toContain('Usage: verbatim');
    }
  });
});

describe('stance from the closed question', () => {
  it('reads the answers whatever spelling of the header the analyst typed', () => {
    const dir = tempDir();
    const input = join(dir, 's.csv');
    writeFileSync(input, 'ID,Q1 Do you agree with the proposal?,Q2\nA1,Strongly disagree,It kept me sane\nA2,Agree,Close them to save money\nA3,,Nobody to talk to without it\n');
    const db = join(dir, 'v.sqlite');
    const run = verbatim(['run', input, '--id-column', 'id', '--text-column', 'q2', '--stance-column', '  q1 do you AGREE with the proposal? ', '--db', db, '--out', dir, '-q']);
    expect(run.status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(verbatim(['export', '--db', db]).stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.response_id, r.stance])).toEqual([['A1', 'oppose'], ['A2', 'support'], ['A3', expect.any(String)]]);
  });
});
