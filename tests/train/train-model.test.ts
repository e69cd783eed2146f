// Training is deterministic: the same examples give the same model bytes.
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../pipeline/codebook/load-codebook.js';
import { stableJson } from '../../pipeline/util/hash.js';
import { compileModel, scoreAll } from '../../stages/analyse/compiled-model.js';
import type { LabelledExample } from '../../stages/train/labelled.js';
import { predict, trainLogistic } from '../../stages/train/logistic-regression.js';
import { trainModel } from '../../stages/train/train-model.js';

const { codebook } = loadCodebook();

function example(id: string, text: string, themes: string[], stance: LabelledExample['stance'] = 'oppose'): LabelledExample {
  return { id, text, themes: new Map(codebook.themes.map((t) => [t.id, themes.includes(t.id)])), stance, file: 'test' };
}

const examples: LabelledExample[] = [
  example('a1', 'I was so lonely after the baby, nobody to talk to all day', ['isolation']),
  example('a2', 'No friends nearby and I never left the house for weeks', ['isolation']),
  example('a3', 'The bus fare is too expensive and we cannot afford it', ['cost']),
  example('a4', 'Closing centres is a false economy, it will cost the NHS more', ['cost']),
  example('a5', 'My postnatal depression was spotted at the baby group', ['mental_health']),
  example('a6', 'I had panic attacks and the staff helped me cope', ['mental_health']),
  example('a7', 'My ex was violent and the Freedom Programme helped me leave', ['domestic_abuse']),
  example('a8', 'He controlled all the money and would not let me see my sister', ['domestic_abuse']),
  example('a9', 'The building is old and the car park is small', [], 'support'),
  example('a10', 'Opening hours should be longer on Saturdays', [], 'unclear'),
  example('a11', 'I felt isolated and depressed and could not pay the fare', ['isolation', 'mental_health', 'cost']),
  example('a12', 'Stay and play is great for speech and language', []),
];

describe('training', () => {
  it('gives byte-identical models from the same examples', () => {
    const first = stableJson(trainModel(examples, codebook, 'test-model').model);
    const second = stableJson(trainModel(examples, codebook, 'test-model').model);
    expect(first).toBe(second);
  });

  it('learns weights that separate the training examples', () => {
    const { model } = trainModel(examples, codebook, 'test-model');
    const compiled = compileModel(model, codebook.themes.map((t) => t.id));
    const lonely = scoreAll(compiled, new Set(['w:lone', 'k:isolation'])).themes.get('isolation') ?? 0;
    const building = scoreAll(compiled, new Set(['w:build'])).themes.get('isolation') ?? 1;
    expect(lonely).toBeGreaterThan(building);
    expect(model.training.examples).toBe(examples.length);
  });

  it('fits a separable toy problem with logistic regression', () => {
    const docs = [Int32Array.from([0]), Int32Array.from([0, 2]), Int32Array.from([1]), Int32Array.from([1, 2])];
    const labels = [true, true, false, false];
    const m = trainLogistic(docs, labels, 3, { l2: 0.001, iterations: 300, learningRate: 1 });
    expect(predict(m, Int32Array.from([0]))).toBeGreaterThan(0.8);
    expect(predict(m, Int32Array.from([1]))).toBeLessThan(0.2);
  });
});
