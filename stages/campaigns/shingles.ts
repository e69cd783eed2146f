// Word-shingle hashes of a normalised text and their exact Jaccard similarity, the ground truth campaign candidates are checked against.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SPACE = 0x20;

/** Murmur3's 32-bit finaliser; FNV-1a alone mixes the high bits poorly, and min-hashing and hash-table slots depend on every bit. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over UTF-16 code units, so a hash never depends on how the runtime stores the string. */
function fnvWord(h: number, word: string): number {
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

/**
 * Sorted, de-duplicated 32-bit hashes of the `size`-word shingles of `words` (already lower-cased word tokens).
 * A shingle's hash equals FNV-1a + fmix32 of its words joined by one space; it is computed without building that
 * string because this runs on every response. Texts shorter than `size` words give one shingle of all their words.
 */
export function shingleHashes(words: readonly string[], size = 3): Uint32Array {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`shingle size must be a positive integer, got ${size}`);
  const n = words.length;
  if (n === 0) return new Uint32Array(0);
  const k = Math.min(size, n);
  const count = n - k + 1;
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = fnvWord(FNV_OFFSET, words[i] ?? '');
    for (let j = 1; j < k; j++) h = fnvWord(Math.imul(h ^ SPACE, FNV_PRIME), words[i + j] ?? '');
    out[i] = fmix32(h);
  }
  out.sort();
  let unique = 0;
  for (let i = 0; i < count; i++) {
    const v = out[i] ?? 0;
    if (unique === 0 || v !== out[unique - 1]) out[unique++] = v;
  }
  // A fresh exact-size copy, so callers that keep or store the result do not hold the slack.
  return unique === count ? out : out.slice(0, unique);
}

/**
 * Exact Jaccard similarity of two sorted unique hash arrays, by merging.
 * An empty set is similar to nothing (not even another empty set): a text without words is no evidence of copying.
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const na = a.length;
  const nb = b.length;
  if (na === 0 || nb === 0) return 0;
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < na && j < nb) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared / (na + nb - shared);
}
