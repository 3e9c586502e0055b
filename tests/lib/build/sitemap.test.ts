import { describe, expect, it } from 'vitest';
import { sitemapFiles } from '../../../src/lib/build/sitemap.ts';

const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);

describe('sitemapFiles', () => {
  it('lists every page once with absolute URLs under the base, and leaves out the 404 page and short-link redirects', () => {
    const files = sitemapFiles('https://example.org', '/dir/', ['', 'about/', 'about/', '404/', 'robots.txt', 'p/some-group/']);
    expect(files.map((f) => f.name)).toEqual(['sitemap.xml']);
    expect(files[0]!.text).toContain('<urlset');
    expect(locs(files[0]!.text)).toEqual(['https://example.org/dir/', 'https://example.org/dir/about/']);
  });

  it('writes one sitemap while the pages fit, even when they exactly fill it', () => {
    const files = sitemapFiles('https://example.org', '/', ['a/', 'b/', 'c/'], 3);
    expect(files.map((f) => f.name)).toEqual(['sitemap.xml']);
    expect(locs(files[0]!.text)).toHaveLength(3);
  });

  it('past the limit, makes sitemap.xml an index of numbered sitemaps that hold every page once', () => {
    const pages = ['a/', 'b/', 'c/', 'd/', 'e/', 'f/', 'g/'];
    const files = sitemapFiles('https://example.org', '/dir/', pages, 3);
    expect(files.map((f) => f.name)).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);
    const [index, ...parts] = files;
    expect(index!.text).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(locs(index!.text)).toEqual(['https://example.org/dir/sitemap-1.xml', 'https://example.org/dir/sitemap-2.xml', 'https://example.org/dir/sitemap-3.xml']);
    for (const part of parts) {
      expect(part.text).toContain('<urlset');
      expect(locs(part.text).length).toBeLessThanOrEqual(3);
    }
    expect(parts.flatMap((p) => locs(p.text))).toEqual(pages.map((p) => `https://example.org/dir/${p}`));
  });

  it('escapes characters XML does not allow in text', () => {
    expect(sitemapFiles('https://example.org', '/', ['a&b/'])[0]!.text).toContain('<loc>https://example.org/a&amp;b/</loc>');
  });
});
