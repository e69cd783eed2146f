import { describe, it, expect } from 'vitest';
import { BANDS, NUM_HASHES, ROWS, bandHashes, candidateProbability, minhashSignature } from '../../stages/campaigns/minhash.js';
import { shingleHashes } from '../../stages/campaigns/shingles.js';
import { seededRandom } from './planted-corpus.js';

/** Two random sorted sets of `size` values each with `shared` in common, so their Jaccard is shared / (2 * size - shared). */
function pairWithOverlap(size: number, shared: number, random: () => number): [Uint32Array, Uint32Array] {
  const draw = (): number => Math.floor(random() * 2 ** 32);
  const common = Array.from({ length: shared }, draw);
  const a = [...common, ...Array.from({ length: size - shared }, draw)];
  const b = [...common, ...Array.from({ length: size - shared }, draw)];
  return [Uint32Array.from(a).sort(), Uint32Array.from(b).sort()];
}

function agreement(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

describe('minhash', () => {
  it('splits its hashes exactly into bands and rows with the promised recall', () => {
    expect(BANDS * ROWS).toBe(NUM_HASHES);
    expect(candidateProbability(0.5)).toBeGreaterThan(0.98);
    expect(candidateProbability(0.6)).toBeGreaterThan(0.999);
    expect(candidateProbability(0.05)).toBeLessThan(0.1);
  });

  it('is deterministic and identical for identical sets', () => {
    const s = Uint32Array.of(3, 99, 123456, 0xfffffff0);
    const sig = minhashSignature(s);
    expect(sig.length).toBe(NUM_HASHES);
    expect(minhashSignature(Uint32Array.from(s))).toEqual(sig);
    expect(bandHashes(sig)).toEqual(bandHashes(minhashSignature(s)));
    expect(bandHashes(sig).length).toBe(BANDS);
  });

  it('estimates Jaccard without bias: the fraction of agreeing min-hashes averages to the true value', () => {
    const random = seededRandom(11);
    for (const [size, shared] of [[60, 20], [60, 40], [30, 28], [8, 5]] as const) {
      const truth = shared / (2 * size - shared);
      let total = 0;
      const trials = 300;
      for (let t = 0; t < trials; t++) {
        const [a, b] = pairWithOverlap(size, shared, random);
        total += agreement(minhashSignature(a), minhashSignature(b));
      }
      expect(Math.abs(total / trials - truth)).toBeLessThan(0.02);
    }
  });

  it('changes only the band whose rows changed', () => {
    const sig = minhashSignature(Uint32Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
    const edited = Uint32Array.from(sig);
    edited[ROWS * 3] = (edited[ROWS * 3] ?? 0) ^ 1;
    const before = bandHashes(sig);
    const after = bandHashes(edited);
    for (let b = 0; b < BANDS; b++) expect(after[b] === before[b]).toBe(b !== 3);
  });

  it('gives distinct hashes to bands with equal rows, and rejects a wrong-length signature', () => {
    const flat = new Uint32Array(NUM_HASHES).fill(42);
    expect(new Set(bandHashes(flat)).size).toBe(BANDS);
    expect(() => bandHashes(new Uint32Array(NUM_HASHES - 1))).toThrow(RangeError);
  });

  it('never changes its output, since signatures are stored and compared across runs', () => {
    const sig = minhashSignature(shingleHashes('keep every children s centre open'.split(' ')));
    expect([...sig.subarray(0, 4)]).toEqual([0x134661b8, 0x022d8123, 0x344a6236, 0x78143ca1]);
    expect([...bandHashes(sig).subarray(0, 2)]).toEqual([0xc7946dc9, 0x26956d86]);
  });

  it('gives the all-ones signature for an empty set', () => {
    expect([...new Set(minhashSignature(new Uint32Array(0)))]).toEqual([0xffffffff]);
  });
});
