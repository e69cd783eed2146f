// Resolves the configured or detected column names to positions in a file's header.
import type { ColumnsConfig } from '../../pipeline/config/consultation-config.js';
import { VerbatimError } from '../../pipeline/util/errors.js';
import { findColumn } from './header.js';

export type ColumnMapping = Readonly<{
  id: number | undefined;
  text: readonly (readonly [index: number, field: string])[];
  respondentType: number | undefined;
  area: number | undefined;
  closed: readonly (readonly [index: number, question: string])[];
  stance: string | undefined;
}>;

export function resolveColumns(header: readonly string[], columns: ColumnsConfig, file: string): ColumnMapping {
  const at = (name: string): number => {
    const index = findColumn(header, name);
    if (index < 0) {
      throw new VerbatimError(`no column named "${name}"; the columns are: ${header.map((h) => `"${h}"`).join(', ')}`, { file, line: 1 });
    }
    return index;
  };
  const optional = (name: string | undefined): number | undefined => (name === undefined ? undefined : at(name));
  const text = (columns.text ?? []).map((t) => [at(t.column), t.as] as const);
  if (text.length === 0) throw new VerbatimError('no free-text column: name one with --text-column or in the config', { file, line: 1 });
  const closed = columns.closed.map((q) => [at(q), header[at(q)] ?? q] as const);
  const stanceIndex = optional(columns.stance);
  return {
    id: optional(columns.id),
    text,
    respondentType: optional(columns.respondentType),
    area: optional(columns.area),
    closed: stanceIndex !== undefined && !closed.some(([i]) => i === stanceIndex) ? [...closed, [stanceIndex, header[stanceIndex] ?? ''] as const] : closed,
    stance: stanceIndex === undefined ? undefined : header[stanceIndex],
  };
}
