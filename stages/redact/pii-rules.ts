// The personal-data patterns redaction looks for, each with a stable rule id and its replacement.

export type PiiFinding = Readonly<{ rule: string; start: number; end: number; replacement: string }>;

const TITLES = 'Mrs|Mr|Ms|Miss|Mx|Dr|Prof|Professor|Rev|Revd|Sir|Dame|Cllr|Councillor';
const NAME_WORD = "[A-Z][a-zA-Z'’-]+";
const INITIAL = '[A-Z]\\.?';
const NAME = `(?:(?:${INITIAL}\\s+)*${NAME_WORD}(?:\\s+(?:${INITIAL}\\s+)*${NAME_WORD}){0,2})`;
const STREET_TYPES = 'Road|Rd|Street|St|Lane|Ln|Avenue|Ave|Close|Cl|Way|Drive|Dr|Crescent|Cres|Court|Ct|Place|Pl|Terrace|Gardens|Grove|Row|Walk|Square|Mews|Rise|View|Parade|Meadow|Meadows|Green|Hill|Park|Gate|End|Yard|Wharf';

/** Words that look like names after "my partner" or at a sign-off but are not. */
const NOT_NAMES = new Set([
  'I', 'The', 'And', 'But', 'He', 'She', 'They', 'We', 'It', 'This', 'That', 'My', 'Our', 'Is', 'Was', 'Has', 'Had', 'Who', 'When', 'If', 'So',
  'Thank', 'Thanks', 'Regards', 'Please', 'Yours', 'Kind', 'Best', 'Many', 'Mum', 'Dad', 'Parent', 'Mother', 'Father', 'Grandparent', 'Resident',
  'Oxford', 'Oxfordshire', 'Banbury', 'Bicester', 'Witney', 'Didcot', 'Abingdon', 'Wantage', 'Children', 'Centre', 'Council', 'County', 'Health', 'Visitor',
  'Also', 'Just', 'Not', 'Now', 'Then', 'Still', 'Left', 'Works', 'Worked', 'Hit', 'Used', 'Went', 'Lost', 'Moved', 'Said', 'Says', 'At', 'In', 'On', 'Of', 'For', 'With',
]);

type Rule = Readonly<{ id: string; pattern: RegExp; replacement: string | ((m: RegExpExecArray) => string); group?: number }>;

const RULES: readonly Rule[] = [
  { id: 'pii.email', pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, replacement: '[email]' },
  { id: 'pii.url', pattern: /\b(?:https?:\/\/|www\.)[^\s<>()\]]+[^\s<>()\].,;:!?'"]/gi, replacement: '[link]' },
  {
    id: 'pii.phone',
    pattern: /(?<![\w+])(?:(?:\+|00)\s?44\s?(?:\(0\)\s?)?\d|\(?0\d)(?:[\s\-.)]{0,2}\d){8,9}(?!\d)/g,
    replacement: '[phone]',
  },
  {
    id: 'pii.postcode',
    pattern: /\b([A-Za-z]{1,2}\d[A-Za-z\d]?)\s?(\d[A-Za-z]{2})\b/g,
    replacement: (m) => `${(m[1] ?? '').toUpperCase()} [postcode]`,
  },
  {
    id: 'pii.address',
    pattern: new RegExp(`\\b(?:(?:flat|apartment|apt)\\s+\\d+[a-z]?,?\\s+)?\\d{1,4}[a-zA-Z]?,?\\s+(?:[A-Z][a-zA-Z'’]+\\s+){1,3}(?:${STREET_TYPES})\\b\\.?`, 'gi'),
    replacement: '[address]',
  },
  {
    id: 'pii.name.title',
    pattern: new RegExp(`\\b(?:${TITLES})\\.?\\s+(${NAME})`, 'g'),
    replacement: '[name]',
    group: 1,
  },
  {
    id: 'pii.name.stated',
    pattern: new RegExp(`\\b(?:[Mm]y name is|[Mm]y name's|[Ii] am called|[Ii]'m called|[Cc]all me|[Tt]his is|[Ii] am|[Ii]'m)\\s+(${NAME})`, 'g'),
    replacement: '[name]',
    group: 1,
  },
  {
    id: 'pii.name.relation',
    pattern: new RegExp(`\\b[Mm]y\\s+(?:partner|husband|wife|ex|ex-partner|ex-husband|boyfriend|girlfriend|fianc[eé]e?|son|daughter|baby|child|twins|little boy|little girl|health visitor|key worker|social worker)\\s*,?\\s+(${NAME})`, 'g'),
    replacement: '[name]',
    group: 1,
  },
  {
    id: 'pii.name.signature',
    pattern: new RegExp(`(?:^|\\n|[.!]\\s+)(?:(?:[Kk]ind |[Bb]est |[Ww]arm |[Mm]any )?[Rr]egards|[Tt]hanks|[Tt]hank you|[Mm]any thanks|[Yy]ours (?:sincerely|faithfully|truly)|[Bb]est wishes|[Ss]incerely|[Cc]heers|[Ll]ove|[Ff]rom)\\s*[,.!]?\\s*\\n?\\s*(${NAME})\\s*[.,]?\\s*(?:\\(|,|$|\\n)`, 'g'),
    replacement: '[name]',
    group: 1,
  },
  {
    id: 'pii.name.signature',
    pattern: new RegExp(`(?:\\n|^)\\s*[-–—]\\s*(${NAME})\\s*$`, 'g'),
    replacement: '[name]',
    group: 1,
  },
];

/** The leading words of a candidate that can be a name (initials allowed), or '' when the first word cannot. */
function namePart(candidate: string): string {
  const kept: string[] = [];
  for (const word of candidate.split(/\s+/)) {
    const bare = word.replace(/[.,]$/, '');
    if (!/^[A-Z]/.test(bare) || NOT_NAMES.has(bare)) break;
    kept.push(word);
  }
  return kept.some((w) => !/^[A-Z]\.?$/.test(w)) ? kept.join(' ') : '';
}

export function findPii(text: string): PiiFinding[] {
  const found: PiiFinding[] = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const whole = m[0];
      // A pattern that could match nothing must still move on, or the loop would never end.
      if (whole.length === 0) rule.pattern.lastIndex++;
      const part = rule.group === undefined ? whole : namePart(m[rule.group] ?? '');
      if (part === '') continue;
      if (rule.id === 'pii.phone' && whole.replace(/\D/g, '').length < 10) continue;
      const offset = rule.group === undefined ? 0 : whole.lastIndexOf(part);
      const start = m.index + offset;
      found.push({ rule: rule.id, start, end: start + part.length, replacement: typeof rule.replacement === 'string' ? rule.replacement : rule.replacement(m) });
    }
  }
  return found;
}
