// Loads a trained model file, checks it against the codebook, and hashes it for provenance.
import { readFileSync } from 'node:fs';
import type { Codebook } from '../codebook/codebook-schema.js';
import { modelFileSchema, type ModelFile } from '../../stages/analyse/theme-model.js';
import { formatPath } from '../config/load-yaml.js';
import { VerbatimError } from '../util/errors.js';
import { sha256Text } from '../util/hash.js';
import type { Logger } from '../util/log.js';

export type LoadedModel = Readonly<{ model: ModelFile; sha256: string; json: string }>;

export function loadModel(file: string, codebook: Codebook, log: Logger): LoadedModel {
  let json: string;
  try {
    json = readFileSync(file, 'utf8');
  } catch (error) {
    throw new VerbatimError(`cannot read the model: ${(error as Error).message}`, { file });
  }
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new VerbatimError(`the model is not valid JSON: ${(error as Error).message}`, { file });
  }
  const parsed = modelFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new VerbatimError(`${formatPath(issue?.path ?? [])}: ${issue?.message ?? 'invalid model'}`, { file });
  }
  const model = parsed.data;
  for (const theme of codebook.themes) {
    if (!model.themes[theme.id]) log.warn(`model ${model.id} has no classifier for theme "${theme.id}"; that theme is coded by keywords only`);
  }
  return { model, sha256: sha256Text(json), json };
}
