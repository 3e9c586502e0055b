import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../../src/lib/search/search-index-fs.ts';
import { provider, validate } from '../../helpers/data-dir.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function datasetOf(count: number) {
  const providers = Object.fromEntries(Array.from({ length: count }, (_, i) => [`group-${String(i).padStart(3, '0')}.yaml`, provider(`Group ${i}`)]));
  const result = validate({ providers });
  if (result.problems.some((p) => p.severity === 'error')) throw new Error('the test data should be valid');
  return result.dataset;
}

describe('writeSearchIndex', () => {
  it('indexes every provider, more than one batch of them, and says how many', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'spsd-search-index-'));
    dirs.push(out);
    const dataset = datasetOf(150);
    expect(await writeSearchIndex(dataset, out)).toBe(150);
    const entry = JSON.parse(readFileSync(path.join(out, 'pagefind-entry.json'), 'utf8'));
    expect(entry.languages.en.page_count).toBe(150);
    expect(readdirSync(path.join(out, 'fragment'))).toHaveLength(150);
    expect(readdirSync(path.join(out, 'filter')).length).toBeGreaterThan(0);
  });

  it('writes no file until the work it is told to wait for is done', async () => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'spsd-search-index-'));
    dirs.push(out);
    let release = () => {};
    const otherWork = new Promise<void>((resolve) => (release = resolve));
    const indexing = writeSearchIndex(datasetOf(20), out, { writeAfter: otherWork });
    // Longer than indexing 20 records takes: without the wait, the files would be there by now.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(readdirSync(out)).toEqual([]);
    release();
    expect(await indexing).toBe(20);
    expect(existsSync(path.join(out, 'pagefind-entry.json'))).toBe(true);
  });
});
