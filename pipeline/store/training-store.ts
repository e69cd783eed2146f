// Human-coded responses in a store, as labelled examples for retraining.
import type { LabelledExample } from '../../stages/train/labelled.js';
import type { Db } from './db.js';

export function trainingTextsFromStore(db: Db, themeIds: readonly string[]): LabelledExample[] {
  const rows = db.prepare(`SELECT r.response_id AS id, group_concat(coalesce(a.raw_text, a.redacted_text), '\n') AS text
    FROM active_responses r JOIN answers a ON a.rid = r.rid
    WHERE r.response_id IN (SELECT response_id FROM human_codes) GROUP BY r.rid ORDER BY r.response_id`).all() as { id: string; text: string }[];
  const codes = db.prepare('SELECT theme_id AS themeId, value FROM human_codes WHERE response_id = ?');
  return rows.map((r) => {
    const themes = new Map<string, boolean>(themeIds.map((t) => [t, false]));
    for (const c of codes.all(r.id) as { themeId: string; value: number }[]) themes.set(c.themeId, c.value === 1);
    return { id: r.id, text: r.text, themes, stance: undefined, file: 'store' };
  });
}
