// Report section on organised campaigns: template letters sent by many people, counted once as an argument.
import { excerpt, inline, table } from './markdown.js';
import type { ReportContext } from './report-context.js';

const MAX_CAMPAIGNS = 20;

export function campaignsSection({ store }: ReportContext): string {
  const t = store.totals();
  const exact = store.exactDuplicates();
  const head = ['## Campaigns and duplicates', ''];
  if (t.campaigns === 0) {
    return [...head, `No campaigns were found (near-identical texts sent by several people). ${exact} responses repeat another response's text exactly.`].join('\n');
  }
  const themes = new Map(store.themes().map((th) => [th.themeId, th.label]));
  const rows = store.campaigns(MAX_CAMPAIGNS).map((c) => [
    `C${c.campaignId}`,
    c.size,
    c.exactCopies,
    store.campaignThemes(c.campaignId).map((r) => `${inline(themes.get(r.label ?? '') ?? r.label)} ${r.n}`).join(', ') || '–',
    `${inline(excerpt(c.opening ?? '', 0, 0, 160))} (response ${inline(c.responseId)})`,
  ]);
  return [
    ...head,
    `${t.campaignMembers} responses belong to ${t.campaigns} campaign${t.campaigns === 1 ? '' : 's'}: groups of at least the minimum size whose texts share most of their wording. ` +
      `Each response still counts in the tables above; a campaign's template is one argument. ${exact} responses repeat another response's text exactly.`,
    '',
    table(['Campaign', 'Responses', 'Exact copies', 'Themes (responses)', 'Template opening (redacted)'], rows, ['l', 'r', 'r', 'l', 'l']),
    ...(t.campaigns > MAX_CAMPAIGNS ? ['', `${t.campaigns - MAX_CAMPAIGNS} smaller campaigns are not listed; see the export's campaign_id column.`] : []),
  ].join('\n');
}
