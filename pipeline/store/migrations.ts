// The store's schema as an ordered list of migrations; PRAGMA user_version records how far a file has come.

export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE runs (
    run_id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    tool_version TEXT NOT NULL,
    command TEXT NOT NULL,
    codebook_sha256 TEXT,
    model_sha256 TEXT,
    options_json TEXT NOT NULL
  );
  CREATE TABLE sources (
    source_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL UNIQUE,
    bytes INTEGER NOT NULL,
    encoding TEXT NOT NULL,
    delimiter TEXT NOT NULL,
    header_json TEXT NOT NULL,
    mapping_json TEXT NOT NULL,
    rows_read INTEGER NOT NULL DEFAULT 0,
    blank_rows INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL CHECK (status IN ('ingesting', 'complete')),
    superseded_by INTEGER REFERENCES sources(source_id),
    run_id INTEGER NOT NULL REFERENCES runs(run_id)
  );
  CREATE TABLE responses (
    rid INTEGER PRIMARY KEY,
    response_id TEXT NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources(source_id),
    line INTEGER NOT NULL,
    row INTEGER NOT NULL,
    respondent_type TEXT,
    area TEXT,
    closed_json TEXT NOT NULL DEFAULT '{}',
    has_text INTEGER NOT NULL,
    stance TEXT CHECK (stance IN ('oppose', 'support', 'mixed', 'unclear')),
    stance_basis TEXT,
    text_hash TEXT,
    analysed_run INTEGER,
    campaign_id INTEGER,
    UNIQUE (source_id, response_id)
  );
  CREATE TABLE answers (
    rid INTEGER NOT NULL REFERENCES responses(rid),
    field TEXT NOT NULL,
    raw_text TEXT,
    redacted_text TEXT,
    PRIMARY KEY (rid, field)
  ) WITHOUT ROWID;
  CREATE TABLE rejects (
    reject_id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(source_id),
    line INTEGER NOT NULL,
    row INTEGER NOT NULL,
    column INTEGER,
    reason TEXT NOT NULL,
    raw TEXT NOT NULL
  );
  CREATE TABLE themes (
    theme_id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    definition TEXT NOT NULL,
    codebook_sha256 TEXT NOT NULL
  );
  CREATE TABLE tags (
    rid INTEGER NOT NULL REFERENCES responses(rid),
    field TEXT NOT NULL,
    theme_id TEXT NOT NULL,
    origin TEXT NOT NULL CHECK (origin IN ('keyword', 'model', 'human')),
    rule TEXT NOT NULL,
    span_start INTEGER,
    span_end INTEGER,
    evidence TEXT,
    score REAL
  );
  CREATE TABLE codes (
    rid INTEGER NOT NULL REFERENCES responses(rid),
    theme_id TEXT NOT NULL,
    basis TEXT NOT NULL,
    PRIMARY KEY (rid, theme_id)
  ) WITHOUT ROWID;
  CREATE TABLE human_codes (
    response_id TEXT NOT NULL,
    theme_id TEXT NOT NULL,
    value INTEGER NOT NULL CHECK (value IN (0, 1)),
    coder TEXT NOT NULL,
    PRIMARY KEY (response_id, theme_id)
  );
  CREATE TABLE redactions (
    rid INTEGER NOT NULL REFERENCES responses(rid),
    field TEXT NOT NULL,
    rule TEXT NOT NULL,
    span_start INTEGER NOT NULL,
    span_end INTEGER NOT NULL
  );
  CREATE TABLE signatures (
    rid INTEGER PRIMARY KEY REFERENCES responses(rid),
    shingles BLOB NOT NULL,
    bands BLOB NOT NULL
  );
  CREATE TABLE campaigns (
    campaign_id INTEGER PRIMARY KEY,
    size INTEGER NOT NULL,
    representative_rid INTEGER NOT NULL REFERENCES responses(rid),
    exact_copies INTEGER NOT NULL
  );
  CREATE TABLE models (
    sha256 TEXT PRIMARY KEY,
    model_id TEXT NOT NULL,
    version TEXT NOT NULL,
    json TEXT NOT NULL
  );
  CREATE TABLE stage_runs (
    run_id INTEGER NOT NULL REFERENCES runs(run_id),
    stage TEXT NOT NULL,
    version TEXT NOT NULL,
    params_hash TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    counts_json TEXT
  );
  CREATE TABLE diagnostics (
    run_id INTEGER NOT NULL,
    stage TEXT NOT NULL,
    severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
    rid INTEGER,
    message TEXT NOT NULL
  );
  CREATE VIEW active_responses AS
    SELECT r.* FROM responses r JOIN sources s ON s.source_id = r.source_id
    WHERE s.superseded_by IS NULL AND s.status = 'complete';
  `,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Secondary indexes on the analysis tables. A large analysis drops them and builds them again at the end,
 * which is several times faster than keeping them up to date row by row; `ensureIndexes` restores them
 * whenever something reads the store, so a run killed part-way leaves nothing slower for long.
 */
export const ANALYSIS_INDEXES: Readonly<Record<string, string>> = {
  tags_by_rid: 'CREATE INDEX IF NOT EXISTS tags_by_rid ON tags (rid)',
  tags_by_theme: 'CREATE INDEX IF NOT EXISTS tags_by_theme ON tags (theme_id, origin, rid)',
  codes_by_theme: 'CREATE INDEX IF NOT EXISTS codes_by_theme ON codes (theme_id, rid)',
  redactions_by_rid: 'CREATE INDEX IF NOT EXISTS redactions_by_rid ON redactions (rid)',
  responses_by_campaign: 'CREATE INDEX IF NOT EXISTS responses_by_campaign ON responses (campaign_id) WHERE campaign_id IS NOT NULL',
};
