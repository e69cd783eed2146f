// npm run bench -- --responses N [--json]: synthetic consultation, the single-threaded floor, then verbatim run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { floorPhase, verbatimPhase, type PhaseResult } from './bench-phases.js';
import { writeSyntheticConsultation } from './synthetic-consultation.js';

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '100000' },
    json: { type: 'boolean', default: false },
    workers: { type: 'string' },
    dir: { type: 'string', default: 'bench-out' },
    phase: { type: 'string' },
    file: { type: 'string' },
  },
});

const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);

async function runPhase(): Promise<void> {
  const file = values.file ?? '';
  const dir = values.dir ?? 'bench-out';
  let result: PhaseResult;
  if (values.phase === 'floor') result = await floorPhase(file, join(dir, 'floor.sqlite'));
  else if (values.phase === 'run') result = await verbatimPhase(file, join(dir, 'run.sqlite'), dir, ['ingest', 'analyse', 'report'], workers);
  else result = await verbatimPhase(file, join(dir, 'run.sqlite'), dir, ['report'], workers);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function child(phase: string, file: string, dir: string): PhaseResult {
  const script = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, [script, '--phase', phase, '--file', file, '--dir', dir, '--workers', String(workers)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`bench phase ${phase} failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as PhaseResult;
}

async function main(): Promise<void> {
  const n = Number(values.responses);
  const dir = values.dir ?? 'bench-out';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `consultation-${n}.csv`);
  const t0 = performance.now();
  await writeSyntheticConsultation(file, n);
  const generateSeconds = (performance.now() - t0) / 1000;
  process.stderr.write(`bench: ${n} responses, ${(statSync(file).size / 1e6).toFixed(1)} MB generated in ${generateSeconds.toFixed(1)}s; measuring the floor…\n`);
  const floor = child('floor', file, dir);
  process.stderr.write(`bench: floor ${floor.seconds.toFixed(1)}s; running verbatim with ${workers} workers…\n`);
  const run = child('run', file, dir);
  process.stderr.write(`bench: verbatim run ${run.seconds.toFixed(1)}s; timing the report alone…\n`);
  const report = child('report', file, dir);
  const result = {
    responses: n,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, workers },
    floor: { seconds: round(floor.seconds), responsesPerSecond: Math.round(n / floor.seconds), peakRssMb: floor.peakRssMb, tokens: floor.stages?.tokens ?? 0 },
    run: { seconds: round(run.seconds), responsesPerSecond: Math.round(n / run.seconds), peakRssMb: run.peakRssMb, stages: mapValues(run.stages ?? {}, round) },
    report: { seconds: round(report.seconds), peakRssMb: report.peakRssMb },
    ratio: round(run.seconds / floor.seconds),
  };
  if (values.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  else {
    const s = result.run.stages;
    process.stdout.write([
      `responses            ${n}`,
      `machine              ${result.machine.cpus} × ${result.machine.model}, ${result.machine.memoryGb} GB, Node ${result.machine.node}, ${workers} workers`,
      `floor (1 thread)     ${result.floor.seconds}s  ${result.floor.responsesPerSecond}/s  peak RSS ${result.floor.peakRssMb} MB`,
      `verbatim run         ${result.run.seconds}s  ${result.run.responsesPerSecond}/s  peak RSS ${result.run.peakRssMb} MB`,
      `  stages             ${Object.entries(s).map(([k, v]) => `${k} ${v}s`).join(', ')}`,
      `verbatim report      ${result.report.seconds}s  peak RSS ${result.report.peakRssMb} MB`,
      `ratio run/floor      ${result.ratio}`,
    ].join('\n') + '\n');
  }
  if (!existsSync(join(dir, 'keep'))) rmSync(join(dir, 'floor.sqlite'), { force: true });
}

const round = (x: number): number => Math.round(x * 100) / 100;
function mapValues(o: Record<string, number>, f: (x: number) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
}

if (values.phase) await runPhase();
else await main();
