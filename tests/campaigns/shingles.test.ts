import { describe, it, expect } from 'vitest';
import { fnv1a32 as fnv1a } from '../../pipeline/util/hash.js';
import { fmix32, jaccard, shingleHashes } from '../../stages/campaigns/shingles.js';

// The project's textbook FNV-1a over a string's UTF-16 code units: the allocation-free shingle hash is checked against it.

const PINNED_FNV = 0x76f420af;
const PINNED_SHINGLE = 0xcc567690;

describe('jaccard', () => {
  it('matches hand-computed values on small sorted sets', () => {
    // {1,2,3,4} and {3,4,5}: 2 shared of 5 distinct.
    expect(jaccard(Uint32Array.of(1, 2, 3, 4), Uint32Array.of(3, 4, 5))).toBeCloseTo(2 / 5, 12);
    // {10,20,30} and {5,20,30,40,50}: 2 shared of 6 distinct.
    expect(jaccard(Uint32Array.of(10, 20, 30), Uint32Array.of(5, 20, 30, 40, 50))).toBeCloseTo(2 / 6, 12);
    expect(jaccard(Uint32Array.of(1, 2), Uint32Array.of(3, 4))).toBe(0);
    expect(jaccard(Uint32Array.of(7, 8, 9), Uint32Array.of(7, 8, 9))).toBe(1);
  });

  it('handles values above 2^31 in unsigned order', () => {
    const a = Uint32Array.of(5, 0x80000000, 0xfffffffe);
    const b = Uint32Array.of(0x80000000, 0xffffffff);
    expect(jaccard(a, b)).toBeCloseTo(1 / 4, 12);
    expect(jaccard(b, a)).toBeCloseTo(1 / 4, 12);
  });

  it('treats an empty set as similar to nothing', () => {
    expect(jaccard(new Uint32Array(0), new Uint32Array(0))).toBe(0);
    expect(jaccard(new Uint32Array(0), Uint32Array.of(1))).toBe(0);
  });
});

describe('shingleHashes', () => {
  it('gives sorted unique hashes, one per distinct 3-word shingle', () => {
    const h = shingleHashes(['a', 'b', 'c', 'a', 'b', 'c', 'd']);
    // Shingles: abc, bca, cab, abc (repeat), bcd -> 4 distinct.
    expect(h.length).toBe(4);
    for (let i = 1; i < h.length; i++) expect((h[i] ?? 0) > (h[i - 1] ?? 0)).toBe(true);
  });

  it('hashes a shingle as its words joined by a space, so word boundaries matter', () => {
    expect(shingleHashes(['ab', 'c', 'd'])).toEqual(shingleHashes(['ab', 'c', 'd']));
    expect(shingleHashes(['ab', 'c', 'd'])[0]).not.toBe(shingleHashes(['a', 'bc', 'd'])[0]);
    expect(shingleHashes(['keep', 'centres', 'open'])[0]).toBe(fmix32(fnv1a('keep centres open')));
    expect(fnv1a('a')).toBe(0xe40c292c); // the published FNV-1a 32 test vector
    // Pinned: stored shingles and signatures are only comparable while this value never changes.
    expect(fnv1a('a b c')).toBe(PINNED_FNV);
    expect(shingleHashes(['a', 'b', 'c'])[0]).toBe(PINNED_SHINGLE);
  });

  it('gives one shingle of all words for short texts and nothing for empty ones', () => {
    expect(shingleHashes([]).length).toBe(0);
    expect(shingleHashes(['no']).length).toBe(1);
    expect(shingleHashes(['i', 'agree']).length).toBe(1);
    expect(shingleHashes(['i', 'agree'])).not.toEqual(shingleHashes(['agree', 'i']));
    expect(shingleHashes(['a', 'b', 'c'], 1).length).toBe(3);
  });

  it('shares shingles between texts in proportion to their overlap', () => {
    const base = 'the council should keep every centre open for young families'.split(' ');
    const edited = [...base.slice(0, 5), 'children’s', ...base.slice(5)];
    // 10 words give 8 shingles; the insertion breaks the 2 that spanned it and adds 3 new ones: 6 shared of 11.
    expect(jaccard(shingleHashes(base), shingleHashes(edited))).toBeCloseTo(6 / 11, 12);
  });

  it('rejects a non-positive shingle size', () => {
    expect(() => shingleHashes(['a'], 0)).toThrow(RangeError);
  });
});
