// The eval arithmetic on a tiny example worked by hand.
import { describe, expect, it } from 'vitest';
import { confusion, macroF1, scores, stanceAgreement } from '../../stages/eval/metrics.js';

describe('metrics', () => {
  // gold:      1 1 1 0 0 0 0 0 1 0
  // predicted: 1 1 0 1 0 0 0 0 1 0
  const gold = [1, 1, 1, 0, 0, 0, 0, 0, 1, 0].map(Boolean);
  const predicted = [1, 1, 0, 1, 0, 0, 0, 0, 1, 0].map(Boolean);

  it('counts the confusion matrix', () => {
    expect(confusion(gold, predicted)).toEqual({ tp: 3, fp: 1, fn: 1, tn: 5 });
  });

  it('computes precision, recall, F1 and kappa as by hand', () => {
    const s = scores(confusion(gold, predicted));
    expect(s.precision).toBeCloseTo(3 / 4, 10);
    expect(s.recall).toBeCloseTo(3 / 4, 10);
    expect(s.f1).toBeCloseTo(0.75, 10);
    // observed agreement 8/10; expected (4*4 + 6*6)/100 = 0.52; kappa = (0.8 - 0.52) / 0.48
    expect(s.kappa).toBeCloseTo(0.28 / 0.48, 10);
  });

  it('gives 0, not NaN, when nothing is predicted or nothing is there', () => {
    const s = scores(confusion([true, false], [false, false]));
    expect(s.precision).toBe(0);
    expect(s.f1).toBe(0);
    expect(Number.isNaN(scores(confusion([false], [false])).kappa)).toBe(false);
  });

  it('averages F1 over themes for macro-F1', () => {
    const a = scores({ tp: 1, fp: 0, fn: 0, tn: 1 });
    const b = scores({ tp: 0, fp: 1, fn: 1, tn: 0 });
    expect(macroF1([a, b])).toBe(0.5);
  });

  it('measures stance agreement per class', () => {
    const r = stanceAgreement(['oppose', 'oppose', 'support', 'mixed'], ['oppose', 'support', 'support', 'mixed'], ['oppose', 'support', 'mixed', 'unclear']);
    expect(r.accuracy).toBe(0.75);
    expect(r.perClass.support?.precision).toBe(0.5);
    expect(r.perClass.oppose?.recall).toBe(0.5);
  });
});
