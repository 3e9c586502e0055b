// The bare-Astro baseline: a project with one dynamic route that builds N trivial pages, written at run time
// into a temporary folder (under bench/tmp/, so it finds the project's node_modules) rather than committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { BUILD_OPTIONS } from '../src/lib/site-config.ts';

/**
 * Text of about `bytes` bytes for the body of a sized baseline page: plain paragraphs, the same on every page, so
 * the page costs what its size costs (Astro's output and the file write) and no more.
 */
export function fillerHtml(bytes: number): string {
  const paragraph = '<p>Words that stand in for a provider page: its services, times and places, how to join, a share kit and posters to print.</p>';
  return paragraph.repeat(Math.max(0, Math.round(bytes / paragraph.length)));
}

/**
 * The bare project of `pages` trivial pages; with `bodyBytes`, each page also carries that much fixed text, so a
 * page of the site can be compared with a bare page of its own size.
 */
export function writeBaselineAstro(dir: string, pages: number, { bodyBytes = 0 }: { bodyBytes?: number } = {}): void {
  mkdirSync(path.join(dir, 'src', 'pages'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'spsd-bench-bare-astro', private: true, type: 'module' }, null, 2)}\n`);
  // The same output options as the site, nothing else.
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nexport default defineConfig({ trailingSlash: 'ignore', build: ${JSON.stringify(BUILD_OPTIONS)}, devToolbar: { enabled: false } });\n`,
  );
  writeFileSync(
    path.join(dir, 'src', 'pages', '[page].astro'),
    `---
${bodyBytes ? `const FILLER = ${JSON.stringify(fillerHtml(bodyBytes))};\n` : ''}export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { page: \`page-\${i + 1}\` }, props: { i: i + 1 } }));
}
const { i } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Page {i}</title></head>
  <body><h1>Page {i}</h1><p>A trivial page, one of ${pages}.</p>${bodyBytes ? '<Fragment set:html={FILLER} />' : ''}</body>
</html>
`,
  );
}
