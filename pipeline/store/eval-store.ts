// What eval compares against gold codes: each tagger's decision per response id and theme, and the stance.
import type { Db } from './db.js';

export type Decisions = Readonly<{ keyword: ReadonlySet<string>; model: ReadonlySet<string>; combined: ReadonlySet<string>; stance: string | null }>;

export function decisionsByResponseId(db: Db, responseIds: readonly string[]): Map<string, Decisions> {
  const find = db.prepare('SELECT rid, stance FROM active_responses WHERE response_id = ? ORDER BY rid DESC LIMIT 1');
  const tags = db.prepare("SELECT DISTINCT theme_id AS themeId, origin FROM tags WHERE rid = ? AND origin IN ('keyword', 'model')");
  const codes = db.prepare('SELECT theme_id AS themeId FROM codes WHERE rid = ?');
  const out = new Map<string, Decisions>();
  for (const id of responseIds) {
    const row = find.get(id) as { rid: number; stance: string | null } | undefined;
    if (!row) continue;
    const t = tags.all(row.rid) as { themeId: string; origin: string }[];
    out.set(id, {
      keyword: new Set(t.filter((x) => x.origin === 'keyword').map((x) => x.themeId)),
      model: new Set(t.filter((x) => x.origin === 'model').map((x) => x.themeId)),
      combined: new Set((codes.all(row.rid) as { themeId: string }[]).map((x) => x.themeId)),
      stance: row.stance,
    });
  }
  return out;
}

export function storedThemeIds(db: Db): string[] {
  return (db.prepare('SELECT theme_id AS id FROM themes ORDER BY position').all() as { id: string }[]).map((r) => r.id);
}
