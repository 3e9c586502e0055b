// Before Astro renders: the Pagefind index of the providers. After: the index moved in, sitemap.xml, signatory logos.
import { cp, mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { dataDir, loadDataset } from '../lib/dataset-fs.ts';
import { writeSearchIndex } from '../lib/search-index-fs.ts';
import { writeShareFiles } from '../lib/share-files-fs.ts';
import { sitemapFiles } from '../lib/sitemap.ts';

export default function directoryBuild(): AstroIntegration {
  let site = 'http://localhost/';
  let base = '/';
  let searchIndexDir: string | undefined;
  return {
    name: 'sussex-directory-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
        base = config.base;
      },
      // Index search before Astro renders: Pagefind's indexer exits (and frees its memory) before Astro's peak.
      'astro:build:start': async ({ logger }) => {
        const started = performance.now();
        const dataset = loadDataset();
        searchIndexDir = await mkdtemp(path.join(os.tmpdir(), 'spsd-pagefind-'));
        const records = await writeSearchIndex(dataset, searchIndexDir);
        // The benchmark reads this line (bench/lib/site.ts).
        logger.info(`Search index: ${records} providers in ${Math.round(performance.now() - started)}ms.`);
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        if (!searchIndexDir) throw new Error('The search index was not made before the pages (astro:build:start did not run).');
        await moveDir(searchIndexDir, path.join(out, 'pagefind'));
        searchIndexDir = undefined;

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
