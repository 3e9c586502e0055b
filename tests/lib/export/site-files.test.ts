// The files the site publishes under /data/: listed without being made, each the same bytes as
// `npm run export` makes, and made once per build however many routes ask.
import { describe, expect, test } from 'vitest';
import { allExportFiles, DIRECTORY_JSON, EXPORT_FORMATS, exportFileNames, exportFiles, exportFormatOf, SERVICES_CSV } from '../../../src/lib/export/index.ts';
import { SiteExport, siteExport, siteExportFileNames, siteFileMaker } from '../../../src/lib/export/site-files.ts';
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
      expect(site.take(name), name).toBe(content);
    }
    expect(siteExport(dataset, OPTIONS)).toBe(siteExport(dataset, OPTIONS));
  });

  /** A SiteExport that counts how often each file is made. */
  const counted = () => {
    const made = new Map<string, number>();
    const maker = siteFileMaker(dataset, OPTIONS);
    const site = new SiteExport((file) => {
      const files = [...maker(file)];
      for (const [name] of files) made.set(name, (made.get(name) ?? 0) + 1);
      return files;
    });
    return { site, made };
  };

  test('a file is made once, whether the page asks for its size before or after it is written', () => {
    const { site, made } = counted();
    const before = site.size(SERVICES_CSV);
    expect(site.take(SERVICES_CSV)).toBe(exportFiles(dataset, 'csv', OPTIONS).get(SERVICES_CSV));
    expect(site.size(SERVICES_CSV)).toBe(before);
    const content = site.take(DIRECTORY_JSON);
    expect(site.size(DIRECTORY_JSON)).toBe(Buffer.byteLength(content ?? '', 'utf8'));
    expect(made.get(SERVICES_CSV)).toBe(1);
    expect(made.get(DIRECTORY_JSON)).toBe(1);
  });

  test('the coverage tables are made together, once, and each HSDS file on its own', () => {
    const { site, made } = counted();
    for (const name of [...exportFileNames('coverage'), ...exportFileNames('hsds')]) expect(site.take(name), name).toBeDefined();
    expect([...made.values()].every((n) => n === 1)).toBe(true);
    expect([...made.keys()].sort()).toEqual([...exportFileNames('coverage'), ...exportFileNames('hsds')].sort());
  });

  test('a file written once is made again, the same, if it is asked for again', () => {
    const { site, made } = counted();
    const first = site.take('hsds/services.json');
    expect(first).toBeDefined();
    expect(site.take('hsds/services.json')).toBe(first);
    expect(made.get('hsds/services.json')).toBe(2);
  });
});
