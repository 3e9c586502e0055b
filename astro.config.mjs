// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import directoryBuild from './src/integrations/directory-build.ts';
import { BUILD_OPTIONS } from './src/lib/site-config.ts';
import { siteAddress } from './src/lib/site-url.ts';

// The build reads data/ next to this file unless SPSD_DATA_DIR points elsewhere (tests, benchmarks).
process.env.SPSD_DATA_DIR ??= fileURLToPath(new URL('./data', import.meta.url));

// SITE_URL and BASE_PATH let the same build deploy to a domain or under a sub-path (e.g. GitHub Pages).
// A build for a host without SITE_URL stops here rather than publish the placeholder domain (site-url.ts).
const site = siteAddress(process.env);
const base = process.env.BASE_PATH ?? '/';

export default defineConfig({
  site,
  base,
  // Every link the site makes ends in '/'; 'ignore' lets `astro preview` also serve /p/mindout, as static hosts do.
  trailingSlash: 'ignore',
  // Four pages at a time, so file writes overlap rendering (BENCHMARKS.md, "Measurements behind the code").
  build: BUILD_OPTIONS,
  devToolbar: { enabled: false },
  integrations: [directoryBuild()],
  // Scripts stay in files of their own: the Content-Security-Policy allows no inline script.
  vite: { build: { assetsInlineLimit: 0 } },
});
