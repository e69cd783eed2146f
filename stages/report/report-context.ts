// What every report section receives: the store's queries and the options that shape the report.
import type { ReportStore } from '../../pipeline/store/report-store.js';

export type ReportOptions = Readonly<{
  title: string;
  asOf: string | undefined;
  collapseCampaigns: boolean;
  quotesPerTheme: number;
}>;

export type ReportContext = Readonly<{ store: ReportStore; options: ReportOptions }>;
