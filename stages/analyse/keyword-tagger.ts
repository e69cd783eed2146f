// The keyword tagger: codebook rules matched in one parse, minus exclusions and negated mentions.
import type { KeywordMatcher } from './keyword-matcher.js';
import { findTerms } from './keyword-matcher.js';
import { isNegated } from './negation.js';
import type { ParsedText } from './parse-text.js';

export type KeywordHit = Readonly<{
  themeId: string;
  ruleId: string;
  /** Character span in the text that was parsed. */
  start: number;
  end: number;
  status: 'hit' | 'negated' | 'excluded';
}>;

/** All rule matches with their status; only `hit` ones become tags, the others feed the model. */
export function tagKeywords(p: ParsedText, matcher: KeywordMatcher): KeywordHit[] {
  const matches = findTerms(p, matcher);
  const exclusions = matches.filter((m) => m.term.exclusion);
  const hits: KeywordHit[] = [];
  for (const m of matches) {
    if (m.term.exclusion) continue;
    const excluded = exclusions.some((x) => x.term.themeId === m.term.themeId && x.first <= m.last && m.first <= x.last);
    const status = excluded ? 'excluded' : isNegated(p, m.first, matcher.negationWindow) ? 'negated' : 'hit';
    hits.push({ themeId: m.term.themeId, ruleId: m.term.ruleId, start: p.start[m.first] ?? 0, end: p.end[m.last] ?? 0, status });
  }
  return hits;
}
