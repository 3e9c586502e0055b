// Reads the data folder from disk into DataSources; all checking happens in validate.ts.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblem, hasErrors, sortProblems, summary, type Problem } from './problems.ts';
import { validateSources, type Dataset, type DataSources, type ValidateOptions, type ValidationResult } from './validate.ts';
import type { SourceFile } from './yaml-source.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The data folder: SPSD_DATA_DIR when set (tests, benchmarks), else data/. */
export function dataDir(): string {
  return process.env.SPSD_DATA_DIR ? path.resolve(process.env.SPSD_DATA_DIR) : path.join(PROJECT_ROOT, 'data');
}

function display(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel.startsWith('..') ? file : rel).split(path.sep).join('/');
}

function list(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function source(file: string): SourceFile {
  return { path: display(file), bytes: readFileSync(file) };
}

const DATA_FOLDERS = ['vocab', 'providers', 'signatories'];
const IGNORED = /^(README\.md|\.gitkeep|\.DS_Store)$/;

export function readDataSources(root = dataDir()): DataSources {
  const sources: DataSources = { vocab: [], providers: [], signatories: [], logos: [], stray: [] };
  for (const name of list(root)) {
    const full = path.join(root, name);
    if (DATA_FOLDERS.includes(name) && isDir(full)) continue;
    if (name === 'gazetteer.yaml' || IGNORED.test(name)) continue;
    sources.stray.push({ path: display(full), reason: `is not where data files go. Put providers in data/providers/ and Charter signatories in data/signatories/.` });
  }
  for (const folder of DATA_FOLDERS) {
    const dir = path.join(root, folder);
    for (const name of list(dir)) {
      const full = path.join(dir, name);
      if (IGNORED.test(name)) continue;
      if (folder === 'signatories' && name === 'logos' && isDir(full)) {
        sources.logos = list(full).filter((f) => !IGNORED.test(f));
        continue;
      }
      if (isDir(full)) {
        sources.stray.push({ path: display(full), reason: `is a folder, but ${folder}/ holds only .yaml files. Move its files up into data/${folder}/.` });
        continue;
      }
      if (!/\.ya?ml$/i.test(name)) {
        sources.stray.push({ path: display(full), reason: `is not a YAML data file. data/${folder}/ holds only files ending in .yaml; move or remove it.` });
        continue;
      }
      (sources[folder as 'vocab' | 'providers' | 'signatories'] as SourceFile[]).push(source(full));
    }
  }
  return sources;
}

export function validateDataDir(root = dataDir(), options: ValidateOptions = {}): ValidationResult {
  return validateSources(readDataSources(root), options);
}

/** Only some files, as the pre-commit hook asks; the rest of the folder is still read for cross-file checks. */
export function validateFiles(files: string[], root = dataDir(), options: ValidateOptions = {}): ValidationResult {
  const result = validateDataDir(root, options);
  const wanted = new Set(files.map((f) => display(path.resolve(f))));
  const problems: Problem[] = result.problems.filter((p) => wanted.has(p.file));
  return { ...result, problems: sortProblems(problems) };
}

export class InvalidDataError extends Error {
  constructor(readonly problems: Problem[], files: number) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`The data has errors, so the site was not built:\n${errors.map(formatProblem).join('\n')}\n${summary(problems, files)}`);
    this.name = 'InvalidDataError';
  }
}

let cached: { root: string; dataset: Dataset } | undefined;

/** The validated dataset for the site build: parsed once per process, and never built from invalid data. */
export function loadDataset(root = dataDir()): Dataset {
  if (cached?.root === root) return cached.dataset;
  const result = validateDataDir(root);
  for (const p of result.problems) if (p.severity === 'warning') console.warn(formatProblem(p));
  if (hasErrors(result.problems)) throw new InvalidDataError(result.problems, result.files);
  cached = { root, dataset: result.dataset };
  return result.dataset;
}
