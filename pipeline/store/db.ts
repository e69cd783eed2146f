// The narrow part of better-sqlite3 the store uses, and the one place that opens a database file.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { VerbatimError } from '../util/errors.js';
import { ANALYSIS_INDEXES, MIGRATIONS, SCHEMA_VERSION } from './migrations.js';

export type Statement = Readonly<{
  run(...params: readonly unknown[]): { changes: number; lastInsertRowid: number | bigint };
  get(...params: readonly unknown[]): unknown;
  all(...params: readonly unknown[]): unknown[];
  iterate(...params: readonly unknown[]): IterableIterator<unknown>;
}>;

export type Db = Readonly<{
  prepare(sql: string): Statement;
  exec(sql: string): void;
  transaction<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R;
  pragma(sql: string, options?: { simple?: boolean }): unknown;
  close(): void;
}>;

export function openDb(file: string, options: Readonly<{ readonly?: boolean }> = {}): Db {
  let db: Database.Database;
  try {
    if (!options.readonly) mkdirSync(dirname(file), { recursive: true });
    db = new Database(file, { readonly: options.readonly === true, fileMustExist: options.readonly === true });
  } catch (error) {
    throw new VerbatimError(`cannot open the store: ${(error as Error).message}`, { file });
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    migrate(db, file);
    ensureIndexes(db as unknown as Db);
  } else {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version !== SCHEMA_VERSION) throw new VerbatimError(`store schema version ${version}, this tool reads ${SCHEMA_VERSION}`, { file });
  }
  db.pragma('cache_size = -16384');
  return db as unknown as Db;
}

function migrate(db: Database.Database, file: string): void {
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    throw new VerbatimError(`store schema version ${version} is newer than this tool (${SCHEMA_VERSION}); upgrade verbatim`, { file });
  }
  for (let v = version; v < SCHEMA_VERSION; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}

export function ensureIndexes(db: Db): void {
  for (const sql of Object.values(ANALYSIS_INDEXES)) db.exec(sql);
}

export function dropIndexes(db: Db): void {
  for (const name of Object.keys(ANALYSIS_INDEXES)) db.exec(`DROP INDEX IF EXISTS ${name}`);
}
