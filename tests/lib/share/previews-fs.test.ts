// Drawing the link previews: real PNGs of 1200 × 630, the same bytes every time, and a cache that makes a
// rebuild draw only the pictures whose words changed.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { previewRenderer, writePreviews } from '../../../src/lib/share/previews-fs.ts';
import { previewFile } from '../../../src/lib/share/previews.ts';
import type { Dataset } from '../../../src/lib/model/types.ts';
import { validate } from '../../helpers/data-dir.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';

const dataset: Dataset = validate({ providers: Object.fromEntries(fixtureFiles('providers', 'valid').map((f) => [f.path.split('/').pop()!, f.bytes])) }).dataset;
const work = mkdtempSync(path.join(tmpdir(), 'spsd-previews-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writePreviews', () => {
  const cache = path.join(work, 'cache');
  const read = (out: string, slug?: string) => readFileSync(path.join(out, previewFile(slug)));

  it("draws the site's picture and one per provider, each a PNG of 1200 × 630", async () => {
    const out = path.join(work, 'one');
    const counts = await writePreviews({ out, dataset, cache });
    expect(counts).toEqual({ drawn: dataset.providers.length + 1, reused: 0 });
    for (const slug of [undefined, ...dataset.providers.map((p) => p.slug)]) {
      const png = PNG.sync.read(read(out, slug));
      expect([png.width, png.height]).toEqual([1200, 630]);
    }
  }, 60_000);

  it('draws nothing again on a rebuild with the same words, and gives the same bytes', async () => {
    const out = path.join(work, 'two');
    const counts = await writePreviews({ out, dataset, cache });
    expect(counts).toEqual({ drawn: 0, reused: dataset.providers.length + 1 });
    for (const slug of dataset.providers.map((p) => p.slug)) expect(read(out, slug).equals(read(path.join(work, 'one'), slug))).toBe(true);
  });

  it('draws again only the provider whose name changed', async () => {
    const [first, ...rest] = dataset.providers;
    const changed = { ...dataset, providers: [{ ...first!, data: { ...first!.data, name: `${first!.data.name} (renamed)` } }, ...rest] };
    const out = path.join(work, 'three');
    expect(await writePreviews({ out, dataset: changed, cache })).toEqual({ drawn: 1, reused: rest.length + 1 });
    expect(read(out, first!.slug).equals(read(path.join(work, 'one'), first!.slug))).toBe(false);
    expect(readdirSync(cache).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});

describe('previewRenderer', () => {
  it('draws the same bytes for the same words, from the bundled font only', async () => {
    const r = await previewRenderer();
    const text = { title: 'Łukasz’s Café Group', areas: 'Brighton & Hove' };
    const [a, b] = [await r.render(text), await r.render(text)];
    expect(a.equals(b)).toBe(true);
    expect(r.key(text)).toBe(r.key({ ...text }));
    expect(r.key(text)).not.toBe(r.key({ ...text, areas: 'West Sussex' }));
  });
});
