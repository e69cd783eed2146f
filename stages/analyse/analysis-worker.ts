// Worker thread entry: builds the analysis context once, then analyses the batches the main thread sends.
import { parentPort, workerData } from 'node:worker_threads';
import type { Codebook } from '../../pipeline/codebook/codebook-schema.js';
import { analyseResponse, createAnalysisContext, type AnalysisInput } from './analyse-response.js';
import type { ModelFile } from './theme-model.js';

const { codebook, model } = workerData as { codebook: Codebook; model: ModelFile | undefined };
const context = createAnalysisContext(codebook, model);

parentPort?.on('message', (message: { id: number; batch: readonly AnalysisInput[] }) => {
  try {
    const results = message.batch.map((input) => analyseResponse(input, context));
    parentPort?.postMessage({ id: message.id, results });
  } catch (error) {
    parentPort?.postMessage({ id: message.id, error: (error as Error).stack ?? String(error) });
  }
});
