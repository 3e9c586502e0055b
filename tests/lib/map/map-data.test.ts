// The map's two files: what the marker file and the words hold for each kind of service and place, that they
// decode to the same thing, that the filters (and their counts) read them as search does, and that the marker
// file stays small (≤ 20 bytes gzipped per place).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../../src/lib/dataset/dataset-fs.ts';
import { readGazetteer } from '../../../src/lib/places/gazetteer-fs.ts';
import { fillTownCoordinates, townCoordinates } from '../../../src/lib/places/gazetteer.ts';
import { mapCsp, tileConfig, tileSource } from '../../../src/components/map/tiles.ts';
import { AREAS_NOT_KNOWN } from '../../../src/lib/model/predicates.ts';
import { buildMapData, whenText } from '../../../src/lib/map/map-data.ts';
import { fillTownLevelCoordinates } from '../../../src/lib/places/place-coordinates.ts';
import { loadPlaceLookup } from '../../../src/lib/places/places-fs.ts';
import { loadVocabularies, validateSources } from '../../../src/lib/validate/index.ts';
import type { Dataset, Provider, Service } from '../../../src/lib/model/types.ts';
import { addMapText, countTerms, decodeMapFile, kebab, passes, serviceShown, type MapData, type MapFilter, type MapService } from '../../../src/lib/map/map-format.ts';
import { formatMiles } from '../../../src/client/map/list-view.ts';
import { FIXTURES, TODAY, vocabSources } from '../../helpers/data-dir.ts';

const MAP_FIXTURES = path.join(FIXTURES, 'map', 'providers');

function fixtureDataset(): Dataset {
  const providers = readdirSync(MAP_FIXTURES)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `tests/fixtures/map/providers/${f}`, bytes: readFileSync(path.join(MAP_FIXTURES, f)) }));
  const result = validateSources({ vocab: vocabSources(), providers, signatories: [], logos: [], stray: [] }, { today: TODAY });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.dataset;
}

const dataset = fixtureDataset();
const places = readGazetteer(path.join(PROJECT_ROOT, 'data'), dataset.vocab).places;
// As the build's loader does: a town-only place takes its town's coordinates.
fillTownCoordinates(dataset.providers, places);
const files = buildMapData(dataset, places, TODAY);
/** What the page does: the markers from one file, then the words from the other. */
function decodeBoth(built: ReturnType<typeof buildMapData>): MapData {
  const decoded = decodeMapFile(JSON.parse(JSON.stringify(built.places)));
  addMapText(decoded, JSON.parse(JSON.stringify(built.text)));
  return decoded;
}
const data = decodeBoth(files);

function service(id: string): MapService {
  const s = data.services.find((x) => x.id === id);
  if (!s) throw new Error(`no service ${id} in the map data`);
  return s;
}

function filter(terms: Record<string, string[]>, provider?: string): MapFilter {
  return { terms: new Map(Object.entries(terms)), provider };
}

/** "service-id@town" for every service and place that passes, services without a place as "service-id". */
function shown(d: MapData, f: MapFilter): string[] {
  const out: string[] = [];
  for (const s of d.services) {
    if (!s.locations.length) {
      if (passes(d, f, s)) out.push(s.id);
      continue;
    }
    for (const i of s.locations) {
      const loc = d.locations[i];
      if (loc && passes(d, f, s, loc)) out.push(`${s.id}@${loc.town}`);
    }
  }
  return out.sort();
}

describe('the marker file built from the map fixtures', () => {
  test('holds running services only, with their providers', () => {
    expect(data.services.map((s) => s.id).sort()).toEqual(['art-club', 'home-visits', 'hybrid-group', 'lgbtq-cafe', 'peer-line', 'tuesday-group', 'video-circle', 'voices-group', 'worthing-circle']);
    expect(data.providers.map((p) => p.slug)).toEqual(['map-county-wide', 'map-hall-hub', 'map-hall-neighbours', 'map-quiet-voices', 'map-remote-lines', 'map-town-only']);
    expect(service('lgbtq-cafe').provider).toMatchObject({ slug: 'map-hall-hub', name: 'Map Fixture Hall Hub' });
  });

  test('a venue shared by services of two providers is one place that lists them all', () => {
    const hall = data.locations.filter((l) => l.services.some((s) => data.services[s]?.id === 'tuesday-group'));
    expect(hall).toHaveLength(1);
    expect(hall[0]?.services.map((s) => data.services[s]?.id).sort()).toEqual(['art-club', 'lgbtq-cafe', 'tuesday-group']);
    expect(hall[0]).toMatchObject({ areaOnly: false, town: 'Worthing' });
    expect(hall[0]?.lat).toBeCloseTo(50.8123, 4);
    expect(hall[0]?.lng).toBeCloseTo(-0.3712, 4);
    // Hall, Lancing, Hastings (area-only), Brighton, and Worthing (town only, apart from the hall): five places in all.
    expect(data.locations).toHaveLength(5);
  });

  test('an area-only place is flagged and rounded to about 1 km, so the venue is never pinned', () => {
    const voices = data.locations[service('voices-group').locations[0] ?? -1];
    expect(voices).toMatchObject({ areaOnly: true, town: 'Hastings' });
    expect(voices?.lat).toBeCloseTo(50.86, 6);
    expect(voices?.lng).toBeCloseTo(0.58, 6);
  });

  test('online and phone services, and services that cover an area, have no place; a hybrid one has both', () => {
    for (const id of ['video-circle', 'peer-line', 'home-visits']) expect(service(id).locations).toEqual([]);
    expect(service('hybrid-group').locations).toHaveLength(1);
    expect(service('home-visits').covers).toBe('Lewes and Wealden');
    expect(service('video-circle').covers).toBe('West Sussex, East Sussex and Brighton & Hove');
    expect(service('tuesday-group').covers).toBe('');
  });

  test('a service of a provider whose areas are not known covers "Sussex", not the areas listed as a guess', () => {
    const own = validateSources({ vocab: vocabSources(), providers: [{ path: 'tests/fixtures/providers/valid/areas-not-confirmed.yaml', bytes: readFileSync(path.join(FIXTURES, 'providers', 'valid', 'areas-not-confirmed.yaml')) }], signatories: [], logos: [], stray: [] }, { today: TODAY }).dataset;
    const decoded = decodeBoth(buildMapData(own, places, TODAY));
    expect(decoded.services.find((s) => s.id === 'peer-support')?.covers).toBe(AREAS_NOT_KNOWN);
    expect(decoded.services.find((s) => s.id === 'lewes-group')?.covers).toBe('');
  });

  test('says when each service runs, in the words the provider pages use', () => {
    expect(service('tuesday-group').when).toBe('Every Tuesday, 6pm to 8pm, as of 2026.');
    expect(service('lgbtq-cafe').when).toBe('The last Friday of the month, 10:30am to 12 noon. Not in August, as of 2026.');
    expect(service('peer-line').when).toBe('');
    expect(service('worthing-circle').when).toBe('Wednesdays, as of 2017.');
  });

  test('says how old each service\'s facts are, and lists those we last heard of long ago after the rest', () => {
    expect(service('tuesday-group')).toMatchObject({ age: 'Information from 2026', old: false });
    expect(service('worthing-circle')).toMatchObject({ age: 'Information from 2017', old: true });
    expect(service('worthing-circle').rank).toBe(data.services.length - 1);
  });

  test('puts a town-only place at its town\'s middle, marked as town-only, apart from any venue', () => {
    const worthing = townCoordinates('Worthing', places)!;
    const loc = data.locations[service('worthing-circle').locations[0]!]!;
    expect(loc).toMatchObject({ townOnly: true, areaOnly: false, town: 'Worthing' });
    expect(loc.lat).toBeCloseTo(worthing.latitude, 4);
    expect(loc.lng).toBeCloseTo(worthing.longitude, 4);
    expect(data.locations.filter((l) => l.townOnly)).toHaveLength(1);
  });

  test('marks a venue given only by its postcode, placed at its town at build, as approximate too', () => {
    const own = fixtureDataset();
    const shoreham = structuredClone(own.providers.find((e) => e.data.services.some((s) => s.id === 'worthing-circle'))!);
    shoreham.slug = 'postcode-only';
    shoreham.data.services = [{ ...shoreham.data.services[0]!, id: 'harbour-group', locations: [{ name: 'Harbour Hall', postcode: 'BN43 5DA', precision: 'exact' }] }];
    fillTownLevelCoordinates([shoreham], loadPlaceLookup(path.join(PROJECT_ROOT, 'data')));
    const built = decodeBoth(buildMapData({ ...own, providers: [shoreham] }, places, TODAY));
    expect(built.locations).toHaveLength(1);
    expect(built.locations[0]).toMatchObject({ townOnly: true, areaOnly: false });
  });

  test('a place that names no district takes the district of the nearest gazetteer town', () => {
    const lancing = data.locations.find((l) => l.town === 'Lancing');
    const districts = data.facets.find((f) => f.key === 'district')?.ids ?? [];
    expect(districts[lancing?.district ?? -1]).toBe('adur');
  });
});

describe('filters on the marker file', () => {
  test('with no filter, everything shows', () => {
    expect(shown(data, filter({}))).toEqual([
      'art-club@Lancing',
      'art-club@Worthing',
      'home-visits',
      'hybrid-group@Brighton',
      'lgbtq-cafe@Worthing',
      'peer-line',
      'tuesday-group@Worthing',
      'video-circle',
      'voices-group@Hastings',
      'worthing-circle@Worthing',
    ]);
  });

  test('a community filter picks the one service at a shared venue that is for that community', () => {
    expect(shown(data, filter({ community: ['lgbtq'] }))).toEqual(['lgbtq-cafe@Worthing']);
    expect(shown(data, filter({ community: ['lgbtq', 'hearing-voices'] }))).toEqual(['lgbtq-cafe@Worthing', 'voices-group@Hastings']);
  });

  test('area and district filters use the place itself when it is known', () => {
    expect(shown(data, filter({ area: ['east-sussex'] }))).toEqual(['home-visits', 'peer-line', 'video-circle', 'voices-group@Hastings']);
    // Services with no place serve every district of their areas (or the districts they name), as on search.
    expect(shown(data, filter({ district: ['adur'] }))).toEqual(['art-club@Lancing', 'peer-line', 'video-circle']);
    expect(shown(data, filter({ district: ['wealden'] }))).toEqual(['home-visits', 'peer-line', 'video-circle']);
  });

  test('different filters must all match; online delivery; a provider', () => {
    expect(shown(data, filter({ area: ['west-sussex'], community: ['young-people'] }))).toEqual(['art-club@Lancing', 'art-club@Worthing']);
    expect(shown(data, filter({ delivery: ['online'] }))).toEqual(['hybrid-group@Brighton', 'video-circle']);
    expect(shown(data, filter({}, 'map-hall-neighbours'))).toEqual(['art-club@Lancing', 'art-club@Worthing']);
    expect(shown(data, filter({ community: ['lgbtq'] }, 'map-hall-neighbours'))).toEqual([]);
  });

  test('an unknown filter value matches nothing, and an unknown filter key is ignored', () => {
    expect(shown(data, filter({ community: ['no-such-community'] }))).toEqual([]);
    expect(shown(data, filter({ colour: ['blue'] })).length).toBe(10);
  });
});

describe('the two files', () => {
  test('the marker file holds places, towns and filter values but no names; the words file has them', () => {
    const markers = JSON.stringify(files.places);
    for (const word of ['Map Fixture Hall Hub', 'map-hall-hub', 'Tuesday group', 'Every Tuesday', 'Lewes and Wealden']) {
      expect(markers).not.toContain(word);
      expect(JSON.stringify(files.text)).toContain(word);
    }
    expect(markers).toContain('Worthing');
  });

  test('the markers and filters work from the marker file alone, before the words arrive', () => {
    const bare = decodeMapFile(JSON.parse(JSON.stringify(files.places)));
    expect(bare.named).toBe(false);
    expect(bare.services.every((s) => s.name === '' && s.provider.slug === '')).toBe(true);
    expect(bare.locations.map((l) => [l.town, l.services.length])).toEqual(data.locations.map((l) => [l.town, l.services.length]));
    const at = (d: MapData, f: MapFilter) => d.locations.filter((l) => l.services.some((i) => passes(d, f, d.services[i]!, l))).map((l) => l.index);
    for (const terms of [{}, { community: ['lgbtq'] }, { area: ['east-sussex'] }, { delivery: ['online'] }] as Record<string, string[]>[]) expect(at(bare, filter(terms))).toEqual(at(data, filter(terms)));
  });

  test('words from another build are refused rather than put on the wrong groups', () => {
    const bare = decodeMapFile(JSON.parse(JSON.stringify(files.places)));
    const other = { ...files.text, s: files.text.s.slice(1) };
    expect(() => addMapText(bare, other)).toThrow(/different builds/);
    expect(() => addMapText(bare, { ...files.text, v: 1 as never })).toThrow(/format 1/);
  });

  test('services are ranked for the list by provider name, then service name', () => {
    const ranked = [...data.services].sort((a, b) => a.rank - b.rank).map((s) => `${s.provider.name} / ${s.name}`);
    expect(ranked).toEqual([...ranked].sort((a, b) => a.localeCompare(b, 'en-GB')));
    expect(new Set(data.services.map((s) => s.rank)).size).toBe(data.services.length);
  });
});

describe('counts beside the filters', () => {
  /** The count of each value worked out the slow way: that value alone in its facet, every service tried. */
  function slowCounts(d: MapData, f: MapFilter): Map<string, number> {
    const out = new Map<string, number>();
    for (const facet of d.facets)
      for (const id of facet.ids) {
        const own: MapFilter = { terms: new Map(f.terms), provider: f.provider };
        own.terms.set(facet.key, [id]);
        const n = d.services.filter((s) => serviceShown(d, own, s)).length;
        if (n) out.set(`${facet.key}:${id}`, n);
      }
    return out;
  }
  const choices: [Record<string, string[]>, string?][] = [
    [{}],
    [{ community: ['lgbtq'] }],
    [{ area: ['west-sussex'] }],
    [{ district: ['adur', 'worthing'], community: ['young-people'] }],
    [{ area: ['east-sussex'], delivery: ['online', 'phone'] }],
    [{}, 'map-hall-neighbours'],
    [{ colour: ['blue'], community: ['no-such-community'] }],
  ];

  test('each count is the number of groups that choosing that value would show, on the fixtures', () => {
    for (const [terms, provider] of choices) expect(countTerms(data, filter(terms, provider)), JSON.stringify(terms)).toEqual(slowCounts(data, filter(terms, provider)));
    expect(countTerms(data, filter({})).get('community:lgbtq')).toBe(1);
  });

  test('and on a larger made-up directory, with places that name their district and places that do not', () => {
    const big = decodeBoth(buildMapData(syntheticDataset(300), places));
    for (const [terms] of choices) expect(countTerms(big, filter(terms))).toEqual(slowCounts(big, filter(terms)));
  });
});

test('whenText joins sessions and the note', () => {
  const s = {
    schedule: {
      note: 'Ring first',
      sessions: [
        { day: 'monday', start: '10:00', end: '12:00', frequency: 'weekly' },
        { day: 'thursday', start: '18:30', end: '20:00', frequency: 'fortnightly' },
      ],
    },
  } as unknown as Service;
  expect(whenText(s)).toBe('Every Monday, 10am to 12 noon; Every other Thursday, 6:30pm to 8pm. Ring first.');
});

// ---- compactness --------------------------------------------------------------------------------------------

/** A deterministic, realistic directory with `venues` places: towns, names, sessions and filters vary as in life. */
function syntheticDataset(venues: number): Dataset {
  const { vocab } = loadVocabularies(vocabSources());
  // mulberry32: deterministic, so the measured size is the same on every run.
  let seed = 20_261_123;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const some = <T>(items: readonly T[], max: number): T[] => [...new Set(Array.from({ length: 1 + Math.floor(random() * max) }, () => pick(items)))];
  const ids = (name: keyof typeof vocab) => vocab[name].terms.map((t) => t.id);
  const towns = places.filter((p) => p.kind !== 'village' || random() < 0.5);
  const topics = ['Hearing Voices', 'Recovery', 'Wellbeing', 'Carers', 'Young People’s', 'LGBTQ+', 'Women’s', 'Men’s', 'Peer Support', 'Creative Minds', 'Walk and Talk'];
  const nouns = ['Group', 'Network', 'Project', 'Collective', 'Circle', 'Hub', 'Café', 'Forum', 'Trust'];
  const serviceNames = ['Weekly peer group', 'Drop-in', 'One-to-one peer support', 'Art group', 'Music session', 'Walking group', 'Community lunch', 'Coffee morning'];
  const days = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
  const starts = ['10:00', '10:30', '11:00', '13:00', '14:00', '18:00', '18:30', '19:00'];
  const providers: Dataset['providers'] = [];
  let made = 0;
  let shared: { town: string; district: string; latitude: number; longitude: number } | undefined;
  while (made < venues) {
    const town = pick(towns);
    const name = `${town.name} ${pick(topics)} ${pick(nouns)} ${providers.length}`;
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    const area = vocab.districts.terms.find((d) => d.id === town.district)?.area ?? 'west-sussex';
    const services: Service[] = [];
    const serviceCount = 1 + Math.floor(random() * 3);
    for (let i = 0; i < serviceCount && made < venues; i++) {
      const start = pick(starts);
      const end = `${String(Number(start.slice(0, 2)) + 2).padStart(2, '0')}${start.slice(2)}`;
      const locations: NonNullable<Service['locations']> = [];
      const count = 1 + Math.floor(random() * 2);
      for (let j = 0; j < count && made < venues; j++) {
        const areaOnly = random() < 0.1;
        const latitude = town.latitude + (random() - 0.5) * 0.03;
        const longitude = town.longitude + (random() - 0.5) * 0.05;
        // Now and then a service meets at a venue another service already uses: one marker, no new place.
        if (shared && random() < 0.05) {
          locations.push({ town: shared.town, district: shared.district as never, latitude: shared.latitude, longitude: shared.longitude, precision: 'exact' });
          continue;
        }
        locations.push({ town: town.name, district: town.district as never, latitude, longitude, precision: areaOnly ? 'area-only' : 'exact' });
        if (!areaOnly) shared = { town: town.name, district: town.district, latitude, longitude };
        made++;
      }
      // Ids as people write them: often the name in lower case, often a day and a word.
      const serviceName = pick(serviceNames);
      const id = random() < 0.5 ? kebab(serviceName) : `${pick(days)}-${kebab(pick(nouns))}`;
      services.push({
        id: services.some((x) => x.id === id) ? `${id}-${i + 1}` : id,
        name: serviceName,
        status: 'active',
        formats: some(ids('formats'), 2),
        settings: ['community'],
        communities: some(ids('communities'), 2),
        access: some(ids('access'), 2),
        cost: { type: pick(ids('costs')) },
        schedule: { sessions: [{ day: pick(days), start, end, frequency: pick(['weekly', 'weekly', 'fortnightly']) }] },
        locations,
      } as unknown as Service);
    }
    const provider = { name, summary: 'A made-up group.', led_by: pick(ids('leaders')), areas: [area], districts: [town.district], services } as unknown as Provider;
    providers.push({ slug, file: `data/providers/${slug}.yaml`, data: provider });
  }
  return { vocab, providers, signatories: [] };
}

test('the marker file takes at most 20 bytes per place, gzipped, for a directory of 1,000 places', () => {
  const big = syntheticDataset(1000);
  const built = buildMapData(big, places);
  const json = JSON.stringify(built.places);
  const decoded = decodeBoth(built);
  const distinct = new Set(big.providers.flatMap((p) => p.data.services.flatMap((s) => (s.locations ?? []).map((l) => `${l.latitude},${l.longitude}`))));
  expect(distinct.size).toBe(1000);
  // Rounding area-only places to 1 km may merge a few of them; every exact venue stays its own place.
  expect(decoded.locations.length).toBeGreaterThan(990);
  expect(decoded.services.length).toBe(big.providers.reduce((n, p) => n + p.data.services.length, 0));
  // zlib's default level, as static hosts usually serve it.
  const gzipped = gzipSync(json).length;
  const perPlace = gzipped / decoded.locations.length;
  if (process.env.MAP_SIZE_DEBUG) {
    console.log(`map-data.json: ${json.length} bytes, ${gzipped} gzipped: ${perPlace.toFixed(1)} bytes per place (${decoded.locations.length} places, ${decoded.services.length} services)`);
    console.log(`map-text.json: ${gzipSync(JSON.stringify(built.text)).length} gzipped`);
    for (const [k, v] of Object.entries(built.places)) console.log(`  ${k}: ${JSON.stringify(v).length} bytes, ${gzipSync(JSON.stringify(v)).length} gzipped`);
  }
  expect(perPlace).toBeLessThanOrEqual(20);
});

test('decoding gives back every place and service the builder was given, to within about 10 m', () => {
  const big = syntheticDataset(200);
  const decoded = decodeBoth(buildMapData(big, places));
  for (const entry of big.providers) {
    for (const s of entry.data.services) {
      const mine = decoded.services.find((d) => d.provider.slug === entry.slug && d.id === s.id);
      expect(mine, `${entry.slug}#${s.id}`).toBeDefined();
      for (const loc of s.locations ?? []) {
        const tolerance = loc.precision === 'area-only' ? 0.0051 : 0.00006;
        const found = mine?.locations.map((i) => decoded.locations[i]).find((l) => l && l.areaOnly === (loc.precision === 'area-only') && Math.abs(l.lat - (loc.latitude ?? 0)) <= tolerance && Math.abs(l.lng - (loc.longitude ?? 0)) <= tolerance);
        expect(found, `${entry.slug}#${s.id} at ${loc.latitude}, ${loc.longitude} (${loc.precision})`).toBeDefined();
      }
    }
  }
});

describe('words and settings the map page uses', () => {
  test('distances in miles', () => {
    expect(formatMiles(0.02)).toBe('less than 0.1 miles');
    expect(formatMiles(0.96)).toBe('1 mile');
    expect(formatMiles(2.345)).toBe('2.3 miles');
    expect(formatMiles(9.96)).toBe('10 miles');
    expect(formatMiles(12.6)).toBe('13 miles');
  });

  test('the tile server is configuration, and only its origin is added to the page’s img-src', () => {
    const osm = tileConfig({});
    expect(osm.url).toBe('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
    expect(osm.attribution).toContain('https://www.openstreetmap.org/copyright');
    expect(osm.referrerPolicy).toBe('strict-origin-when-cross-origin');
    expect(tileSource(osm.url)).toBe('https://tile.openstreetmap.org');
    expect(tileSource('https://{s}.tiles.example.org/{z}/{x}/{y}@2x.png')).toBe('https://*.tiles.example.org');
    const other = tileConfig({ MAP_TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', MAP_TILE_PROVIDER: 'Example Maps' });
    expect(other.provider).toBe('Example Maps');
    expect(mapCsp(other.url)).toContain("img-src 'self' data: https://tiles.example.org;");
    expect(mapCsp(other.url)).toContain("script-src 'self' 'wasm-unsafe-eval';");
  });
});
