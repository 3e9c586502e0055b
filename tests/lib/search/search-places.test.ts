import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGazetteer } from '../../../src/lib/places/gazetteer.ts';
import fc from 'fast-check';
import { firstInOrder, searchPlaceFiles, searchTables } from '../../../src/lib/search/search-places.ts';
import { AREA_TOP, BADGES, chunksFor, compareRanked, kmApart, PLACE_TOP, rankForPlace, slugOf, TIERS, type AreaTop, type PlaceRecord, type PlaceTop, type Ranked } from '../../../src/lib/search/search-rank.ts';
import { parse } from 'yaml';
import { FIXTURES, GAZETTEER, validate } from '../../helpers/data-dir.ts';
import { fillTownLevelCoordinates } from '../../../src/lib/places/place-coordinates.ts';
import { loadPlaceLookup } from '../../../src/lib/places/places-fs.ts';
import { PROJECT_ROOT } from '../../../src/lib/dataset/dataset-fs.ts';

// The search fixtures: made-up groups in known places (tests/fixtures/search/providers/).
const dir = path.join(FIXTURES, 'search', 'providers');
const providers = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
const { dataset } = validate({ providers });
const places = checkGazetteer(parse(readFileSync(GAZETTEER, 'utf8')), dataset.vocab).places;
const files = searchPlaceFiles(dataset, places);
const list = (file: string) => (files.get(file) ?? []) as PlaceRecord[];
const slugs = (file: string) => list(file).map(slugOf).sort();
const record = (slug: string): PlaceRecord => [...files.values()].filter((f): f is PlaceRecord[] => Array.isArray(f)).flat().find((r) => slugOf(r) === slug)!;

describe('searchPlaceFiles', () => {
  it('writes a file for every district, two for every area (all of it, and its first records) and one for every place in Sussex, even when empty', () => {
    const tables = searchTables(dataset);
    const sussex = places.filter((p) => p.area).map((p) => `at-${p.id}`);
    expect(sussex.length).toBeGreaterThan(250);
    expect([...files.keys()].sort()).toEqual([...tables.areas.flatMap(([id]) => [`area-${id}`, `area-${id}-top`]), ...tables.districts.map(([id]) => id), ...sussex].sort());
  });
  it("an area's first records say how many there are in all and how many have each filter value", () => {
    const top = files.get('area-west-sussex-top') as AreaTop;
    expect(top.n).toBe(list('area-west-sussex').length);
    expect(top.r.length).toBeLessThanOrEqual(AREA_TOP);
    const { facets } = searchTables(dataset);
    expect(top.c[facets.indexOf('delivery:phone')]).toBe(1);
  });
  it('lists groups covering a whole area before online and phone support, each by name', () => {
    expect(list('area-east-sussex').map(slugOf)).toEqual(['fixture-east-sussex-peer-line', 'fixture-online-circle']);
  });
  it('names a record by its slug only when that is not its name with hyphens', () => {
    expect(record('fixture-worthing-peer-group').u).toBeUndefined();
    expect(record('fixture-mens-shed-kemptown').u).toBe('fixture-mens-shed-kemptown');
  });
  it("puts a group meeting in a town into its district's file, with where it meets", () => {
    expect(slugs('worthing')).toEqual(['fixture-worthing-peer-group']);
    expect(record('fixture-worthing-peer-group').l).toEqual([[50.8148, -0.3714, 'Worthing', searchTables(dataset).districts.findIndex(([id]) => id === 'worthing')]]);
  });
  it('puts a group that names a district but has no venue into that district only', () => {
    expect(slugs('arun')).toEqual(['fixture-arun-peer-network', 'fixture-bognor-women']);
    expect(slugs('area-west-sussex')).not.toContain('fixture-arun-peer-network');
  });
  it('puts a group covering a whole area, and online and phone support, into the area file', () => {
    expect(slugs('area-east-sussex')).toEqual(['fixture-east-sussex-peer-line', 'fixture-online-circle']);
    expect(slugs('area-west-sussex')).toEqual(['fixture-online-circle', 'fixture-west-sussex-phone']);
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

describe('a venue given only by its town or postcode', () => {
  const lookup = loadPlaceLookup(path.join(PROJECT_ROOT, 'data'));
  const entry = (location: string) => `name: Town Only Group
summary: A made-up group that gives where it meets, but not its venue's position.
led_by: peer-led-group
areas: [west-sussex]
districts: [worthing]
services:
  - id: weekly
    name: Weekly group
    status: active
    formats: [group]
    communities: [everyone]
    locations:
      - ${location}
verification:
  status: unverified
  last_checked: 2026-06-01
  source: Test fixture
`;
  const meeting = (location: string) => {
    const { dataset: ds } = validate({ providers: { 'town-only-group.yaml': entry(location) } });
    fillTownLevelCoordinates(ds.providers, lookup);
    return (searchPlaceFiles(ds, places).get('worthing') as PlaceRecord[])[0]?.l?.[0];
  };
  it('meets in that town, where the map puts it', () => {
    const worthing = places.find((p) => p.name === 'Worthing')!;
    expect(meeting('town: Worthing\n        district: worthing')?.slice(0, 3)).toEqual([worthing.latitude, worthing.longitude, 'Worthing']);
  });
  it('given by its postcode alone, meets in the postcode\'s town, as the map places it', () => {
    const spot = meeting('postcode: BN11 1AA\n        district: worthing');
    expect(spot).toBeDefined();
    expect(kmApart({ latitude: spot![0], longitude: spot![1] }, places.find((p) => p.name === 'Worthing')!)).toBeLessThan(3);
  });
});

describe("a place's own file", () => {
  const tables = searchTables(dataset);
  const rankedFrom = (id: string) => {
    const place = places.find((p) => p.id === id)!;
    const at = { name: place.name, district: place.district, area: place.area!, latitude: place.latitude, longitude: place.longitude };
    const { areas, districts } = chunksFor(at, places, tables);
    return rankForPlace(at, [...districts, ...areas.map((a) => `area-${a}`)].flatMap((f) => list(f)), tables);
  };
  for (const id of ['worthing', 'hastings', 'kemptown', 'bognor-regis', 'crawley']) {
    it(`holds the first results of a search from ${id}, in the order the search ranks every file it would load`, () => {
      const top = files.get(`at-${id}`) as PlaceTop;
      const all = rankedFrom(id);
      expect(all.length).toBeGreaterThan(0);
      expect(top.r.map(slugOf)).toEqual(all.slice(0, PLACE_TOP).map((r) => slugOf(r.record)));
    });
  }
  it('says how many groups there are in all, how many meet nearby, and how many have each filter value', () => {
    const top = files.get('at-worthing') as PlaceTop;
    const all = rankedFrom('worthing');
    expect(top.n).toBe(all.length);
    expect(top.m).toBe(all.filter((r) => r.tier === 'near').length);
    expect(top.m).toBeGreaterThan(0);
    const phone = tables.facets.indexOf('delivery:phone');
    expect(top.c[phone]).toBe(all.filter((r) => r.record.f.includes(phone)).length);
  });
});

describe('firstInOrder', () => {
  const ranked = fc.record({ x: fc.boolean(), tier: fc.constantFrom(...TIERS), g: fc.boolean(), km: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), n: fc.constantFrom('Alpha', 'alpha', 'Beta', 'Gamma') });
  it('gives the first k of a list in the order sorting all of it gives, ties in the order given', () => {
    fc.assert(
      fc.property(fc.array(ranked, { maxLength: 60 }), fc.integer({ min: 1, max: 45 }), (items, k) => {
        const list: Ranked[] = items.map((r, i) => ({ record: { n: r.n, s: String(i), f: [], ...(r.x ? { x: 1 as const } : {}), ...(r.g ? { g: 1 as const } : {}) }, tier: r.tier, why: '', ...(r.km === undefined ? {} : { km: r.km }) }));
        expect(firstInOrder(list, k)).toEqual([...list].sort(compareRanked).slice(0, k));
      }),
    );
  });
});
