// Compiles codebook terms into token patterns and finds them in a parse, on lemmas and normal forms.
import type { Codebook } from '../../pipeline/codebook/codebook-schema.js';
import { parseText, type ParsedText } from './parse-text.js';

type PatternToken = Readonly<{ lemma: string; normal: string; prefix?: string }>;
export type CompiledTerm = Readonly<{ themeId: string; ruleId: string; exclusion: boolean; tokens: readonly PatternToken[]; term: string }>;

export type KeywordMatcher = Readonly<{
  byKey: ReadonlyMap<string, readonly CompiledTerm[]>;
  prefixed: readonly CompiledTerm[];
  negationWindow: number;
}>;

export type TermMatch = Readonly<{ term: CompiledTerm; first: number; last: number }>;

function compileTerm(term: string): PatternToken[] {
  const out: PatternToken[] = [];
  for (const word of term.trim().split(/\s+/)) {
    if (word.endsWith('*') && word.length > 1) {
      out.push({ lemma: '', normal: '', prefix: word.slice(0, -1).toLowerCase() });
      continue;
    }
    const parsed = parseText(word);
    parsed.value.forEach((_, i) => out.push({ lemma: parsed.lemma[i] ?? '', normal: parsed.normal[i] ?? '' }));
  }
  return out;
}

export function compileMatcher(codebook: Codebook): KeywordMatcher {
  const byKey = new Map<string, CompiledTerm[]>();
  const prefixed: CompiledTerm[] = [];
  for (const theme of codebook.themes) {
    for (const [rules, exclusion] of [[theme.rules, false], [theme.exclude, true]] as const) {
      for (const rule of rules) {
        for (const term of rule.terms) {
          const tokens = compileTerm(term);
          const head = tokens[0];
          if (!head) continue;
          const compiled: CompiledTerm = { themeId: theme.id, ruleId: rule.id, exclusion, tokens, term };
          if (head.prefix !== undefined) {
            prefixed.push(compiled);
            continue;
          }
          for (const key of new Set([head.lemma, head.normal])) {
            const list = byKey.get(key) ?? [];
            list.push(compiled);
            byKey.set(key, list);
          }
        }
      }
    }
  }
  return { byKey, prefixed, negationWindow: codebook.negation.window };
}

function tokenMatches(p: ParsedText, i: number, t: PatternToken): boolean {
  const normal = p.normal[i] ?? '';
  if (t.prefix !== undefined) return normal.startsWith(t.prefix);
  const lemma = p.lemma[i] ?? '';
  return lemma === t.lemma || normal === t.normal || lemma === t.normal || normal === t.lemma;
}

function matchesAt(p: ParsedText, i: number, term: CompiledTerm): boolean {
  if (i + term.tokens.length > p.value.length) return false;
  return term.tokens.every((t, k) => tokenMatches(p, i + k, t));
}

const NONE: readonly CompiledTerm[] = [];

/** Every occurrence of every term, in token order; a term is counted once per starting token. */
export function findTerms(p: ParsedText, matcher: KeywordMatcher): TermMatch[] {
  const found: TermMatch[] = [];
  const tryTerm = (i: number, term: CompiledTerm): void => {
    if (matchesAt(p, i, term)) found.push({ term, first: i, last: i + term.tokens.length - 1 });
  };
  for (let i = 0; i < p.value.length; i++) {
    const lemma = p.lemma[i] ?? '';
    const normal = p.normal[i] ?? '';
    const byLemma = matcher.byKey.get(lemma) ?? NONE;
    for (const term of byLemma) tryTerm(i, term);
    // A term indexed under both keys is already tried; only the normal form's other terms remain.
    if (normal !== lemma) for (const term of matcher.byKey.get(normal) ?? NONE) if (!byLemma.includes(term)) tryTerm(i, term);
    for (const term of matcher.prefixed) tryTerm(i, term);
  }
  return found;
}
