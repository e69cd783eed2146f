// The read-only queries behind every figure in the report; SCHEMA.md shows the same queries for auditors.
import type { Db } from './db.js';
import { LAST_ANALYSIS_RUN } from './run-log.js';

export type CountRow = Readonly<{ label: string | null; n: number }>;
export type SourceSummary = Readonly<{
  sourceId: number; name: string; fileName: string; sha256: string; encoding: string; delimiter: string;
  rowsRead: number; blankRows: number; responses: number; rejects: number; superseded: boolean;
}>;
export type ThemeRow = Readonly<{ themeId: string; label: string; definition: string }>;
export type QuoteCandidate = Readonly<{ rid: number; responseId: string; field: string; text: string; start: number | null; end: number | null }>;
export type CampaignSummary = Readonly<{ campaignId: number; size: number; exactCopies: number; representativeRid: number; responseId: string; opening: string }>;

/**
 * One report's reads. Sections ask for the same figures (totals, units, theme counts) several times, and
 * on a million responses each ask is a scan of the store, so each query's answer is kept for the life of
 * the instance. A report only reads; make a new instance after writing.
 */
export class ReportStore {
  private readonly answers = new Map<string, unknown>();

  constructor(private readonly db: Db) {}

  private remember<T>(kind: 'all' | 'one', sql: string, params: unknown[], read: () => T): T {
    const key = `${kind}\u0000${sql}\u0000${JSON.stringify(params)}`;
    if (!this.answers.has(key)) this.answers.set(key, read());
    return this.answers.get(key) as T;
  }
  private all<T>(sql: string, ...params: unknown[]): T[] {
    return this.remember('all', sql, params, () => this.db.prepare(sql).all(...params) as T[]);
  }
  private one<T>(sql: string, ...params: unknown[]): T {
    return this.remember('one', sql, params, () => this.db.prepare(sql).get(...params) as T);
  }

  sources(): SourceSummary[] {
    return this.all(`SELECT s.source_id AS sourceId, s.name, s.file_name AS fileName, s.sha256, s.encoding, s.delimiter,
        s.rows_read AS rowsRead, s.blank_rows AS blankRows, s.superseded_by IS NOT NULL AS superseded,
        (SELECT count(*) FROM responses r WHERE r.source_id = s.source_id) AS responses,
        (SELECT count(*) FROM rejects j WHERE j.source_id = s.source_id) AS rejects
      FROM sources s WHERE s.status = 'complete' ORDER BY s.name, s.source_id`);
  }

  totals(): { responses: number; withText: number; campaignMembers: number; campaigns: number } {
    return this.one(`SELECT count(*) AS responses, coalesce(sum(has_text), 0) AS withText,
      coalesce(sum(campaign_id IS NOT NULL), 0) AS campaignMembers, count(DISTINCT campaign_id) AS campaigns FROM active_responses`);
  }

  /** Counting units: every response, or each campaign once (its members collapse into one unit). */
  private unitKey(collapse: boolean): string {
    return collapse ? "coalesce('c' || r.campaign_id, 'r' || r.rid)" : 'r.rid';
  }

  units(collapse: boolean, withTextOnly: boolean): number {
    return this.one<{ n: number }>(`SELECT count(DISTINCT ${this.unitKey(collapse)}) AS n FROM active_responses r ${withTextOnly ? 'WHERE r.has_text = 1' : ''}`).n;
  }

  countBy(column: 'respondent_type' | 'area' | 'stance'): CountRow[] {
    return this.all(`SELECT ${column} AS label, count(*) AS n FROM active_responses GROUP BY ${column} ORDER BY n DESC, label`);
  }

  closedQuestions(): string[] {
    const rows = this.all<{ q: string }>(`SELECT DISTINCT j.key AS q FROM active_responses r, json_each(r.closed_json) j ORDER BY q`);
    return rows.map((r) => r.q);
  }

  closedAnswers(question: string): CountRow[] {
    return this.all(`SELECT json_extract(closed_json, '$.' || json_quote(?)) AS label, count(*) AS n FROM active_responses
      GROUP BY label ORDER BY n DESC, label`, question);
  }

  stanceBasis(): CountRow[] {
    return this.all(`SELECT CASE WHEN stance_basis LIKE 'closed:%' THEN 'closed question' WHEN stance_basis LIKE 'model:%' THEN 'text model' ELSE 'no text' END AS label,
      count(*) AS n FROM active_responses GROUP BY label ORDER BY label`);
  }

  themes(): ThemeRow[] {
    return this.all('SELECT theme_id AS themeId, label, definition FROM themes ORDER BY position');
  }

  themeCount(themeId: string, collapse: boolean): number {
    return this.one<{ n: number }>(`SELECT count(DISTINCT ${this.unitKey(collapse)}) AS n FROM codes c JOIN active_responses r ON r.rid = c.rid WHERE c.theme_id = ?`, themeId).n;
  }

  themeBasis(themeId: string): CountRow[] {
    return this.all(`SELECT c.basis AS label, count(*) AS n FROM codes c JOIN active_responses r ON r.rid = c.rid WHERE c.theme_id = ? GROUP BY c.basis ORDER BY c.basis`, themeId);
  }

  topRules(themeId: string, limit: number): CountRow[] {
    return this.all(`SELECT t.rule AS label, count(DISTINCT t.rid) AS n FROM tags t JOIN active_responses r ON r.rid = t.rid
      WHERE t.theme_id = ? AND t.origin = 'keyword' GROUP BY t.rule ORDER BY n DESC, t.rule LIMIT ?`, themeId, limit);
  }

  /** Coded responses outside campaigns, in a fixed pseudo-random order (by text hash), for quoting. */
  quoteCandidates(themeId: string, limit: number): QuoteCandidate[] {
    const rids = this.all<{ rid: number; responseId: string }>(`SELECT r.rid, r.response_id AS responseId FROM codes c JOIN active_responses r ON r.rid = c.rid
      WHERE c.theme_id = ? AND r.campaign_id IS NULL AND r.has_text = 1
      ORDER BY NOT EXISTS (SELECT 1 FROM tags t WHERE t.rid = r.rid AND t.theme_id = c.theme_id AND t.origin = 'keyword'), r.text_hash, r.rid LIMIT ?`, themeId, limit);
    const answers = this.db.prepare(`SELECT a.field, a.redacted_text AS text,
        (SELECT min(t.span_start) FROM tags t WHERE t.rid = a.rid AND t.field = a.field AND t.theme_id = ? AND t.origin = 'keyword') AS start,
        (SELECT t.span_end FROM tags t WHERE t.rid = a.rid AND t.field = a.field AND t.theme_id = ? AND t.origin = 'keyword' ORDER BY t.span_start LIMIT 1) AS end
      FROM answers a WHERE a.rid = ? AND a.redacted_text IS NOT NULL ORDER BY (start IS NULL), a.field LIMIT 1`);
    return rids.flatMap(({ rid, responseId }) => {
      const a = answers.get(themeId, themeId, rid) as { field: string; text: string; start: number | null; end: number | null } | undefined;
      return a ? [{ rid, responseId, ...a }] : [];
    });
  }

  campaigns(limit: number): CampaignSummary[] {
    return this.all(`SELECT c.campaign_id AS campaignId, c.size, c.exact_copies AS exactCopies, c.representative_rid AS representativeRid, r.response_id AS responseId,
        (SELECT group_concat(a.redacted_text, ' / ') FROM answers a WHERE a.rid = c.representative_rid) AS opening
      FROM campaigns c JOIN responses r ON r.rid = c.representative_rid ORDER BY c.size DESC, c.campaign_id LIMIT ?`, limit);
  }

  campaignThemes(campaignId: number): CountRow[] {
    return this.all(`SELECT c.theme_id AS label, count(*) AS n FROM codes c JOIN active_responses r ON r.rid = c.rid WHERE r.campaign_id = ? GROUP BY c.theme_id ORDER BY c.theme_id`, campaignId);
  }

  exactDuplicates(): number {
    return this.one<{ n: number }>(`SELECT coalesce(sum(n - 1), 0) AS n FROM (SELECT count(*) AS n FROM active_responses WHERE text_hash IS NOT NULL GROUP BY text_hash HAVING n > 1)`).n;
  }

  rejectReasons(): CountRow[] {
    return this.all(`SELECT CASE WHEN reason LIKE 'duplicate id%' THEN 'duplicate id in the same file' ELSE reason END AS label, count(*) AS n
      FROM rejects j JOIN sources s ON s.source_id = j.source_id WHERE s.superseded_by IS NULL GROUP BY label ORDER BY n DESC, label`);
  }

  rejectSamples(limit: number): { fileName: string; line: number; column: number | null; reason: string }[] {
    return this.all(`SELECT s.file_name AS fileName, j.line, j.column, j.reason FROM rejects j JOIN sources s ON s.source_id = j.source_id
      WHERE s.superseded_by IS NULL ORDER BY s.name, j.line LIMIT ?`, limit);
  }

  redactionCounts(): CountRow[] {
    return this.all(`SELECT x.rule AS label, count(*) AS n FROM redactions x JOIN active_responses r ON r.rid = x.rid GROUP BY x.rule ORDER BY x.rule`);
  }

  diagnosticsCount(): CountRow[] {
    return this.all('SELECT severity AS label, count(*) AS n FROM diagnostics GROUP BY severity ORDER BY severity');
  }

  latestRun(): { toolVersion: string; codebookSha256: string | null; modelSha256: string | null; optionsJson: string } | undefined {
    return this.one(`SELECT tool_version AS toolVersion, codebook_sha256 AS codebookSha256, model_sha256 AS modelSha256, options_json AS optionsJson
      FROM runs WHERE run_id = ${LAST_ANALYSIS_RUN}`);
  }

  model(sha256: string): { modelId: string; version: string; json: string } | undefined {
    return this.one('SELECT model_id AS modelId, version, json FROM models WHERE sha256 = ?', sha256);
  }
}
