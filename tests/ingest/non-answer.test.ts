// Answers that say nothing are not counted as text; everything else is, however long.
import { describe, expect, it } from 'vitest';
import { isNonAnswer } from '../../stages/ingest/non-answer.js';

describe('isNonAnswer', () => {
  it('recognises the listed phrases whatever their case, spacing and final stops', () => {
    for (const t of ['N/A', 'n/a.', 'None!', '  Nothing   to   add. ', 'NO FURTHER COMMENTS', 'No further comments!!!', 'See above', '0', 'x', '']) {
      expect(isNonAnswer(t), JSON.stringify(t)).toBe(true);
    }
  });

  it('recognises punctuation alone at any length', () => {
    expect(isNonAnswer('-')).toBe(true);
    expect(isNonAnswer('-'.repeat(500))).toBe(true);
    expect(isNonAnswer('. . . ? ? * / _'.repeat(40))).toBe(true);
  });

  it('counts real answers, short or long, as text', () => {
    for (const t of ['Keep it open', 'None of the options suit us', `nothing to add ${'really '.repeat(3)}`, 'Nothing to add except: keep it open!', 'x'.repeat(40), `${'-'.repeat(300)} keep it open`, 'n/a 2']) {
      expect(isNonAnswer(t), JSON.stringify(t)).toBe(false);
    }
    expect(isNonAnswer('The centre was a lifeline. '.repeat(200))).toBe(false);
  });
});
