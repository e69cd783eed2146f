// The theme and stance models packed for the hot path: words are numbered once, so scoring a response
// looks up numbers, not feature names, and one lookup adds a feature's weight to every model at once.
import { porterStem, walkFeatures, type FieldAnalysis } from './features.js';
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
  /** Every stem some word or bigram feature names, numbered from 0. */
  stemCount: number;
  stemIds: ReadonlyMap<string, number>;
  /** Per stem number, the row of `w:stem` and of `n:stem`, or -1. */
  wordRow: Int32Array;
  negatedRow: Int32Array;
  /** `previous * stemCount + stem` → the row of `b:previous_stem`. */
  bigramRow: ReadonlyMap<number, number>;
  /** Normal form → stem number, or -1 when the model knows no feature of its stem; bounded, per thread. */
  normalIds: Map<string, number>;
  /** Scratch for de-duplicating features without a set: the response number that last counted each row. */
  seen: Int32Array;
  scored: { count: number };
}>;

const NORMAL_CACHE_LIMIT = 200_000;

export function compileModel(model: ModelFile, themeIds: readonly string[]): CompiledModel {
  const linear = [...themeIds.map((t) => model.themes[t]), ...STANCES.map((s) => model.stance[s])];
  const width = linear.length;
  const index = new Map<string, number>();
  for (const m of linear) for (const feature of Object.keys(m?.weights ?? {})) if (!index.has(feature)) index.set(feature, index.size);
  const weights = new Float64Array(index.size * width);
  linear.forEach((m, k) => {
    for (const [feature, w] of Object.entries(m?.weights ?? {})) weights[(index.get(feature) as number) * width + k] = w;
  });

  const stemIds = new Map<string, number>();
  const idOf = (stem: string): number => {
    let id = stemIds.get(stem);
    if (id === undefined) stemIds.set(stem, (id = stemIds.size));
    return id;
  };
  // A stem may itself hold "_", so a bigram is read at every "_": the extra readings name the same feature.
  const bigramParts = (name: string): [string, string][] => {
    const parts: [string, string][] = [];
    for (let at = name.indexOf('_'); at >= 0; at = name.indexOf('_', at + 1)) parts.push([name.slice(0, at), name.slice(at + 1)]);
    return parts;
  };
  for (const feature of index.keys()) {
    if (feature.startsWith('w:') || feature.startsWith('n:')) idOf(feature.slice(2));
    else if (feature.startsWith('b:')) for (const [a, b] of bigramParts(feature.slice(2))) (idOf(a), idOf(b));
  }
  const stemCount = stemIds.size;
  const wordRow = new Int32Array(stemCount).fill(-1);
  const negatedRow = new Int32Array(stemCount).fill(-1);
  const bigramRow = new Map<number, number>();
  for (const [feature, row] of index) {
    if (feature.startsWith('w:')) wordRow[idOf(feature.slice(2))] = row;
    else if (feature.startsWith('n:')) negatedRow[idOf(feature.slice(2))] = row;
    else if (feature.startsWith('b:')) for (const [a, b] of bigramParts(feature.slice(2))) bigramRow.set(idOf(a) * stemCount + idOf(b), row);
  }
  return {
    source: model, themeIds, width, index, weights,
    biases: Float64Array.from(linear.map((m) => m?.bias ?? 0)),
    stemCount, stemIds, wordRow, negatedRow, bigramRow,
    normalIds: new Map(),
    seen: new Int32Array(index.size),
    scored: { count: 0 },
  };
}

export type ModelScores = Readonly<{ themes: ReadonlyMap<string, number>; stance: Stance; stanceScore: number }>;

/** Adds the weights of the rows `each` reports; a row reported twice counts once, as the models were trained. */
function scoreRows(model: CompiledModel, each: (add: (row: number) => void) => void): ModelScores {
  const z = Float64Array.from(model.biases);
  const stamp = ++model.scored.count;
  const { weights, width, seen } = model;
  each((row) => {
    if (row < 0 || seen[row] === stamp) return;
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

/** Scores features by name: what training produces, and the reference the numbered path must equal. */
export function scoreAll(model: CompiledModel, features: Iterable<string>): ModelScores {
  return scoreRows(model, (add) => {
    for (const f of features) add(model.index.get(f) ?? -1);
  });
}

function stemNumber(model: CompiledModel, normal: string): number {
  let id = model.normalIds.get(normal);
  if (id === undefined) {
    if (model.normalIds.size >= NORMAL_CACHE_LIMIT) model.normalIds.clear();
    // This cache is the only one the hot path needs: a second one for the stem itself would hold the same keys.
    id = model.stemIds.get(porterStem(normal)) ?? -1;
    model.normalIds.set(normal, id);
  }
  return id;
}

/** Scores one response straight from its parses: the same features as `extractFeatures`, by number. */
export function scoreResponse(model: CompiledModel, fields: readonly FieldAnalysis[], negationWindow: number): ModelScores {
  const { wordRow, negatedRow, bigramRow, stemCount, index } = model;
  return scoreRows(model, (add) =>
    walkFeatures<number>(fields, negationWindow, {
      key: (normal) => stemNumber(model, normal),
      word: (id, negated) => {
        if (id >= 0) add((negated ? negatedRow[id] : wordRow[id]) as number);
      },
      bigram: (previous, id) => {
        if (previous >= 0 && id >= 0) add(bigramRow.get(previous * stemCount + id) ?? -1);
      },
      named: (feature) => add(index.get(feature) ?? -1),
    }),
  );
}
