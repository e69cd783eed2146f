// Agreement arithmetic for one theme: confusion counts, precision, recall, F1 and Cohen's kappa.

export type Confusion = Readonly<{ tp: number; fp: number; fn: number; tn: number }>;
export type Scores = Confusion & Readonly<{ precision: number; recall: number; f1: number; kappa: number }>;

export function confusion(gold: readonly boolean[], predicted: readonly boolean[]): Confusion {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  gold.forEach((g, i) => {
    const p = predicted[i] === true;
    if (g && p) tp++;
    else if (!g && p) fp++;
    else if (g && !p) fn++;
    else tn++;
  });
  return { tp, fp, fn, tn };
}

/** Precision and recall are 0 when undefined (nothing predicted, nothing to find), so F1 never hides a gap. */
export function scores(c: Confusion): Scores {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const n = c.tp + c.fp + c.fn + c.tn;
  const observed = n === 0 ? 0 : (c.tp + c.tn) / n;
  const expected = n === 0 ? 0 : ((c.tp + c.fp) * (c.tp + c.fn) + (c.fn + c.tn) * (c.fp + c.tn)) / (n * n);
  const kappa = expected === 1 ? (observed === 1 ? 1 : 0) : (observed - expected) / (1 - expected);
  return { ...c, precision, recall, f1, kappa };
}

export function macroF1(perTheme: readonly Scores[]): number {
  return perTheme.length === 0 ? 0 : perTheme.reduce((s, t) => s + t.f1, 0) / perTheme.length;
}

/** Multi-class agreement for stance: accuracy and per-class F1 (one class against the rest). */
export function stanceAgreement(gold: readonly string[], predicted: readonly string[], classes: readonly string[]): { accuracy: number; perClass: Record<string, Scores>; macroF1: number } {
  const accuracy = gold.length === 0 ? 0 : gold.filter((g, i) => g === predicted[i]).length / gold.length;
  const perClass: Record<string, Scores> = {};
  for (const c of classes) perClass[c] = scores(confusion(gold.map((g) => g === c), predicted.map((p) => p === c)));
  return { accuracy, perClass, macroF1: macroF1(Object.values(perClass)) };
}
