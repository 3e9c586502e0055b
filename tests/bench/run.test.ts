// Smoke test of `npm run bench`: the quick run at N = 100 without Chromium finishes, reports its figures and, with --no-write, writes nothing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../../bench/lib/report.ts';

// tests/bench/ is two folders below the project.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

function bench(args: string[], timeout: number) {
  const env = { ...process.env };
  // Vitest's own variables (BASE_URL, MODE…) must not reach the builds the benchmark starts.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'SPSD_DATA_DIR', 'GITHUB_ACTIONS']) delete env[key];
  return spawnSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['bench/run.ts', ...args], { cwd: ROOT, env: { ...env, NO_COLOR: '1' }, encoding: 'utf8', timeout });
}

const list = (dir: string) => (existsSync(dir) ? readdirSync(dir).sort() : []);

/** The summary BENCHMARKS.md holds between its markers: what a run that writes would replace. */
function benchmarksSummary(): string {
  const text = readFileSync(path.join(ROOT, 'BENCHMARKS.md'), 'utf8');
  return text.slice(text.indexOf('<!-- bench:summary:start'), text.indexOf('<!-- bench:summary:end -->'));
}

/** What a run could leave behind: results, the summary, its build folders under bench/tmp/ and its data in the system's temporary folder. */
function traces() {
  return {
    results: list(path.join(ROOT, 'bench', 'results')),
    summary: benchmarksSummary(),
    tmp: list(path.join(ROOT, 'bench', 'tmp')),
    data: list(os.tmpdir()).filter((name) => /^spsd-bench-\d/.test(name)),
  };
}

describe('npm run bench', () => {
  it('prints its usage and exits 0 with --help', () => {
    const r = bench(['--help'], 60_000);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Usage: npm run bench/);
    for (const option of ['--quick', '--no-browser', '--no-write', '--sizes']) expect(r.stdout).toContain(option);
  });

  it('measures N = 100 without Chromium, prints validate, build and Pagefind figures, and with --no-write writes nothing', { timeout: 180_000 }, () => {
    const before = traces();
    const r = bench(['--quick', '--no-browser', '--no-write'], 170_000);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);

    const line = /^\[bench [^\]]*\] N=100: validate (\d+) ms \(([\d.]+)× YAML parse (\d+) ms\); build (\d+) ms for (\d+) pages .*; Pagefind (\d+) ms, (\d+) B; peak (\d+) MiB$/m.exec(r.stdout);
    expect(line, r.stdout).not.toBeNull();
    const [validateMs, ratio, yamlMs, buildMs, pages, pagefindMs, indexBytes, peakMiB] = line!.slice(1).map(Number) as number[];
    for (const figure of [validateMs, yamlMs, buildMs, pagefindMs, indexBytes, peakMiB]) expect(figure).toBeGreaterThan(0);
    expect(ratio).toBeCloseTo(validateMs! / yamlMs!, 1);
    // A page for each of the 100 providers, and the site's other pages.
    expect(pages).toBeGreaterThan(100);

    // With --no-write the results are printed instead of written.
    const json = r.stdout.slice(r.stdout.indexOf('\n{\n') + 1, r.stdout.indexOf('\n}\n') + 2);
    const results = JSON.parse(json) as BenchResults;
    expect(results.options).toMatchObject({ sizes: [100], runs: 1, quick: true });
    expect(results.sizes).toHaveLength(1);
    const [size] = results.sizes;
    expect(size).toMatchObject({ n: 100, data: { providers: 100 }, validate: { wallMs: validateMs }, build: { wallMs: buildMs, pages }, pagefind: { ms: pagefindMs, indexBytes } });
    expect(size).not.toHaveProperty('browser');

    // Nothing new in bench/results/, bench/tmp/ or the temporary folder, and the same summary in BENCHMARKS.md.
    const after = traces();
    const added = (key: 'results' | 'tmp' | 'data') => after[key].filter((name) => !before[key].includes(name));
    expect({ results: added('results'), tmp: added('tmp'), data: added('data') }).toEqual({ results: [], tmp: [], data: [] });
    expect(after.summary).toBe(before.summary);
  });
});
