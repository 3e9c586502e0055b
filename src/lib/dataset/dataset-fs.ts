// Reads the data folder from disk into DataSources; all checking happens in validate.ts.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { formatProblem, hasErrors, sortProblems, summary, type Problem } from '../validate/problems.ts';
import { parse, parseDocument } from 'yaml';
import { checkGazetteer, fillTownCoordinates } from '../places/gazetteer.ts';
import { entryKind, validateSources, type DataSources, type EntryKind, type ValidateOptions, type ValidationResult } from '../validate/index.ts';
import type { Dataset } from '../model/types.ts';
import { MAX_FILE_BYTES } from './yaml-source.ts';
import { fileKind, unusualFileReason } from './file-kinds-fs.ts';
import { logoProblem } from './logo-check.ts';
import { fillTownLevelCoordinates } from '../places/place-coordinates.ts';
import { loadPlaceLookup } from '../places/places-fs.ts';
import { readListing, type DataListing, type FileRef } from './listing-fs.ts';
import { validateListingInWorkers, validateThreads } from '../validate/validate-workers-fs.ts';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** The data folder: SPSD_DATA_DIR when set (tests, benchmarks), else data/. */
export function dataDir(): string {
  return process.env.SPSD_DATA_DIR ? path.resolve(process.env.SPSD_DATA_DIR) : path.join(PROJECT_ROOT, 'data');
}

/** A file's name as problems show it: relative to where the command runs, or whole when it is outside. */
export function display(file: string): string {
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

function ref(file: string): FileRef {
  return { path: display(file), full: file };
}

const DATA_FOLDERS = ['vocab', 'providers', 'signatories'];
const IGNORED = /^(README\.md|\.gitkeep|\.DS_Store)$/;
// data/SOURCES.md lists every organisation the research found, in or out, and why: notes, not data.
const ROOT_NOTES = /^SOURCES\.md$/;

/** The data files in the folder, and anything that should not be there, without reading them yet. */
export function listDataSources(root = dataDir()): DataListing {
  const sources: DataListing = { vocab: [], providers: [], signatories: [], logos: [], stray: [], vocabDir: display(path.join(root, 'vocab')) };
  // A link or a pipe is refused by name and never opened: nothing outside the data folder is read.
  const unusual = (full: string) => {
    const reason = unusualFileReason(fileKind(full));
    if (reason) sources.stray.push({ path: display(full), reason });
    return !!reason;
  };
  for (const name of list(root)) {
    const full = path.join(root, name);
    if (unusual(full)) continue;
    if (DATA_FOLDERS.includes(name) && isDir(full)) continue;
    if (name === 'gazetteer.yaml' && !isDir(full)) {
      sources.gazetteer = ref(full);
      continue;
    }
    if (name === 'postcodes.yaml' || IGNORED.test(name) || ROOT_NOTES.test(name)) continue;
    sources.stray.push({ path: display(full), reason: `is not where data files go. Put providers in data/providers/ and Charter signatories in data/signatories/.` });
  }
  for (const folder of DATA_FOLDERS) {
    const dir = path.join(root, folder);
    for (const name of list(dir)) {
      const full = path.join(dir, name);
      if (IGNORED.test(name) || unusual(full)) continue;
      if (folder === 'signatories' && name === 'logos' && isDir(full)) {
        sources.logos = listLogos(full, sources.stray);
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
      sources[folder as 'vocab' | 'providers' | 'signatories'].push(ref(full));
    }
  }
  return sources;
}

/** The logo files that may be published; every other file in logos/ is refused with the reason. */
function listLogos(dir: string, stray: DataListing['stray']): string[] {
  const logos: string[] = [];
  for (const name of list(dir)) {
    const full = path.join(dir, name);
    if (IGNORED.test(name)) continue;
    const kind = fileKind(full);
    const reason = kind === 'file' ? logoProblem(name, readFileSync(full)) : kind === 'folder' ? 'is a folder, but logos/ holds only image files. Move its files up into logos/.' : unusualFileReason(kind);
    if (reason) stray.push({ path: display(full), reason });
    else logos.push(name);
  }
  return logos;
}

export function readDataSources(root = dataDir()): DataSources {
  return readListing(listDataSources(root));
}

/**
 * Validates the data folder. With many provider files the work is shared between worker threads, one per
 * core (see validate-workers-fs.ts); the result is the same as validateSources on one thread.
 */
export function validateDataDir(root = dataDir(), options: ValidateOptions = {}): ValidationResult {
  return validateListing(listDataSources(root), options);
}

function validateListing(listing: DataListing, options: ValidateOptions): ValidationResult {
  const start = performance.now();
  const threads = validateThreads(listing.providers.length);
  const parallel = threads > 1 ? validateListingInWorkers(listing, options, threads) : undefined;
  const result = parallel ?? validateSources(readListing(listing), options);
  if (process.env.SPSD_VALIDATE_DEBUG) console.warn(`validate: ${result.files} files on ${parallel ? threads : 1} thread(s) in ${Math.round(performance.now() - start)} ms`);
  return result;
}

/** Whether a path is the folder itself or anything in it. */
export function isInside(file: string, folder: string): boolean {
  const rel = path.relative(folder, file);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

const YAML_FILE = /\.ya?ml$/i;

/** The files an argument from outside the data folder names: itself, or the .yaml files in it when it is a folder. */
function filesAt(full: string): string[] {
  return isDir(full) ? list(full).map((n) => path.join(full, n)).filter((f) => YAML_FILE.test(f) && !isDir(f)) : [full];
}

/** Which data folder a file from elsewhere belongs in: the folder it is in (another copy's providers/), else its fields. */
function kindOfOutsideFile(full: string): EntryKind | undefined {
  const folder = path.basename(path.dirname(full));
  if (folder === 'providers' || folder === 'signatories') return folder;
  if (statSync(full).size > MAX_FILE_BYTES) return undefined;
  try {
    return entryKind(parseDocument(readFileSync(full, 'utf8')).toJS());
  } catch {
    return undefined;
  }
}

/**
 * Only some files, as the pre-commit hook or a contributor asks; the rest of the folder is still read for the
 * checks across files. A folder means the data files in it. A file from outside the data folder is checked as
 * if it were in data/providers/ or data/signatories/ (in place of a file there of the same name), going by the
 * folder it is in or else by its fields; one that fits neither is refused. A name that selects nothing is an error.
 */
export function validateFiles(files: string[], root = dataDir(), options: ValidateOptions = {}): ValidationResult {
  const listing = listDataSources(root);
  const dataRoot = path.resolve(root);
  const checked = [...listing.vocab, ...listing.providers, ...listing.signatories].map((f) => f.full);
  const stray = listing.stray.map((s) => path.resolve(s.path));
  // What to show problems for (files, and folders for everything in them), and the files that makes.
  const wanted = new Set<string>();
  const counted = new Set<string>();
  const refused: Problem[] = [];
  const refuse = (full: string, message: string) => refused.push({ file: display(full), line: 1, col: 1, severity: 'error', path: '', message });
  const folders = `${display(path.join(dataRoot, 'providers'))}/ or ${display(path.join(dataRoot, 'signatories'))}/`;
  for (const name of files) {
    const full = path.resolve(name);
    if (!existsSync(full)) refuse(full, 'there is no such file. Check the name and the folder.');
    else if (isInside(full, dataRoot) && isDir(full)) {
      const found = [...checked, ...stray].filter((f) => isInside(f, full));
      if (!found.length) refuse(full, 'has no data files in it to check.');
      wanted.add(full);
      found.forEach((f) => counted.add(f));
    } else if (isInside(full, dataRoot)) {
      // A file in a folder that should not be there (data/providers/draft/) is reported as that folder.
      wanted.add(stray.find((s) => isInside(full, s)) ?? full);
      counted.add(full);
    } else {
      const outside = filesAt(full);
      if (!outside.length) refuse(full, 'has no .yaml files in it to check.');
      for (const f of outside) {
        const unusual = unusualFileReason(fileKind(f));
        if (unusual) {
          refuse(f, unusual);
          continue;
        }
        const kind = YAML_FILE.test(f) ? kindOfOutsideFile(f) : undefined;
        if (!kind)
          refuse(f, YAML_FILE.test(f)
            ? `is outside the data folder, and its fields do not say whether it is a provider or a Charter signatory. Put it in ${folders} and check it there.`
            : `is not a YAML data file. Data files end in .yaml and go in ${folders}.`);
        else {
          listing[kind] = [...listing[kind].filter((r) => path.basename(r.full) !== path.basename(f)), ref(f)];
          wanted.add(f);
          counted.add(f);
        }
      }
    }
  }
  const result = validateListing(listing, options);
  const problems = result.problems.filter((p) => [...wanted].some((w) => isInside(path.resolve(p.file), w)));
  return { ...result, problems: sortProblems([...problems, ...refused]), files: counted.size };
}

export class InvalidDataError extends Error {
  constructor(readonly problems: Problem[], files: number) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`The data has errors, so the site was not built:\n${errors.map(formatProblem).join('\n')}\n${summary(problems, files)}`);
    this.name = 'InvalidDataError';
  }
}

/**
 * The validated dataset of a data folder written to a file, for another copy of this module to read instead of
 * validating again: the build loads src/lib once with the config (the integration) and once bundled (the pages).
 */
export interface DatasetSnapshot {
  file: string;
  root: string;
  /** Changes when any data file (or the date) does, so a snapshot of other data is never read. */
  fingerprint: string;
}

let cached: { root: string; fingerprint: string; dataset: Dataset } | undefined;

function fingerprint(listing: DataListing): string {
  const hash = createHash('sha1').update(new Date().toISOString().slice(0, 10));
  for (const f of [...listing.vocab, ...listing.providers, ...listing.signatories, ...(listing.gazetteer ? [listing.gazetteer] : [])]) {
    const st = statSync(f.full);
    hash.update(`${f.full}\0${st.size}\0${st.mtimeMs}\n`);
  }
  return hash.update(JSON.stringify([listing.logos, listing.stray])).digest('hex');
}

function validated(listing: DataListing): Dataset {
  const result = validateListing(listing, {});
  for (const p of result.problems) if (p.severity === 'warning') console.warn(formatProblem(p));
  if (hasErrors(result.problems)) throw new InvalidDataError(result.problems, result.files);
  if (listing.gazetteer) fillTownCoordinates(result.dataset.providers, checkGazetteer(parse(readFileSync(listing.gazetteer.full, 'utf8')), result.dataset.vocab).places);
  return result.dataset;
}

/** The dataset in a snapshot of this data, or undefined when the snapshot is of other data or gone. */
function fromSnapshot(snapshot: DatasetSnapshot | undefined, root: string, key: string): Dataset | undefined {
  if (snapshot?.root !== root || snapshot.fingerprint !== key || !existsSync(snapshot.file)) return undefined;
  return v8.deserialize(readFileSync(snapshot.file)) as Dataset;
}

/**
 * The validated dataset for the site build: parsed once per copy of this module, and never built from invalid
 * data. Given a snapshot of the same data (writeDatasetSnapshot), it is read from there instead of validated again.
 */
export function loadDataset(root = dataDir(), snapshot?: DatasetSnapshot): Dataset {
  if (cached?.root === root) return cached.dataset;
  const listing = listDataSources(root);
  const key = fingerprint(listing);
  const dataset = fromSnapshot(snapshot, root, key) ?? validated(listing);
  cached = { root, fingerprint: key, dataset };
  // A venue with only a postcode or town gets its town's coordinates, so it reaches the map (place-coordinates.ts).
  // Kept beside the data, so not in a snapshot: each copy adds its own. After caching: reading the gazetteer asks
  // for this dataset's vocabularies.
  if (existsSync(path.join(root, 'gazetteer.yaml')) && existsSync(path.join(root, 'postcodes.yaml'))) fillTownLevelCoordinates(dataset.providers, loadPlaceLookup(root));
  return dataset;
}

/** Writes the dataset loadDataset gives for root to a file, for the pages' copy of this module to read. */
export function writeDatasetSnapshot(file: string, root = dataDir()): DatasetSnapshot {
  const dataset = loadDataset(root);
  writeFileSync(file, v8.serialize(dataset));
  return { file, root, fingerprint: cached!.fingerprint };
}

/** Lets go of the dataset loadDataset kept, so its memory is free until it is asked for again. */
export function forgetDataset(): void {
  cached = undefined;
}
