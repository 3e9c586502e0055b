// Runs the project's own commands (the validator CLI, astro build) as a contributor or CI would.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/dataset/dataset-fs.ts';

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function bin(name: string): string {
  return path.join(PROJECT_ROOT, 'node_modules', '.bin', name);
}

/** Environment without the CI variables of whoever runs the tests, plus the given ones. */
function env(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  delete base.GITHUB_ACTIONS;
  delete base.SPSD_DATA_DIR;
  // Vitest puts Vite's own variables (BASE_URL=/, MODE=test…) into process.env; a child build must not inherit them.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete base[key];
  return { ...base, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

export function runValidate(args: string[], extraEnv: Record<string, string | undefined> = {}): RunResult {
  const r = spawnSync(bin('tsx'), ['scripts/validate.ts', ...args], { cwd: PROJECT_ROOT, env: env(extraEnv), encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runSchemaScript(args: string[]): RunResult {
  const r = spawnSync(bin('tsx'), ['scripts/schema.ts', ...args], { cwd: PROJECT_ROOT, env: env({}), encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runAstroBuild(dataDir: string, outDir: string, extraEnv: Record<string, string> = {}): RunResult {
  const r = spawnSync(bin('astro'), ['build', '--outDir', outDir], {
    cwd: PROJECT_ROOT,
    env: env({ SPSD_DATA_DIR: dataDir, ...extraEnv }),
    encoding: 'utf8',
    timeout: 240_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
