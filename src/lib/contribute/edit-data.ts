// The correction form's data (/contribute/providers/<n>.json): made by the build (share-files.ts) and read by the
// form in the browser (src/client/contribute/index.ts), which find a group's file the same way. Pure and browser-safe.
import type { Provider } from '../generated/data-types.ts';

/** One provider's entry in the correction data: see edit-layout.ts for how the form uses `text`. */
export interface ProviderEditData {
  slug: string;
  /** The file's path in the repository. */
  file: string;
  /** The file as it is now, so a correction can keep its layout. */
  text: string;
  data: Provider;
}

/**
 * Providers in each file of correction data, in the order of /contribute/slugs.json: a file per provider was
 * 10,000 files at 10,000 providers; ten to a file is a tenth of that, and a correction downloads about 15 KB.
 */
export const EDIT_DATA_PER_FILE = 10;

/** The name of the correction data file holding the provider at `index` in /contribute/slugs.json. */
export function editDataFileName(index: number): string {
  return `${Math.floor(index / EDIT_DATA_PER_FILE)}.json`;
}
