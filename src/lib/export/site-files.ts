// The open data files as the site build publishes them under /data/: their names are known without making
// them, and each file is made once per build, when the /data/ route or the /open-data/ page first needs it.
import { buildDate } from '../build-info.ts';
import type { Dataset } from '../validate.ts';
import { hsdsFile } from './hsds.ts';
import { EXPORT_FORMATS, exportFileNames, exportFiles, exportFormatOf, siteRootOf, type ExportOptions } from './index.ts';

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
  /** Its size in UTF-8 bytes, once asked for. */
  bytes?: number;
}

/** The files of one dataset and set of options, each made on first use. */
export class SiteExport {
  private readonly made = new Map<string, Made>();

  constructor(
    private readonly dataset: Dataset,
    private readonly options: ExportOptions,
  ) {}

  /** The file, made now unless it already was (an HSDS file on its own; any other format with the rest of its files). */
  private make(file: string): Made | undefined {
    const known = this.made.get(file);
    if (known?.text !== undefined) return known;
    const format = exportFormatOf(file);
    if (!format) return undefined;
    if (format === 'hsds') {
      const made = { ...known, text: hsdsFile(this.dataset, file, this.options) };
      this.made.set(file, made);
      return made;
    }
    for (const [name, text] of exportFiles(this.dataset, format, this.options)) {
      const other = this.made.get(name);
      if (name === file || !other) this.made.set(name, { ...other, text });
    }
    return this.made.get(file);
  }

  /** The content of a file, to be kept by the caller (the page that shows it). Undefined for a file no format makes. */
  text(file: string): string | undefined {
    return this.make(file)?.text;
  }

  /** The content of a file, to be written out: after this the build keeps only its size, not the content. */
  take(file: string): string | undefined {
    const made = this.make(file);
    const text = made?.text;
    if (made) delete made.text;
    return text;
  }

  /** The size of a file in bytes (UTF-8), as written. */
  size(file: string): number {
    const known = this.made.get(file);
    if (known?.bytes !== undefined) return known.bytes;
    const made = this.make(file);
    if (!made?.text) return 0;
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
  if (!files) byKey.set(key, (files = new SiteExport(dataset, options)));
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
