// Report sections on themes: how many responses raise each, on what basis, and short quotes with ids.
import { code, excerpt, inline, percent, table } from './markdown.js';
import type { ReportContext } from './report-context.js';

export function themesSection({ store, options }: ReportContext): string {
  const collapse = options.collapseCampaigns;
  const units = store.units(collapse, true);
  const themes = store.themes();
  const t = store.totals();
  const unitWord = collapse ? 'units (each campaign counted once)' : 'responses with free text';
  const rows = themes.map((theme) => {
    const n = store.themeCount(theme.themeId, collapse);
    const basis = store.themeBasis(theme.themeId).map((b) => `${b.label} ${b.n}`).join(', ');
    return [`${inline(theme.label)} (${code(theme.themeId)})`, n, percent(n, units), inline(basis)];
  });
  const other = collapse
    ? `Counting every response instead: ${themes.map((th) => `${inline(th.label)} ${store.themeCount(th.themeId, false)}`).join(', ')} of ${store.units(false, true)}.`
    : t.campaignMembers > 0
      ? `Counting each campaign once: ${themes.map((th) => `${inline(th.label)} ${store.themeCount(th.themeId, true)}`).join(', ')} of ${store.units(true, true)} units.`
      : '';
  return [
    '## Themes',
    '',
    `Share of ${units} ${unitWord}. A response can raise several themes or none. "Basis" says which tagger coded it ` +
      '(keyword rule, model, both, or a human coder, whose code always wins). Each count equals the number of 1s in the export\'s column of that theme id.',
    '',
    table(['Theme', collapse ? 'Units' : 'Responses', '%', 'Basis'], rows, ['l', 'r', 'r', 'l']),
    ...(other ? ['', other] : []),
  ].join('\n');
}

export function quotesSection({ store, options }: ReportContext): string {
  if (options.quotesPerTheme === 0) return '';
  const parts = ['## What people said', '', 'Quotes are redacted and chosen in a fixed pseudo-random order from coded responses outside campaigns, those with keyword evidence first.', ''];
  for (const theme of store.themes()) {
    parts.push(`### ${inline(theme.label)}`, '', `*${inline(theme.definition)}*`, '');
    const rules = store.topRules(theme.themeId, 5);
    if (rules.length) parts.push(`Most frequent keyword rules: ${rules.map((r) => `${code(r.label ?? '')} (${r.n})`).join(', ')}.`, '');
    const quotes = store.quoteCandidates(theme.themeId, options.quotesPerTheme);
    if (quotes.length === 0) parts.push('No response outside a campaign was coded with this theme.', '');
    for (const q of quotes) {
      parts.push(`> “${inline(excerpt(q.text, q.start, q.end))}” — response ${inline(q.responseId)}`, '');
    }
  }
  return parts.join('\n').trimEnd();
}
