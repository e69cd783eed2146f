// Report section on method and provenance: versions, hashes, rules and options behind every figure.
import { code, inline, table } from './markdown.js';
import type { ReportContext } from './report-context.js';

type RunOptions = Readonly<{ codebook?: { id: string; version: string; combine: string }; [key: string]: unknown }>;

export function methodSection({ store }: ReportContext): string {
  const run = store.latestRun();
  const options = JSON.parse(run?.optionsJson ?? '{}') as RunOptions;
  const model = run?.modelSha256 ? store.model(run.modelSha256) : undefined;
  const modelThemes = model ? (JSON.parse(model.json) as { themes: Record<string, { threshold: number }> }).themes : {};
  const sources = store.sources().map((s) => [inline(s.fileName), `\`${s.sha256}\``, s.encoding, s.delimiter === '\t' ? 'tab' : code(s.delimiter), s.rowsRead]);
  const { codebook, title: _title, ...rest } = options;
  const thresholds = Object.entries(modelThemes).sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, m]) => `\`${id}\` ${m.threshold}`).join(', ');
  return [
    '## Method and provenance',
    '',
    `- Tool: verbatim ${inline(run?.toolVersion ?? 'unknown')}`,
    `- Codebook: ${inline(codebook?.id ?? 'unknown')} version ${inline(codebook?.version ?? '?')}, sha256 \`${run?.codebookSha256 ?? 'unknown'}\``,
    `- Model: ${model ? `${inline(model.modelId)}@${inline(model.version)}, sha256 \`${run?.modelSha256 ?? ''}\`; thresholds ${thresholds}` : 'none (keyword rules only)'}`,
    `- Combination rule: ${code(codebook?.combine ?? 'unknown')}: how a keyword rule hit and a model score at or above the theme's threshold combine into a code; human codes always win`,
    `- Options: ${code(JSON.stringify(rest))}`,
    '',
    table(['Input file', 'sha256', 'Encoding', 'Delimiter', 'Rows read'], sources, ['l', 'l', 'l', 'l', 'r']),
    '',
    'Every figure comes from the SQLite store by the queries documented in `pipeline/store/SCHEMA.md`; `verbatim export` lists each response id with its codes, ' +
      'and the `tags` table gives, for each code, the keyword rule and text span or the model and score that produced it.',
  ].join('\n');
}
