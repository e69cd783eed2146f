// Column detection: what it guesses when nothing is named, and the one thing it infers when columns are named.
import { describe, expect, it } from 'vitest';
import { columnsSchema } from '../../pipeline/config/consultation-config.js';
import { detectColumns } from '../../stages/ingest/detect-columns.js';

const header = ['Respondent ID', 'Email Address', 'Q1 Do you agree with the proposal?', 'Please explain your answer', 'Postcode', 'In what capacity are you responding?'];
const rows = [
  ['101', 'a@example.com', 'Strongly disagree', 'The centre was the only place I met other mums after moving here', 'OX4 3DE', 'Parent'],
  ['102', 'b@example.com', 'Agree', 'The council has to save money and I never used the centre myself', 'OX16 9AB', 'Resident'],
  ['103', 'c@example.com', 'Disagree', 'My health visitor referred me there when I had postnatal depression', '', 'Parent'],
];

describe('detectColumns', () => {
  it('guesses id, text, type, area and the stance question, and never takes personal-data columns as text', () => {
    const { columns, notes } = detectColumns(header, rows, columnsSchema.parse({}));
    expect(columns.id).toBe('Respondent ID');
    expect(columns.text).toEqual([{ column: 'Please explain your answer', as: 'Please explain your answer' }]);
    expect(columns.respondentType).toBe('In what capacity are you responding?');
    expect(columns.area).toBe('Postcode');
    expect(columns.stance).toBe('Q1 Do you agree with the proposal?');
    expect(notes.join('\n')).toContain('free-text columns');
  });

  it('guesses nothing when the text columns are named, except the stance from a named agree/disagree question', () => {
    const given = columnsSchema.parse({ text: ['Please explain your answer'], closed: ['Q1 Do you agree with the proposal?'] });
    const { columns } = detectColumns(header, rows, given);
    expect(columns.id).toBeUndefined();
    expect(columns.area).toBeUndefined();
    expect(columns.stance).toBe('Q1 Do you agree with the proposal?');
  });
});
