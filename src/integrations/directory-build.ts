// Before Astro renders: the open data files and the search index. After: both moved in, sitemap.xml, the
// short links, calendars and correction data, signatory logos.
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AstroIntegration } from 'astro';
import { dataDir, loadDataset } from '../lib/dataset-fs.ts';
import { writeExport } from '../lib/export-fs.ts';
import { EXPORT_FORMATS } from '../lib/export/index.ts';
import { recordSiteExportSizes, siteExportOptions } from '../lib/export/site-files.ts';
import { writeSearchIndex } from '../lib/search-index-fs.ts';
import { writeShareFiles } from '../lib/share-files-fs.ts';
import { sitemapFiles } from '../lib/sitemap.ts';

export default function directoryBuild(): AstroIntegration {
  let site = 'http://localhost/';
  let base = '/';
  let searchIndexDir: string | undefined;
  let openDataDir: string | undefined;
  return {
    name: 'sussex-directory-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
        base = config.base;
      },
      // Before Astro renders, while it holds little memory: the search index (Pagefind's indexer, the largest
      // single user of memory, exits before Astro's peak), then the open data files, a piece at a time.
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        const dataset = loadDataset();
        const loaded = performance.now();
        // The benchmark reads these lines (bench/lib/site.ts).
        logger.info(`Data: ${dataset.providers.length} providers loaded and validated in ${Math.round(loaded - started)}ms.`);
        // What validating left behind goes before Pagefind's indexer starts, so the two never add up.
        collectGarbage();
        searchIndexDir = await mkdtemp(path.join(os.tmpdir(), 'spsd-pagefind-'));
        const records = await writeSearchIndex(dataset, searchIndexDir);
        const indexed = performance.now();
        logger.info(`Search index: ${records} providers in ${Math.round(indexed - loaded)}ms.`);
        openDataDir = await mkdtemp(path.join(os.tmpdir(), 'spsd-open-data-'));
        const sizes = writeExport(dataset, EXPORT_FORMATS, openDataDir, siteExportOptions(site, base));
        recordSiteExportSizes(sizes);
        logger.info(`Open data: ${sizes.size} files in ${Math.round(performance.now() - indexed)}ms.`);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        if (!searchIndexDir || !openDataDir) throw new Error('The search index and open data were not made before the pages (astro:build:start did not run).');
        await moveDir(searchIndexDir, path.join(out, 'pagefind'));
        await moveDir(openDataDir, path.join(out, 'data'));
        searchIndexDir = openDataDir = undefined;

        for (const f of sitemapFiles(site, base, pages.map((p) => p.pathname))) await writeFile(path.join(out, f.name), f.text);
        const shareStarted = performance.now();
        const shared = await writeShareFiles({ out, dataset: loadDataset(), site, base });
        logger.info(`Share files: ${shared} files in ${Math.round(performance.now() - shareStarted)}ms.`);

        const logos = path.join(dataDir(), 'signatories', 'logos');
        await mkdir(path.join(out, 'logos'), { recursive: true });
        await cp(logos, path.join(out, 'logos'), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      },
    },
  };
}

/** A full garbage collection now (Node offers it only behind a flag, which can be set at run time). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

/** Moves a folder, copying when it is on another file system (the temporary folder often is). */
async function moveDir(from: string, to: string): Promise<void> {
  await rm(to, { recursive: true, force: true });
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await cp(from, to, { recursive: true });
    await rm(from, { recursive: true, force: true });
  }
}
