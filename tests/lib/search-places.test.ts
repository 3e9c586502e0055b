import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../src/lib/gazetteer.ts';
import { searchPlaceFiles, searchTables } from '../../src/lib/search-places.ts';
import { BADGES } from '../../src/lib/search-rank.ts';
import { parse } from 'yaml';
import { FIXTURES, GAZETTEER, validate } from '../helpers/data-dir.ts';

// The search fixtures: made-up groups in known places (tests/fixtures/search/providers/).
const dir = path.join(FIXTURES, 'search', 'providers');
const providers = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
const { dataset } = validate({ providers });
const places = checkGazetteer(parse(readFileSync(GAZETTEER, 'utf8')), dataset.vocab).places;
const files = searchPlaceFiles(dataset, places);
const slugs = (file: string) => (files.get(file) ?? []).map((r) => r.u).sort();
const record = (slug: string) => [...files.values()].flat().find((r) => r.u === slug)!;

describe('searchPlaceFiles', () => {
  it('writes a file for every district and area, even an empty one (Brighton & Hove is both, in one file)', () => {
    const tables = searchTables(dataset);
    expect([...files.keys()].sort()).toEqual([...new Set([...tables.areas.map(([id]) => id), ...tables.districts.map(([id]) => id)])].sort());
  });
  it("puts a group meeting in a town into its district's file, with where it meets", () => {
    expect(slugs('worthing')).toEqual(['fixture-worthing-peer-group']);
    expect(record('fixture-worthing-peer-group').l).toEqual([[50.8148, -0.3714, 'Worthing', searchTables(dataset).districts.findIndex(([id]) => id === 'worthing')]]);
  });
  it('puts a group that names a district but has no venue into that district only', () => {
    expect(slugs('arun')).toEqual(['fixture-arun-peer-network', 'fixture-bognor-women']);
    expect(slugs('west-sussex')).not.toContain('fixture-arun-peer-network');
  });
  it('puts a group covering a whole area, and online and phone support, into the area file', () => {
    expect(slugs('east-sussex')).toEqual(['fixture-east-sussex-peer-line', 'fixture-online-circle']);
    expect(slugs('west-sussex')).toEqual(['fixture-online-circle', 'fixture-west-sussex-phone']);
    expect(record('fixture-east-sussex-peer-line').w).toEqual([1]);
  });
  it('marks online and phone support, and does not count it as covering an area in person', () => {
    expect(record('fixture-online-circle').o).toBe(1);
    expect(record('fixture-online-circle').w).toBeUndefined();
    expect(record('fixture-worthing-peer-group').o).toBeUndefined();
  });
  it('carries the filter values the filter boxes count', () => {
    const { facets } = searchTables(dataset);
    const named = record('fixture-mens-shed-kemptown').f.map((i) => facets[i]);
    expect(named).toEqual(expect.arrayContaining(['community:men', 'area:brighton-and-hove', 'format:group', 'leader:peer-led-group']));
  });
  it('carries badges as letters the browser turns back into the same badges as the lists', () => {
    expect([...(record('fixture-online-circle').b ?? '')].map((c) => BADGES[c]?.[2])).toEqual(['User-led']);
  });
});
