// How keyword and model results combine into one code per theme; human codes are applied later and always win.
import type { CombineRule } from '../../pipeline/codebook/codebook-schema.js';

export type ThemeEvidence = Readonly<{ keyword: boolean; model: boolean }>;

/** The basis of a positive code ("keyword", "model", "keyword+model"), or undefined when not coded. */
export function combine(rule: CombineRule, e: ThemeEvidence): string | undefined {
  const coded =
    rule === 'keyword' ? e.keyword
    : rule === 'model' ? e.model
    : rule === 'keyword_and_model' ? e.keyword && e.model
    : e.keyword || e.model;
  if (!coded) return undefined;
  if (rule === 'keyword') return 'keyword';
  if (rule === 'model') return 'model';
  return e.keyword && e.model ? 'keyword+model' : e.keyword ? 'keyword' : 'model';
}
