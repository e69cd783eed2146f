// A small, deterministic L2-regularised logistic regression over sparse binary features.

export type SparseDoc = Int32Array;

export type TrainOptions = Readonly<{ l2: number; iterations: number; learningRate: number; positiveWeight?: number }>;

export type Trained = Readonly<{ bias: number; weights: Float64Array }>;

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Full-batch gradient descent with Nesterov momentum: no sampling, no shuffling, so the same
 * documents in the same order always give the same weights, to the last bit.
 */
export function trainLogistic(docs: readonly SparseDoc[], labels: readonly boolean[], featureCount: number, options: TrainOptions): Trained {
  const n = docs.length;
  const w = new Float64Array(featureCount);
  const velocity = new Float64Array(featureCount);
  const grad = new Float64Array(featureCount);
  let bias = 0;
  let biasVelocity = 0;
  const momentum = 0.9;
  const posWeight = options.positiveWeight ?? 1;
  for (let iter = 0; iter < options.iterations; iter++) {
    grad.fill(0);
    let biasGrad = 0;
    let totalWeight = 0;
    for (let d = 0; d < n; d++) {
      const doc = docs[d] as SparseDoc;
      let z = bias + momentum * biasVelocity;
      for (let k = 0; k < doc.length; k++) {
        const f = doc[k] as number;
        z += (w[f] as number) + momentum * (velocity[f] as number);
      }
      const weight = labels[d] ? posWeight : 1;
      const err = (sigmoid(z) - (labels[d] ? 1 : 0)) * weight;
      totalWeight += weight;
      biasGrad += err;
      for (let k = 0; k < doc.length; k++) {
        const f = doc[k] as number;
        grad[f] = (grad[f] as number) + err;
      }
    }
    for (let f = 0; f < featureCount; f++) {
      const lookahead = (w[f] as number) + momentum * (velocity[f] as number);
      const g = (grad[f] as number) / totalWeight + options.l2 * lookahead;
      velocity[f] = momentum * (velocity[f] as number) - options.learningRate * g;
      w[f] = (w[f] as number) + (velocity[f] as number);
    }
    biasVelocity = momentum * biasVelocity - options.learningRate * (biasGrad / totalWeight);
    bias += biasVelocity;
  }
  return { bias, weights: w };
}

export function predict(model: Trained, doc: SparseDoc): number {
  let z = model.bias;
  for (let k = 0; k < doc.length; k++) z += model.weights[doc[k] as number] as number;
  return sigmoid(z);
}
