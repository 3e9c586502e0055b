// Validates many provider files on every core. The providers are split into shares: the main thread runs
// validateSources (the one set of rules, in validate/index.ts) over the first share while worker threads run it over
// the others. Then the main thread runs it once more over what spans files: the vocabularies, stray files,
// every signatory (with stand-ins for the providers they link to) and any providers that share an id or a
// name. The merged result is the same as validateSources over everything: the same problems with the same
// messages in the same order, and the same dataset. Anything only a full run reports exactly (a link to a
// provider that does not exist) or any failure of a worker falls back to one thread.
//
// The callers (loadDataset in the build, npm run validate) are synchronous, so this is too: the main thread
// blocks on Atomics.wait for the workers and takes their answers with receiveMessageOnPort.
// Parsing YAML is most of the work of validating (see BENCHMARKS.md), so a second core pays here for very large
// folders.
import os from 'node:os';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { parse } from 'yaml';
import { sortProblems, type Problem } from './problems.ts';
import { startTsWorker } from './ts-worker-fs.ts';
import { validateSources, type DataSources, type ValidateOptions, type ValidationResult } from './index.ts';
import type { Entry, Provider } from '../model/types.ts';
import { readRef, readText, type DataListing, type FileRef } from '../dataset/listing-fs.ts';

/**
 * Below this many provider files, one thread: a worker's start-up and the pass over the signatories pay for
 * themselves only in large folders (the measurements are in BENCHMARKS.md, "Measurements behind the code").
 * Files with problems are read twice, so a folder full of them gains from workers sooner; that is rare.
 */
export const MIN_FILES_FOR_WORKERS = 20_000;
/** A worker that has not answered by then is given up on, and the files are validated on the main thread. */
const WORKER_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * How many threads to validate this many provider files on: 1 (no workers) for small folders or one core.
 * SPSD_VALIDATE_THREADS overrides it (1 turns workers off; the benchmark compares both).
 */
export function validateThreads(providerFiles: number): number {
  const forced = Number.parseInt(process.env.SPSD_VALIDATE_THREADS ?? '', 10);
  if (Number.isInteger(forced) && forced >= 1) return Math.min(forced, 16);
  if (providerFiles < MIN_FILES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(os.availableParallelism(), 8));
}

// ---- the worker side ------------------------------------------------------------------------------------------

interface WorkerInput {
  vocab: FileRef[];
  vocabDir: string | undefined;
  gazetteer: FileRef | undefined;
  providers: FileRef[];
  today: string;
  port: MessagePort;
  flags: Int32Array;
  index: number;
}

interface WorkerAnswer {
  error?: string;
  problems?: Problem[];
  entries?: Entry<Provider>[];
  /** ms in the worker: validateSources, and since the worker's thread started (loading code included). */
  validateMs?: number;
  uptimeMs?: number;
  /** CPU ms of this thread alone: validateSources, and since the thread started. */
  validateCpuMs?: number;
  cpuMs?: number;
}

/** validateSources over one share of the provider files: their own problems (not the vocabularies') and entries. */
function validateShare(vocab: FileRef[], vocabDir: string | undefined, gazetteer: FileRef | undefined, providers: FileRef[], today: string): { problems: Problem[]; entries: Entry<Provider>[] } {
  const mine = new Set(providers.map((f) => f.path));
  const sources: DataSources = { vocab: vocab.map(readRef), providers: providers.map(readRef), signatories: [], logos: [], stray: [], vocabDir, ...(gazetteer ? { gazetteer: readRef(gazetteer) } : {}) };
  const result = validateSources(sources, { today });
  return { problems: result.problems.filter((p) => mine.has(p.file)), entries: result.dataset.providers };
}

/** CPU time of this thread alone (Node 23.9+), for the debug output; 0 where it is not known. */
function threadCpuMs(): number {
  const usage = (process as unknown as { threadCpuUsage?: () => { user: number; system: number } }).threadCpuUsage?.();
  return usage ? (usage.user + usage.system) / 1000 : 0;
}

/** Runs in a worker: validates its share of the provider files and answers with their problems and entries. */
export function runValidateWorker(input: WorkerInput): void {
  let answer: WorkerAnswer;
  const start = performance.now();
  const cpu = threadCpuMs();
  try {
    answer = {
      ...validateShare(input.vocab, input.vocabDir, input.gazetteer, input.providers, input.today),
      validateMs: performance.now() - start,
      uptimeMs: performance.now(),
      validateCpuMs: threadCpuMs() - cpu,
      cpuMs: threadCpuMs(),
    };
  } catch (error) {
    answer = { error: (error as Error).stack ?? String(error) };
  }
  input.port.postMessage(answer);
  Atomics.store(input.flags, input.index, 1);
  Atomics.notify(input.flags, input.index);
}

// ---- the main side ------------------------------------------------------------------------------------------

function stem(file: string): string {
  return (file.split('/').pop() ?? file).replace(/\.ya?ml$/i, '').toLowerCase();
}

function nameKey(entry: Entry<Provider>): string | undefined {
  const name = (entry.data as { name?: unknown }).name;
  return typeof name === 'string' && name.trim() ? name.trim().toLowerCase() : undefined;
}

/** The provider a signatory links to, read the cheap way (a broken file links to nothing: validation says why). */
function linkedProvider(ref: FileRef): string | undefined {
  try {
    const value = parse(readText(ref), { maxAliasCount: 50 }) as { provider?: unknown } | null;
    return typeof value?.provider === 'string' ? value.provider : undefined;
  } catch {
    return undefined;
  }
}

/** The main thread's share: a little more than the workers', as they first spend a moment loading their code. */
function split<T>(items: T[], threads: number): T[][] {
  const mainShare = Math.min(0.9, 1 / threads + 0.05);
  const first = Math.round(items.length * mainShare);
  const rest = items.slice(first);
  const size = Math.ceil(rest.length / (threads - 1));
  const out = [items.slice(0, first)];
  for (let i = 0; i < rest.length; i += size) out.push(rest.slice(i, i + size));
  return out;
}

/** A stand-in for a provider a signatory links to: it exists, names nothing, and is otherwise ignored. */
const STUB = '{}\n';

/**
 * validateSources over the listed files, on `threads` threads. Returns undefined when workers cannot be used
 * (no TypeScript loader, a worker failed, or a case only the single-threaded run reports exactly); the caller
 * then validates on the main thread.
 */
export function validateListingInWorkers(listing: DataListing, options: ValidateOptions, threads: number): ValidationResult | undefined {
  if (threads < 2) return undefined;
  const begun = performance.now();
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const [own = [], ...shares] = split(listing.providers, threads);
  const flags = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, shares.length)));
  const started: { worker: Worker; port: MessagePort }[] = [];
  for (const [index, providers] of shares.entries()) {
    const { port1, port2 } = new MessageChannel();
    const input: WorkerInput = { vocab: listing.vocab, vocabDir: listing.vocabDir, gazetteer: listing.gazetteer, providers, today, port: port2, flags, index };
    const worker = startTsWorker('validate-workers-fs.ts', 'runValidateWorker', input, [port2]);
    if (!worker) {
      for (const s of started) void s.worker.terminate();
      return undefined;
    }
    worker.unref();
    started.push({ worker, port: port1 });
  }

  // The main thread takes the first share itself while the workers start.
  const ownStart = performance.now();
  const ownCpu = threadCpuMs();
  const answers: WorkerAnswer[] = [{ ...validateShare(listing.vocab, listing.vocabDir, listing.gazetteer, own, today), validateMs: performance.now() - ownStart, validateCpuMs: threadCpuMs() - ownCpu }];
  const targets = new Set(listing.signatories.map(linkedProvider).filter((t): t is string => !!t));

  const deadline = Date.now() + WORKER_TIMEOUT_MS;
  for (const [i, { port, worker }] of started.entries()) {
    while (Atomics.load(flags, i) === 0) {
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(flags, i, 0, left) === 'timed-out') break;
    }
    const message = receiveMessageOnPort(port)?.message as WorkerAnswer | undefined;
    port.close();
    void worker.terminate();
    answers.push(message ?? { error: 'no answer' });
  }
  if (answers.some((a) => a.error || !a.problems || !a.entries)) {
    if (process.env.SPSD_VALIDATE_DEBUG) console.warn(`validate: worker threads failed, validating on one thread: ${answers.map((a) => a.error).filter(Boolean).join('; ')}`);
    return undefined;
  }

  const waited = performance.now();
  if (process.env.SPSD_VALIDATE_DEBUG)
    console.warn(
      `validate: main thread ${own.length} files in ${Math.round(answers[0]!.validateMs!)} ms (CPU ${Math.round(answers[0]!.validateCpuMs!)} ms); workers ${answers
        .slice(1)
        .map((a, i) => `${shares[i]!.length} files in ${Math.round(a.validateMs ?? 0)} ms (CPU ${Math.round(a.validateCpuMs ?? 0)} ms; up ${Math.round(a.uptimeMs ?? 0)} ms, CPU ${Math.round(a.cpuMs ?? 0)} ms)`)
        .join(', ')}; all answered after ${Math.round(waited - begun)} ms`,
    );
  const entries = answers.flatMap((a) => a.entries!);
  const slugs = new Set(entries.map((e) => e.slug));
  // A link to a provider that does not exist is reported with the closest existing id: only the full run knows it.
  if ([...targets].some((t) => !slugs.has(t))) return undefined;

  // Checks that span files, run once more over just the files they concern: providers sharing an id or a name
  // with another, and every signatory (with stand-ins for the providers they link to, which exist).
  const count = <K>(keys: (K | undefined)[]) => {
    const m = new Map<K, number>();
    for (const k of keys) if (k !== undefined) m.set(k, (m.get(k) ?? 0) + 1);
    return m;
  };
  const stems = count(listing.providers.map((f) => stem(f.path)));
  const names = count(entries.map(nameKey));
  const spanning = new Set<string>();
  for (const f of listing.providers) if ((stems.get(stem(f.path)) ?? 0) > 1) spanning.add(f.path);
  for (const e of entries) {
    const key = nameKey(e);
    if (key && (names.get(key) ?? 0) > 1) spanning.add(e.file);
  }
  const stubs = new Set(entries.filter((e) => targets.has(e.slug) && !spanning.has(e.file)).map((e) => e.file));
  const main = validateSources(
    {
      vocab: listing.vocab.map(readRef),
      providers: listing.providers.flatMap((f) => (spanning.has(f.path) ? [readRef(f)] : stubs.has(f.path) ? [{ path: f.path, bytes: STUB }] : [])),
      signatories: listing.signatories.map(readRef),
      logos: listing.logos,
      stray: listing.stray,
      vocabDir: listing.vocabDir,
    },
    { today },
  );
  if (process.env.SPSD_VALIDATE_DEBUG) console.warn(`validate: main thread checked ${spanning.size} providers spanning files and ${listing.signatories.length} signatories in ${Math.round(performance.now() - waited)} ms`);
  const problems = [...main.problems.filter((p) => !stubs.has(p.file)), ...answers.flatMap((a) => a.problems!).filter((p) => !spanning.has(p.file))];
  const byFile = new Map<string, Entry<Provider>>([...entries.filter((e) => !spanning.has(e.file)), ...main.dataset.providers.filter((e) => spanning.has(e.file))].map((e) => [e.file, e]));
  // In file order, then sorted by slug, exactly as validateSources orders them.
  const providers = listing.providers.flatMap((f) => byFile.get(f.path) ?? []).sort((a, b) => a.slug.localeCompare(b.slug));
  return {
    dataset: { vocab: main.dataset.vocab, providers, signatories: main.dataset.signatories },
    problems: sortProblems(problems),
    files: listing.vocab.length + listing.providers.length + listing.signatories.length,
  };
}
