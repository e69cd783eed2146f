// Writes sources, responses, answers and rejects as ingest reads them, in batched transactions.
import { clearCampaigns } from './campaign-store.js';
import type { Db, Statement } from './db.js';

export type SourceHeader = Readonly<{
  name: string; fileName: string; sha256: string; bytes: number; encoding: string; delimiter: string;
  header: readonly string[]; mapping: unknown; runId: number;
}>;

export type ResponseRow = Readonly<{
  responseId: string; line: number; row: number; respondentType: string | null; area: string | null;
  closed: Readonly<Record<string, string>>; answers: readonly (readonly [field: string, text: string])[];
}>;

export type RejectRow = Readonly<{ line: number; row: number; column: number | null; reason: string; raw: string }>;

export type ExistingSource = Readonly<{ sourceId: number; name: string; status: 'ingesting' | 'complete'; rowsRead: number; mappingJson: string; runId: number }>;

export function findSourceBySha(db: Db, sha256: string): ExistingSource | undefined {
  return db.prepare('SELECT source_id AS sourceId, name, status, rows_read AS rowsRead, mapping_json AS mappingJson, run_id AS runId FROM sources WHERE sha256 = ?').get(sha256) as ExistingSource | undefined;
}

/** Removes a source's rows and everything derived from them, so the file can be read again from its first row. */
export function clearSource(db: Db, sourceId: number): void {
  db.transaction(() => {
    // Campaigns span sources; the campaign stage finds them again after the next analysis.
    clearCampaigns(db);
    for (const table of ['answers', 'tags', 'codes', 'redactions', 'signatures']) {
      db.prepare(`DELETE FROM ${table} WHERE rid IN (SELECT rid FROM responses WHERE source_id = ?)`).run(sourceId);
    }
    db.prepare('DELETE FROM responses WHERE source_id = ?').run(sourceId);
    db.prepare('DELETE FROM rejects WHERE source_id = ?').run(sourceId);
  })();
}

export function insertSource(db: Db, s: SourceHeader): number {
  const r = db.prepare(`INSERT INTO sources (name, file_name, sha256, bytes, encoding, delimiter, header_json, mapping_json, status, run_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'ingesting', ?)`)
    .run(s.name, s.fileName, s.sha256, s.bytes, s.encoding, s.delimiter, JSON.stringify(s.header), JSON.stringify(s.mapping), s.runId);
  return Number(r.lastInsertRowid);
}

export function resetSourceHeader(db: Db, sourceId: number, s: SourceHeader): void {
  db.prepare("UPDATE sources SET header_json = ?, mapping_json = ?, encoding = ?, delimiter = ?, run_id = ?, status = 'ingesting' WHERE source_id = ?")
    .run(JSON.stringify(s.header), JSON.stringify(s.mapping), s.encoding, s.delimiter, s.runId, sourceId);
}

/** A source name used by an earlier, different file: that file is superseded by the new one. */
export function otherSourceWithName(db: Db, name: string, sourceId: number): number | undefined {
  const row = db.prepare("SELECT source_id AS id FROM sources WHERE name = ? AND source_id != ? AND superseded_by IS NULL AND status = 'complete'").get(name, sourceId) as { id: number } | undefined;
  return row?.id;
}


export class SourceWriter {
  private readonly insertResponse: Statement;
  private readonly insertAnswer: Statement;
  private readonly insertReject: Statement;
  private readonly firstLine: Statement;
  private pending: (() => void)[] = [];
  responses = 0;
  rejects = 0;

  /** `onCommit` runs after each batch is committed, so a reader on the same connection can see the new rows. */
  constructor(private readonly db: Db, private readonly sourceId: number, private readonly onCommit: () => void = () => undefined, private readonly batchSize = 5000) {
    this.insertResponse = db.prepare(`INSERT OR IGNORE INTO responses (response_id, source_id, line, row, respondent_type, area, closed_json, has_text)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertAnswer = db.prepare('INSERT INTO answers (rid, field, raw_text) VALUES (?, ?, ?)');
    this.insertReject = db.prepare('INSERT INTO rejects (source_id, line, row, column, reason, raw) VALUES (?, ?, ?, ?, ?, ?)');
    this.firstLine = db.prepare('SELECT line FROM responses WHERE source_id = ? AND response_id = ?');
  }

  addResponse(r: ResponseRow): void {
    this.pending.push(() => {
      const result = this.insertResponse.run(r.responseId, this.sourceId, r.line, r.row, r.respondentType, r.area, JSON.stringify(r.closed), r.answers.length > 0 ? 1 : 0);
      if (result.changes === 0) {
        const first = this.firstLine.get(this.sourceId, r.responseId) as { line: number } | undefined;
        this.writeReject({ line: r.line, row: r.row, column: null, reason: `duplicate id "${r.responseId}" (first seen on line ${first?.line ?? '?'})`, raw: r.answers.map(([, t]) => t).join(' | ') });
        return;
      }
      const rid = Number(result.lastInsertRowid);
      for (const [field, text] of r.answers) this.insertAnswer.run(rid, field, text);
      this.responses++;
    });
    if (this.pending.length >= this.batchSize) this.flush();
  }

  addReject(r: RejectRow): void {
    this.pending.push(() => this.writeReject(r));
    if (this.pending.length >= this.batchSize) this.flush();
  }

  private writeReject(r: RejectRow): void {
    this.insertReject.run(this.sourceId, r.line, r.row, r.column, r.reason, r.raw);
    this.rejects++;
  }

  /** Writes the rows waiting since the last commit; call inside a transaction. */
  private writePending(): void {
    const work = this.pending;
    this.pending = [];
    for (const w of work) w();
  }

  flush(): void {
    this.db.transaction(() => this.writePending())();
    this.onCommit();
  }

  /** Writes the last batch and marks the source complete in the same transaction, with `alsoInTransaction`. */
  finish(rowsRead: number, blankRows: number, supersedes: number | undefined, alsoInTransaction: () => void): void {
    this.db.transaction(() => {
      this.writePending();
      this.db.prepare("UPDATE sources SET status = 'complete', rows_read = ?, blank_rows = ? WHERE source_id = ?").run(rowsRead, blankRows, this.sourceId);
      // The superseded file's signatures are dropped by the campaign stage, which reads them.
      if (supersedes !== undefined) this.db.prepare('UPDATE sources SET superseded_by = ? WHERE source_id = ?').run(this.sourceId, supersedes);
      alsoInTransaction();
    })();
    this.onCommit();
  }
}
