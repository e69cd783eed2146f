// The bundled demo end to end: the planted template-letter campaign, collapsed counts, and the committed report.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, verbatim } from '../helpers/cli.js';

describe('the demo consultation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-demo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'demo.sqlite');
  const run = verbatim(['run', '--config', fixture('oxfordshire', 'consultation.yaml'), '--db', db, '--out', dir, '-q']);

  it('runs cleanly and reproduces the committed report byte for byte', () => {
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toBe(readFileSync(join(ROOT, 'reports', 'oxfordshire', 'summary.md'), 'utf8'));
  });

  it('puts every planted template letter, with its edits, in one campaign and nothing else in it', () => {
    const out = verbatim(['export', '--db', db, '--format', 'csv']);
    const rows = Papa.parse<Record<string, string>>(out.stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(856);
    const planted = rows.filter((r) => Number(r.response_id?.slice(1)) >= 10651);
    expect(planted).toHaveLength(36);
    const campaigns = new Set(planted.map((r) => r.campaign_id));
    expect([...campaigns]).toEqual(['C1']);
    expect(rows.filter((r) => r.campaign_id === 'C1')).toHaveLength(36);
    expect(rows.filter((r) => r.campaign_id && r.campaign_id !== 'C1')).toHaveLength(0);
  });

  it('counts each campaign once with --campaigns collapse', () => {
    const collapsed = join(dir, 'collapsed');
    expect(verbatim(['report', '--db', db, '--out', collapsed, '--campaigns', 'collapse', '-q']).status).toBe(0);
    const report = readFileSync(join(collapsed, 'summary.md'), 'utf8');
    expect(report).toMatch(/Share of 820 units \(each campaign counted once\)/);
    expect(report).toMatch(/Counting every response instead: .* of 855\./);
  });
});
