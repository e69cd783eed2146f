// Streams one row per response with its codes, stance, campaign and texts, for the export stage.
import type { Db } from './db.js';

export type ExportRow = Readonly<{
  rid: number; responseId: string; source: string; stance: string | null; campaignId: number | null;
  themes: ReadonlySet<string>; texts: ReadonlyMap<string, string>;
}>;

export class ExportStore {
  constructor(private readonly db: Db) {}

  /** Free-text field names in the order sources declared them. */
  fields(): string[] {
    const names: string[] = [];
    const rows = this.db.prepare("SELECT mapping_json AS m FROM sources WHERE status = 'complete' AND superseded_by IS NULL ORDER BY source_id").all() as { m: string }[];
    for (const row of rows) {
      const mapping = JSON.parse(row.m) as { text?: { as: string }[] };
      for (const t of mapping.text ?? []) if (!names.includes(t.as)) names.push(t.as);
    }
    return names;
  }

  /** Responses not yet analysed have no redacted text, so a default export leaves their text out. */
  unanalysed(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM active_responses WHERE analysed_run IS NULL').get() as { n: number }).n;
  }

  *rows(raw: boolean): Iterable<ExportRow> {
    const responses = this.db.prepare(`SELECT r.rid, r.response_id AS responseId, s.name AS source, r.stance, r.campaign_id AS campaignId
      FROM active_responses r JOIN sources s ON s.source_id = r.source_id ORDER BY r.rid`);
    const codes = this.db.prepare('SELECT rid, theme_id AS themeId FROM codes WHERE rid BETWEEN ? AND ? ORDER BY rid');
    const texts = this.db.prepare(`SELECT rid, field, ${raw ? 'coalesce(raw_text, redacted_text)' : 'redacted_text'} AS text FROM answers WHERE rid BETWEEN ? AND ? ORDER BY rid`);
    const batch: { rid: number; responseId: string; source: string; stance: string | null; campaignId: number | null }[] = [];
    const flush = function* (): Iterable<ExportRow> {
      const first = batch[0];
      const last = batch[batch.length - 1];
      if (!first || !last) return;
      const themes = new Map<number, Set<string>>();
      for (const c of codes.all(first.rid, last.rid) as { rid: number; themeId: string }[]) {
        const set = themes.get(c.rid) ?? new Set<string>();
        set.add(c.themeId);
        themes.set(c.rid, set);
      }
      const byRid = new Map<number, Map<string, string>>();
      for (const t of texts.all(first.rid, last.rid) as { rid: number; field: string; text: string | null }[]) {
        const map = byRid.get(t.rid) ?? new Map<string, string>();
        map.set(t.field, t.text ?? '');
        byRid.set(t.rid, map);
      }
      for (const r of batch) yield { ...r, themes: themes.get(r.rid) ?? new Set(), texts: byRid.get(r.rid) ?? new Map() };
      batch.length = 0;
    };
    for (const r of responses.iterate() as IterableIterator<(typeof batch)[number]>) {
      batch.push(r);
      if (batch.length >= 2000) yield* flush();
    }
    yield* flush();
  }
}
