// Runs the built CLI (dist/) as a user would, capturing exit code, stdout and stderr.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'pipeline', 'cli', 'main.js');

export type CliResult = Readonly<{ status: number | null; stdout: string; stderr: string }>;

export function verbatim(args: readonly string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function fixture(...parts: string[]): string {
  return join(ROOT, 'fixtures', ...parts);
}
