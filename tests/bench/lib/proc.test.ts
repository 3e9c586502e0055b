// Running and measuring a child process for the benchmark (exit code, output, wall and CPU time, memory), and the median.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { median, runMeasured } from '../../../bench/lib/proc.ts';
import { tempDirs } from '../../helpers/temp-dirs.ts';

const temp = tempDirs('bench-proc');
const MiB = 2 ** 20;
const HAS_GNU_TIME = existsSync('/usr/bin/time');

/** Runs `script` with this Node, as the benchmark runs its children. */
const node = (script: string, options: Parameters<typeof runMeasured>[2] = {}) => runMeasured(process.execPath, ['-e', script], options);

/** Whether a process has ended: gone, or a zombie its parent has not yet reaped. */
function ended(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return true;
  }
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? false;
  } catch {
    return true;
  }
}

describe('median', () => {
  it('takes the middle of an odd number of values, in any order', () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([5, 1, 4, 2, 3])).toBe(3);
  });

  it('takes the mean of the two middle values of an even number', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 20])).toBe(15);
  });

  it('gives the value itself for one value', () => {
    expect(median([7])).toBe(7);
  });

  it('gives NaN for no values, so that a missing figure is not taken for a zero', () => {
    expect(median([])).toBeNaN();
  });

  it('leaves out values that are not finite numbers, such as a CPU time that could not be measured', () => {
    expect(median([Number.NaN, 5, 1])).toBe(3);
    expect(median([Number.NaN, Number.POSITIVE_INFINITY])).toBeNaN();
  });

  it('leaves the list it is given in its order', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});

describe('signals', () => {
  it('leaves Ctrl-C alone when only imported, and ends the children with the benchmark once one has run', () => {
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
    const script = `const count = () => process.listenerCount('SIGINT') + ',' + process.listenerCount('SIGTERM');
      const before = count();
      const { runMeasured } = await import('./bench/lib/proc.ts');
      const imported = count();
      await runMeasured(process.execPath, ['-e', '']);
      await runMeasured(process.execPath, ['-e', '']);
      console.log(JSON.stringify([before, imported, count()]));`;
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const [before, imported, after] = JSON.parse(r.stdout) as string[];
    expect(imported).toBe(before);
    expect(after).toBe(before!.split(',').map((n) => `${Number(n) + 1}`).join(','));
  });
});

describe('runMeasured', () => {
  it("gives the child's exit code and what it wrote to stdout and stderr", async () => {
    const r = await node('process.stdout.write("out"); process.stderr.write("err"); process.exitCode = 3;');
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('out');
    // GNU time writes its own note about the exit code to its file, not to the child's stderr.
    expect(r.stderr).toBe('err');
  });

  it('gives exit code 0 for a child that succeeds', async () => {
    expect((await node('')).status).toBe(0);
  });

  it('measures the wall time, at least as long as the child waited, and the load average when it started and ended', async () => {
    const r = await node('setTimeout(() => {}, 400);');
    expect(r.wallMs).toBeGreaterThanOrEqual(350);
    expect(r.load).toHaveLength(2);
    for (const l of r.load) expect(l).toBeGreaterThanOrEqual(0);
  });

  it('records the memory of a child that holds 100 MiB, in the process tree and (with GNU time) the largest process', async () => {
    const r = await node('const b = Buffer.alloc(100 * 2 ** 20, 1); setTimeout(() => b.length, 600);');
    expect(r.status).toBe(0);
    expect(r.peakTreeRssBytes).toBeGreaterThanOrEqual(100 * MiB);
    if (HAS_GNU_TIME) expect(r.maxRssBytes).toBeGreaterThanOrEqual(100 * MiB);
  });

  it.runIf(HAS_GNU_TIME)('gives a child that ends before the tree is first sampled its own peak memory, not none', async () => {
    const r = await node('');
    expect(r.maxRssBytes).toBeGreaterThan(0);
    expect(r.peakTreeRssBytes).toBeGreaterThanOrEqual(r.maxRssBytes!);
  });

  it.runIf(HAS_GNU_TIME)("measures CPU time as the child's user plus system time", async () => {
    const r = await node('let x = 0; const end = Date.now() + 300; while (Date.now() < end) x++;');
    expect(r.userMs).toBeGreaterThan(0);
    expect(r.sysMs).toBeGreaterThanOrEqual(0);
    expect(r.cpuMs).toBeCloseTo(r.userMs! + r.sysMs!, 6);
  });

  it('runs the child in the folder and with the environment it is given', async () => {
    const dir = temp.make();
    const r = await node('console.log(JSON.stringify([process.cwd(), process.env.SPSD_BENCH_PROBE]));', { cwd: dir, env: { ...process.env, SPSD_BENCH_PROBE: 'given' } });
    expect(JSON.parse(r.stdout)).toEqual([realpathSync(dir), 'given']);
  });

  it('passes each piece of output, from stdout and stderr, to onOutput as it comes', async () => {
    const chunks: string[] = [];
    const r = await node('process.stdout.write("one\\n"); process.stderr.write("two\\n");', { onOutput: (c) => chunks.push(c) });
    expect(chunks.join('').split('\n').filter(Boolean).sort()).toEqual(['one', 'two']);
    expect(r.stdout + r.stderr).toBe('one\ntwo\n');
  });

  it('ends the child, and every process it started, when it runs past the time allowed', async () => {
    const script = `
      const sleeper = require('node:child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
      console.log(sleeper.pid);
      setTimeout(() => {}, 60000);`;
    const r = await node(script, { timeoutMs: 1000 });
    expect(r.status).toBeNull();
    const sleeper = Number(r.stdout.trim());
    expect(sleeper).toBeGreaterThan(0);
    // The kill is sent before runMeasured returns; the system may take a moment to reap the orphan.
    await expect.poll(() => ended(sleeper), { timeout: 10_000 }).toBe(true);
  });
});
