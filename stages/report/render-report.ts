// The report: every section in order, read only from the store, byte-identical for identical inputs.
import { ReportStore } from '../../pipeline/store/report-store.js';
import type { Db } from '../../pipeline/store/db.js';
import { inline } from './markdown.js';
import type { ReportOptions } from './report-context.js';
import { campaignsSection } from './section-campaigns.js';
import { closedSection, respondentsSection, sourcesSection, stanceSection } from './section-overview.js';
import { methodSection } from './section-method.js';
import { qualitySection } from './section-quality.js';
import { quotesSection, themesSection } from './section-themes.js';

export function renderReport(db: Db, options: ReportOptions): string {
  const ctx = { store: new ReportStore(db), options };
  const sections = [
    `# ${inline(options.title)}: summary of responses`,
    options.asOf ? `Data as of ${inline(options.asOf)}.` : '',
    sourcesSection(ctx),
    themesSection(ctx),
    stanceSection(ctx),
    respondentsSection(ctx),
    closedSection(ctx),
    quotesSection(ctx),
    campaignsSection(ctx),
    qualitySection(ctx),
    methodSection(ctx),
  ];
  return `${sections.filter((s) => s !== '').join('\n\n')}\n`;
}
