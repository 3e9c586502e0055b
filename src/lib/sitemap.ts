// sitemap.xml from the pages Astro actually built, so no page can be forgotten.
import { joinBase } from './site-url.ts';

const NOT_LISTED = /^(404|500)\/?$|^p\/|\.(xml|txt|json|ics|js|csv|geojson)$/;

export function sitemapXml(site: string, base: string, pathnames: string[]): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const urls = [...new Set(pathnames)]
    .filter((p) => !NOT_LISTED.test(p))
    .sort()
    .map((p) => `  <url><loc>${escape(new URL(joinBase(base, p), site).href)}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}
