// Every open data file, by format, as path (under /data/ on the site, or under --out) → content.
// The site's /data/ endpoints and `npm run export` both call this, so they write the same bytes.
import { COVERAGE_CSV_FILES, coverageCsvFiles, coverageCsvPath } from '../coverage.ts';
import type { Dataset } from '../model/types.ts';
import { directoryJson } from './directory-json.ts';
import { servicesGeoJson } from './geojson.ts';
import { hsdsFileNames, hsdsFilesChunks } from './hsds.ts';
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

/**
 * A format's files as path → content in pieces, one file at a time: a caller that writes each piece and lets it
 * go never holds a whole large file (services_full.json is hundreds of megabytes at 10,000 providers).
 */
export function* exportFileChunks(dataset: Dataset, format: ExportFormat, options: ExportOptions): Generator<[string, Iterable<string>]> {
  checkOptions(options);
  switch (format) {
    case 'json':
      yield [DIRECTORY_JSON, [directoryJson(dataset, options)]];
      return;
    case 'csv':
      yield [SERVICES_CSV, [servicesCsv(dataset, options)]];
      return;
    case 'geojson':
      yield [SERVICES_GEOJSON, [servicesGeoJson(dataset, options)]];
      return;
    case 'hsds':
      yield* hsdsFilesChunks(dataset, options);
      return;
    case 'coverage':
      for (const [file, text] of coverageCsvFiles(dataset)) yield [file, [text]];
  }
}

/** A format's files as path → content, one at a time. */
export function* exportFileEntries(dataset: Dataset, format: ExportFormat, options: ExportOptions): Generator<[string, string]> {
  for (const [file, chunks] of exportFileChunks(dataset, format, options)) yield [file, [...chunks].join('')];
}

/** One file by its path (undefined for a path no format makes), made without the rest of its format's files where they are separate. */
export function exportFile(dataset: Dataset, file: string, options: ExportOptions): string | undefined {
  const format = exportFormatOf(file);
  if (!format) return undefined;
  for (const [name, chunks] of exportFileChunks(dataset, format, options)) if (name === file) return [...chunks].join('');
  return undefined;
}

export function exportFiles(dataset: Dataset, format: ExportFormat, options: ExportOptions): Map<string, string> {
  return new Map(exportFileEntries(dataset, format, options));
}

/** The paths of a format's files, in the order exportFiles gives them, without computing any of them. */
export function exportFileNames(format: ExportFormat): string[] {
  switch (format) {
    case 'json':
      return [DIRECTORY_JSON];
    case 'csv':
      return [SERVICES_CSV];
    case 'geojson':
      return [SERVICES_GEOJSON];
    case 'hsds':
      return hsdsFileNames();
    case 'coverage':
      return COVERAGE_CSV_FILES.map(coverageCsvPath);
  }
}

/** The format a file belongs to, from its path; undefined for a path no format makes. */
export function exportFormatOf(file: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => exportFileNames(f).includes(file));
}

/** Every file of every format. */
export function allExportFiles(dataset: Dataset, options: ExportOptions): Map<string, string> {
  return new Map(EXPORT_FORMATS.flatMap((f) => [...exportFiles(dataset, f, options)]));
}
