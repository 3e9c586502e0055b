// The site's data as pages and components ask for it: what the build worked out before the pages (by way of the
// integration's virtual module, src/integrations/build-data.ts) passed into the plain src/lib functions. Under
// astro dev there is no build, and the same functions work it out themselves.
import build from 'virtual:sussex-directory/build-data';
import { dataDir, loadDataset } from './lib/dataset/dataset-fs.ts';
import type { Dataset } from './lib/model/types.ts';
import { hsdsRowCounts, type HsdsTableName } from './lib/export/hsds.ts';
import type { ExportOptions } from './lib/export/index.ts';
import { siteExportSizes } from './lib/export/site-files.ts';
import { loadGazetteer } from './lib/places/gazetteer-fs.ts';
import type { Place } from './lib/places/gazetteer.ts';
import { loadPlaceLookup } from './lib/places/places-fs.ts';
import type { PlaceLookup } from './lib/places/places.ts';

const writtenSizes = build.openDataSizes && new Map(build.openDataSizes);

/** The validated dataset: read from the integration's snapshot in a build, else validated here. */
export function siteDataset(): Dataset {
  return loadDataset(dataDir(), build.dataset);
}

/** The gazetteer's places; the dataset first, as reading the gazetteer asks for its vocabularies. */
export function siteGazetteer(): Place[] {
  siteDataset();
  return loadGazetteer();
}

/** The place lookup served as /places.json; the dataset first, as for siteGazetteer. */
export function sitePlaceLookup(): PlaceLookup {
  siteDataset();
  return loadPlaceLookup();
}

/** The size of each file under /data/: as the build wrote them, else measured (which counts the HSDS rows too). */
export function openDataSizes(dataset: Dataset, options: ExportOptions): ReadonlyMap<string, number> {
  return siteExportSizes(dataset, options, writtenSizes);
}

/** How many rows each HSDS table has: as the build counted them, else counted now (ask for openDataSizes first). */
export function openDataRowCounts(dataset: Dataset, options: ExportOptions): Record<HsdsTableName, number> {
  return build.hsdsRowCounts ?? hsdsRowCounts(dataset, options);
}
