// Decides whether a matched term is negated: wink's negation scope, limited to a short window after the cue.
import type { ParsedText } from './parse-text.js';

const CUES = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'nobody', 'none', 'nothing', 'hardly', 'barely']);

/**
 * wink marks every token from a negation word to the end of the clause. A long clause ("I don't know
 * how I'd have coped, being so isolated") would then hide real mentions, so a term also needs a
 * negation cue at most `window` tokens before it.
 */
export function isNegated(p: ParsedText, first: number, window: number): boolean {
  if (!p.negated[first]) return false;
  for (let i = first - 1; i >= 0 && i >= first - window; i--) {
    if (CUES.has(p.normal[i] ?? '')) return true;
    if (p.type[i] === 'punctuation') return false;
  }
  return false;
}
