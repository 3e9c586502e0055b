// The bare-Astro baseline project the benchmark builds beside the site: its files, its pages and its filler text (not built here).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fillerHtml, writeBaselineAstro } from '../../bench/baseline-astro.ts';
import { PROJECT_ROOT } from '../../src/lib/dataset/dataset-fs.ts';
import { BUILD_OPTIONS } from '../../src/lib/site-config.ts';
import { tempDirs } from '../helpers/temp-dirs.ts';

const temp = tempDirs('bench-baseline');

/** The paragraphs of the filler, each `<p>…</p>`. */
const paragraphs = (html: string) => html.match(/<p>.*?<\/p>/g) ?? [];

/** The config file's object, read by running the file with defineConfig standing in for Astro's (which returns it as it is). */
function configOf(dir: string): Record<string, unknown> {
  const source = readFileSync(path.join(dir, 'astro.config.mjs'), 'utf8');
  expect(source).toContain("import { defineConfig } from 'astro/config';");
  const body = source.replace("import { defineConfig } from 'astro/config';", '').replace('export default', 'return');
  return new Function('defineConfig', body)((config: Record<string, unknown>) => config) as Record<string, unknown>;
}

interface PageRoute {
  paths: { params: { page: string }; props: { i: number } }[];
  filler: string | undefined;
  template: string;
}

/** The [page].astro route: its frontmatter run as JavaScript (getStaticPaths and the filler), and the template after it. */
function routeOf(dir: string): PageRoute {
  const source = readFileSync(path.join(dir, 'src', 'pages', '[page].astro'), 'utf8');
  const [before, frontmatter, template] = source.split(/^---$/m);
  expect(before).toBe('');
  const run = new Function('Astro', `${frontmatter!.replace('export function', 'function')}\nreturn { paths: getStaticPaths(), filler: typeof FILLER === 'string' ? FILLER : undefined };`);
  return { ...(run({ props: { i: 1 } }) as Omit<PageRoute, 'template'>), template: template! };
}

describe('fillerHtml', () => {
  it.each([1, 500, 5000, 22_582, 100_000])('is within one paragraph of %i bytes, made of the same paragraph again and again', (bytes) => {
    const html = fillerHtml(bytes);
    const all = paragraphs(html);
    expect(all.join('')).toBe(html);
    expect(new Set(all).size).toBeLessThanOrEqual(1);
    const paragraph = paragraphs(fillerHtml(10_000))[0]!;
    expect(Math.abs(Buffer.byteLength(html) - bytes)).toBeLessThanOrEqual(paragraph.length);
  });

  it('is the same text each time for the same size, so every page of the baseline costs the same', () => {
    expect(fillerHtml(22_582)).toBe(fillerHtml(22_582));
    expect(fillerHtml(22_582).length).toBeGreaterThan(fillerHtml(5000).length);
  });

  it('is empty for no bytes, a negative size, or less than half a paragraph', () => {
    expect(fillerHtml(0)).toBe('');
    expect(fillerHtml(-100)).toBe('');
    expect(fillerHtml(10)).toBe('');
  });
});

describe('writeBaselineAstro', () => {
  it('writes a package.json, an Astro config and one dynamic route, making the folders it needs', () => {
    const dir = path.join(temp.make(), 'bare-astro-100');
    writeBaselineAstro(dir, 100);
    expect(readdirSync(dir, { recursive: true }).map(String).sort()).toEqual(['astro.config.mjs', 'package.json', 'src', path.join('src', 'pages'), path.join('src', 'pages', '[page].astro')]);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).toMatchObject({ private: true, type: 'module' });
  });

  it("builds with the site's own output options and nothing of the site's integration", () => {
    const dir = temp.make();
    writeBaselineAstro(dir, 10);
    const config = configOf(dir);
    expect(config.build).toEqual(BUILD_OPTIONS);
    // The same trailing-slash rule as the site's astro.config.mjs, so pages are written to the same paths.
    const site = readFileSync(path.join(PROJECT_ROOT, 'astro.config.mjs'), 'utf8');
    expect(config.trailingSlash).toBe(/trailingSlash: '(\w+)'/.exec(site)?.[1]);
    expect(config).not.toHaveProperty('integrations');
  });

  it.each([1, 100, 2500])('makes getStaticPaths give %i pages, each with its own path and number', (n) => {
    const dir = temp.make();
    writeBaselineAstro(dir, n);
    const { paths } = routeOf(dir);
    expect(paths).toHaveLength(n);
    expect(new Set(paths.map((p) => p.params.page)).size).toBe(n);
    expect(paths.map((p) => p.props.i)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(paths[0]!.params.page).toBe('page-1');
  });

  it('makes trivial pages, without filler, when no body size is given', () => {
    const dir = temp.make();
    writeBaselineAstro(dir, 10);
    const route = routeOf(dir);
    expect(route.filler).toBeUndefined();
    expect(route.template).not.toContain('FILLER');
    expect(route.template).toContain('<title>Page {i}</title>');
  });

  it('puts the filler of the size asked for into every page when a body size is given', () => {
    const dir = temp.make();
    writeBaselineAstro(dir, 10, { bodyBytes: 22_582 });
    const route = routeOf(dir);
    expect(route.filler).toBe(fillerHtml(22_582));
    expect(route.template).toContain('<Fragment set:html={FILLER} />');
    expect(route.paths).toHaveLength(10);
  });
});
