// Human codes: imported from a coder's CSV, applied over machine codes (a human code always wins).
import type { Db } from './db.js';

export type HumanCode = Readonly<{ responseId: string; themeId: string; value: 0 | 1; coder: string }>;

export function importHumanCodes(db: Db, codes: readonly HumanCode[]): number {
  const insert = db.prepare('INSERT OR REPLACE INTO human_codes (response_id, theme_id, value, coder) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const c of codes) insert.run(c.responseId, c.themeId, c.value, c.coder);
  })();
  return codes.length;
}

/** Replaces machine codes with human ones wherever a person coded the response and theme. */
export function applyHumanCodes(db: Db): number {
  let applied = 0;
  db.transaction(() => {
    db.exec("DELETE FROM tags WHERE origin = 'human'");
    const r = db.prepare(`INSERT INTO tags (rid, field, theme_id, origin, rule, score)
      SELECT r.rid, '*', h.theme_id, 'human', 'coder:' || h.coder, h.value FROM human_codes h JOIN active_responses r ON r.response_id = h.response_id`).run();
    applied = r.changes;
    db.exec(`DELETE FROM codes WHERE EXISTS (SELECT 1 FROM tags t WHERE t.origin = 'human' AND t.rid = codes.rid AND t.theme_id = codes.theme_id);
      INSERT INTO codes (rid, theme_id, basis) SELECT rid, theme_id, 'human' FROM tags WHERE origin = 'human' AND score = 1;`);
  })();
  return applied;
}
