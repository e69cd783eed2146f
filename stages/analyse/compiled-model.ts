// The theme and stance models packed for the hot path: one map lookup per feature scores every model at once.
import { STANCES, type ModelFile, type Stance } from './theme-model.js';

export type CompiledModel = Readonly<{
  source: ModelFile;
  /** Theme ids then stances, in the order of each weight vector. */
  themeIds: readonly string[];
  weights: ReadonlyMap<string, Float64Array>;
  biases: Float64Array;
}>;

export function compileModel(model: ModelFile, themeIds: readonly string[]): CompiledModel {
  const linear = [...themeIds.map((t) => model.themes[t]), ...STANCES.map((s) => model.stance[s])];
  const width = linear.length;
  const weights = new Map<string, Float64Array>();
  linear.forEach((m, k) => {
    if (!m) return;
    for (const [feature, w] of Object.entries(m.weights)) {
      let vector = weights.get(feature);
      if (!vector) {
        vector = new Float64Array(width);
        weights.set(feature, vector);
      }
      vector[k] = w;
    }
  });
  return { source: model, themeIds, weights, biases: Float64Array.from(linear.map((m) => m?.bias ?? 0)) };
}

export type ModelScores = Readonly<{ themes: ReadonlyMap<string, number>; stance: Stance; stanceScore: number }>;

export function scoreAll(model: CompiledModel, features: ReadonlySet<string>): ModelScores {
  const z = Float64Array.from(model.biases);
  for (const f of features) {
    const vector = model.weights.get(f);
    if (vector) for (let k = 0; k < z.length; k++) z[k] = (z[k] as number) + (vector[k] as number);
  }
  const p = z.map((v) => 1 / (1 + Math.exp(-v)));
  const themes = new Map<string, number>();
  model.themeIds.forEach((t, k) => {
    if (model.source.themes[t]) themes.set(t, p[k] as number);
  });
  let stance: Stance = 'unclear';
  let stanceScore = -1;
  STANCES.forEach((s, k) => {
    const score = p[model.themeIds.length + k] as number;
    if (model.source.stance[s] && score > stanceScore) {
      stance = s;
      stanceScore = score;
    }
  });
  return { themes, stance, stanceScore };
}
