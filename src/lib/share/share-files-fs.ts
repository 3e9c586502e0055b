// Writes the files of share-files.ts: calendars and correction data while Pagefind indexes (into a folder moved
// into the site later), short links from the integration's 'astro:build:done' hook.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inBatches } from '../build/batches.ts';
import { buildDate } from '../build/build-info.ts';
import { dataDir } from '../dataset/dataset-fs.ts';
import { calendarFiles, EDIT_DATA_PER_FILE, editDataFiles, shortLinkPages, shortLinkTemplateDir, type ShareFile } from './share-files.ts';
import type { Dataset } from '../model/types.ts';

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

/** Providers whose files are made and written together, so that only their files are in memory at once (whole files of correction data). */
const PROVIDERS_AT_ONCE = EDIT_DATA_PER_FILE * 25;

/**
 * The calendar files and each provider's data for the correction form, under `out`. They need no rendered page,
 * so the build writes them while Pagefind indexes. Returns how many files it wrote.
 */
export async function writeProviderFiles({ out, dataset, site, base, data = dataDir() }: ShareFilesOptions): Promise<number> {
  const date = buildDate();
  let written = 0;
  for (let i = 0; i < dataset.providers.length; i += PROVIDERS_AT_ONCE) {
    const providers = dataset.providers.slice(i, i + PROVIDERS_AT_ONCE);
    const texts = await Promise.all(providers.map((entry) => readFile(path.join(data, 'providers', `${entry.slug}.yaml`), 'utf8')));
    const files = [...calendarFiles({ ...dataset, providers }, { site, base, buildDate: date }), ...editDataFiles(providers, texts, i)];
    await writeFiles(out, files);
    written += files.length;
  }
  return written;
}

/** The short-link page of every provider, from the template page Astro rendered, which is then removed. Returns how many it wrote. */
export async function writeShortLinks({ out, dataset }: Pick<ShareFilesOptions, 'out' | 'dataset'>): Promise<number> {
  const templateDir = path.join(out, shortLinkTemplateDir);
  const template = await readFile(path.join(templateDir, 'index.html'), 'utf8');
  let written = 0;
  for (let i = 0; i < dataset.providers.length; i += PROVIDERS_AT_ONCE) {
    const files = shortLinkPages(dataset.providers.slice(i, i + PROVIDERS_AT_ONCE), template, dataset.vocab);
    await writeFiles(out, files);
    written += files.length;
  }
  await rm(templateDir, { recursive: true, force: true });
  return written;
}
