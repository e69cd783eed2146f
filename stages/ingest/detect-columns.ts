// Guesses which columns hold the id, free text, respondent type, area and closed answers when nobody said.
import type { ColumnsConfig } from '../../pipeline/config/consultation-config.js';
import { cleanCell, headerKey } from './header.js';
import { isNonAnswer } from './non-answer.js';

const ID_HEADER = /^(respondent|response|record|submission|comment|unique)?[ _-]*(id|ref|reference|no\.?|number)$/i;
const PERSONAL_HEADER = /e-?mail|first name|last name|surname|full name|^name$|your name|ip address|phone|telephone|mobile|address line|street/i;
const DATE_HEADER = /date|time|timestamp|submitted|completed|modified/i;
const TYPE_HEADER = /capacity|respondent type|responding as|type of respondent|are you responding|who are you|which best describes you/i;
const AREA_HEADER = /post ?code|postal code|^area$|district|^ward$|^town$/i;
const LIKERT = /^(strongly agree|agree|neither agree nor disagree|neither|disagree|strongly disagree|don'?t know|not sure|yes|no|tend to agree|tend to disagree|support|oppose)$/i;
const QUESTION_HEADER = /\?|^q\s?\d/i;

export type ColumnProfile = Readonly<{ name: string; filled: number; distinct: number; meanLength: number; unique: boolean; likert: boolean }>;

export function profileColumns(header: readonly string[], rows: readonly (readonly string[])[]): ColumnProfile[] {
  return header.map((name, i) => {
    const values = rows.map((r) => cleanCell(r[i] ?? '')).filter((v) => !isNonAnswer(v));
    const distinctValues = new Set(values);
    const meanLength = values.length ? values.reduce((s, v) => s + v.length, 0) / values.length : 0;
    return {
      name,
      filled: rows.length ? values.length / rows.length : 0,
      distinct: distinctValues.size,
      meanLength,
      unique: values.length > 0 && distinctValues.size === values.length,
      likert: values.length > 0 && [...distinctValues].every((v) => LIKERT.test(v)),
    };
  });
}

export type Detected = Readonly<{ columns: ColumnsConfig; notes: readonly string[] }>;

/** When no free-text column is named, guesses the columns and says what it chose and why. */
export function detectColumns(header: readonly string[], rows: readonly (readonly string[])[], given: ColumnsConfig): Detected {
  // Whoever named the free-text columns has said which columns matter; nothing else is guessed, except
  // that a named closed question on an agree/disagree scale about the proposal gives the stance.
  if (given.text) {
    if (given.stance || given.closed.length === 0) return { columns: given, notes: [] };
    const stance = stanceQuestion(given.closed, profileColumns(header, rows));
    return stance ? { columns: { ...given, stance }, notes: [`stance question: "${stance}" (agree = support the proposal)`] } : { columns: given, notes: [] };
  }
  const profiles = profileColumns(header, rows);
  const notes: string[] = [];
  const taken = new Set<string>();
  const claim = (name: string | undefined): string | undefined => {
    if (name) taken.add(name);
    return name;
  };
  const pick = (test: (p: ColumnProfile) => boolean): string | undefined => profiles.find((p) => !taken.has(p.name) && test(p))?.name;

  const id = claim(given.id ?? pick((p) => ID_HEADER.test(p.name) && p.unique && p.filled > 0.9 && !/collector/i.test(p.name)));
  if (!given.id) notes.push(id ? `id column: "${id}" (named like an id, every value unique)` : 'id column: none found; responses get <source>:<row> ids');
  const respondentType = given.respondentType ?? claim(pick((p) => TYPE_HEADER.test(p.name) && p.distinct <= 30));
  if (!given.respondentType && respondentType) notes.push(`respondent type column: "${respondentType}"`);
  const area = given.area ?? claim(pick((p) => AREA_HEADER.test(p.name)));
  if (!given.area && area) notes.push(`area column: "${area}" (postcodes are cut to their district)`);
  for (const c of [...given.closed, given.stance]) claim(c);

  const excluded = (p: ColumnProfile): boolean => PERSONAL_HEADER.test(p.name) || DATE_HEADER.test(p.name) || ID_HEADER.test(p.name);
  const chosen = profiles.filter((p) => !taken.has(p.name) && !excluded(p) && !p.likert && p.meanLength >= 25 && p.distinct >= Math.max(1, p.filled * rows.length * 0.5));
  const text = chosen.map((p) => ({ column: p.name, as: p.name }));
  notes.push(text.length ? `free-text columns: ${chosen.map((p) => `"${p.name}" (mean ${Math.round(p.meanLength)} chars)`).join(', ')}` : 'free-text columns: none found');
  for (const t of text) claim(t.column);
  let closed = given.closed;
  if (closed.length === 0) {
    closed = profiles.filter((p) => !taken.has(p.name) && !excluded(p) && p.distinct > 0 && p.distinct <= 12 && (p.likert || QUESTION_HEADER.test(p.name))).map((p) => p.name);
    if (closed.length) notes.push(`closed questions: ${closed.map((c) => `"${c}"`).join(', ')}`);
  }
  const stance = given.stance ?? stanceQuestion(closed, profiles);
  if (!given.stance && stance) notes.push(`stance question: "${stance}" (agree = support the proposal)`);
  return {
    columns: { closed, text, ...(id ? { id } : {}), ...(respondentType ? { respondentType } : {}), ...(area ? { area } : {}), ...(stance ? { stance } : {}) },
    notes,
  };
}

/** The first closed question answered on an agree/disagree scale whose wording is about the proposal. */
function stanceQuestion(closed: readonly string[], profiles: readonly ColumnProfile[]): string | undefined {
  return closed.find((c) => profiles.find((p) => headerKey(p.name) === headerKey(c))?.likert && /propos|agree|support/i.test(c));
}
