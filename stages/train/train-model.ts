// Trains one logistic model per theme and a stance model, choosing thresholds and the combination rule out of fold.
import type { Codebook, CombineRule } from '../../pipeline/codebook/codebook-schema.js';
import { combineRules } from '../../pipeline/codebook/codebook-schema.js';
import { fnv1a32 } from '../../pipeline/util/hash.js';
import { combine } from '../combine/combine-rule.js';
import { analyseField, extractFeatures } from '../analyse/features.js';
import { compileMatcher } from '../analyse/keyword-matcher.js';
import { STANCES, type LinearModel, type ModelFile } from '../analyse/theme-model.js';
import { confusion, scores } from '../eval/metrics.js';
import type { LabelledExample } from './labelled.js';
import { predict, trainLogistic, type SparseDoc, type Trained } from './logistic-regression.js';

export const MODEL_VERSION = '1';
const FOLDS = 5;
const MIN_DOC_FREQ = 2;
const L2_GRID = [0.0003, 0.001, 0.003] as const;
const TRAIN = { iterations: 400, learningRate: 1.5 } as const;

type Encoded = Readonly<{ doc: SparseDoc; keywordThemes: ReadonlySet<string> }>;

export type TrainingReport = Readonly<{
  examples: number;
  features: number;
  themes: Readonly<Record<string, { l2: number; threshold: number; oofF1: Record<CombineRule, number> }>>;
  bestRule: CombineRule;
  oofMacroF1: Record<CombineRule, number>;
}>;

function encodeAll(examples: readonly LabelledExample[], codebook: Codebook): { encoded: Encoded[]; vocabulary: string[] } {
  const matcher = compileMatcher(codebook);
  const featureSets = examples.map((e) => {
    const field = analyseField(e.text, matcher);
    return { features: extractFeatures([field], codebook.negation.window), keywordThemes: new Set(field.hits.filter((h) => h.status === 'hit').map((h) => h.themeId)) };
  });
  const df = new Map<string, number>();
  for (const { features } of featureSets) for (const f of features) df.set(f, (df.get(f) ?? 0) + 1);
  const vocabulary = [...df.entries()].filter(([, n]) => n >= MIN_DOC_FREQ).map(([f]) => f).sort();
  const index = new Map(vocabulary.map((f, i) => [f, i]));
  const encoded = featureSets.map(({ features, keywordThemes }) => {
    const ids = [...features].map((f) => index.get(f)).filter((i): i is number => i !== undefined).sort((a, b) => a - b);
    return { doc: Int32Array.from(ids), keywordThemes };
  });
  return { encoded, vocabulary };
}

function bestThreshold(scoresOut: readonly number[], gold: readonly boolean[]): { threshold: number; f1: number } {
  let best = { threshold: 0.5, f1: -1 };
  for (let t = 5; t <= 95; t++) {
    const threshold = t / 100;
    const f1 = scores(confusion(gold, scoresOut.map((s) => s >= threshold))).f1;
    if (f1 > best.f1 + 1e-12 || (Math.abs(f1 - best.f1) <= 1e-12 && Math.abs(threshold - 0.5) < Math.abs(best.threshold - 0.5))) best = { threshold, f1 };
  }
  return best;
}

function outOfFold(encoded: readonly Encoded[], labels: readonly boolean[], folds: readonly number[], featureCount: number, l2: number): number[] {
  const out = new Array<number>(encoded.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const trainIdx = encoded.map((_, i) => i).filter((i) => folds[i] !== k);
    const model = trainLogistic(trainIdx.map((i) => (encoded[i] as Encoded).doc), trainIdx.map((i) => labels[i] === true), featureCount, { l2, ...TRAIN });
    encoded.forEach((e, i) => {
      if (folds[i] === k) out[i] = predict(model, e.doc);
    });
  }
  return out;
}

function toLinear(trained: Trained, vocabulary: readonly string[]): LinearModel {
  const weights: Record<string, number> = {};
  vocabulary.forEach((f, i) => {
    const w = Math.round((trained.weights[i] ?? 0) * 1e4) / 1e4;
    if (w !== 0) weights[f] = w;
  });
  return { bias: Math.round(trained.bias * 1e4) / 1e4, weights };
}

export function trainModel(examples: readonly LabelledExample[], codebook: Codebook, modelId: string): { model: ModelFile; report: TrainingReport } {
  const { encoded, vocabulary } = encodeAll(examples, codebook);
  const folds = examples.map((e) => fnv1a32(e.id) % FOLDS);
  const docs = encoded.map((e) => e.doc);
  const themes: Record<string, { bias: number; weights: Record<string, number>; threshold: number }> = {};
  const themeReport: Record<string, { l2: number; threshold: number; oofF1: Record<CombineRule, number> }> = {};
  for (const theme of codebook.themes) {
    const labels = examples.map((e) => e.themes.get(theme.id) === true);
    let chosen = { l2: L2_GRID[0] as number, threshold: 0.5, f1: -1, oof: [] as number[] };
    for (const l2 of L2_GRID) {
      const oof = outOfFold(encoded, labels, folds, vocabulary.length, l2);
      const { threshold, f1 } = bestThreshold(oof, labels);
      if (f1 > chosen.f1 + 1e-9) chosen = { l2, threshold, f1, oof };
    }
    const oofF1 = {} as Record<CombineRule, number>;
    for (const rule of combineRules) {
      const predicted = encoded.map((e, i) => combine(rule, { keyword: e.keywordThemes.has(theme.id), model: (chosen.oof[i] ?? 0) >= chosen.threshold }) !== undefined);
      oofF1[rule] = Math.round(scores(confusion(labels, predicted)).f1 * 1e4) / 1e4;
    }
    const trained = trainLogistic(docs, labels, vocabulary.length, { l2: chosen.l2, ...TRAIN });
    themes[theme.id] = { ...toLinear(trained, vocabulary), threshold: chosen.threshold };
    themeReport[theme.id] = { l2: chosen.l2, threshold: chosen.threshold, oofF1 };
  }
  const stance = {} as Record<(typeof STANCES)[number], LinearModel>;
  const withStance = examples.map((e, i) => ({ e, i })).filter(({ e }) => e.stance !== undefined);
  for (const s of STANCES) {
    const trained = trainLogistic(withStance.map(({ i }) => docs[i] as SparseDoc), withStance.map(({ e }) => e.stance === s), vocabulary.length, { l2: 0.001, ...TRAIN });
    stance[s] = toLinear(trained, vocabulary);
  }
  const oofMacroF1 = {} as Record<CombineRule, number>;
  for (const rule of combineRules) {
    const values = Object.values(themeReport).map((t) => t.oofF1[rule]);
    oofMacroF1[rule] = Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 1e4) / 1e4;
  }
  const bestRule = [...combineRules].sort((a, b) => oofMacroF1[b] - oofMacroF1[a] || combineRules.indexOf(a) - combineRules.indexOf(b))[0] ?? 'keyword_or_model';
  const report: TrainingReport = { examples: examples.length, features: vocabulary.length, themes: themeReport, bestRule, oofMacroF1 };
  return {
    model: {
      id: modelId,
      version: MODEL_VERSION,
      codebookId: codebook.id,
      negationWindow: codebook.negation.window,
      themes,
      stance,
      training: { ...report, folds: FOLDS, minDocFreq: MIN_DOC_FREQ, iterations: TRAIN.iterations, learningRate: TRAIN.learningRate },
    },
    report,
  };
}
