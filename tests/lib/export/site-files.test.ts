// The files the site publishes under /data/: listed without being made, written a piece at a time with the same
// bytes as `npm run export` makes, and their sizes known to /open-data/.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { writeExport } from '../../../src/lib/export/export-fs.ts';
import { allExportFiles, EXPORT_FORMATS, exportFileNames, exportFiles, exportFormatOf, SERVICES_CSV, jsonRowsChunks } from '../../../src/lib/export/index.ts';
import { hsdsRowCounts } from '../../../src/lib/export/hsds.ts';
import { formatBytes, siteExportFileNames, siteExportSizes } from '../../../src/lib/export/site-files.ts';
import { fixtureDataset, OPTIONS } from './fixture-data.ts';

const dataset = fixtureDataset();
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the names of the files', () => {
  test.each(EXPORT_FORMATS)('%s: the names listed are the files made, in the same order', (format) => {
    expect(exportFileNames(format)).toEqual([...exportFiles(dataset, format, OPTIONS).keys()]);
    for (const name of exportFileNames(format)) expect(exportFormatOf(name)).toBe(format);
  });

  test('the site lists every file of every format, and no path belongs to no format', () => {
    expect(siteExportFileNames()).toEqual([...allExportFiles(dataset, OPTIONS).keys()]);
    expect(exportFormatOf('hsds/nothing.json')).toBeUndefined();
    expect(siteExportSizes(dataset, OPTIONS).get('nothing.json')).toBeUndefined();
  });
});

describe('JSON arrays a row to a line, a few rows at a time', () => {
  const many = Array.from({ length: 600 }, (_, i) => ({ i, a: [i, { b: `x${i}\ny` }], c: i % 2 ? {} : [] }));
  test.each([0, 1, 2, 256, 257, 600])('%i rows read back as the same array, one row on each line', (n) => {
    const rows = many.slice(0, n);
    const text = [...jsonRowsChunks(rows)].join('');
    expect(JSON.parse(text)).toEqual(rows);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.trimEnd().split('\n');
    expect(lines).toHaveLength(n ? n + 2 : 1);
    if (n) expect(lines.slice(1, -1).map((line) => JSON.parse(line.replace(/,$/, '')))).toEqual(rows);
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

  test('/open-data/ shows the sizes the build wrote, and measures the files itself only when there was no build', () => {
    const measured = Buffer.byteLength(exportFiles(dataset, 'csv', OPTIONS).get(SERVICES_CSV)!, 'utf8');
    expect(siteExportSizes(dataset, OPTIONS).get(SERVICES_CSV)).toBe(measured);
    expect(siteExportSizes(dataset, OPTIONS, new Map([[SERVICES_CSV, 12345]])).get(SERVICES_CSV)).toBe(12345);
  });

  test('without a build, every file is measured at its true size', () => {
    const sizes = siteExportSizes(dataset, OPTIONS);
    for (const [name, content] of allExportFiles(dataset, OPTIONS)) expect(sizes.get(name), name).toBe(Buffer.byteLength(content, 'utf8'));
  });

  test('without a build, measuring the files counts the HSDS rows too, so /open-data/ does not make the tables again', () => {
    const services = JSON.parse(allExportFiles(fixtureDataset(), OPTIONS).get('hsds/services.json')!) as unknown[];
    const fresh = fixtureDataset();
    siteExportSizes(fresh, OPTIONS);
    // Were the tables made again, they would now have no services.
    (fresh.providers as unknown[]).length = 0;
    expect(hsdsRowCounts(fresh, OPTIONS).services).toBe(services.length);
    expect(services.length).toBeGreaterThan(0);
  });
});

describe('sizes in words', () => {
  test.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KB'],
    [12345, '12 KB'],
    [1023 * 1024, '1023 KB'],
    [1024 * 1024 - 1, '1.0 MB'],
    [1024 * 1024, '1.0 MB'],
    [3.44 * 1024 * 1024, '3.4 MB'],
    [299_099_264, '285 MB'],
  ])('%d bytes read "%s"', (bytes, words) => {
    expect(formatBytes(bytes)).toBe(words);
  });
});
