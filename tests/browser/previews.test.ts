// Link previews as a chat app reads them: every provider page (and its short link) names a picture in og:image
// that exists on the site and that Chromium decodes at 1200 × 630, with its size, words and the large card.
import { PNG } from 'pngjs';
import { describe, expect, inject, test } from 'vitest';
import { newPage, siteUrl } from './harness.ts';

const slugs = inject('providerSlugs');

/** The content of the page's <meta property|name=…> tags, by property or name. */
async function metaOf(path: string): Promise<Record<string, string>> {
  const html = await (await fetch(siteUrl(path))).text();
  const meta: Record<string, string> = {};
  for (const m of html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)) meta[m[1]!] = m[2]!.replace(/&amp;/g, '&');
  return meta;
}

/** A URL on the configured site, mapped onto the local test server. */
const local = (url: string) => siteUrl(new URL(url).pathname);

describe.each(slugs)('the link preview of %s', (slug) => {
  test('exists, is a PNG of 1200 × 630 that Chromium decodes, and the page says so', async () => {
    const meta = await metaOf(`/providers/${slug}/`);
    expect(new URL(meta['og:image']!).pathname).toBe(`/previews/${slug}.png`);
    expect([meta['og:image:width'], meta['og:image:height'], meta['twitter:card']]).toEqual(['1200', '630', 'summary_large_image']);
    expect(meta['og:image:alt']).toMatch(/\. Peer support in .+\. Sussex Peer Support Directory\.$/);
    const res = await fetch(local(meta['og:image']!));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const png = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    expect([png.width, png.height]).toEqual([1200, 630]);
    const page = await newPage();
    try {
      await page.goto(local(meta['og:image']!));
      const size = await page.locator('img').evaluate((img: HTMLImageElement) => img.decode().then(() => [img.naturalWidth, img.naturalHeight]));
      expect(size).toEqual([1200, 630]);
    } finally {
      await page.close();
    }
  });

  test('is the same picture and words on its short link, which is what the share kit copies', async () => {
    const [page, short] = await Promise.all([metaOf(`/providers/${slug}/`), metaOf(`/p/${slug}/`)]);
    for (const key of ['og:image', 'og:image:alt', 'og:image:width', 'og:image:height', 'twitter:card']) expect(short[key], key).toBe(page[key]);
  });
});

test("every other page shows the site's picture", async () => {
  for (const path of ['/', '/about/', '/search/', '/contribute/']) {
    const meta = await metaOf(path);
    expect(new URL(meta['og:image']!).pathname, path).toBe('/previews/site--directory.png');
    expect(meta['og:image:alt'], path).toMatch(/^Find mental health peer support near you\./);
  }
  const png = PNG.sync.read(Buffer.from(await (await fetch(siteUrl('/previews/site--directory.png'))).arrayBuffer()));
  expect([png.width, png.height]).toEqual([1200, 630]);
});
