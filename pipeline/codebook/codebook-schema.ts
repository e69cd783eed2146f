// The codebook file format: themes, their keyword rules and exclusions, and how taggers combine.
import { z } from 'zod';

const idPattern = /^[a-z][a-z0-9_]*$/;
const ruleIdPattern = /^[a-z0-9][a-z0-9_.-]*$/;

const termList = z.array(z.string({ error: 'expected a string' }).trim().min(1, 'a term cannot be empty'), {
  error: 'expected a list of strings',
}).min(1, 'expected at least one term');

export const ruleSchema = z.strictObject({
  id: z.string({ error: 'expected a rule id' }).regex(ruleIdPattern, 'rule ids are lower case letters, digits, . _ -'),
  terms: termList,
  note: z.string().optional(),
});

export const themeSchema = z.strictObject({
  id: z.string({ error: 'expected a theme id' }).regex(idPattern, 'theme ids are lower_snake_case'),
  label: z.string({ error: 'expected a label' }).min(1),
  definition: z.string({ error: 'expected a definition' }).min(1),
  rules: z.array(ruleSchema, { error: 'expected a list of rules' }).min(1, 'a theme needs at least one rule'),
  exclude: z.array(ruleSchema, { error: 'expected a list of exclusion rules' }).default([]),
});

export const combineRules = ['keyword', 'model', 'keyword_or_model', 'keyword_and_model'] as const;
export type CombineRule = (typeof combineRules)[number];

export const codebookSchema = z
  .strictObject({
    id: z.string({ error: 'expected a codebook id' }).regex(ruleIdPattern),
    version: z.union([z.string(), z.number()]).transform(String),
    title: z.string().optional(),
    negation: z.strictObject({ window: z.number().int().min(0).max(12).default(4) }).default({ window: 4 }),
    combine: z.enum(combineRules, { error: `expected one of ${combineRules.join(', ')}` }).default('keyword_or_model'),
    model: z.string().optional(),
    themes: z.array(themeSchema, { error: 'expected a list of themes' }).min(1, 'a codebook needs at least one theme'),
  })
  .superRefine((codebook, ctx) => {
    const themeIds = new Set<string>();
    const ruleIds = new Set<string>();
    codebook.themes.forEach((theme, t) => {
      if (themeIds.has(theme.id)) ctx.addIssue({ code: 'custom', path: ['themes', t, 'id'], message: `duplicate theme id ${theme.id}` });
      themeIds.add(theme.id);
      for (const kind of ['rules', 'exclude'] as const) {
        theme[kind].forEach((rule, r) => {
          if (ruleIds.has(rule.id)) ctx.addIssue({ code: 'custom', path: ['themes', t, kind, r, 'id'], message: `duplicate rule id ${rule.id}` });
          ruleIds.add(rule.id);
        });
      }
    });
  });

export type Codebook = z.output<typeof codebookSchema>;
export type Theme = Codebook['themes'][number];
export type KeywordRule = z.output<typeof ruleSchema>;
