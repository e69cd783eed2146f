// Near-duplicate campaign clustering: LSH band buckets propose pairs, exact shingle Jaccard confirms them, union-find groups them.
import { BANDS } from './minhash.js';
import { jaccard } from './shingles.js';

export type CampaignInput = Readonly<{
  /**
   * Every response with text, in ascending rid order: rid, its band hashes (BANDS values) and, when known, the
   * size of its shingle set, which lets a pair that cannot reach the threshold be skipped unread. Called once.
   */
  scan(): Iterable<Readonly<{ rid: number; bands: Uint32Array; size?: number }>>;
  /** The shingle set of one response, for exact verification. */
  shingles(rid: number): Uint32Array;
  maxRid: number;
}>;

export type CampaignOptions = Readonly<{ threshold: number; minSize: number; bandsPerPass?: number }>;

export type Campaign = Readonly<{ members: readonly number[] /* sorted rids */ }>;

const DEFAULT_BANDS_PER_PASS = 8;
const EMPTY = -1;
const MIN_CAPACITY = 1 << 12;
const MAX_LOAD = 0.5;
/*
 * Leaders kept per band hash: the first responses to arrive with it. With one, every copy of a campaign is compared
 * with the campaign's first copy only, and if that one is heavily edited it strands other edited copies that match
 * the rest of the campaign well. The first few arrivals give them more chances. Choosing leaders by arrival alone
 * (not by which groups exist at the time) keeps the result independent of how bands are split into passes.
 */
const MAX_LEADERS = 4;
/**
 * Leader shingle sets kept for verification. At 1M responses a campaign has up to 64 leaders (16 bands, 4 each),
 * so 1024 slots thrashed; 16,384 hold the leaders of hundreds of interleaved campaigns, in tens of MB at
 * most when every leader is a long letter.
 */
const CACHE_SLOTS = 1 << 14;
/*
 * A candidate pair shares at least one band by construction. Requiring one more shared band before reading
 * both shingle sets keeps 99.2% of pairs at Jaccard 0.6 (P(>=2 of 16 bands | 0.6^2 per band)) and skips
 * 57% of pairs at 0.3 and 87% at 0.2, which are most candidates; the exact checks, each two reads from the
 * store, were most of the campaign stage's time at 1M responses.
 */
const MIN_SHARED_BANDS = 2;

/** Joins `rid` to `leader`'s group if their texts are similar enough. */
type Linker = Readonly<{ link(rid: number, leader: number): void }>;

/**
 * Open-addressing multimap from one band's hash to its first MAX_LEADERS rids.
 * Typed arrays with linear probing cost 8 bytes a slot and no per-entry objects, where a Map of a million entries
 * would cost several times more.
 */
class BandTable {
  private keys: Uint32Array;
  private rids: Int32Array;
  private mask: number;
  private used = 0;

  constructor(capacity: number) {
    this.keys = new Uint32Array(capacity);
    this.rids = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
  }

  clear(): void {
    this.rids.fill(EMPTY);
    this.used = 0;
  }

  /**
   * Offers `rid` to every leader under `key`, then makes it a leader too while the key has fewer than MAX_LEADERS.
   * Band hashes are already mixed, so their low bits pick the slot; a key's entries lie in one probe run.
   */
  offer(key: number, rid: number, linker: Linker): void {
    const keys = this.keys;
    const rids = this.rids;
    const mask = this.mask;
    let slot = key & mask;
    let leaders = 0;
    for (;;) {
      const leader = rids[slot] ?? EMPTY;
      if (leader === EMPTY) break;
      if (keys[slot] === key) {
        leaders++;
        linker.link(rid, leader);
      }
      slot = (slot + 1) & mask;
    }
    if (leaders >= MAX_LEADERS) return;
    keys[slot] = key;
    rids[slot] = rid;
    if (++this.used > (mask + 1) * MAX_LOAD) this.grow();
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldRids = this.rids;
    const capacity = oldKeys.length * 2;
    this.keys = new Uint32Array(capacity);
    this.rids = new Int32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const rid = oldRids[i] ?? EMPTY;
      if (rid === EMPTY) continue;
      const key = oldKeys[i] ?? 0;
      let slot = key & this.mask;
      while (this.rids[slot] !== EMPTY) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.rids[slot] = rid;
    }
  }
}

/** Union-find over rids with path halving and union by size; sizes double as the campaign sizes at the end. */
class DisjointSets {
  readonly parent: Int32Array;
  readonly size: Int32Array;

  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
    this.size = new Int32Array(n).fill(1);
  }

  find(x: number): number {
    const parent = this.parent;
    let p = parent[x] ?? x;
    while (p !== x) {
      const grand = parent[p] ?? p;
      parent[x] = grand;
      x = grand;
      p = parent[x] ?? x;
    }
    return x;
  }

  /** Joins two roots; ties keep the smaller rid as root so the structure never depends on anything but the input. */
  unionRoots(a: number, b: number): void {
    const sa = this.size[a] ?? 1;
    const sb = this.size[b] ?? 1;
    const [root, child] = sa > sb || (sa === sb && a < b) ? [a, b] : [b, a];
    this.parent[child] = root;
    this.size[root] = sa + sb;
  }
}

function checkOptions(input: CampaignInput, options: CampaignOptions): number {
  const { threshold, minSize, bandsPerPass = DEFAULT_BANDS_PER_PASS } = options;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${threshold}`);
  if (!Number.isInteger(minSize) || minSize < 2) throw new RangeError(`minSize must be an integer >= 2, got ${minSize}`);
  if (!Number.isInteger(bandsPerPass) || bandsPerPass < 1) throw new RangeError(`bandsPerPass must be a positive integer, got ${bandsPerPass}`);
  if (!Number.isInteger(input.maxRid) || input.maxRid < -1 || input.maxRid >= 2 ** 31 - 1) throw new RangeError(`maxRid must be an integer rid, got ${input.maxRid}`);
  return Math.min(bandsPerPass, BANDS);
}

/**
 * Checks candidate pairs exactly and joins the similar ones. Shingle sets of leaders are kept in a direct-mapped
 * cache, because a campaign's leaders are the same few responses, met once per copy.
 */
class Verifier implements Linker {
  private readonly cachedRids = new Int32Array(CACHE_SLOTS).fill(EMPTY);
  private readonly cachedSets: Uint32Array[] = [];
  private currentRid = EMPTY;
  private currentSet: Uint32Array | undefined;

  constructor(
    private readonly input: CampaignInput,
    private readonly sets: DisjointSets,
    private readonly threshold: number,
    /** The last leader each rid failed against: a near-miss pair shares many bands but needs checking once. */
    private readonly failedWith: Int32Array,
    /** Every response's band hashes, BANDS per rid, kept from the first scan. */
    private readonly allBands: Uint32Array,
    /** Every response's shingle count, or -1 when the scan did not say. */
    private readonly sizes: Int32Array,
  ) {}

  /** Jaccard is at most min/max of the set sizes: if that is under the threshold, the pair fails unread. */
  private sizesRuleOut(a: number, b: number): boolean {
    const sa = this.sizes[a] ?? -1;
    const sb = this.sizes[b] ?? -1;
    return sa >= 0 && sb >= 0 && Math.min(sa, sb) / Math.max(sa, sb) < this.threshold;
  }

  private sharedBands(a: number, b: number): number {
    let shared = 0;
    for (let k = 0; k < BANDS; k++) if (this.allBands[a * BANDS + k] === this.allBands[b * BANDS + k]) shared++;
    return shared;
  }

  link(rid: number, leader: number): void {
    if (this.failedWith[rid] === leader) return;
    const a = this.sets.find(rid);
    const b = this.sets.find(leader);
    if (a === b) return;
    if (this.sharedBands(rid, leader) < MIN_SHARED_BANDS || this.sizesRuleOut(rid, leader)) {
      this.failedWith[rid] = leader;
      return;
    }
    if (rid !== this.currentRid) {
      this.currentRid = rid;
      this.currentSet = undefined;
    }
    this.currentSet ??= this.input.shingles(rid);
    if (similarEnough(this.currentSet, this.leaderSet(leader), this.threshold)) this.sets.unionRoots(a, b);
    else this.failedWith[rid] = leader;
  }

  private leaderSet(rid: number): Uint32Array {
    const slot = rid & (CACHE_SLOTS - 1);
    const cached = this.cachedSets[slot];
    if (cached && this.cachedRids[slot] === rid) return cached;
    const set = this.input.shingles(rid);
    this.cachedRids[slot] = rid;
    this.cachedSets[slot] = set;
    return set;
  }
}

/**
 * Groups near-duplicate responses. For each band, a response is compared with the first MAX_LEADERS responses that
 * had the same band hash (its leaders) and joined to each whose exact Jaccard with it reaches `threshold`; groups of
 * at least `minSize` are campaigns. The result is the set of connected components of those verified links, so it
 * does not depend on `bandsPerPass`, which only trades scan passes against memory. Work is one table probe and at
 * most MAX_LEADERS verifications per band per response, with pairs already in one group skipped; memory is
 * O(maxRid) typed arrays plus `bandsPerPass` band tables.
 */
export function findCampaigns(input: CampaignInput, options: CampaignOptions): Campaign[] {
  const perPass = checkOptions(input, options);
  const n = input.maxRid + 1;
  const sets = new DisjointSets(n);
  const failedWith = new Int32Array(n).fill(EMPTY);
  // The first scan keeps every band hash (64 bytes a response), so later passes need no scan of the store.
  const allBands = new Uint32Array(n * BANDS);
  const present = new Uint8Array(n);
  const sizes = new Int32Array(n).fill(-1);
  const verifier = new Verifier(input, sets, options.threshold, failedWith, allBands, sizes);
  // Tables start small and grow to the number of distinct band hashes, so sparse rids cost no table space;
  // later passes reuse the grown arrays.
  const tables = Array.from({ length: perPass }, () => new BandTable(MIN_CAPACITY));

  for (let first = 0; first < BANDS; first += perPass) {
    const count = Math.min(perPass, BANDS - first);
    for (const table of tables) table.clear();
    if (first === 0) {
      let previous = -1;
      for (const row of input.scan()) {
        const rid = row.rid;
        if (!Number.isInteger(rid) || rid <= previous || rid >= n) throw new RangeError(`scan() must yield unique rids in ascending order within [0, maxRid]; got ${rid} after ${previous}`);
        if (row.bands.length < BANDS) throw new RangeError(`rid ${rid} has ${row.bands.length} band hashes, expected ${BANDS}`);
        previous = rid;
        allBands.set(row.bands.subarray(0, BANDS), rid * BANDS);
        present[rid] = 1;
        if (row.size !== undefined) sizes[rid] = row.size;
        for (let k = 0; k < count; k++) tables[k]?.offer(row.bands[k] ?? 0, rid, verifier);
      }
      continue;
    }
    for (let rid = 0; rid < n; rid++) {
      if (present[rid] !== 1) continue;
      for (let k = 0; k < count; k++) tables[k]?.offer(allBands[rid * BANDS + first + k] ?? 0, rid, verifier);
    }
  }
  return collectCampaigns(sets, failedWith, options.minSize);
}

/**
 * Size alone bounds Jaccard by min/max, which rejects most short-versus-long candidates without a merge. The bound
 * is computed as the same division Jaccard would make at that bound, so a pair exactly at the threshold passes.
 */
function similarEnough(a: Uint32Array, b: Uint32Array, threshold: number): boolean {
  if (Math.min(a.length, b.length) / Math.max(a.length, b.length) < threshold) return false;
  return jaccard(a, b) >= threshold;
}

/** Campaigns by size descending, then smallest rid; members ascending. `scratch` is reused as the root-to-campaign index. */
function collectCampaigns(sets: DisjointSets, scratch: Int32Array, minSize: number): Campaign[] {
  const n = sets.parent.length;
  const members: number[][] = [];
  for (let rid = 0; rid < n; rid++) {
    const isCampaignRoot = sets.parent[rid] === rid && (sets.size[rid] ?? 0) >= minSize;
    scratch[rid] = isCampaignRoot ? members.push([]) - 1 : EMPTY;
  }
  for (let rid = 0; rid < n; rid++) {
    const index = scratch[sets.find(rid)] ?? EMPTY;
    if (index !== EMPTY) members[index]?.push(rid);
  }
  members.sort((a, b) => b.length - a.length || (a[0] ?? 0) - (b[0] ?? 0));
  return members.map((m) => ({ members: m }));
}
