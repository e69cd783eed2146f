// Records the codebook's themes and the model in the store, so reports and audits need no other file.
import type { Codebook } from '../codebook/codebook-schema.js';
import type { Db } from './db.js';

export function writeThemes(db: Db, codebook: Codebook, codebookSha256: string): void {
  const insert = db.prepare('INSERT INTO themes (theme_id, position, label, definition, codebook_sha256) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    db.exec('DELETE FROM themes');
    codebook.themes.forEach((t, i) => insert.run(t.id, i, t.label, t.definition.trim(), codebookSha256));
  })();
}

export function writeModel(db: Db, sha256: string, modelId: string, version: string, json: string): void {
  db.prepare('INSERT OR IGNORE INTO models (sha256, model_id, version, json) VALUES (?, ?, ?, ?)').run(sha256, modelId, version, json);
}

export function rejectCount(db: Db): number {
  return (db.prepare(`SELECT count(*) AS n FROM rejects j JOIN sources s ON s.source_id = j.source_id WHERE s.superseded_by IS NULL AND s.status = 'complete'`).get() as { n: number }).n;
}
