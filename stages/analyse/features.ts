// Turns one response's parses and keyword hits into the sparse binary features the theme models read.
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import type { KeywordMatcher } from './keyword-matcher.js';
import { tagKeywords, type KeywordHit } from './keyword-tagger.js';
import { isNegated } from './negation.js';
import { isWord, parseText, type ParsedText } from './parse-text.js';

const stemCache = new Map<string, string>();
const STEM_CACHE_LIMIT = 200_000;

/** The Porter stem of a normal form, uncached: for callers that keep their own cache of what they derive from it. */
export function porterStem(normal: string): string {
  return PorterStemmer.stem(normal);
}

/** The Porter stem of a normal form, through a bounded per-thread cache (training stems every word it reads). */
export function stemOf(normal: string): string {
  let s = stemCache.get(normal);
  if (s === undefined) {
    if (stemCache.size >= STEM_CACHE_LIMIT) stemCache.clear();
    s = porterStem(normal);
    stemCache.set(normal, s);
  }
  return s;
}

export type FieldAnalysis = Readonly<{ parsed: ParsedText; hits: readonly KeywordHit[] }>;

/** One answer's parse and its keyword hits: what both the features and the keyword tags are made from. */
export function analyseField(text: string, matcher: KeywordMatcher): FieldAnalysis {
  const parsed = parseText(text);
  return { parsed, hits: tagKeywords(parsed, matcher) };
}

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

/** The set of a response's features, as training reads them, each named: `w:${stem}`, `n:${stem}`, `b:${stem}_${stem}` and the named ones. */
export function extractFeatures(fields: readonly FieldAnalysis[], negationWindow: number): Set<string> {
  const features = new Set<string>();
  walkFeatures<string>(fields, negationWindow, {
    key: stemOf,
    word: (stem, negated) => features.add(negated ? `n:${stem}` : `w:${stem}`),
    bigram: (previous, stem) => features.add(`b:${previous}_${stem}`),
    named: (feature) => features.add(feature),
  });
  return features;
}
