// Page weight over the built files: what a visitor downloads before doing anything, gzipped.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';

const KB = 1024;

/** The page's HTML plus the stylesheets and scripts it loads at once (not what it imports later on demand). */
function pageWeight(distDir: string, page: string): { bytes: number; files: string[] } {
  const html = readFileSync(path.join(distDir, page), 'utf8');
  const files = [page];
  let bytes = gzipSync(html).length;
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]!);
  for (const ref of refs) {
    const file = path.join(distDir, ref.replace(/^\//, ''));
    if (!existsSync(file)) throw new Error(`${page} loads ${ref}, which is not in the build`);
    files.push(ref);
    bytes += gzipSync(readFileSync(file)).length;
    // Module scripts pull in their static imports straight away, so those count too.
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(/\bimport\s*(?:[\w*{}\s,]+from\s*)?["'](\.\/[^"']+)["']/g)) {
      const dep = path.join(path.dirname(file), m[1]!);
      files.push(path.relative(distDir, dep));
      bytes += gzipSync(readFileSync(dep)).length;
    }
  }
  return { bytes, files };
}

/** Every index.html under a folder of the build, relative to the build. */
function htmlUnder(distDir: string, dir: string): string[] {
  return readdirSync(path.join(distDir, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('index.html'))
    .map((f) => path.join(dir, f));
}

describe('page weight', () => {
  const distDir = inject('distDir');
  const slugs = inject('providerSlugs');

  it('keeps every provider page within 25 KB gzipped with its CSS and JavaScript', () => {
    for (const slug of slugs) {
      const { bytes, files } = pageWeight(distDir, `providers/${slug}/index.html`);
      expect(bytes, `${slug}: ${files.join(', ')}`).toBeLessThanOrEqual(25 * KB);
    }
  });

  it('keeps the home page within 30 KB gzipped before any search', () => {
    const { bytes, files } = pageWeight(distDir, 'index.html');
    expect(bytes, files.join(', ')).toBeLessThanOrEqual(30 * KB);
  });

  it('keeps the HTML of every list page (A–Z, areas, communities, booklets) within 20 KB gzipped', () => {
    const lists = ['providers/index.html', ...['a-z', 'areas', 'communities', 'print'].flatMap((dir) => htmlUnder(distDir, dir))];
    expect(lists.length).toBeGreaterThan(20);
    for (const page of lists) expect(gzipSync(readFileSync(path.join(distDir, page))).length, page).toBeLessThanOrEqual(20 * KB);
  });

  it('does not load the search code on the home page', () => {
    const { files } = pageWeight(distDir, 'index.html');
    expect(files.join(' ')).not.toMatch(/pagefind/);
  });
});
