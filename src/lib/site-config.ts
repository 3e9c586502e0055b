import { emailSetting } from './mailto.ts';

// Where volunteers send corrections; set GITHUB_REPOSITORY (owner/name) when deploying a fork.
export const REPOSITORY = process.env.GITHUB_REPOSITORY ?? 'sussex-peer-support/directory';
export const BRANCH = process.env.DATA_BRANCH ?? 'main';
/** The maintainers' address for corrections by email (README, "Publish it"); unset, the site offers no email. */
export const CORRECTIONS_EMAIL = emailSetting(process.env.CORRECTIONS_EMAIL);

/** Who serves the pages, for the privacy page: the build knows Netlify and Cloudflare Pages by their settings. */
export const HOSTED_BY = process.env.NETLIFY === 'true' ? 'Netlify' : process.env.CF_PAGES === '1' ? 'Cloudflare Pages' : 'GitHub Pages';

export function editFileUrl(file: string): string {
  return `https://github.com/${REPOSITORY}/edit/${BRANCH}/${file}`;
}

export function reportProblemUrl(name: string, pageUrl: string): string {
  const params = new URLSearchParams({ template: 'report-a-problem.yml', title: `Correction: ${name}`, page: pageUrl });
  return `https://github.com/${REPOSITORY}/issues/new?${params}`;
}

/**
 * How Astro writes the site; the benchmark's bare-Astro baseline uses the same options. Stylesheets over a few
 * kilobytes are files of their own: a visitor's browser keeps them from page to page, and the build writes far
 * less (inlined, the shared CSS was a third of every page; BENCHMARKS.md, "Measurements behind the code").
 */
export const BUILD_OPTIONS = { format: 'directory', inlineStylesheets: 'auto', concurrency: 4 } as const;
