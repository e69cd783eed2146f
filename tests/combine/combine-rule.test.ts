// The combination rule: which evidence codes a theme, and the basis recorded with the code.
import { describe, expect, it } from 'vitest';
import { combine } from '../../stages/combine/combine-rule.js';

const cases = [
  { keyword: false, model: false },
  { keyword: true, model: false },
  { keyword: false, model: true },
  { keyword: true, model: true },
] as const;

describe('combine', () => {
  it('keyword_or_model codes on either and names both when both agree', () => {
    expect(cases.map((c) => combine('keyword_or_model', c))).toEqual([undefined, 'keyword', 'model', 'keyword+model']);
  });
  it('keyword_and_model needs both', () => {
    expect(cases.map((c) => combine('keyword_and_model', c))).toEqual([undefined, undefined, undefined, 'keyword+model']);
  });
  it('single-tagger rules ignore the other tagger', () => {
    expect(cases.map((c) => combine('keyword', c))).toEqual([undefined, 'keyword', undefined, 'keyword']);
    expect(cases.map((c) => combine('model', c))).toEqual([undefined, undefined, 'model', 'model']);
  });
});
