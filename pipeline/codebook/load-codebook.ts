// Loads and validates a codebook file, and records its sha256 for provenance.
import { dirname, resolve } from 'node:path';
import { loadYaml } from '../config/load-yaml.js';
import { sha256Text } from '../util/hash.js';
import { DEFAULT_CODEBOOK_PATH } from '../util/paths.js';
import { codebookSchema, type Codebook } from './codebook-schema.js';

export type LoadedCodebook = Readonly<{
  codebook: Codebook;
  file: string;
  sha256: string;
  /** The model file named by the codebook, resolved against the codebook's folder. */
  modelPath: string | undefined;
}>;

export function loadCodebook(file: string = DEFAULT_CODEBOOK_PATH): LoadedCodebook {
  const { value, text } = loadYaml(file, codebookSchema);
  return {
    codebook: value,
    file,
    sha256: sha256Text(text),
    modelPath: value.model ? resolve(dirname(file), value.model) : undefined,
  };
}
