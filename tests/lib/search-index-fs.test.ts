import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSearchIndex } from '../../src/lib/search-index-fs.ts';
import { provider, validate } from '../helpers/data-dir.ts';

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
});
