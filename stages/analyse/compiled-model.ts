// The theme and stance models packed for the hot path: one map lookup per feature scores every model at once.
import { STANCES, type ModelFile, type Stance } from './theme-model.js';

export type CompiledModel = Readonly<{
  source: ModelFile;
  /** Theme ids then stances, in the order of each weight row. */
  themeIds: readonly string[];
  width: number;
  /** Feature name → row of `weights`. */
  index: ReadonlyMap<string, number>;
  weights: Float64Array;
  biases: Float64Array;
  /** Scratch for de-duplicating features without a set: the response number that last counted each row. */
  seen: Int32Array;
  scored: { count: number };
}>;

export function compileModel(model: ModelFile, themeIds: readonly string[]): CompiledModel {
  const linear = [...themeIds.map((t) => model.themes[t]), ...STANCES.map((s) => model.stance[s])];
  const width = linear.length;
  const index = new Map<string, number>();
  for (const m of linear) for (const feature of Object.keys(m?.weights ?? {})) if (!index.has(feature)) index.set(feature, index.size);
  const weights = new Float64Array(index.size * width);
  linear.forEach((m, k) => {
    for (const [feature, w] of Object.entries(m?.weights ?? {})) weights[(index.get(feature) as number) * width + k] = w;
  });
  return {
    source: model, themeIds, width, index, weights,
    biases: Float64Array.from(linear.map((m) => m?.bias ?? 0)),
    seen: new Int32Array(index.size),
    scored: { count: 0 },
  };
}

export type ModelScores = Readonly<{ themes: ReadonlyMap<string, number>; stance: Stance; stanceScore: number }>;

/** Scores the features `each` emits; a feature emitted twice counts once, as the models were trained. */
export function scoreFeatures(model: CompiledModel, each: (emit: (feature: string) => void) => void): ModelScores {
  const z = Float64Array.from(model.biases);
  const stamp = ++model.scored.count;
  const { index, weights, width, seen } = model;
  each((feature) => {
    const row = index.get(feature);
    if (row === undefined || seen[row] === stamp) return;
    seen[row] = stamp;
    for (let k = 0; k < width; k++) z[k] = (z[k] as number) + (weights[row * width + k] as number);
  });
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

export function scoreAll(model: CompiledModel, features: ReadonlySet<string>): ModelScores {
  return scoreFeatures(model, (emit) => features.forEach((f) => emit(f)));
}
