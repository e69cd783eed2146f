// The hot path scores words by number; it must give exactly the scores of the named features training reads.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../pipeline/codebook/load-codebook.js';
import { compileModel, scoreAll, scoreResponse } from '../../stages/analyse/compiled-model.js';
import { analyseField, extractFeatures, type FieldAnalysis } from '../../stages/analyse/features.js';
import { compileMatcher } from '../../stages/analyse/keyword-matcher.js';
import { modelFileSchema, type ModelFile } from '../../stages/analyse/theme-model.js';
import { readLabelledFile } from '../../stages/train/labelled.js';

const { codebook } = loadCodebook();
const themeIds = codebook.themes.map((t) => t.id);
const model = modelFileSchema.parse(JSON.parse(readFileSync('fixtures/models/default-model.json', 'utf8')));
const matcher = compileMatcher(codebook);
const window = codebook.negation.window;

function analyse(...texts: string[]): FieldAnalysis[] {
  return texts.map((text) => analyseField(text, matcher));
}

describe('numbered scoring', () => {
  it('equals scoring by feature name on every hard case and on multi-answer responses', () => {
    const compiled = compileModel(model, themeIds);
    const texts = readLabelledFile('fixtures/labelled/hard-cases.csv', themeIds).map((e) => e.text);
    expect(texts.length).toBeGreaterThan(100);
    const differentStances = new Set<string>();
    for (let i = 0; i < texts.length; i++) {
      const fields = i % 3 === 0 ? analyse(texts[i] ?? '', texts[(i + 1) % texts.length] ?? '') : analyse(texts[i] ?? '');
      const byName = scoreAll(compiled, extractFeatures(fields, window));
      const byNumber = scoreResponse(compiled, fields, window);
      expect(byNumber).toEqual(byName);
      differentStances.add(byNumber.stance);
    }
    // The comparison covered responses the models tell apart, not one constant answer.
    expect(differentStances.size).toBeGreaterThan(1);
  });

  it('counts a repeated word or bigram once, and finds bigrams only within an answer', () => {
    const compiled = compileModel(model, themeIds);
    const once = scoreResponse(compiled, analyse('I was lonely.'), window);
    const twice = scoreResponse(compiled, analyse('I was lonely. I was lonely.'), window);
    expect(twice.themes.get('isolation')).toBe(once.themes.get('isolation'));
    const apart = analyse('I was', 'lonely and isolated');
    expect(scoreResponse(compiled, apart, window)).toEqual(scoreAll(compiled, extractFeatures(apart, window)));
  });

  it('reads a bigram whose stems hold "_" at every split, as the named feature would match', () => {
    const tiny: ModelFile = {
      ...model,
      themes: { isolation: { bias: 0, threshold: 0.5, weights: { 'b:foo_bar_baz': 3, 'w:qux': 1 } } },
      stance: model.stance,
    };
    const compiled = compileModel(tiny, themeIds);
    const id = (s: string): number => compiled.stemIds.get(s) ?? -1;
    const row = compiled.index.get('b:foo_bar_baz');
    expect(row).toBeDefined();
    expect(compiled.bigramRow.get(id('foo') * compiled.stemCount + id('bar_baz'))).toBe(row);
    expect(compiled.bigramRow.get(id('foo_bar') * compiled.stemCount + id('baz'))).toBe(row);
    expect(compiled.wordRow[id('qux')]).toBe(compiled.index.get('w:qux'));
    expect(compiled.negatedRow[id('qux')]).toBe(-1);
  });
});
