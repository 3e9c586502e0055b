// The files the site publishes under /data/: listed without being made, each the same bytes as
// `npm run export` makes, and made once per build however many routes ask.
import { describe, expect, test } from 'vitest';
import { allExportFiles, EXPORT_FORMATS, exportFileNames, exportFiles, exportFormatOf } from '../../../src/lib/export/index.ts';
import { siteExport, siteExportFileNames } from '../../../src/lib/export/site-files.ts';
import { fixtureDataset, OPTIONS } from './fixture-data.ts';

const dataset = fixtureDataset();

describe('the names of the files', () => {
  test.each(EXPORT_FORMATS)('%s: the names listed are the files made, in the same order', (format) => {
    expect(exportFileNames(format)).toEqual([...exportFiles(dataset, format, OPTIONS).keys()]);
    for (const name of exportFileNames(format)) expect(exportFormatOf(name)).toBe(format);
  });

  test('the site lists every file of every format, and no path belongs to no format', () => {
    expect(siteExportFileNames()).toEqual([...allExportFiles(dataset, OPTIONS).keys()]);
    expect(exportFormatOf('hsds/nothing.json')).toBeUndefined();
    expect(siteExport(dataset, OPTIONS).take('nothing.json')).toBeUndefined();
  });
});

describe('the files as the site makes them', () => {
  test('every file has the same bytes as the export, and its size is its UTF-8 length', () => {
    const all = allExportFiles(dataset, OPTIONS);
    const site = siteExport(fixtureDataset(), OPTIONS);
    for (const [name, content] of all) {
      expect(site.size(name), name).toBe(Buffer.byteLength(content, 'utf8'));
      expect(site.text(name), name).toBe(content);
      expect(site.take(name), name).toBe(content);
    }
  });

  test('a file is made once: after the page asked for its size and content, writing it makes nothing again', () => {
    const ds = fixtureDataset();
    const site = siteExport(ds, OPTIONS);
    expect(siteExport(ds, OPTIONS)).toBe(site);
    const size = site.size('services.geojson');
    const text = site.text('services.geojson');
    // The same string object, not an equal one made again.
    expect(site.take('services.geojson')).toBe(text);
    expect(site.size('services.geojson')).toBe(size);
  });

  test('a file written once is made again, the same, if it is asked for again', () => {
    const site = siteExport(fixtureDataset(), OPTIONS);
    const first = site.take('hsds/services.json');
    expect(first).toBeDefined();
    expect(site.take('hsds/services.json')).toBe(first);
  });
});
