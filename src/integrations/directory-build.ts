// After Astro writes the pages: index providers for Pagefind, write sitemap.xml, copy signatory logos.
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { dataDir, loadDataset } from '../lib/dataset-fs.ts';
import { searchRecord } from '../lib/directory.ts';
import { sitemapXml } from '../lib/sitemap.ts';

export default function directoryBuild(): AstroIntegration {
  let site = 'http://localhost/';
  let base = '/';
  return {
    name: 'sussex-directory-build',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
        base = config.base;
      },
      'astro:build:done': async ({ dir, pages, logger }) => {
        const out = fileURLToPath(dir);
        const dataset = loadDataset();

        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
        if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        for (const entry of dataset.providers) {
          // Records are relative to the site root; the search page gives Pagefind the base path.
          const record = searchRecord(dataset, entry, '/');
          const added = await index.addCustomRecord(record);
          if (added.errors.length) throw new Error(`Pagefind refused ${entry.file}: ${added.errors.join('; ')}`);
        }
        const written = await index.writeFiles({ outputPath: path.join(out, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`Search index: ${dataset.providers.length} providers.`);

        await writeFile(path.join(out, 'sitemap.xml'), sitemapXml(site, base, pages.map((p) => p.pathname)));

        const logos = path.join(dataDir(), 'signatories', 'logos');
        await mkdir(path.join(out, 'logos'), { recursive: true });
        await cp(logos, path.join(out, 'logos'), { recursive: true }).catch((error: NodeJS.ErrnoException) => {
          if (error.code !== 'ENOENT') throw error;
        });
      },
    },
  };
}
