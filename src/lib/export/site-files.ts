// The open data files as the site build publishes them under /data/, computed once per build.
import { buildDate } from '../build-info.ts';
import type { Dataset } from '../validate.ts';
import { allExportFiles, siteRootOf, type ExportOptions } from './index.ts';

/** The address astro.config.mjs falls back to when SITE_URL is not set; `npm run export` uses the same. */
export const DEFAULT_SITE = 'https://sussex-peer-support.example';

export function siteExportOptions(site: URL | string | undefined, base: string): ExportOptions {
  return { buildDate: buildDate(), siteRoot: siteRootOf(site ?? DEFAULT_SITE, base) };
}

const cache = new WeakMap<Dataset, Map<string, Map<string, string>>>();

export function siteExportFiles(dataset: Dataset, options: ExportOptions): Map<string, string> {
  const key = `${options.buildDate}|${options.siteRoot}`;
  let byKey = cache.get(dataset);
  if (!byKey) cache.set(dataset, (byKey = new Map()));
  let files = byKey.get(key);
  if (!files) byKey.set(key, (files = allExportFiles(dataset, options)));
  return files;
}

export const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
