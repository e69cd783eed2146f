// Turns one response's parses and keyword hits into the sparse binary features the theme models read.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { KeywordHit } from './keyword-tagger.js';
import { isNegated } from './negation.js';
import { isWord, type ParsedText } from './parse-text.js';

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

export function stemOf(normal: string): string {
  let s = stemCache.get(normal);
  if (s === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    s = PorterStemmer.stem(normal);
    stemCache.set(normal, s);
  }
  return s;
}

export type FieldAnalysis = Readonly<{ parsed: ParsedText; hits: readonly KeywordHit[] }>;

/**
 * What a feature walk reports. `K` is how a word is known: its stem for training, a number for scoring,
 * so the hot path never builds a feature name for a word.
 */
export type FeatureSink<K> = Readonly<{
  key(normal: string): K;
  word(key: K, negated: boolean): void;
  bigram(previous: K, key: K): void;
  /** Keyword and length features, by name. */
  named(feature: string): void;
}>;

/**
 * Walks a response's features; a feature may be reported more than once. Names: w: stem, n: negated stem,
 * b: stem bigram, k/kn/kx: keyword hit/negated/excluded per theme, r: rule hit, len: length band.
 */
export function walkFeatures<K>(fields: readonly FieldAnalysis[], negationWindow: number, sink: FeatureSink<K>): void {
  let words = 0;
  for (const { parsed, hits } of fields) {
    let previous: K | undefined;
    for (let i = 0; i < parsed.value.length; i++) {
      if (!isWord(parsed, i)) {
        previous = undefined;
        continue;
      }
      words++;
      const key = sink.key(parsed.normal[i] ?? '');
      const negated = isNegated(parsed, i, negationWindow) || (parsed.negated[i] === true && previous !== undefined && isNegated(parsed, i - 1, negationWindow));
      sink.word(key, negated);
      if (previous !== undefined) sink.bigram(previous, key);
      previous = key;
    }
    for (const hit of hits) {
      sink.named(hit.status === 'hit' ? `k:${hit.themeId}` : hit.status === 'negated' ? `kn:${hit.themeId}` : `kx:${hit.themeId}`);
      if (hit.status === 'hit') sink.named(`r:${hit.ruleId}`);
    }
  }
  sink.named(words < 8 ? 'len:short' : words > 80 ? 'len:long' : 'len:mid');
}

/** The walk with every feature named: `w:${stem}`, `n:${stem}`, `b:${stem}_${stem}` and the named ones. */
export function forEachFeature(fields: readonly FieldAnalysis[], negationWindow: number, emit: (feature: string) => void): void {
  walkFeatures<string>(fields, negationWindow, {
    key: stemOf,
    word: (stem, negated) => emit(negated ? `n:${stem}` : `w:${stem}`),
    bigram: (previous, stem) => emit(`b:${previous}_${stem}`),
    named: emit,
  });
}

/** The set of a response's features, as training reads them. */
export function extractFeatures(fields: readonly FieldAnalysis[], negationWindow: number): Set<string> {
  const features = new Set<string>();
  forEachFeature(fields, negationWindow, (f) => features.add(f));
  return features;
}
