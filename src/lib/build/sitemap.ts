// sitemap.xml from the pages Astro actually built, so no page can be forgotten. One sitemap holds at most
// 50,000 addresses; past that, sitemap.xml becomes a sitemap index of sitemap-1.xml, sitemap-2.xml, …
import { joinBase } from '../site-url.ts';
import { escapeMarkup } from '../text/html.ts';

const NOT_LISTED = /^(404|500)\/?$|^p\/|\.(xml|txt|json|ics|js|csv|geojson)$/;

/** The most addresses one sitemap file may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

export interface SitemapFile {
  /** File name at the root of the site. */
  name: string;
  text: string;
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';

/** sitemap.xml, plus numbered sitemaps when there are more than `limit` pages (then sitemap.xml is their index). */
export function sitemapFiles(site: string, base: string, pathnames: string[], limit = SITEMAP_LIMIT): SitemapFile[] {
  const absolute = (p: string) => escapeMarkup(new URL(joinBase(base, p), site).href);
  const urls = [...new Set(pathnames)].filter((p) => !NOT_LISTED.test(p)).sort();
  const urlset = (list: string[]) =>
    `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${list.map((p) => `  <url><loc>${absolute(p)}</loc></url>`).join('\n')}\n</urlset>\n`;
  if (urls.length <= limit) return [{ name: 'sitemap.xml', text: urlset(urls) }];
  const parts: SitemapFile[] = [];
  for (let i = 0; i < urls.length; i += limit) parts.push({ name: `sitemap-${parts.length + 1}.xml`, text: urlset(urls.slice(i, i + limit)) });
  const index = `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${parts.map((f) => `  <sitemap><loc>${absolute(f.name)}</loc></sitemap>`).join('\n')}\n</sitemapindex>\n`;
  return [{ name: 'sitemap.xml', text: index }, ...parts];
}
