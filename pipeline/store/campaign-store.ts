// Reads the signatures campaign detection needs and writes the campaigns it finds.
import type { Db } from './db.js';

function toUint32(blob: Buffer): Uint32Array {
  if (blob.byteOffset % 4 === 0) return new Uint32Array(blob.buffer, blob.byteOffset, blob.byteLength / 4);
  // A blob that is not 4-byte aligned is copied before it can be read as 32-bit words.
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return new Uint32Array(copy.buffer);
}

export type CampaignRow = Readonly<{ members: readonly number[] }>;

/** Forgets every campaign; the campaign stage finds them again after the next analysis. */
export function clearCampaigns(db: Db): void {
  db.exec('DELETE FROM campaigns; UPDATE responses SET campaign_id = NULL WHERE campaign_id IS NOT NULL;');
}

export class CampaignStore {
  /** The row the scan is on: campaign detection asks for its shingles next, so they come with the scan. */
  private scanned: { rid: number; shingles: Buffer } | undefined;

  constructor(private readonly db: Db) {}

  /**
   * Campaigns are found among counted responses only. Campaign detection scans signatures alone, so those of
   * a superseded or half-read file are dropped here, once, before it runs: under `run` an analysis batch of
   * an old version's rows can even land after the new version has completed.
   */
  dropUncountedSignatures(): void {
    this.db.exec(`DELETE FROM signatures WHERE rid IN (SELECT r.rid FROM responses r JOIN sources s ON s.source_id = r.source_id
      WHERE s.superseded_by IS NOT NULL OR s.status != 'complete')`);
  }

  maxRid(): number {
    return (this.db.prepare('SELECT coalesce(max(rid), 0) AS m FROM responses').get() as { m: number }).m;
  }

  *scanBands(): Iterable<{ rid: number; bands: Uint32Array; size: number }> {
    const rows = this.db.prepare('SELECT rid, bands, shingles FROM signatures ORDER BY rid').iterate();
    for (const row of rows as IterableIterator<{ rid: number; bands: Buffer; shingles: Buffer }>) {
      this.scanned = row;
      yield { rid: row.rid, bands: toUint32(row.bands), size: row.shingles.byteLength / 4 };
    }
    this.scanned = undefined;
  }

  shinglesReader(): (rid: number) => Uint32Array {
    const get = this.db.prepare('SELECT shingles FROM signatures WHERE rid = ?');
    return (rid) => {
      if (this.scanned?.rid === rid) return toUint32(this.scanned.shingles);
      const row = get.get(rid) as { shingles: Buffer } | undefined;
      return row ? toUint32(row.shingles) : new Uint32Array(0);
    };
  }

  /** Replaces all campaigns; the representative is the most common exact text, earliest response first. */
  writeCampaigns(campaigns: readonly CampaignRow[], onCommit: () => void): void {
    const hashOf = this.db.prepare('SELECT text_hash AS h FROM responses WHERE rid = ?');
    const insert = this.db.prepare('INSERT INTO campaigns (campaign_id, size, representative_rid, exact_copies) VALUES (?, ?, ?, ?)');
    const assign = this.db.prepare('UPDATE responses SET campaign_id = ? WHERE rid = ?');
    this.db.transaction(() => {
      clearCampaigns(this.db);
      campaigns.forEach((c, i) => {
        const id = i + 1;
        const counts = new Map<string, { n: number; first: number }>();
        for (const rid of c.members) {
          const h = (hashOf.get(rid) as { h: string | null } | undefined)?.h ?? `rid:${rid}`;
          const entry = counts.get(h);
          if (entry) entry.n++;
          else counts.set(h, { n: 1, first: rid });
          assign.run(id, rid);
        }
        let best = { n: 0, first: c.members[0] ?? 0 };
        for (const e of counts.values()) if (e.n > best.n || (e.n === best.n && e.first < best.first)) best = e;
        const exact = [...counts.values()].reduce((s, e) => s + (e.n > 1 ? e.n : 0), 0);
        insert.run(id, c.members.length, best.first, exact);
      });
      onCommit();
    })();
  }
}
