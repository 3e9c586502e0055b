import { describe, expect, it } from 'vitest';
import { absoluteUrl, joinBase, likelyPath, PLACEHOLDER_SITE, providerPath, siteAddress } from '../../src/lib/site-url.ts';

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

describe('likelyPath', () => {
  it('lower-cases a short link typed with capitals and adds its trailing slash', () => {
    expect(likelyPath('/P/MindOut/')).toBe('/p/mindout/');
    expect(likelyPath('/P/MindOut')).toBe('/p/mindout/');
    expect(likelyPath('/p/mindout')).toBe('/p/mindout/');
  });
  it('drops a full stop or bracket a sentence left at the end of the address', () => {
    expect(likelyPath('/p/mindout.')).toBe('/p/mindout/');
    expect(likelyPath('/p/mindout/),')).toBe('/p/mindout/');
  });
  it('keeps a file name as it is, apart from its case', () => {
    expect(likelyPath('/data/Providers.CSV')).toBe('/data/providers.csv');
    expect(likelyPath('/data/providers.csv')).toBeUndefined();
  });
  it('has nothing to offer for an address that is already in its usual form', () => {
    expect(likelyPath('/p/mindout/')).toBeUndefined();
    expect(likelyPath('/')).toBeUndefined();
  });
  it('keeps the base path as the host spells it and lower-cases only what follows', () => {
    expect(likelyPath('/Sussex-Directory/P/MindOut', '/Sussex-Directory/')).toBe('/Sussex-Directory/p/mindout/');
    expect(likelyPath('/sussex-directory/p/mindout', '/Sussex-Directory/')).toBe('/Sussex-Directory/p/mindout/');
    expect(likelyPath('/Sussex-Directory', '/Sussex-Directory/')).toBe('/Sussex-Directory/');
  });
});

describe('siteAddress', () => {
  it('is SITE_URL when it is set', () => expect(siteAddress({ SITE_URL: 'https://peer.example.org' })).toBe('https://peer.example.org'));
  it("is Netlify's main address on a Netlify build without SITE_URL", () => {
    expect(siteAddress({ NETLIFY: 'true', URL: 'https://sussex-peer.netlify.app' })).toBe('https://sussex-peer.netlify.app');
    expect(siteAddress({ NETLIFY: 'true', URL: 'https://a.netlify.app', SITE_URL: 'https://peer.example.org' })).toBe('https://peer.example.org');
  });
  it('is the placeholder for a local or CI build that publishes nothing', () => expect(siteAddress({})).toBe(PLACEHOLDER_SITE));
  it('stops a build for a host without an address, saying what to set', () => {
    expect(() => siteAddress({ REQUIRE_SITE_URL: '1' })).toThrow(/SITE_URL is not set, so the pages built for this deployment would link, share and make QR codes to https:\/\/sussex-peer-support\.example\. Set SITE_URL/);
    expect(() => siteAddress({ CF_PAGES: '1' })).toThrow(/for Cloudflare Pages/);
    expect(() => siteAddress({ NETLIFY: 'true' })).toThrow(/for Netlify/);
  });
  it('stops on an address that is not one, or is the placeholder itself', () => {
    expect(() => siteAddress({ SITE_URL: 'peer.example.org' })).toThrow(/SITE_URL="peer\.example\.org" is not a web address/);
    expect(() => siteAddress({ SITE_URL: 'https://sussex-peer-support.example/', REQUIRE_SITE_URL: '1' })).toThrow(/is the placeholder/);
  });
});
