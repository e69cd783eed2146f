// The keyword tagger on the default codebook: lemma matching, exclusions, negation and spans.
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../pipeline/codebook/load-codebook.js';
import { compileMatcher } from '../../stages/analyse/keyword-matcher.js';
import { tagKeywords } from '../../stages/analyse/keyword-tagger.js';
import { parseText } from '../../stages/analyse/parse-text.js';

const matcher = compileMatcher(loadCodebook().codebook);

function coded(text: string): string[] {
  const hits = tagKeywords(parseText(text), matcher).filter((h) => h.status === 'hit');
  return [...new Set(hits.map((h) => h.themeId))].sort();
}

describe('keyword tagger', () => {
  it('matches one rule whatever the inflection or punctuation', () => {
    for (const text of ['I was lonely', 'The loneliness was awful', 'Lonely!', 'so LONELY after the baby']) {
      expect(coded(text), text).toEqual(['isolation']);
    }
  });

  it('matches multi-word terms on lemmas', () => {
    expect(coded('She had post-natal depression after her second')).toEqual(['mental_health']);
    expect(coded('The Freedom Programme saved me')).toEqual(['domestic_abuse']);
    expect(coded('closing it is a false economy')).toEqual(['cost']);
  });

  it('does not code a negated mention', () => {
    expect(coded('I have never felt isolated')).toEqual([]);
    expect(coded("I'm not lonely, I just need the nursery")).toEqual([]);
    expect(coded("I wasn't depressed at all")).toEqual([]);
  });

  it('codes a mention whose negation is far away or in another clause', () => {
    expect(coded("I don't know what I would have done, I was so lonely")).toEqual(['isolation']);
    expect(coded("It is not an exaggeration to say the group is where I stopped feeling so isolated")).toEqual(['isolation']);
  });

  it('does not code other senses listed as exclusions', () => {
    expect(coded('This was an isolated incident')).toEqual([]);
    expect(coded('Keep them open at all costs')).toEqual([]);
    expect(coded('There is a lot of drug abuse on the estate')).toEqual([]);
    expect(coded('It cost me my confidence')).toEqual([]);
  });

  it('gives the character span of the evidence', () => {
    const text = 'Honestly, the loneliness nearly broke me.';
    const [hit] = tagKeywords(parseText(text), matcher).filter((h) => h.status === 'hit');
    expect(hit).toBeDefined();
    expect(text.slice(hit?.start, hit?.end)).toBe('loneliness');
    expect(hit?.ruleId).toBe('iso.lonely');
  });
});
