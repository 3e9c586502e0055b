// Every export does work in proportion to the data, not to its square: the site build makes every file at
// 10,000 providers, where a search through every row for every service would never finish. Measured by
// behaviour, never by time: how many array elements the export's searches (filter, find, some, includes,
// indexOf and the like) pass over, for four times the providers.
import { afterEach, describe, expect, test } from 'vitest';
import { EXPORT_FORMATS, exportFiles, type ExportFormat } from '../../../src/lib/export/index.ts';
import { generateSynthetic } from '../../../bench/lib/synthetic.ts';
import type { Dataset } from '../../../src/lib/model/types.ts';
import { fixtureDataset, fixtureSources, OPTIONS, TODAY } from './fixture-data.ts';

const SEARCHES = ['filter', 'find', 'findIndex', 'findLast', 'findLastIndex', 'some', 'every', 'includes', 'indexOf', 'lastIndexOf'] as const;
const originals = new Map(SEARCHES.map((name) => [name, Array.prototype[name]]));

afterEach(() => {
  for (const [name, original] of originals) Object.defineProperty(Array.prototype, name, { value: original, writable: true, configurable: true });
});

/** How many elements every search over an array passes over (its length, at most) while `run` runs. */
function elementsSearched(run: () => void): number {
  let count = 0;
  for (const [name, original] of originals)
    Object.defineProperty(Array.prototype, name, {
      value: function (this: unknown[], ...args: unknown[]) {
        count += this.length;
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      },
      writable: true,
      configurable: true,
    });
  try {
    run();
  } finally {
    for (const [name, original] of originals) Object.defineProperty(Array.prototype, name, { value: original, writable: true, configurable: true });
  }
  return count;
}

/** A valid dataset of `count` synthetic providers (the same first providers at every count), with the fixtures' vocabularies. */
function syntheticDataset(count: number): Dataset {
  const sources = fixtureSources();
  const made = generateSynthetic({ count, vocab: fixtureDataset().vocab, today: TODAY });
  const file = (f: { path: string; content: string }) => ({ path: `data/${f.path}`, bytes: Buffer.from(f.content) });
  return fixtureDataset({ ...sources, providers: made.providers.map(file), signatories: made.signatories.map(file) });
}

describe('the work each export does grows in step with the data', () => {
  const small = syntheticDataset(40);
  const large = syntheticDataset(160);

  test('the synthetic data has what every table needs, in proportion', () => {
    expect(large.providers).toHaveLength(160);
    expect(large.signatories.length).toBeGreaterThan(small.signatories.length);
    const services = (ds: Dataset) => ds.providers.flatMap((p) => p.data.services);
    expect(services(large).length).toBeGreaterThan(3 * services(small).length);
  });

  test.each(EXPORT_FORMATS)('%s: four times the providers, at most about four times the searching', (format: ExportFormat) => {
    const before = elementsSearched(() => exportFiles(small, format, OPTIONS));
    const after = elementsSearched(() => exportFiles(large, format, OPTIONS));
    // Linear work gives about 4×; a search of every row for every service gives about 16×.
    expect(after).toBeLessThan(6 * Math.max(before, 1));
  });
});
