import { describe, expect, it } from 'vitest';
import { absoluteUrl, joinBase, providerPath } from '../../src/lib/site-url.ts';
import { sitemapXml } from '../../src/lib/sitemap.ts';

describe('joinBase', () => {
  it('joins the root base', () => expect(joinBase('/', 'search/')).toBe('/search/'));
  it('joins a sub-path base with or without its trailing slash', () => {
    expect(joinBase('/directory/', '/search/')).toBe('/directory/search/');
    expect(joinBase('/directory', 'search/')).toBe('/directory/search/');
  });
});

describe('providerPath', () => {
  it('links to a provider page', () => expect(providerPath('/', 'mindout')).toBe('/providers/mindout/'));
  it('links to a service anchor on it', () => expect(providerPath('/x/', 'mindout', 'groups')).toBe('/x/providers/mindout/#groups'));
});

describe('absoluteUrl', () => {
  it('resolves a path against the site', () => expect(absoluteUrl('https://example.org', '/providers/a/')).toBe('https://example.org/providers/a/'));
});

describe('sitemapXml', () => {
  it('lists every page once with absolute URLs under the base, and leaves out the 404 page and short-link redirects', () => {
    const xml = sitemapXml('https://example.org', '/dir/', ['', 'about/', 'about/', '404/', 'robots.txt', 'p/some-group/']);
    expect(xml.match(/<loc>/g)).toHaveLength(2);
    expect(xml).toContain('<loc>https://example.org/dir/</loc>');
    expect(xml).toContain('<loc>https://example.org/dir/about/</loc>');
    expect(xml).not.toContain('404');
  });
});
