// Every open data file, by format, as path (under /data/ on the site, or under --out) → content.
// The site's /data/ endpoints and `npm run export` both call this, so they write the same bytes.
import { coverageCsvFiles } from '../coverage.ts';
import type { Dataset } from '../validate.ts';
import { directoryJson } from './directory-json.ts';
import { servicesGeoJson } from './geojson.ts';
import { hsdsFiles } from './hsds.ts';
import { checkOptions, type ExportOptions } from './meta.ts';
import { servicesCsv } from './services-csv.ts';

export * from './meta.ts';

export const EXPORT_FORMATS = ['json', 'csv', 'geojson', 'hsds', 'coverage'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export const DIRECTORY_JSON = 'directory.json';
export const SERVICES_CSV = 'services.csv';
export const SERVICES_GEOJSON = 'services.geojson';

export function exportFiles(dataset: Dataset, format: ExportFormat, options: ExportOptions): Map<string, string> {
  checkOptions(options);
  switch (format) {
    case 'json':
      return new Map([[DIRECTORY_JSON, directoryJson(dataset, options)]]);
    case 'csv':
      return new Map([[SERVICES_CSV, servicesCsv(dataset, options)]]);
    case 'geojson':
      return new Map([[SERVICES_GEOJSON, servicesGeoJson(dataset, options)]]);
    case 'hsds':
      return hsdsFiles(dataset, options);
    case 'coverage':
      return coverageCsvFiles(dataset);
  }
}

/** Every file of every format. */
export function allExportFiles(dataset: Dataset, options: ExportOptions): Map<string, string> {
  return new Map(EXPORT_FORMATS.flatMap((f) => [...exportFiles(dataset, f, options)]));
}
