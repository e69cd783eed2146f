// The fused per-response step: one parse per answer, then redaction, keywords, model, stance and signatures.
import { createHash } from 'node:crypto';
import type { Codebook } from '../../pipeline/codebook/codebook-schema.js';
import type { StanceMap } from '../../pipeline/config/consultation-config.js';
import { bandHashes, minhashSignature } from '../campaigns/minhash.js';
import { shingleHashes } from '../campaigns/shingles.js';
import { combine } from '../combine/combine-rule.js';
import { redact, type Redaction } from '../redact/redact.js';
import { analyseField, type FieldAnalysis } from './features.js';
import { compileMatcher, type KeywordMatcher } from './keyword-matcher.js';
import { isWord } from './parse-text.js';
import { compileModel, scoreResponse, type CompiledModel } from './compiled-model.js';
import { decideStance } from './stance.js';
import { modelRef, type ModelFile, type Stance } from './theme-model.js';

/** Fewer words than this and a response takes no part in campaign detection (exact duplicates are still counted). */
export const MIN_CAMPAIGN_WORDS = 8;

export type AnalysisInput = Readonly<{
  rid: number;
  answers: readonly (readonly [field: string, text: string])[];
  closed: Readonly<Record<string, string>>;
  stanceQuestion: string | undefined;
  stanceMap: StanceMap | undefined;
}>;

export type TagOut = Readonly<{
  field: string; themeId: string; origin: 'keyword' | 'model'; rule: string;
  start: number | null; end: number | null; evidence: string | null; score: number | null;
}>;

export type AnalysisOutput = Readonly<{
  rid: number;
  /** Only answers that redaction changed: the others' stored text is already what may be shown. */
  fields: readonly Readonly<{ field: string; redacted: string; redactions: readonly Redaction[] }>[];
  tags: readonly TagOut[];
  codes: readonly Readonly<{ themeId: string; basis: string }>[];
  stance: Stance;
  stanceBasis: string;
  textHash: string | null;
  shingles: Uint32Array;
  bands: Uint32Array;
}>;

export type AnalysisContext = Readonly<{ codebook: Codebook; model: CompiledModel | undefined; modelRef: string; matcher: KeywordMatcher }>;

export function createAnalysisContext(codebook: Codebook, model: ModelFile | undefined): AnalysisContext {
  return {
    codebook,
    model: model ? compileModel(model, codebook.themes.map((t) => t.id)) : undefined,
    modelRef: model ? modelRef(model) : '',
    matcher: compileMatcher(codebook),
  };
}

export function analyseResponse(input: AnalysisInput, ctx: AnalysisContext): AnalysisOutput {
  const { codebook, model, matcher } = ctx;
  const analysed: FieldAnalysis[] = [];
  const fields: { field: string; redacted: string; redactions: readonly Redaction[] }[] = [];
  const tags: TagOut[] = [];
  const keywordThemes = new Set<string>();
  const words: string[] = [];
  let wordCount = 0;
  for (const [field, text] of input.answers) {
    const analysis = analyseField(text, matcher);
    const { parsed, hits } = analysis;
    const redacted = redact(parsed);
    analysed.push(analysis);
    if (redacted.redactions.length) fields.push({ field, redacted: redacted.text, redactions: redacted.redactions });
    const taggedRules = new Set<string>();
    for (const hit of hits) {
      if (hit.status !== 'hit') continue;
      keywordThemes.add(hit.themeId);
      // One tag per rule and answer, at its first match: repeats add rows, not evidence.
      if (taggedRules.has(hit.ruleId)) continue;
      taggedRules.add(hit.ruleId);
      const [start, end] = redacted.mapSpan(hit.start, hit.end);
      tags.push({ field, themeId: hit.themeId, origin: 'keyword', rule: hit.ruleId, start, end, evidence: redacted.text.slice(start, end), score: null });
    }
    if (words.length) words.push('¶');
    for (let i = 0; i < parsed.value.length; i++) {
      if (!isWord(parsed, i)) continue;
      words.push(parsed.normal[i] ?? '');
      wordCount++;
    }
  }

  const scores = model && input.answers.length ? scoreResponse(model, analysed, codebook.negation.window) : undefined;
  const codes: { themeId: string; basis: string }[] = [];
  for (const theme of codebook.themes) {
    const score = scores?.themes.get(theme.id);
    const threshold = model?.source.themes[theme.id]?.threshold ?? 1;
    const modelSays = score !== undefined && score >= threshold;
    if (modelSays) {
      tags.push({ field: '*', themeId: theme.id, origin: 'model', rule: ctx.modelRef, start: null, end: null, evidence: null, score: Math.round(score * 1e4) / 1e4 });
    }
    const basis = input.answers.length ? combine(codebook.combine, { keyword: keywordThemes.has(theme.id), model: modelSays }) : undefined;
    if (basis) codes.push({ themeId: theme.id, basis });
  }

  const answer = input.stanceQuestion === undefined ? undefined : input.closed[input.stanceQuestion];
  const stance = decideStance(answer, input.stanceQuestion, input.stanceMap, () =>
    scores ? { stance: scores.stance, basis: `model:${ctx.modelRef}:${scores.stanceScore.toFixed(3)}` } : { stance: 'unclear', basis: 'no text' },
  );
  // Short answers ("keep it open") repeat by chance, not by campaign: only longer texts get a signature.
  // The field separators in `words` are not words.
  const shingles = wordCount >= MIN_CAMPAIGN_WORDS ? shingleHashes(words) : new Uint32Array(0);
  return {
    rid: input.rid,
    fields,
    tags,
    codes,
    stance: stance.stance,
    stanceBasis: stance.basis,
    textHash: words.length ? createHash('sha1').update(words.join(' ')).digest('hex').slice(0, 20) : null,
    shingles,
    bands: shingles.length ? bandHashes(minhashSignature(shingles)) : new Uint32Array(0),
  };
}
