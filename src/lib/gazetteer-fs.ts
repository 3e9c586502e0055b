// Reads data/gazetteer.yaml from disk; all checking happens in gazetteer.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir, loadDataset } from './dataset-fs.ts';
import { checkGazetteer, type Place } from './gazetteer.ts';
import { formatProblem, type Problem } from './problems.ts';
import type { Vocabularies } from './vocab.ts';
import { locate, parseSource } from './yaml-source.ts';

export const GAZETTEER_FILE = 'gazetteer.yaml';

/** The gazetteer's places and its problems, located by line, as the validator reports data files. */
export function readGazetteer(root = dataDir(), vocab: Vocabularies = loadDataset(root).vocab): { places: Place[]; problems: Problem[] } {
  const file = path.join(root, GAZETTEER_FILE);
  const shown = path.relative(process.cwd(), file).split(path.sep).join('/');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { places: [], problems: [{ file: shown, line: 1, col: 1, severity: 'error', path: '', message: 'is missing. The map needs it: restore it from git.' }] };
  }
  const parsed = parseSource({ path: shown, bytes });
  if (parsed.value === undefined) return { places: [], problems: parsed.problems };
  const { places, problems } = checkGazetteer(parsed.value, vocab);
  return {
    places,
    problems: [
      ...parsed.problems,
      ...problems.map((p): Problem => {
        const at = p.index >= 0 ? ['places', p.index] : [];
        const { line, col } = locate(parsed, at);
        return { file: shown, line, col, severity: 'error', path: p.index >= 0 ? `places[${p.index}]` : '', message: p.message };
      }),
    ],
  };
}

let cached: { root: string; places: Place[] } | undefined;

/** The checked gazetteer for the site build: read once per process; a problem stops the build. */
export function loadGazetteer(root = dataDir()): Place[] {
  if (cached && cached.root === root) return cached.places;
  const { places, problems } = readGazetteer(root);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`The gazetteer has errors, so the site was not built:\n${errors.map(formatProblem).join('\n')}`);
  cached = { root, places };
  return places;
}
