import { describe, it, expect } from 'vitest';
import { findCampaigns, type Campaign } from '../../stages/campaigns/find-campaigns.js';
import { BANDS } from '../../stages/campaigns/minhash.js';
import { jaccard, shingleHashes } from '../../stages/campaigns/shingles.js';
import { BUS_TEMPLATE, CENTRES_TEMPLATE, editedCopy, inputFor, plantedCorpus, tokenize } from './planted-corpus.js';

const corpus = plantedCorpus();
const options = { threshold: 0.6, minSize: 3 } as const;

function campaignOf(campaigns: readonly Campaign[], rid: number): number {
  return campaigns.findIndex((c) => c.members.includes(rid));
}

describe('the planted corpus', () => {
  const shingles = corpus.texts.map((t) => shingleHashes(tokenize(t)));

  it('has copies that really are edited, and unrelated answers that really differ', () => {
    expect(tokenize(CENTRES_TEMPLATE).length).toBeGreaterThan(110);
    expect(corpus.texts.some((t) => t === t.toUpperCase())).toBe(true);
    expect(new Set(corpus.centres.map((rid) => corpus.texts[rid])).size).toBe(40);
    let maxUnrelated = 0;
    for (const a of corpus.unrelated) {
      for (const b of corpus.unrelated) if (a < b) maxUnrelated = Math.max(maxUnrelated, jaccard(shingles[a] ?? new Uint32Array(0), shingles[b] ?? new Uint32Array(0)));
      for (const c of corpus.centres) expect(jaccard(shingles[a] ?? new Uint32Array(0), shingles[c] ?? new Uint32Array(0))).toBeLessThan(0.2);
    }
    expect(maxUnrelated).toBeLessThan(0.3);
  });
});

describe('findCampaigns', () => {
  it('finds each planted campaign whole, and nothing else', () => {
    const campaigns = findCampaigns(inputFor(corpus.texts), options);
    expect(campaigns.map((c) => c.members)).toEqual([[...corpus.centres], [...corpus.bus]]);
    for (const rid of corpus.unrelated) expect(campaignOf(campaigns, rid)).toBe(-1);
  });

  it('keeps a pair of copies out at minSize 3 but reports it at minSize 2', () => {
    const input = inputFor(corpus.texts);
    expect(campaignOf(findCampaigns(input, options), corpus.library[0] ?? -1)).toBe(-1);
    const withPairs = findCampaigns(input, { ...options, minSize: 2 });
    expect(withPairs.map((c) => c.members)).toEqual([[...corpus.centres], [...corpus.bus], [...corpus.library]]);
  });

  it('links copies only through verified similarity: a raised threshold splits nothing it should not join', () => {
    const strict = findCampaigns(inputFor(corpus.texts), { ...options, threshold: 0.95 });
    for (const c of strict) {
      const inCentres = c.members.every((rid) => corpus.centres.includes(rid));
      const inBus = c.members.every((rid) => corpus.bus.includes(rid));
      expect(inCentres || inBus).toBe(true);
    }
  });

  it('is deterministic and independent of how many bands each pass holds', () => {
    const first = findCampaigns(inputFor(corpus.texts), options);
    expect(findCampaigns(inputFor(corpus.texts), options)).toEqual(first);
    for (const bandsPerPass of [1, 3, 7, BANDS, 1000]) {
      const input = inputFor(corpus.texts);
      expect(findCampaigns(input, { ...options, bandsPerPass })).toEqual(first);
      // The first pass keeps every band hash in memory, so the store is scanned once whatever the pass size.
      expect(input.scans).toBe(1);
    }
  });

  it('gives a bucket several leaders, so an odd first arrival does not strand the copies behind it', () => {
    // Every response shares every band hash; rid 0 is unrelated to the rest, which are near-identical to each other.
    const letter = Uint32Array.from({ length: 50 }, (_, i) => 1000 + i);
    const sets = [Uint32Array.from({ length: 50 }, (_, i) => 5000 + i), letter, letter.subarray(1), letter.subarray(0, 49), letter.subarray(2)];
    const input = { scan: () => sets.map((_, rid) => ({ rid, bands: new Uint32Array(BANDS) })), shingles: (rid: number) => sets[rid] ?? new Uint32Array(0), maxRid: 4 };
    expect(findCampaigns(input, options).map((c) => c.members)).toEqual([[1, 2, 3, 4]]);
  });

  it('joins pairs exactly at the threshold, and not just below it', () => {
    // {1..100} and {1..55}: Jaccard 55/100 exactly, though 0.55 * 100 is 55.00000000000001 in floating point.
    // {200..215} and {200..210, 250..254}: 11 shared of 21, just under 0.55.
    const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const sets = [Uint32Array.from(range(1, 100)), Uint32Array.from(range(1, 55)), Uint32Array.from(range(200, 215)), Uint32Array.from([...range(200, 210), ...range(250, 254)])];
    const input = { scan: () => sets.map((_, rid) => ({ rid, bands: new Uint32Array(BANDS) })), shingles: (rid: number) => sets[rid] ?? new Uint32Array(0), maxRid: 3 };
    expect(findCampaigns(input, { threshold: 0.55, minSize: 2 }).map((c) => c.members)).toEqual([[0, 1]]);
    // With set sizes given, 55 of 100 is exactly at the bound and must still be read and joined.
    const sized = { ...input, scan: () => sets.map((set, rid) => ({ rid, bands: new Uint32Array(BANDS), size: set.length })) };
    expect(findCampaigns(sized, { threshold: 0.55, minSize: 2 }).map((c) => c.members)).toEqual([[0, 1]]);
  });

  it('skips, unread, a pair whose set sizes alone rule out the threshold', () => {
    // Same band hashes everywhere; rid 2 is a copy of rid 0, rid 1 is a quarter of its size.
    const letter = Uint32Array.from({ length: 80 }, (_, i) => i);
    const sets = [letter, letter.subarray(0, 20), letter];
    const reads: number[] = [];
    const input = {
      scan: () => sets.map((set, rid) => ({ rid, bands: new Uint32Array(BANDS), size: set.length })),
      shingles: (rid: number) => (reads.push(rid), sets[rid] ?? new Uint32Array(0)),
      maxRid: 2,
    };
    expect(findCampaigns(input, { threshold: 0.6, minSize: 2 }).map((c) => c.members)).toEqual([[0, 2]]);
    expect(reads).not.toContain(1);
  });

  it('orders campaigns by size, then by smallest rid, with members ascending', () => {
    // rids 0-3 copy one template, 4-7 another, 8-12 a third: the five-strong group comes first, then the ties by rid.
    const texts = [
      ...[0, 1, 2, 3].map((i) => editedCopy(BUS_TEMPLATE, 300 + i)),
      ...[0, 1, 2, 3].map((i) => editedCopy(CENTRES_TEMPLATE, 400 + i)),
      ...[0, 1, 2, 3, 4].map((i) => editedCopy(BUS_TEMPLATE.split(' ').reverse().join(' '), 500 + i)),
    ];
    const campaigns = findCampaigns(inputFor(texts), options);
    expect(campaigns.map((c) => c.members)).toEqual([[8, 9, 10, 11, 12], [0, 1, 2, 3], [4, 5, 6, 7]]);
  });

  it('never clusters responses without words, and skips rids the scan leaves out', () => {
    const texts = ['', '', '', ...[0, 1, 2].map((i) => editedCopy(BUS_TEMPLATE, 600 + i)), ''];
    const input = inputFor(texts);
    expect(findCampaigns(input, options).map((c) => c.members)).toEqual([[3, 4, 5]]);
    const identicalEmpties = { scan: () => [0, 1, 2].map((rid) => ({ rid, bands: new Uint32Array(BANDS) })), shingles: () => new Uint32Array(0), maxRid: 2 };
    expect(findCampaigns(identicalEmpties, options)).toEqual([]);
  });

  it('returns nothing for an empty consultation and rejects bad input', () => {
    expect(findCampaigns({ scan: () => [], shingles: () => new Uint32Array(0), maxRid: -1 }, options)).toEqual([]);
    const input = inputFor(corpus.texts);
    expect(() => findCampaigns(input, { threshold: 0, minSize: 3 })).toThrow(RangeError);
    expect(() => findCampaigns(input, { threshold: 0.6, minSize: 1 })).toThrow(RangeError);
    expect(() => findCampaigns(input, { threshold: 0.6, minSize: 3, bandsPerPass: 0 })).toThrow(RangeError);
    const unordered = { scan: () => [5, 3].map((rid) => ({ rid, bands: new Uint32Array(BANDS) })), shingles: () => Uint32Array.of(1), maxRid: 5 };
    expect(() => findCampaigns(unordered, options)).toThrow(/ascending/);
    const shortBands = { scan: () => [{ rid: 0, bands: new Uint32Array(2) }], shingles: () => Uint32Array.of(1), maxRid: 0 };
    expect(() => findCampaigns(shortBands, options)).toThrow(/band hashes/);
  });
});
