// MinHash signatures of shingle sets and their LSH band hashes, which let campaign detection find similar pairs without comparing all pairs.
import { fmix32 } from './shingles.js';

/** A multiple of 4: minhashSignature computes the hash functions four at a time. */
export const NUM_HASHES = 32;

/*
 * Two responses become candidates when all ROWS min-hashes of at least one band agree:
 * P(candidate | Jaccard s) = 1 - (1 - s^ROWS)^BANDS.
 *
 *   s       0.1     0.2     0.3     0.4     0.5     0.6     0.7     0.8
 *   32x2    0.2750  0.7292  0.9511  0.9962  0.9999  1.0000  1.0000  1.0000
 *   16x2    0.1486  0.4796  0.7789  0.9379  0.9900  0.9992  1.0000  1.0000
 *   16x4    0.0016  0.0253  0.1220  0.3396  0.6439  0.8915  0.9876  0.9998
 *
 * 16x4 would miss a tenth of pairs at the default threshold of 0.6, which loses campaign members. 16x2 finds
 * 99.9% of pairs at 0.6 and 99% at 0.5, and a campaign member needs only one verified link to any copy, so
 * its recall per member is higher still. It halves the hashing, the band tables and the candidate checks of
 * 32x2 (measured at 1M responses: the campaign stage is the second-largest after analysis). Every candidate
 * is verified exactly, so the extra candidates at low similarity cost time, never accuracy.
 */
export const BANDS = 16;
export const ROWS = 2;

/** The chance that a pair with Jaccard `similarity` shares at least one band, i.e. the detector's recall for that pair. */
export function candidateProbability(similarity: number): number {
  return 1 - Math.pow(1 - Math.pow(similarity, ROWS), BANDS);
}

// Fixed seeds: signatures are stored, so they must not change between runs or releases.
const MULTIPLIERS = new Int32Array(NUM_HASHES);
const OFFSETS = new Int32Array(NUM_HASHES);
{
  let state = 0x5eed1e55;
  const next = (): number => {
    state = (state + 0x9e3779b9) | 0;
    return fmix32(state) | 0;
  };
  for (let i = 0; i < NUM_HASHES; i++) {
    MULTIPLIERS[i] = next() | 1; // odd, so x -> a*x + b is a permutation of the 32-bit words
    OFFSETS[i] = next();
  }
}

/** One hash function of the family: a random affine permutation a*x + b (mod 2^32), then an xor-shift so low-order
 * structure in the shingle hashes cannot bias which is smallest. The result is flipped into signed order (^ 2^31) so
 * the minimum is taken on int32s, which V8 keeps in registers; unsigned values above 2^31 would become doubles. */
function permute(a: number, b: number, x: number): number {
  const h = (Math.imul(a, x) + b) | 0;
  return h ^ (h >>> 15) ^ 0x80000000;
}

/**
 * NUM_HASHES min-hashes of a shingle set; an empty set gives all 0xffffffff. It runs on every response, so it
 * takes four hash functions per sweep over the shingles, keeping four running minima in locals.
 */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES);
  const n = shingles.length;
  for (let i = 0; i < NUM_HASHES; i += 4) {
    const a0 = MULTIPLIERS[i] ?? 0, b0 = OFFSETS[i] ?? 0;
    const a1 = MULTIPLIERS[i + 1] ?? 0, b1 = OFFSETS[i + 1] ?? 0;
    const a2 = MULTIPLIERS[i + 2] ?? 0, b2 = OFFSETS[i + 2] ?? 0;
    const a3 = MULTIPLIERS[i + 3] ?? 0, b3 = OFFSETS[i + 3] ?? 0;
    let m0 = 0x7fffffff, m1 = m0, m2 = m0, m3 = m0;
    for (let s = 0; s < n; s++) {
      const x = (shingles[s] ?? 0) | 0;
      const h0 = permute(a0, b0, x), h1 = permute(a1, b1, x), h2 = permute(a2, b2, x), h3 = permute(a3, b3, x);
      if (h0 < m0) m0 = h0;
      if (h1 < m1) m1 = h1;
      if (h2 < m2) m2 = h2;
      if (h3 < m3) m3 = h3;
    }
    sig[i] = (m0 ^ 0x80000000) >>> 0;
    sig[i + 1] = (m1 ^ 0x80000000) >>> 0;
    sig[i + 2] = (m2 ^ 0x80000000) >>> 0;
    sig[i + 3] = (m3 ^ 0x80000000) >>> 0;
  }
  return sig;
}

/** One 32-bit hash per band of ROWS consecutive min-hashes (murmur3's block mixing, seeded by the band index). */
export function bandHashes(signature: Uint32Array): Uint32Array {
  if (signature.length !== NUM_HASHES) throw new RangeError(`signature must have ${NUM_HASHES} values, got ${signature.length}`);
  const out = new Uint32Array(BANDS);
  for (let b = 0; b < BANDS; b++) {
    let h = Math.imul(b + 1, 0x9e3779b9);
    for (let r = 0; r < ROWS; r++) {
      let k = Math.imul(signature[b * ROWS + r] ?? 0, 0xcc9e2d51);
      k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
      h ^= k;
      h = (Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64) | 0;
    }
    out[b] = fmix32(h ^ (ROWS * 4));
  }
  return out;
}
