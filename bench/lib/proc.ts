// Runs a command as a child process and measures it: wall time, CPU time (user + system, children included),
// the largest single process (GNU time's maximum RSS) and the peak of the whole process tree's RSS (sampled).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ChildResult {
  status: number | null;
  stdout: string;
  stderr: string;
  wallMs: number;
  /** user + system CPU of the process and every child it waited for; undefined without /usr/bin/time. */
  cpuMs?: number;
  userMs?: number;
  sysMs?: number;
  /** The largest resident set of any one process (GNU time %M), in bytes. */
  maxRssBytes?: number;
  /** The largest sum of resident sets over the whole process tree, sampled every 100 ms, in bytes. */
  peakTreeRssBytes: number;
  /** Load average (1 min) when it started and ended: other work on the machine. */
  load: [number, number];
}

const GNU_TIME = '/usr/bin/time';
const PAGE = 4096;

export function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return os.loadavg()[0] ?? 0;
  }
}

/** Sum of RSS over pid and its descendants, from /proc (Linux); 0 elsewhere. */
function treeRss(root: number): number {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((e) => /^\d+$/.test(e));
  } catch {
    return 0;
  }
  const children = new Map<number, number[]>();
  for (const e of entries) {
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      /* the process ended */
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE;
    } catch {
      /* ended */
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Give up after this long (the child is killed). */
  timeoutMs?: number;
  /** Called with each chunk of output, e.g. to show progress. */
  onOutput?: (chunk: string) => void;
}

/** Process groups started here and still running: ended with the benchmark if it is interrupted. */
const running = new Set<number>();
let endingOnSignal = false;

/** Ends the children with the benchmark on Ctrl-C; set up with the first child, so importing this changes nothing. */
function endChildrenOnSignal(): void {
  if (endingOnSignal) return;
  endingOnSignal = true;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const pid of running) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
      process.exit(130);
    });
  }
}

export async function runMeasured(command: string, args: string[], options: RunOptions = {}): Promise<ChildResult> {
  const useTime = existsSync(GNU_TIME);
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'spsd-bench-time-'));
  const timeFile = path.join(tmp, 'time.txt');
  const [cmd, argv] = useTime ? [GNU_TIME, ['-f', '%e %U %S %M', '-o', timeFile, command, ...args]] : [command, args];
  const loadStart = loadAverage();
  const start = performance.now();
  // Its own process group, so that a timeout ends the whole tree it started (and nothing else).
  const child = spawn(cmd, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    options.onOutput?.(d);
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => {
    stderr += d;
    options.onOutput?.(d);
  });
  endChildrenOnSignal();
  if (child.pid) running.add(child.pid);
  let peak = 0;
  const sample = () => {
    if (child.pid) peak = Math.max(peak, treeRss(child.pid));
  };
  const timer = setInterval(sample, 100);
  const killer = options.timeoutMs
    ? setTimeout(() => {
        try {
          if (child.pid) process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, options.timeoutMs)
    : undefined;
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallMs = performance.now() - start;
  if (child.pid) running.delete(child.pid);
  clearInterval(timer);
  if (killer) clearTimeout(killer);
  const result: ChildResult = { status, stdout, stderr, wallMs, peakTreeRssBytes: peak, load: [loadStart, loadAverage()] };
  if (useTime) {
    try {
      const last = readFileSync(timeFile, 'utf8').trim().split('\n').pop() ?? '';
      const [, user, sys, rss] = last.split(' ').map(Number);
      if (user !== undefined && sys !== undefined && rss !== undefined && !Number.isNaN(user)) {
        Object.assign(result, { userMs: user * 1000, sysMs: sys * 1000, cpuMs: (user + sys) * 1000, maxRssBytes: rss * 1024 });
        // A child quicker than the first sample of the tree has no tree peak: its own is the best there is.
        result.peakTreeRssBytes = Math.max(result.peakTreeRssBytes, rss * 1024);
      }
    } catch {
      /* time wrote nothing (killed) */
    }
  }
  rmSync(tmp, { recursive: true, force: true });
  return result;
}

export function median(values: number[]): number {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return Number.NaN;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export function machine(): { cpu: string; cores: number; memoryGiB: number; node: string; platform: string; loadAverage: number[] } {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
