// Builds the consultation (sources and their columns) from a config file, positional files and column flags.
import { basename, dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { consultationSchema, sourceSchema, type ConsultationConfig, type SourceConfig } from '../config/consultation-config.js';
import { loadYaml } from '../config/load-yaml.js';
import { VerbatimError } from '../util/errors.js';

export type InputFlags = Readonly<{
  config?: string; idColumn?: string; textColumn?: string[]; respondentTypeColumn?: string; areaColumn?: string;
  closedColumn?: string[]; stanceColumn?: string; title?: string; campaignThreshold?: string; campaignMinSize?: string;
}>;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function addInputOptions(command: Command): Command {
  return command
    .option('--config <file>', 'consultation config (YAML): sources, columns, options')
    .option('--id-column <name>', 'column holding the response id')
    .option('--text-column <name>', 'free-text column (repeat for several)', collect)
    .option('--respondent-type-column <name>', 'column saying in what capacity people responded')
    .option('--area-column <name>', 'postcode or area column (cut to the postcode district)')
    .option('--closed-column <name>', 'closed question column (repeat for several)', collect)
    .option('--stance-column <name>', 'closed question giving the position on the proposal (agree = support)')
    .option('--title <text>', 'consultation title for the report')
    .option('--campaign-threshold <j>', 'Jaccard similarity for campaign members (default 0.6)')
    .option('--campaign-min-size <n>', 'smallest campaign (default 3)');
}

function flagSource(file: string, flags: InputFlags): SourceConfig {
  const parsed = sourceSchema.safeParse({
    file,
    columns: {
      ...(flags.idColumn ? { id: flags.idColumn } : {}),
      ...(flags.textColumn ? { text: flags.textColumn } : {}),
      ...(flags.respondentTypeColumn ? { respondentType: flags.respondentTypeColumn } : {}),
      ...(flags.areaColumn ? { area: flags.areaColumn } : {}),
      ...(flags.stanceColumn ? { stance: flags.stanceColumn } : {}),
      closed: flags.closedColumn ?? [],
    },
  });
  if (!parsed.success) throw new VerbatimError(`bad column flags: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

function numberFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new VerbatimError(`${name} expects a number, got "${value}"`);
  return n;
}

/** `needFiles` is false for the stages that read only the store (analyse, report): they take options, not files. */
export function buildConsultation(files: readonly string[], flags: InputFlags, needFiles = true): { consultation: ConsultationConfig; codebookPath: string | undefined } {
  let consultation: ConsultationConfig;
  let codebookPath: string | undefined;
  if (flags.config) {
    const loaded = loadYaml(flags.config, consultationSchema).value;
    const dir = dirname(flags.config);
    const configured = loaded.sources.map((s) => ({ ...s, file: resolve(dir, s.file) }));
    const chosen = files.length === 0 ? configured : files.map((f) => configured.find((s) => basename(s.file) === basename(f)) ?? flagSource(f, flags));
    consultation = { ...loaded, sources: chosen };
    codebookPath = loaded.codebook ? resolve(dir, loaded.codebook) : undefined;
  } else if (files.length === 0 && !needFiles) {
    consultation = { title: 'Consultation', sources: [], options: consultationSchema.shape.options.parse(undefined) };
  } else {
    if (files.length === 0) throw new VerbatimError('no input: give CSV files, or --config with a consultation file');
    consultation = consultationSchema.parse({ sources: files.map((f) => flagSource(f, flags)) });
  }
  const threshold = numberFlag(flags.campaignThreshold, '--campaign-threshold');
  const minSize = numberFlag(flags.campaignMinSize, '--campaign-min-size');
  return {
    consultation: {
      ...consultation,
      title: flags.title ?? consultation.title,
      options: { ...consultation.options, ...(threshold !== undefined ? { campaignThreshold: threshold } : {}), ...(minSize !== undefined ? { campaignMinSize: minSize } : {}) },
    },
    codebookPath,
  };
}
