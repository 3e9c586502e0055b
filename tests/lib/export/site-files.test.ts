// The files the site publishes under /data/: listed without being made, written a piece at a time with the same
// bytes as `npm run export` makes, and their sizes known to /open-data/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { writeExport } from '../../../src/lib/export-fs.ts';
import { allExportFiles, EXPORT_FORMATS, exportFileNames, exportFiles, exportFormatOf, SERVICES_CSV, stableJson, stableJsonChunks } from '../../../src/lib/export/index.ts';
import { recordSiteExportSizes, siteExportFileNames, siteExportSize } from '../../../src/lib/export/site-files.ts';
import { fixtureDataset, OPTIONS } from './fixture-data.ts';

const dataset = fixtureDataset();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  recordSiteExportSizes(new Map());
});

describe('the names of the files', () => {
  test.each(EXPORT_FORMATS)('%s: the names listed are the files made, in the same order', (format) => {
    expect(exportFileNames(format)).toEqual([...exportFiles(dataset, format, OPTIONS).keys()]);
    for (const name of exportFileNames(format)) expect(exportFormatOf(name)).toBe(format);
  });

  test('the site lists every file of every format, and no path belongs to no format', () => {
    expect(siteExportFileNames()).toEqual([...allExportFiles(dataset, OPTIONS).keys()]);
    expect(exportFormatOf('hsds/nothing.json')).toBeUndefined();
    expect(siteExportSize(dataset, OPTIONS, 'nothing.json')).toBe(0);
  });
});

describe('JSON a piece at a time', () => {
  test.each([[[]], [[1]], [['a', 'b\nc']], [[{ a: [1, { b: 'x' }], c: {} }, [], { d: null }]]])('%j gives the same bytes as in one piece', (items) => {
    expect([...stableJsonChunks(items)].join('')).toBe(stableJson(items));
  });
});

describe('the files as the build writes them', () => {
  test('every file has the same bytes as the export, and the size returned is its size on disk', () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'spsd-site-files-'));
    dirs.push(out);
    const sizes = writeExport(dataset, EXPORT_FORMATS, out, OPTIONS);
    const all = allExportFiles(dataset, OPTIONS);
    expect([...sizes.keys()]).toEqual([...all.keys()]);
    for (const [name, content] of all) {
      const written = readFileSync(path.join(out, ...name.split('/')));
      expect(written.toString('utf8'), name).toBe(content);
      expect(sizes.get(name), name).toBe(written.length);
    }
  });

  test('/open-data/ shows the sizes the build recorded, and measures a file itself only when there was no build', () => {
    const measured = siteExportSize(dataset, OPTIONS, SERVICES_CSV);
    expect(measured).toBe(Buffer.byteLength(exportFiles(dataset, 'csv', OPTIONS).get(SERVICES_CSV)!, 'utf8'));
    recordSiteExportSizes(new Map([[SERVICES_CSV, 12345]]));
    expect(siteExportSize(dataset, OPTIONS, SERVICES_CSV)).toBe(12345);
  });
});
