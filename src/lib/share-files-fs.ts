// Writes the files of share-files.ts into the built site, from the integration's 'astro:build:done' hook.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inBatches } from './batches.ts';
import { buildDate } from './build-info.ts';
import { dataDir } from './dataset-fs.ts';
import { calendarFiles, editDataFile, shortLinkPages, shortLinkTemplateDir, type ShareFile } from './share-files.ts';
import type { Dataset } from './validate.ts';

/** Files written at once: enough to keep the disk busy, few enough not to run out of file handles. */
const AT_ONCE = 64;


/** Writes files under `out`, making each folder once. */
export async function writeFiles(out: string, files: readonly ShareFile[]): Promise<void> {
  const folders = [...new Set(files.map((f) => path.dirname(path.join(out, f.path))))];
  await inBatches(folders, AT_ONCE, (dir) => mkdir(dir, { recursive: true }));
  await inBatches(files, AT_ONCE, (f) => writeFile(path.join(out, f.path), f.text));
}

export interface ShareFilesOptions {
  /** The output folder of the build. */
  out: string;
  dataset: Dataset;
  site: string;
  base: string;
  /** The data folder the dataset was read from (data/ unless SPSD_DATA_DIR says otherwise). */
  data?: string;
}

/** Providers whose files are made and written together, so that only their files are in memory at once. */
const PROVIDERS_AT_ONCE = 250;

/**
 * The short-link page of every provider (from the template page Astro rendered, which is then removed), the
 * calendar files, and each provider's data for the correction form. Returns how many files it wrote.
 */
export async function writeShareFiles({ out, dataset, site, base, data = dataDir() }: ShareFilesOptions): Promise<number> {
  const templateDir = path.join(out, shortLinkTemplateDir);
  const template = await readFile(path.join(templateDir, 'index.html'), 'utf8');
  const date = buildDate();
  let written = 0;
  for (let i = 0; i < dataset.providers.length; i += PROVIDERS_AT_ONCE) {
    const providers = dataset.providers.slice(i, i + PROVIDERS_AT_ONCE);
    const texts = await Promise.all(providers.map((entry) => readFile(path.join(data, 'providers', `${entry.slug}.yaml`), 'utf8')));
    const files = [
      ...shortLinkPages(providers, template),
      ...calendarFiles({ ...dataset, providers }, { site, base, buildDate: date }),
      ...providers.map((entry, j) => editDataFile(entry, texts[j]!)),
    ];
    await writeFiles(out, files);
    written += files.length;
  }
  await rm(templateDir, { recursive: true, force: true });
  return written;
}
