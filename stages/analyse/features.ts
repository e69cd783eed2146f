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
 * Emits a response's features; a feature may be emitted more than once. Names: w: stem, n: negated stem,
 * b: stem bigram, k/kn/kx: keyword hit/negated/excluded per theme, r: rule hit, len: length band.
 */
export function forEachFeature(fields: readonly FieldAnalysis[], negationWindow: number, emit: (feature: string) => void): void {
  let words = 0;
  for (const { parsed, hits } of fields) {
    let previous: string | undefined;
    for (let i = 0; i < parsed.value.length; i++) {
      if (!isWord(parsed, i)) {
        previous = undefined;
        continue;
      }
      words++;
      const stem = stemOf(parsed.normal[i] ?? '');
      const negated = isNegated(parsed, i, negationWindow) || (parsed.negated[i] === true && previous !== undefined && isNegated(parsed, i - 1, negationWindow));
      emit(negated ? `n:${stem}` : `w:${stem}`);
      if (previous !== undefined) emit(`b:${previous}_${stem}`);
      previous = stem;
    }
    for (const hit of hits) {
      emit(hit.status === 'hit' ? `k:${hit.themeId}` : hit.status === 'negated' ? `kn:${hit.themeId}` : `kx:${hit.themeId}`);
      if (hit.status === 'hit') emit(`r:${hit.ruleId}`);
    }
  }
  emit(words < 8 ? 'len:short' : words > 80 ? 'len:long' : 'len:mid');
}

/** The set of a response's features, as training reads them. */
export function extractFeatures(fields: readonly FieldAnalysis[], negationWindow: number): Set<string> {
  const features = new Set<string>();
  forEachFeature(fields, negationWindow, (f) => features.add(f));
  return features;
}
