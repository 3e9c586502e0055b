// What every export says about itself: format version, build date, licence, and where the site lives.
import { joinBase } from '../site-url.ts';

/** The version of the export formats (directory.json, services.csv, services.geojson). Raise the major number on any breaking change. */
export const EXPORT_SCHEMA_VERSION = '2.0.0';

/** The HSDS version the hsds/ files follow. */
export const HSDS_VERSION = '3.0';

/** Session times in the data are local times in this zone (GMT in winter, BST in summer). */
export const TIME_ZONE = 'Europe/London';

export const DATASET_NAME = 'Sussex Peer Support Directory';

export const LICENCE = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  attribution: `${DATASET_NAME} (open data)`,
  /** One line on why this licence, shown on the open data page. */
  why: 'It lets councils, the NHS and other directories reuse and combine the data with only a credit, without share-alike terms that would stop them merging it into their own directories.',
} as const;

export interface ExportOptions {
  /** The date the files are made "as of", YYYY-MM-DD. The only date in any file, so the same data and date give the same bytes. */
  buildDate: string;
  /** The absolute address of the site's home page, ending in "/" (site URL plus base path). */
  siteRoot: string;
}

/** The home page address from a site URL and a base path, e.g. ("https://x.github.io", "/repo/") → "https://x.github.io/repo/". */
export function siteRootOf(site: string | URL, base = '/'): string {
  return new URL(joinBase(base, ''), site).href;
}

export function providerUrl(options: ExportOptions, slug: string, serviceId?: string): string {
  return `${options.siteRoot}providers/${slug}/${serviceId ? `#${serviceId}` : ''}`;
}

export function pageUrl(options: ExportOptions, path: string): string {
  return `${options.siteRoot}${path.replace(/^\/+/, '')}`;
}

export function checkOptions(options: ExportOptions): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.buildDate)) throw new Error(`The build date must look like 2026-03-31, not "${options.buildDate}".`);
  if (!/^https?:\/\/[^/]+\/(?:.*\/)?$/.test(options.siteRoot)) throw new Error(`The site address must be an absolute http(s) address ending in "/", not "${options.siteRoot}".`);
}

/** JSON with two-space indents and a final newline: the one way every export file is written. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Rows turned into text together: few strings to gather, and little text at once. */
const ROWS_AT_ONCE = 256;

/**
 * A JSON array with one row on each line, a few rows at a time, so a large file is never one string in memory.
 * Large tables are written this way: half the size of indented JSON, and still one row to a line for grep and diff.
 */
export function* jsonRowsChunks(rows: Iterable<unknown>): Generator<string> {
  let first = true;
  let batch: string[] = [];
  for (const row of rows) {
    batch.push(JSON.stringify(row));
    if (batch.length < ROWS_AT_ONCE) continue;
    yield `${first ? '[\n' : ',\n'}${batch.join(',\n')}`;
    first = false;
    batch = [];
  }
  if (batch.length) {
    yield `${first ? '[\n' : ',\n'}${batch.join(',\n')}`;
    first = false;
  }
  yield first ? '[]\n' : '\n]\n';
}
