// Test helpers: a fresh store in a temporary folder, and a quiet logger.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { openDb, type Db } from '../../pipeline/store/db.js';

const made: string[] = [];

afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-test-'));
  made.push(dir);
  return dir;
}

export function tempStore(): { db: Db; path: string; dir: string } {
  const dir = tempDir();
  const path = join(dir, 'store.sqlite');
  return { db: openDb(path), path, dir };
}
