// Stance on the proposal: from the closed question when it says, otherwise from the text model.
import type { StanceMap } from '../../pipeline/config/consultation-config.js';
import type { Stance } from './theme-model.js';

export type StanceResult = Readonly<{ stance: Stance; basis: string }>;

/** Agreeing with a proposal to close or reduce means supporting it; "disagree" is tested first. */
export function stanceFromAnswer(answer: string, map?: StanceMap): Stance | undefined {
  const a = answer.trim().toLowerCase();
  if (map) {
    for (const stance of ['support', 'oppose', 'mixed'] as const) {
      if (map[stance].some((v) => v.trim().toLowerCase() === a)) return stance;
    }
  }
  if (/disagree|oppose|against/.test(a) || a === 'no') return 'oppose';
  if (/agree|support|in favour/.test(a) || a === 'yes') return 'support';
  return undefined;
}

export function decideStance(answer: string | undefined, question: string | undefined, map: StanceMap | undefined, text: () => StanceResult): StanceResult {
  const fromAnswer = answer === undefined ? undefined : stanceFromAnswer(answer, map);
  if (fromAnswer) return { stance: fromAnswer, basis: `closed:${question ?? ''}=${answer ?? ''}` };
  return text();
}
