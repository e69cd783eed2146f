// Reads responses waiting for analysis and writes each analysed batch back in one transaction.
import type { StanceMap } from '../config/consultation-config.js';
import type { AnalysisInput, AnalysisOutput } from '../../stages/analyse/analyse-response.js';
import { BulkInsert } from './bulk-insert.js';
import type { Db, Statement } from './db.js';

type SourceStance = { stanceQuestion: string | undefined; stanceMap: StanceMap | undefined };

export class AnalysisStore {
  private readonly pending: Statement;
  private readonly answers: Statement;
  private readonly sourceMapping: Statement;
  private readonly stanceBySource = new Map<number, SourceStance>();
  private readonly bulk: Readonly<Record<'tag' | 'code' | 'redaction' | 'signature', BulkInsert>>;
  private readonly updateAnswer: Statement;
  private readonly updateResponse: Statement;
  private readonly copyUnredacted: Statement;
  private readonly dropRaw: Statement;

  /**
   * Responses wait for analysis once their source is complete and not superseded, or while this run is
   * still ingesting it (`run` analyses committed rows as the rest of the file is read). A source an earlier
   * run left half-read is not analysed: it is read again from its first row when next ingested.
   */
  private static readonly PENDING = `FROM responses r JOIN sources s ON s.source_id = r.source_id
    WHERE s.superseded_by IS NULL AND (s.status = 'complete' OR s.run_id = @runId) AND r.analysed_run IS NULL`;

  constructor(private readonly db: Db, private readonly runId: number) {
    this.pending = db.prepare(`SELECT r.rid, r.source_id AS sourceId, r.closed_json AS closedJson ${AnalysisStore.PENDING}
      AND r.rid > @after ORDER BY r.rid LIMIT @limit`);
    this.answers = db.prepare('SELECT rid, field, coalesce(raw_text, redacted_text) AS text FROM answers WHERE rid >= ? AND rid <= ? ORDER BY rid, field');
    this.sourceMapping = db.prepare('SELECT mapping_json AS mappingJson FROM sources WHERE source_id = ?');
    this.bulk = {
      tag: new BulkInsert(db, 'INSERT INTO tags (rid, field, theme_id, origin, rule, span_start, span_end, evidence, score)', 9),
      code: new BulkInsert(db, 'INSERT OR REPLACE INTO codes (rid, theme_id, basis)', 3),
      redaction: new BulkInsert(db, 'INSERT INTO redactions (rid, field, rule, span_start, span_end)', 5),
      signature: new BulkInsert(db, 'INSERT OR REPLACE INTO signatures (rid, shingles, bands)', 3),
    };
    // Updates by primary key stay one statement per row: measured, an UPDATE … FROM a batch table was slower.
    this.updateAnswer = db.prepare('UPDATE answers SET redacted_text = ? WHERE rid = ? AND field = ?');
    this.copyUnredacted = db.prepare('UPDATE answers SET redacted_text = raw_text WHERE rid IN (SELECT value FROM json_each(?)) AND redacted_text IS NULL');
    this.dropRaw = db.prepare('UPDATE answers SET raw_text = NULL WHERE rid IN (SELECT value FROM json_each(?))');
    this.updateResponse = db.prepare('UPDATE responses SET stance = ?, stance_basis = ?, text_hash = ?, analysed_run = ? WHERE rid = ?');
  }

  countPending(): number {
    return (this.db.prepare(`SELECT count(*) AS n ${AnalysisStore.PENDING}`).get({ runId: this.runId }) as { n: number }).n;
  }

  private stanceOf(sourceId: number): SourceStance {
    let s = this.stanceBySource.get(sourceId);
    if (!s) {
      const row = this.sourceMapping.get(sourceId) as { mappingJson: string } | undefined;
      const mapping = JSON.parse(row?.mappingJson ?? '{}') as { stance?: string; stanceMap?: StanceMap };
      s = { stanceQuestion: mapping.stance, stanceMap: mapping.stanceMap };
      this.stanceBySource.set(sourceId, s);
    }
    return s;
  }

  /** The next `limit` responses after `afterRid` that have not been analysed yet. */
  nextBatch(afterRid: number, limit: number): AnalysisInput[] {
    const rows = this.pending.all({ runId: this.runId, after: afterRid, limit }) as { rid: number; sourceId: number; closedJson: string }[];
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) return [];
    const byRid = new Map<number, [string, string][]>();
    for (const a of this.answers.iterate(first.rid, last.rid) as IterableIterator<{ rid: number; field: string; text: string | null }>) {
      if (a.text === null) continue;
      const list = byRid.get(a.rid) ?? [];
      list.push([a.field, a.text]);
      byRid.set(a.rid, list);
    }
    return rows.map((r) => ({ rid: r.rid, answers: byRid.get(r.rid) ?? [], closed: JSON.parse(r.closedJson) as Record<string, string>, ...this.stanceOf(r.sourceId) }));
  }

  writeBatch(results: readonly AnalysisOutput[], dropRaw: boolean): void {
    const tags: unknown[] = [];
    const codes: unknown[] = [];
    const redactions: unknown[] = [];
    const signatures: unknown[] = [];
    for (const r of results) {
      for (const f of r.fields) {
        for (const x of f.redactions) redactions.push(r.rid, f.field, x.rule, x.start, x.end);
      }
      for (const t of r.tags) tags.push(r.rid, t.field, t.themeId, t.origin, t.rule, t.start, t.end, t.evidence, t.score);
      for (const c of r.codes) codes.push(r.rid, c.themeId, c.basis);
      if (r.shingles.length) signatures.push(r.rid, Buffer.from(r.shingles.buffer, r.shingles.byteOffset, r.shingles.byteLength), Buffer.from(r.bands.buffer, r.bands.byteOffset, r.bands.byteLength));
    }
    this.db.transaction(() => {
      this.bulk.tag.run(tags);
      this.bulk.code.run(codes);
      this.bulk.redaction.run(redactions);
      this.bulk.signature.run(signatures);
      for (const r of results) {
        for (const f of r.fields) this.updateAnswer.run(f.redacted, r.rid, f.field);
        this.updateResponse.run(r.stance, r.stanceBasis, r.textHash, this.runId, r.rid);
      }
      // Answers redaction left unchanged get their text copied in one statement per batch.
      const rids = JSON.stringify(results.map((r) => r.rid));
      this.copyUnredacted.run(rids);
      if (dropRaw) this.dropRaw.run(rids);
    })();
  }

  /** Forgets every machine result, for a new codebook, model or analysis version. Human codes stay. */
  resetAll(): void {
    this.db.transaction(() => {
      this.db.exec(`DELETE FROM tags WHERE origin != 'human'; DELETE FROM codes; DELETE FROM redactions; DELETE FROM signatures; DELETE FROM campaigns;
        UPDATE responses SET analysed_run = NULL, stance = NULL, stance_basis = NULL, text_hash = NULL, campaign_id = NULL;
        UPDATE answers SET redacted_text = NULL WHERE raw_text IS NOT NULL;`);
    })();
  }
}
