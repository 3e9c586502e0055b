import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { areaLayers, districtLayers, districtSummaries, layeredDistrict, layerText, locationDistrict, pageRuns, LAYER_KINDS } from '../../src/lib/area-layers.ts';
import { loadDataset } from '../../src/lib/dataset/dataset-fs.ts';
import type { Place } from '../../src/lib/places/gazetteer.ts';
import { loadGazetteer } from '../../src/lib/places/gazetteer-fs.ts';
import { generateSynthetic } from '../../bench/lib/synthetic.ts';
import { loadVocabularies } from '../../src/lib/validate/index.ts';
import type { Dataset, Entry, Location, Provider } from '../../src/lib/model/types.ts';
import { fillTownLevelCoordinates } from '../../src/lib/places/place-coordinates.ts';
import { loadPlaceLookup } from '../../src/lib/places/places-fs.ts';
import { provider, validate, vocabSources } from '../helpers/data-dir.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

const PLACES: Place[] = [
  { id: 'worthing', name: 'Worthing', district: 'worthing', kind: 'town', latitude: 50.817, longitude: -0.372 },
  { id: 'lancing', name: 'Lancing', district: 'adur', kind: 'town', latitude: 50.828, longitude: -0.323 },
  { id: 'shoreham-by-sea', name: 'Shoreham-by-Sea', district: 'adur', kind: 'town', latitude: 50.834, longitude: -0.273, aliases: ['Shoreham'] },
  { id: 'crawley', name: 'Crawley', district: 'crawley', kind: 'town', latitude: 51.109, longitude: -0.187 },
  { id: 'brighton', name: 'Brighton', district: 'brighton-and-hove', kind: 'city', latitude: 50.822, longitude: -0.137 },
];

const loc = (fields: Partial<Location>): Location => ({ precision: 'exact', ...fields }) as Location;

describe('locationDistrict', () => {
  it('takes the venue’s own district before its town or coordinates', () => {
    expect(locationDistrict(loc({ district: 'crawley', town: 'Lancing', latitude: 50.817, longitude: -0.372 }), PLACES)).toBe('crawley');
  });
  it('finds the district from the town, however its case, hyphens and spaces are written, or by another name for it', () => {
    expect(locationDistrict(loc({ town: 'Lancing' }), PLACES)).toBe('adur');
    expect(locationDistrict(loc({ town: 'shoreham by sea' }), PLACES)).toBe('adur');
    expect(locationDistrict(loc({ town: 'Shoreham' }), PLACES)).toBe('adur');
    expect(locationDistrict(loc({ town: 'St. Leonards' }), [...PLACES, { id: 'st-leonards-on-sea', name: 'St Leonards-on-Sea', district: 'hastings', kind: 'town', latitude: 50.855, longitude: 0.55, aliases: ['Saint Leonards'] }])).toBe('hastings');
  });
  it('falls back to the nearest gazetteer place to the coordinates when the town is unknown or missing', () => {
    expect(locationDistrict(loc({ town: 'Nowhere Green', latitude: 51.11, longitude: -0.19 }), PLACES)).toBe('crawley');
    expect(locationDistrict(loc({ latitude: 50.82, longitude: -0.37 }), PLACES)).toBe('worthing');
  });
  it('finds the district of a venue given only by its postcode from where the map puts it, its postcode\'s town', () => {
    const only = loc({ postcode: 'BN11 1AA' });
    fillTownLevelCoordinates([{ slug: 'x', data: { services: [{ locations: [only] }] } } as unknown as Entry<Provider>], loadPlaceLookup(ROOT + 'data'));
    expect(locationDistrict(only, PLACES)).toBe('worthing');
  });
  it('gives nothing when the venue has no district, no known town and no coordinates', () => {
    expect(locationDistrict(loc({ town: 'Nowhere Green' }), PLACES)).toBeUndefined();
  });
});

const venue = (lines: string) => `    locations:\n${lines}`;
const service = (id: string, extra: string) => `  - id: ${id}\n    name: ${id}\n    status: active\n    formats: [group]\n    communities: [everyone]\n${extra}`;

function westSussex(name: string, head: string, services: string): string {
  return provider(name)
    .replace('areas: [brighton-and-hove]\n', `areas: [west-sussex]\n${head}`)
    .replace(/services:\n[\s\S]*?verification:/, `services:\n${services}verification:`);
}

function dataset(): Dataset {
  const result = validate({
    providers: {
      'worthing-venue.yaml': westSussex('Worthing Venue', '', service('meets', venue('      - town: Worthing\n        district: worthing\n        precision: exact\n'))),
      'lancing-town.yaml': westSussex('Lancing Town', '', service('meets', venue('      - town: Lancing\n        precision: area-only\n'))),
      'names-worthing.yaml': westSussex('Names Worthing', 'districts: [worthing]\n', service('covers', '')),
      'whole-west.yaml': westSussex('Whole West', '', service('covers', '')),
      'online-west.yaml': westSussex('Online West', '', service('online', '    delivery: [online]\n')),
      'venue-and-phone.yaml': westSussex('Venue And Phone', '', service('both', `${venue('      - town: Worthing\n        district: worthing\n        precision: exact\n')}    delivery: [phone]\n`)),
      'closed-west.yaml': westSussex('Closed West', '', service('closed', '').replace('status: active', 'status: closed')),
      'unknown-areas.yaml': westSussex('Unknown Areas', 'areas_unconfirmed: true\n', service('somewhere', '')),
      'brighton-whole.yaml': provider('Brighton Whole'),
    },
  });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.dataset;
}

const names = (d: Dataset, area: string, district: string) => districtLayers(d, area, district, PLACES).map((l) => [l.kind, l.items.map((i) => i.provider.data.name)]);

describe('districtLayers', () => {
  it('lists what serves a district nearest first: meeting there, naming it, the whole area, online or by phone, then areas not known', () => {
    expect(names(dataset(), 'west-sussex', 'worthing')).toEqual([
      ['meets', ['Venue And Phone', 'Worthing Venue']],
      ['district', ['Names Worthing']],
      ['area', ['Whole West']],
      ['remote', ['Online West']],
      ['sussex', ['Unknown Areas']],
    ]);
  });
  it('places a venue given only by its town in the town’s district, and a service with a venue elsewhere that also works by phone under online or by phone', () => {
    expect(names(dataset(), 'west-sussex', 'adur')).toEqual([
      ['meets', ['Lancing Town']],
      ['area', ['Whole West']],
      ['remote', ['Online West', 'Venue And Phone']],
      ['sussex', ['Unknown Areas']],
    ]);
  });
  it('lists a service whose own facts are old after current ones in its layer, whatever its group is called', () => {
    const old = service('meets', `${venue('      - town: Worthing\n        district: worthing\n        precision: exact\n')}    sources:\n      - title: A news story\n        published: "2015"\n`);
    // Not confirmed with the group (no last_checked), so the service's age is its own source's.
    const unchecked = (yaml: string) => yaml.replace(/\n\s*last_checked: .*/, '');
    const d = validate({ providers: { 'aardvark.yaml': unchecked(westSussex('Aardvark Group', '', old)), 'worthing-venue.yaml': westSussex('Worthing Venue', '', service('meets', venue('      - town: Worthing\n        district: worthing\n        precision: exact\n'))) } });
    expect(d.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(districtLayers(d.dataset, 'west-sussex', 'worthing', PLACES)[0]!.items.map((i) => i.provider.data.name)).toEqual(['Worthing Venue', 'Aardvark Group']);
  });
  it('leaves out closed services, and services of other areas', () => {
    const all = names(dataset(), 'west-sussex', 'crawley').flatMap(([, n]) => n);
    expect(all).not.toContain('Closed West');
    expect(all).not.toContain('Brighton Whole');
    expect(all).not.toContain('Names Worthing');
  });
  it('puts a service covering an area of one district under that district, not the whole area', () => {
    expect(names(dataset(), 'brighton-and-hove', 'brighton-and-hove')).toEqual([['district', ['Brighton Whole']]]);
  });
  it('lists what serves the rest of the area, under its own heading, when nothing reaches the district itself', () => {
    const d = dataset();
    d.providers = d.providers.filter((p) => ['Worthing Venue', 'Names Worthing', 'Closed West', 'Brighton Whole'].includes(p.data.name));
    expect(names(d, 'west-sussex', 'adur')).toEqual([['elsewhere', ['Names Worthing', 'Worthing Venue']]]);
    expect(districtSummaries(d, 'west-sussex', PLACES).find((s) => s.district === 'adur')).toEqual({ district: 'adur', total: 0, meets: 0 });
  });
  it('lists nothing for a district of an area that nothing serves', () => {
    const d = dataset();
    d.providers = d.providers.filter((p) => p.data.areas.includes('brighton-and-hove') && !p.data.areas_unconfirmed);
    expect(districtLayers(d, 'west-sussex', 'adur', PLACES)).toEqual([]);
  });
});

describe('areaLayers', () => {
  it('lists only what reaches every district: the whole area, online or by phone (with a service that meets in one district but also works by phone), and areas not known', () => {
    const layers = areaLayers(dataset(), 'west-sussex', PLACES).map((l) => [l.kind, l.items.map((i) => i.provider.data.name)]);
    expect(layers).toEqual([
      ['area', ['Whole West']],
      ['remote', ['Online West', 'Venue And Phone']],
      ['sussex', ['Unknown Areas']],
    ]);
  });
  it('lists a service covering an area of one district as covering the whole area', () => {
    expect(areaLayers(dataset(), 'brighton-and-hove', PLACES).map((l) => l.kind)).toEqual(['area']);
  });
});

describe('districtSummaries', () => {
  it('counts, for each district of the area, the services that reach it and those that meet there', () => {
    const byId = Object.fromEntries(districtSummaries(dataset(), 'west-sussex', PLACES).map((s) => [s.district, [s.total, s.meets]]));
    expect(byId).toMatchObject({ worthing: [6, 2], adur: [5, 1], crawley: [4, 0] });
    expect(Object.keys(byId)).toEqual(['adur', 'arun', 'chichester', 'crawley', 'horsham', 'mid-sussex', 'worthing']);
  });
});

describe('pageRuns', () => {
  it('groups a page’s entries by layer and marks a layer that began on an earlier page as continued', () => {
    const all = layeredDistrict(dataset(), 'west-sussex', 'worthing', PLACES);
    expect(all.map((e) => e.layer)).toEqual(['meets', 'meets', 'district', 'area', 'remote', 'sussex']);
    expect(pageRuns(all, 0, 3).map((r) => [r.kind, r.continued, r.items.length])).toEqual([['meets', false, 2], ['district', false, 1]]);
    expect(pageRuns(all, 1, 4).map((r) => [r.kind, r.continued, r.items.length])).toEqual([['meets', true, 1], ['district', false, 1], ['area', false, 1]]);
    expect(pageRuns(all, 6, 9)).toEqual([]);
  });
});

describe('layerText', () => {
  it('gives every layer its own heading and a sentence naming the place', () => {
    const headings = LAYER_KINDS.map((k) => layerText(k, 'Worthing', 'West Sussex').heading);
    expect(new Set(headings).size).toBe(LAYER_KINDS.length);
    for (const k of ['meets', 'district', 'area', 'remote'] as const) expect(layerText(k, 'Worthing', 'West Sussex').note).toContain('Worthing');
  });
});

describe('every district page of a real directory', () => {
  /** Districts whose list is empty although something running serves their area. */
  function emptyDistricts(d: Dataset, places: readonly Place[]): string[] {
    const empty: string[] = [];
    for (const area of d.vocab.areas.terms) {
      const served = d.providers.some((p) => (p.data.areas as string[]).includes(area.id) && p.data.services.some((s) => s.status !== 'closed'));
      for (const district of d.vocab.districts.terms.filter((t) => t.area === area.id)) {
        const list = layeredDistrict(d, area.id, district.id, places);
        if (served && !list.length) empty.push(`${area.id}/${district.id}`);
        // Every entry is once on the page, and every layer on it has entries (empty layers are left out).
        expect(new Set(list.map((i) => `${i.provider.slug}#${i.service.id}`)).size, district.id).toBe(list.length);
      }
    }
    return empty;
  }

  it('lists something on every district page of the directory’s own data whose area anything serves', () => {
    const d = loadDataset(path.join(ROOT, 'data'));
    expect(d.providers.length).toBeGreaterThan(0);
    expect(emptyDistricts(d, loadGazetteer(path.join(ROOT, 'data')))).toEqual([]);
  });

  it('lists something on every district page of a made-up directory of 200 providers', () => {
    const { vocab } = loadVocabularies(vocabSources());
    const files = generateSynthetic({ count: 200, vocab }).providers;
    const result = validate({ providers: Object.fromEntries(files.map((f) => [path.basename(f.path), f.content])) });
    expect(result.dataset.providers.length).toBe(200);
    expect(emptyDistricts(result.dataset, loadGazetteer(path.join(ROOT, 'data')))).toEqual([]);
  });
});
