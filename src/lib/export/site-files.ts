// The open data files as the site build publishes them under /data/: the integration writes them once, before
// the pages (src/integrations/directory-build.ts), and /open-data/ shows their sizes, which the build passes it.
import { buildDate } from '../build/build-info.ts';
import type { Dataset } from '../model/types.ts';
import { EXPORT_FORMATS, exportFileChunks, exportFileNames, siteRootOf, type ExportOptions } from './index.ts';

/** The address astro.config.mjs falls back to when SITE_URL is not set; `npm run export` uses the same. */
export const DEFAULT_SITE = 'https://sussex-peer-support.example';

export function siteExportOptions(site: URL | string | undefined, base: string): ExportOptions {
  return { buildDate: buildDate(), siteRoot: siteRootOf(site ?? DEFAULT_SITE, base) };
}

/** Every file under /data/, in the order allExportFiles gives them; nothing is computed. */
export function siteExportFileNames(): string[] {
  return EXPORT_FORMATS.flatMap(exportFileNames);
}

/** A size in words: "512 bytes", "12 KB", "3.4 MB", "285 MB" (1 KB = 1,024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const kb = bytes / 1024;
  if (Math.round(kb) < 1024) return `${Math.round(kb)} KB`;
  const mb = kb / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** The sizes of every file, made a piece at a time and measured, once per dataset: for `astro dev`, which has no build. */
const measured = new WeakMap<Dataset, Map<string, number>>();

function measuredSizes(dataset: Dataset, options: ExportOptions): Map<string, number> {
  let sizes = measured.get(dataset);
  if (!sizes) {
    sizes = new Map();
    for (const format of EXPORT_FORMATS)
      for (const [file, chunks] of exportFileChunks(dataset, format, options)) {
        let bytes = 0;
        for (const chunk of chunks) bytes += Buffer.byteLength(chunk, 'utf8');
        sizes.set(file, bytes);
      }
    measured.set(dataset, sizes);
  }
  return sizes;
}

/**
 * Every file's size in bytes: as the build wrote them, when it says (`written`); without a build (astro dev),
 * every file is made once to measure them, which also counts the HSDS tables' rows (hsdsRowCounts), so ask for
 * these first.
 */
export function siteExportSizes(dataset: Dataset, options: ExportOptions, written?: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  return written ?? measuredSizes(dataset, options);
}

export const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  geojson: 'application/geo+json; charset=utf-8',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
