import { describe, expect, it } from 'vitest';
import { absoluteUrl, joinBase, providerPath } from '../../src/lib/site-url.ts';

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
