// The open data files as the site build publishes them under /data/: their names are known without making
// them, and each file is made once per build, when the /data/ route or the /open-data/ page first needs it.
import { buildDate } from '../build-info.ts';
import type { Dataset } from '../validate.ts';
import { hsdsFile } from './hsds.ts';
import { EXPORT_FORMATS, exportFileEntries, exportFileNames, exportFormatOf, siteRootOf, type ExportOptions } from './index.ts';

/** The address astro.config.mjs falls back to when SITE_URL is not set; `npm run export` uses the same. */
export const DEFAULT_SITE = 'https://sussex-peer-support.example';

export function siteExportOptions(site: URL | string | undefined, base: string): ExportOptions {
  return { buildDate: buildDate(), siteRoot: siteRootOf(site ?? DEFAULT_SITE, base) };
}

/** Every file under /data/, in the order allExportFiles gives them; nothing is computed. */
export function siteExportFileNames(): string[] {
  return EXPORT_FORMATS.flatMap(exportFileNames);
}

interface Made {
  /** The content, until the file has been taken to be written. */
  text?: string;
  /** Its size in UTF-8 bytes, once known. */
  bytes?: number;
}

/** Makes the file asked for, and any files made with it: an HSDS file on its own; any other format all its files at once. */
export type FileMaker = (file: string) => Iterable<[string, string]>;

export function siteFileMaker(dataset: Dataset, options: ExportOptions): FileMaker {
  return (file) => {
    const format = exportFormatOf(file);
    if (!format) return [];
    if (format === 'hsds') return [[file, hsdsFile(dataset, file, options) as string]];
    return exportFileEntries(dataset, format, options);
  };
}

/** The files of one dataset and set of options, each made once, on first use. */
export class SiteExport {
  private readonly made = new Map<string, Made>();

  constructor(private readonly maker: FileMaker) {}

  private make(file: string): Made | undefined {
    const known = this.made.get(file);
    if (known?.text !== undefined) return known;
    for (const [name, text] of this.maker(file)) {
      const other = this.made.get(name);
      if (name === file || !other) this.made.set(name, { ...other, text });
    }
    return this.made.get(file);
  }

  /** The content of a file, to be written out: after this the build keeps only its size. Undefined for a file no format makes. */
  take(file: string): string | undefined {
    const made = this.make(file);
    const text = made?.text;
    if (made && text !== undefined) {
      made.bytes ??= Buffer.byteLength(text, 'utf8');
      delete made.text;
    }
    return text;
  }

  /** The size of a file in bytes (UTF-8), as written; the file is made now only if it has not been yet. */
  size(file: string): number {
    const known = this.made.get(file);
    if (known?.bytes !== undefined) return known.bytes;
    const made = this.make(file);
    if (made?.text === undefined) return 0;
    made.bytes = Buffer.byteLength(made.text, 'utf8');
    return made.bytes;
  }
}

const cache = new WeakMap<Dataset, Map<string, SiteExport>>();

/** The site's files for this dataset and options: the same object for every route that asks in one build. */
export function siteExport(dataset: Dataset, options: ExportOptions): SiteExport {
  const key = `${options.buildDate}|${options.siteRoot}`;
  let byKey = cache.get(dataset);
  if (!byKey) cache.set(dataset, (byKey = new Map()));
  let files = byKey.get(key);
  if (!files) byKey.set(key, (files = new SiteExport(siteFileMaker(dataset, options))));
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
