// The place lookup for the site build, from data/gazetteer.yaml and data/postcodes.yaml.
import { dataDir } from '../dataset/dataset-fs.ts';
import { loadGazetteer, loadOutsidePlaces, loadPostcodes } from './gazetteer-fs.ts';
import { buildPlaceLookup, type PlaceLookup } from './places.ts';

let cached: { root: string; lookup: PlaceLookup } | undefined;

/** The compact lookup served as /places.json; built once per process; a problem in either file stops the build. */
export function loadPlaceLookup(root = dataDir()): PlaceLookup {
  if (cached && cached.root === root) return cached.lookup;
  const lookup = buildPlaceLookup(loadGazetteer(root), loadPostcodes(root), loadOutsidePlaces(root));
  cached = { root, lookup };
  return lookup;
}
