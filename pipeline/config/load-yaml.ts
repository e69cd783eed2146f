// Reads a YAML file and validates it with a zod schema; every error names the file, line, column and path.
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { z } from 'zod';
import { VerbatimError } from '../util/errors.js';

export type Loaded<T> = Readonly<{ value: T; text: string; file: string }>;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(top level)';
}

export function loadYaml<S extends z.ZodType>(file: string, schema: S): Loaded<z.output<S>> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new VerbatimError(`cannot read file: ${(error as Error).message}`, { file });
  }
  return parseYamlText(text, file, schema);
}

export function parseYamlText<S extends z.ZodType>(text: string, file: string, schema: S): Loaded<z.output<S>> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first) {
    const pos = lineCounter.linePos(first.pos[0]);
    throw new VerbatimError(`invalid YAML: ${first.message.split('\n')[0]}`, { file, line: pos.line, column: pos.col });
  }
  const result = schema.safeParse(doc.toJS());
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue?.path ?? [];
    const node = doc.getIn(path as unknown[], true);
    const place = isNode(node) && node.range ? lineCounter.linePos(node.range[0]) : undefined;
    throw new VerbatimError(
      `${formatPath(path)}: ${issue?.message ?? 'invalid'}`,
      place ? { file, line: place.line, column: place.col } : { file },
    );
  }
  return { value: result.data, text, file };
}
