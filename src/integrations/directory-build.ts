// Before Astro renders: the search index (and meanwhile the calendars and correction data), then the open data
// files, and what the pages need from them (build-data.ts). After: all of them moved in, sitemap.xml, the short
// links, link preview pictures, signatory logos, _headers.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { AstroIntegration } from 'astro';
import { tileConfig, tileSource } from '../components/map/tiles.ts';
import { headersFile } from '../lib/csp.ts';
import { dataDir, forgetDataset, loadDataset, writeDatasetSnapshot, type DatasetSnapshot } from '../lib/dataset/dataset-fs.ts';
import { writeExport } from '../lib/export/export-fs.ts';
import { publishLogos } from '../lib/dataset/logos-fs.ts';
import { EXPORT_FORMATS } from '../lib/export/index.ts';
import { hsdsRowCounts } from '../lib/export/hsds.ts';
import { siteExportOptions } from '../lib/export/site-files.ts';
import { writeSearchIndex } from '../lib/search/search-index-fs.ts';
import { mergeDir, moveDir } from '../lib/build/move-fs.ts';
import { writePreviews } from '../lib/share/previews-fs.ts';
import { writeProviderFiles, writeShortLinks } from '../lib/share/share-files-fs.ts';
import { sitemapFiles } from '../lib/build/sitemap.ts';
import { buildDataPlugin, type BuildData } from './build-data.ts';

export default function directoryBuild(): AstroIntegration {
  let site = 'http://localhost/';
  let base = '/';
  let searchIndexDir: string | undefined;
  let openDataDir: string | undefined;
  let providerFilesDir: string | undefined;
  let snapshot: DatasetSnapshot | undefined;
  let buildData: BuildData = {};
  return {
    name: 'sussex-directory-build',
    hooks: {
      // Vite loads the module when it bundles the pages, which Astro does after astro:build:start.
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { plugins: [buildDataPlugin(() => buildData)] } });
      },
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
        providerFilesDir = await mkdtemp(path.join(os.tmpdir(), 'spsd-provider-files-'));
        // Pagefind's indexer is another process: while it takes in the records, this thread writes the calendars
        // and correction data, which need no page. Their garbage goes before the indexer writes its files, when
        // it takes most memory (1.2 GB at 10,000 providers), so the two never add up.
        const since = (start: number) => Math.round(performance.now() - start);
        const providerFiles = writeProviderFiles({ out: providerFilesDir, dataset, site, base }).then((n) => {
          logger.info(`Provider files: ${n} calendars and correction data in ${since(loaded)}ms, while Pagefind indexed.`);
          collectGarbage();
        });
        await Promise.all([
          writeSearchIndex(dataset, searchIndexDir, { writeAfter: providerFiles }).then((n) => logger.info(`Search index: ${n} providers in ${since(loaded)}ms.`)),
          providerFiles,
        ]);
        const indexed = performance.now();
        openDataDir = await mkdtemp(path.join(os.tmpdir(), 'spsd-open-data-'));
        const options = siteExportOptions(site, base);
        const sizes = writeExport(dataset, EXPORT_FORMATS, openDataDir, options);
        logger.info(`Open data: ${sizes.size} files in ${Math.round(performance.now() - indexed)}ms.`);
        // The pages read the dataset from this file rather than validate it again; this copy lets go of its
        // own while they render, and reads it back after.
        snapshot = writeDatasetSnapshot(path.join(await mkdtemp(path.join(os.tmpdir(), 'spsd-dataset-')), 'dataset.v8'));
        buildData = { dataset: snapshot, openDataSizes: [...sizes], hsdsRowCounts: hsdsRowCounts(dataset, options) };
        forgetDataset();
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        if (!searchIndexDir || !openDataDir || !providerFilesDir) throw new Error('The search index and open data were not made before the pages (astro:build:start did not run).');
        await moveDir(searchIndexDir, path.join(out, 'pagefind'));
        await moveDir(openDataDir, path.join(out, 'data'));
        await mergeDir(providerFilesDir, out);
        searchIndexDir = openDataDir = providerFilesDir = undefined;

        for (const f of sitemapFiles(site, base, pages.map((p) => p.pathname))) await writeFile(path.join(out, f.name), f.text);
        await writeFile(path.join(out, '_headers'), headersFile({ base, extraImgSources: [tileSource(tileConfig().url)] }));
        const readStarted = performance.now();
        const dataset = loadDataset(dataDir(), snapshot);
        logger.info(`Data: ${dataset.providers.length} providers read back in ${Math.round(performance.now() - readStarted)}ms.`);
        const shareStarted = performance.now();
        const shortLinks = await writeShortLinks({ out, dataset });
        logger.info(`Share files: ${shortLinks} short links in ${Math.round(performance.now() - shareStarted)}ms.`);
        const previewsStarted = performance.now();
        const previews = await writePreviews({ out, dataset });
        // The benchmark reads this line (bench/lib/site.ts).
        logger.info(`Link previews: ${previews.drawn} drawn, ${previews.reused} from the cache in ${Math.round(performance.now() - previewsStarted)}ms.`);

        // Only the logos signatories name, each checked again: nothing else in the folder reaches the site.
        publishLogos(dataset, path.join(dataDir(), 'signatories', 'logos'), path.join(out, 'logos'));
        if (snapshot) await rm(path.dirname(snapshot.file), { recursive: true, force: true });
        snapshot = undefined;
        buildData = {};
      },
    },
  };
}

/** A full garbage collection now (Node offers it only behind a flag, which can be set at run time). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  // "Last resort" also gives the heap's empty pages back to the system while Pagefind's indexer peaks (a plain
  // collection keeps them for the next allocation; BENCHMARKS.md, "Measurements behind the code").
  (vm.runInNewContext('gc') as (options?: { type: string; execution: string; flavor: string }) => void)({ type: 'major', execution: 'sync', flavor: 'last-resort' });
}
