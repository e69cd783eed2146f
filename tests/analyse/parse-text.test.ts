// The single parse keeps exact character offsets for every token, so spans point at the stored text.
import { describe, expect, it } from 'vitest';
import { parseText } from '../../stages/analyse/parse-text.js';

describe('parseText', () => {
  it('maps every token to its characters in the original text', () => {
    const text = "We didn't  cope.\nCall 07700 900123 — or don’t!  £4.80 each way…";
    const p = parseText(text);
    expect(p.value.length).toBeGreaterThan(10);
    p.value.forEach((v, i) => expect(text.slice(p.start[i], p.end[i])).toBe(v));
  });

  it('carries lemmas and negation flags from wink', () => {
    const p = parseText('I have never felt isolated');
    const i = p.value.indexOf('isolated');
    expect(p.lemma[i]).toBe('isolate');
    expect(p.negated[i]).toBe(true);
  });
});
