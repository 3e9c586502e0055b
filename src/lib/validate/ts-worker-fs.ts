// Worker threads that run a function of one of the project's TypeScript modules. Workers do not inherit the
// parent's TypeScript loader (tsx in the scripts, Vite in the build), so each loads its module through tsx's API.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type MessagePort, type TransferListItem } from 'node:worker_threads';

/** What every worker is given, besides its own input: the module, the function to run, and tsx's API. */
export interface TsWorkerData {
  entry: string;
  run: string;
  tsx: string;
}

// Plain JavaScript, so it runs without any loader. When loading or running fails it answers with { error } on
// the port it was given (workerData.port), and raises the flag the parent waits on, if it has one.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  try {
    const { tsImport } = require(workerData.tsx);
    const mod = await tsImport(workerData.entry, { parentURL: workerData.entry });
    await mod[workerData.run](workerData);
  } catch (error) {
    workerData.port.postMessage({ error: String((error && error.stack) || error) });
    if (workerData.flags) {
      Atomics.store(workerData.flags, workerData.index, 1);
      Atomics.notify(workerData.flags, workerData.index);
    }
  }
})();
`;

/**
 * A module of src/lib/validate/ on disk, by file name: beside this module when run from source, else under the project's
 * working folder (the build bundles this module elsewhere). Undefined when it is not there.
 */
function libModuleFile(name: string): string | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(path.join(path.dirname(fileURLToPath(import.meta.url)), name));
  } catch {
    /* not a file URL */
  }
  candidates.push(path.join(process.cwd(), 'src', 'lib', 'validate', name));
  return candidates.find((c) => existsSync(c));
}

/** tsx's module API, resolved from the project that holds `file`; undefined when tsx is not installed. */
function tsxApi(file: string): string | undefined {
  try {
    return createRequire(path.join(path.dirname(file), '..', '..', '..', 'package.json')).resolve('tsx/esm/api');
  } catch {
    return undefined;
  }
}

/**
 * Starts a worker that runs `run(workerData)` from the src/lib module `moduleName`, or returns undefined when it
 * cannot (the module is not on disk, or tsx is missing): the caller then does the work itself.
 */
export function startTsWorker<T extends { port: MessagePort }>(
  moduleName: string,
  run: string,
  input: T,
  transferList: readonly TransferListItem[] = [],
): Worker | undefined {
  const file = libModuleFile(moduleName);
  const tsx = file && tsxApi(file);
  if (!file || !tsx) return undefined;
  const workerData: T & TsWorkerData = { ...input, entry: pathToFileURL(file).href, run, tsx };
  return new Worker(BOOTSTRAP, { eval: true, workerData, transferList: [...transferList] });
}
