// What the integration learns before the pages are bundled, handed to them as a Vite virtual module (as
// Starlight hands pages its config): the build loads src/lib twice, so the pages' copy cannot see the
// integration's variables. The pages read it through src/site-data.ts; its types are in src/build-data.d.ts.
import type { ViteUserConfig } from 'astro';
import type { DatasetSnapshot } from '../lib/dataset/dataset-fs.ts';
import type { HsdsTableName } from '../lib/export/hsds.ts';

export const BUILD_DATA_MODULE = 'virtual:sussex-directory/build-data';
const RESOLVED = `\0${BUILD_DATA_MODULE}`;

/** Everything is absent under astro dev (there is no build), and the pages then work it out themselves. */
export interface BuildData {
  /** The validated dataset, so the pages read it instead of validating the data again. */
  dataset?: DatasetSnapshot;
  /** The size in bytes of each file under /data/, as written, in the order written. */
  openDataSizes?: [string, number][];
  /** How many rows each HSDS table under /data/hsds/ has. */
  hsdsRowCounts?: Record<HsdsTableName, number>;
}

/** The module's source: the data as one JSON default export. */
export function buildDataSource(data: BuildData): string {
  return `export default ${JSON.stringify(data)};\n`;
}

type VitePlugin = NonNullable<ViteUserConfig['plugins']>[number];

/** A Vite plugin serving the module, asking `current` for the data each time Vite loads it. */
export function buildDataPlugin(current: () => BuildData): VitePlugin {
  return {
    name: 'sussex-directory-build-data',
    resolveId: (id: string) => (id === BUILD_DATA_MODULE ? RESOLVED : undefined),
    load: (id: string) => (id === RESOLVED ? buildDataSource(current()) : undefined),
  };
}
