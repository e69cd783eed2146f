// The consultation config: which CSV files make up a consultation and which columns mean what.
import { z } from 'zod';

const columnName = z.string({ error: 'expected a column name' }).min(1);

const textColumn = z.union([
  columnName.transform((column) => ({ column, as: column })),
  z.strictObject({ column: columnName, as: z.string().min(1).optional() }).transform((c) => ({ column: c.column, as: c.as ?? c.column })),
]);

export const stanceMapSchema = z.strictObject({
  support: z.array(z.string()).default([]),
  oppose: z.array(z.string()).default([]),
  mixed: z.array(z.string()).default([]),
});

export const columnsSchema = z.strictObject({
  id: columnName.optional(),
  text: z.array(textColumn, { error: 'expected a list of column names' }).optional(),
  respondentType: columnName.optional(),
  area: columnName.optional(),
  closed: z.array(columnName, { error: 'expected a list of column names' }).default([]),
  stance: columnName.optional(),
});

export const sourceSchema = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'source names are letters, digits, . _ -').optional(),
  file: z.string({ error: 'expected a file path' }).min(1),
  encoding: z.enum(['auto', 'utf-8', 'windows-1252', 'utf-16le', 'utf-16be']).default('auto'),
  delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
  columns: columnsSchema.default({ closed: [] }),
  respondentType: z.string().optional(),
  stanceMap: stanceMapSchema.optional(),
});

export const consultationSchema = z.strictObject({
  title: z.string().default('Consultation'),
  codebook: z.string().optional(),
  sources: z.array(sourceSchema, { error: 'expected a list of sources' }).min(1, 'a consultation needs at least one source'),
  options: z
    .strictObject({
      campaignThreshold: z.number().min(0.1).max(1).default(0.6),
      campaignMinSize: z.number().int().min(2).default(3),
      quotesPerTheme: z.number().int().min(0).max(20).default(3),
    })
    .default({ campaignThreshold: 0.6, campaignMinSize: 3, quotesPerTheme: 3 }),
});

export type ConsultationConfig = z.output<typeof consultationSchema>;
export type SourceConfig = z.output<typeof sourceSchema>;
export type ColumnsConfig = z.output<typeof columnsSchema>;
export type StanceMap = z.output<typeof stanceMapSchema>;
