// Each folder of fixtures/messy holds an input file and the expected stored result; UPDATE_SNAPSHOTS=1 rewrites them.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, source, storedSummary } from '../helpers/ingest-summary.js';
import { tempStore } from '../helpers/temp-store.js';

const ROOT = join(import.meta.dirname, '..', '..', 'fixtures', 'messy');
const update = process.env.UPDATE_SNAPSHOTS === '1';

describe('ingest of messy real-world CSV files', () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(name, async () => {
      const dir = join(ROOT, name);
      const optionsFile = join(dir, 'options.json');
      const options = existsSync(optionsFile) ? (JSON.parse(readFileSync(optionsFile, 'utf8')) as Record<string, unknown>) : {};
      const { db } = tempStore();
      const result = await ingest(db, source(join(dir, 'input.csv'), { name, ...options }));
      const actual = { rowsRead: result.rowsRead, responses: result.responses, rejects: result.rejects, stored: storedSummary(db) };
      db.close();
      const expectedFile = join(dir, 'expected.json');
      if (update || !existsSync(expectedFile)) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
      // Nothing is silently dropped: every row read is a response or a reject.
      expect(result.responses + result.rejects).toBe(result.rowsRead);
    });
  }
});
