// Reads data/gazetteer.yaml and data/postcodes.yaml from disk; all checking happens in gazetteer.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir, display, loadDataset } from '../dataset/dataset-fs.ts';
import { checkGazetteer, checkPostcodes, type GazetteerProblem, type OutsidePlace, type Place, type PostcodeDistrict } from './gazetteer.ts';
import { formatPath, formatProblem, type Problem } from '../validate/problems.ts';
import type { Vocabularies } from '../dataset/vocab.ts';
import { locate, parseSource, type ParsedFile } from '../dataset/yaml-source.ts';

export const GAZETTEER_FILE = 'gazetteer.yaml';
export const POSTCODES_FILE = 'postcodes.yaml';

const shownPath = display;

/** Reads and parses one of the two files, or says it is missing. */
function parseFile(root: string, name: string, missing: string): { parsed?: ParsedFile; shown: string; problems: Problem[] } {
  const file = path.join(root, name);
  const shown = shownPath(file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { shown, problems: [{ file: shown, line: 1, col: 1, severity: 'error', path: '', message: missing }] };
  }
  const parsed = parseSource({ path: shown, bytes });
  return parsed.value === undefined ? { shown, problems: parsed.problems } : { parsed, shown, problems: parsed.problems };
}

/** A checker's problem as the validator prints it: at its line and column, with its path. */
function located(parsed: ParsedFile, shown: string, list: string, p: GazetteerProblem): Problem {
  const at = p.at ?? (p.index >= 0 ? [list, p.index] : []);
  const { line, col } = locate(parsed, at);
  return { file: shown, line, col, severity: 'error', path: formatPath(at), message: p.message };
}

/** The gazetteer's places and outside places, and its problems, located by line, as the validator reports data files; `today` (YYYY-MM-DD) for tests. */
export function readGazetteer(root = dataDir(), vocab: Vocabularies = loadDataset(root).vocab, today?: string): { places: Place[]; outside: OutsidePlace[]; problems: Problem[] } {
  const { parsed, shown, problems } = parseFile(root, GAZETTEER_FILE, 'is missing. The map needs it: restore it from git.');
  if (!parsed) return { places: [], outside: [], problems };
  const checked = checkGazetteer(parsed.value, vocab, today);
  return { places: checked.places, outside: checked.outside, problems: [...problems, ...checked.problems.map((p) => located(parsed, shown, 'places', p))] };
}

/** The postcode districts and their problems, checked against the gazetteer's places. */
export function readPostcodes(root = dataDir(), places: readonly Place[] = readGazetteer(root).places): { postcodes: PostcodeDistrict[]; problems: Problem[] } {
  const { parsed, shown, problems } = parseFile(root, POSTCODES_FILE, 'is missing. Searching by postcode needs it: restore it from git.');
  if (!parsed) return { postcodes: [], problems };
  const checked = checkPostcodes(parsed.value, places);
  return { postcodes: checked.postcodes, problems: [...problems, ...checked.problems.map((p) => located(parsed, shown, 'districts', p))] };
}

let cached: { root: string; places: Place[]; outside: OutsidePlace[] } | undefined;

function loadChecked(root: string): { places: Place[]; outside: OutsidePlace[] } {
  if (cached && cached.root === root) return cached;
  const { places, outside, problems } = readGazetteer(root);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`The gazetteer has errors, so the site was not built:\n${errors.map(formatProblem).join('\n')}`);
  cached = { root, places, outside };
  return cached;
}

/** The checked gazetteer for the site build: read once per process; a problem stops the build. */
export function loadGazetteer(root = dataDir()): Place[] {
  return loadChecked(root).places;
}

/** The places near Sussex that are not in it, from the gazetteer's outside list. */
export function loadOutsidePlaces(root = dataDir()): OutsidePlace[] {
  return loadChecked(root).outside;
}

/** The checked postcode list for the site build; a problem stops the build. */
export function loadPostcodes(root = dataDir()): PostcodeDistrict[] {
  const { postcodes, problems } = readPostcodes(root, loadGazetteer(root));
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`The postcode list has errors, so the site was not built:\n${errors.map(formatProblem).join('\n')}`);
  return postcodes;
}
