// The trained theme and stance models as data, and how they score a response's features.
import { z } from 'zod';

const linearSchema = z.strictObject({ bias: z.number(), weights: z.record(z.string(), z.number()) });
const themeModelSchema = linearSchema.extend({ threshold: z.number().min(0).max(1) });

export const modelFileSchema = z.strictObject({
  id: z.string(),
  version: z.string(),
  codebookId: z.string(),
  negationWindow: z.number().int(),
  themes: z.record(z.string(), themeModelSchema),
  stance: z.record(z.enum(['oppose', 'support', 'mixed', 'unclear']), linearSchema),
  training: z.record(z.string(), z.unknown()),
});

export type ModelFile = z.output<typeof modelFileSchema>;
export type LinearModel = z.output<typeof linearSchema>;
export type Stance = 'oppose' | 'support' | 'mixed' | 'unclear';
export const STANCES: readonly Stance[] = ['oppose', 'support', 'mixed', 'unclear'];

/** The model's id as tags record it: `id@version`. */
export function modelRef(model: ModelFile): string {
  return `${model.id}@${model.version}`;
}
