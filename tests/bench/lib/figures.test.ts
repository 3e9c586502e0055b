import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rareFilterAt } from '../../../bench/lib/figures.ts';

const site = mkdtempSync(path.join(tmpdir(), 'spsd-figures-'));
afterAll(() => rmSync(site, { recursive: true, force: true }));

function writeSite(first: { f: number[] }[], counts: number[]): void {
  mkdirSync(path.join(site, 'search'), { recursive: true });
  mkdirSync(path.join(site, 'search-places'), { recursive: true });
  const config = { facets: ['community:men', 'community:carers', 'district:eastbourne'] };
  writeFileSync(path.join(site, 'search', 'index.html'), `<script type="application/json" id="search-config">${JSON.stringify(config)}</script>`);
  writeFileSync(path.join(site, 'search-places', 'at-brighton.json'), JSON.stringify({ n: 50, m: 10, c: counts, r: first }));
}

describe('the filter the benchmark searches a place with', () => {
  it('is the one the most of the place’s groups have while none of its first results does, as the page writes it in the address', () => {
    writeSite([{ f: [0] }, { f: [0] }], [30, 4, 9]);
    expect(rareFilterAt(site, 'brighton')).toBe('district=eastbourne');
  });

  it('is none when every filter any group has is among the first results, or the files are not there', () => {
    writeSite([{ f: [0, 1, 2] }], [30, 4, 9]);
    expect(rareFilterAt(site, 'brighton')).toBeUndefined();
    expect(rareFilterAt(site, 'lewes')).toBeUndefined();
  });
});
