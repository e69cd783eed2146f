// verbatim eval: keyword-only, model-only and combined codes measured against gold codes.
import { decisionsByResponseId, storedThemeIds } from '../../pipeline/store/eval-store.js';
import type { Db } from '../../pipeline/store/db.js';
import { STANCES } from '../analyse/theme-model.js';
import type { Gold } from './gold.js';
import { confusion, macroF1, scores, stanceAgreement, type Scores } from './metrics.js';

export const TAGGERS = ['keyword', 'model', 'combined'] as const;
export type Tagger = (typeof TAGGERS)[number];

export type ThemeResult = Scores & Readonly<{ theme: string; falsePositives: readonly string[]; falseNegatives: readonly string[] }>;
export type TaggerResult = Readonly<{ themes: readonly ThemeResult[]; macroF1: number }>;
export type EvalResult = Readonly<{
  compared: number;
  missing: readonly string[];
  taggers: Readonly<Record<Tagger, TaggerResult>>;
  stance?: ReturnType<typeof stanceAgreement> & { compared: number };
}>;

export { storedThemeIds };

export function evaluate(db: Db, gold: Gold): EvalResult {
  const decisions = decisionsByResponseId(db, gold.rows.map((r) => r.id));
  const rows = gold.rows.filter((r) => decisions.has(r.id));
  const missing = gold.rows.filter((r) => !decisions.has(r.id)).map((r) => r.id);
  const taggers = {} as Record<Tagger, TaggerResult>;
  for (const tagger of TAGGERS) {
    const themes = gold.themeIds.map((theme) => {
      const g = rows.map((r) => r.themes.get(theme) === true);
      const p = rows.map((r) => decisions.get(r.id)?.[tagger].has(theme) === true);
      return {
        theme,
        ...scores(confusion(g, p)),
        falsePositives: rows.filter((_, i) => !g[i] && p[i]).map((r) => r.id),
        falseNegatives: rows.filter((_, i) => g[i] && !p[i]).map((r) => r.id),
      };
    });
    taggers[tagger] = { themes, macroF1: macroF1(themes) };
  }
  const withStance = rows.filter((r) => r.stance !== undefined);
  const stance = gold.hasStance && withStance.length
    ? { ...stanceAgreement(withStance.map((r) => r.stance ?? ''), withStance.map((r) => decisions.get(r.id)?.stance ?? ''), STANCES), compared: withStance.length }
    : undefined;
  return { compared: rows.length, missing, taggers, ...(stance ? { stance } : {}) };
}

const f = (x: number): string => x.toFixed(3);

export function formatEval(result: EvalResult): string {
  const lines = [`Compared ${result.compared} responses with gold codes${result.missing.length ? ` (${result.missing.length} gold ids not in the store)` : ''}.`, ''];
  lines.push('| Tagger | Theme | Precision | Recall | F1 | Kappa | TP | FP | FN | TN |', '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const tagger of TAGGERS) {
    for (const t of result.taggers[tagger].themes) lines.push(`| ${tagger} | ${t.theme} | ${f(t.precision)} | ${f(t.recall)} | ${f(t.f1)} | ${f(t.kappa)} | ${t.tp} | ${t.fp} | ${t.fn} | ${t.tn} |`);
    lines.push(`| ${tagger} | **macro** | | | **${f(result.taggers[tagger].macroF1)}** | | | | | |`);
  }
  if (result.stance) {
    lines.push('', `Stance: accuracy ${f(result.stance.accuracy)}, macro-F1 ${f(result.stance.macroF1)} over ${result.stance.compared} responses ` +
      `(${Object.entries(result.stance.perClass).map(([c, s]) => `${c} F1 ${f(s.f1)}`).join(', ')}).`);
  }
  lines.push('', 'Disagreements of the combined codes (false positives / false negatives):');
  for (const t of result.taggers.combined.themes) {
    lines.push(`- ${t.theme}: FP ${t.falsePositives.join(', ') || 'none'}; FN ${t.falseNegatives.join(', ') || 'none'}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON form: the same figures as data, with an `f1` field per theme. */
export function evalJson(result: EvalResult): unknown {
  const round = (x: number): number => Math.round(x * 1e4) / 1e4;
  const tagger = (r: TaggerResult) => ({
    macro_f1: round(r.macroF1),
    themes: Object.fromEntries(r.themes.map((t) => [t.theme, {
      precision: round(t.precision), recall: round(t.recall), f1: round(t.f1), kappa: round(t.kappa), tp: t.tp, fp: t.fp, fn: t.fn, tn: t.tn,
      false_positives: t.falsePositives, false_negatives: t.falseNegatives,
    }])),
  });
  return {
    compared: result.compared,
    missing: result.missing,
    keyword: tagger(result.taggers.keyword),
    model: tagger(result.taggers.model),
    combined: tagger(result.taggers.combined),
    ...(result.stance ? { stance: { accuracy: round(result.stance.accuracy), macro_f1: round(result.stance.macroF1), compared: result.stance.compared } } : {}),
  };
}
