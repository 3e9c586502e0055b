// The Pagefind index of every provider, written from the data (not from the built HTML), so it can be made
// before Astro renders the pages: Pagefind's indexer then exits before Astro's memory peaks.
import * as pagefind from 'pagefind';
import { inBatches } from '../build/batches.ts';
import { searchRecord } from '../directory.ts';
import type { Dataset } from '../model/types.ts';

/** Records in flight at once: enough to keep Pagefind's indexer busy, few enough to bound memory. */
const IN_FLIGHT = 64;

/**
 * Indexes every provider and writes Pagefind's files to `outputPath`; returns how many records it indexed. Its
 * indexer uses most memory while it writes its files, so that waits for `writeAfter` (other work of the build).
 */
export async function writeSearchIndex(dataset: Dataset, outputPath: string, { writeAfter }: { writeAfter?: Promise<unknown> } = {}): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    await inBatches(dataset.providers, IN_FLIGHT, async (entry) => {
      // Records are relative to the site root; the search page gives Pagefind the base path.
      const added = await index.addCustomRecord(searchRecord(dataset, entry, '/'));
      if (added.errors.length) throw new Error(`Pagefind refused ${entry.file}: ${added.errors.join('; ')}`);
    });
    await writeAfter;
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return dataset.providers.length;
  } finally {
    await pagefind.close();
  }
}
