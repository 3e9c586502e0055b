// The open data files, parsed back and checked against the data: directory.json, services.csv,
// services.geojson; and every format is deterministic and keeps its ids.
import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { allExportFiles, exportFiles, EXPORT_FORMATS, isExportFormat } from '../../../src/lib/export/index.ts';
import { csvCell, toCsv } from '../../../src/lib/export/csv-writer.ts';
import { orderBySchema } from '../../../src/lib/export/directory-json.ts';
import { ids, providerVenues } from '../../../src/lib/export/rows.ts';
import { SERVICE_CSV_COLUMNS } from '../../../src/lib/export/services-csv.ts';
import { SUSSEX_BOUNDS, inBounds } from '../../../src/lib/dataset/vocab.ts';
import type { Dataset } from '../../../src/lib/model/types.ts';
import { fixtureDataset, fixtureSources, OPTIONS, realDataset } from './fixture-data.ts';
import { readFixture, validate } from '../../helpers/data-dir.ts';

const dataset = fixtureDataset();
const file = (ds: Dataset, format: Parameters<typeof exportFiles>[1], name: string) => {
  const content = exportFiles(ds, format, OPTIONS).get(name);
  if (content === undefined) throw new Error(`${name} was not made`);
  return content;
};
const services = (ds: Dataset) => ds.providers.flatMap((p) => p.data.services.map((s) => ({ provider: p, service: s })));
/** Rows services.csv should have: one per distinct venue of each service, or one for a service without a venue. */
const expectedRows = (ds: Dataset) =>
  services(ds).reduce((n, { service }) => {
    const keys = new Set((service.locations ?? []).map((l) => JSON.stringify([l.name, l.address, l.town, l.postcode, l.district, l.latitude, l.longitude, l.precision])));
    return n + Math.max(1, keys.size);
  }, 0);

type Row = Record<string, string>;
const parseCsv = (text: string): Row[] => parse(text, { bom: true, columns: true, skip_empty_lines: true, relax_column_count: false }) as Row[];

describe('directory.json', () => {
  const json = JSON.parse(file(dataset, 'json', 'directory.json'));

  test('says its format version, build date, licence and time zone', () => {
    expect(json.schema_version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(json.build_date).toBe(OPTIONS.buildDate);
    expect(json.homepage).toBe(OPTIONS.siteRoot);
    expect(json.licence.id).toBe('CC-BY-4.0');
    expect(json.time_zone).toBe('Europe/London');
  });

  test('holds every provider, service and signatory, closed ones too, exactly as in the data', () => {
    expect(json.providers).toHaveLength(dataset.providers.length);
    expect(json.counts).toEqual({
      providers: dataset.providers.length,
      services: services(dataset).length,
      active_services: services(dataset).filter((x) => x.service.status === 'active').length,
      signatories: dataset.signatories.length,
    });
    for (const entry of dataset.providers) {
      const out = json.providers.find((p: { slug: string }) => p.slug === entry.slug);
      const { slug, url, file: f, ...data } = out;
      expect(slug).toBe(entry.slug);
      expect(url).toBe(`${OPTIONS.siteRoot}providers/${entry.slug}/`);
      expect(f).toBe(`data/providers/${entry.slug}.yaml`);
      expect(data).toEqual(JSON.parse(JSON.stringify(entry.data)));
    }
    expect(json.providers.flatMap((p: { services: { status: string }[] }) => p.services.map((s) => s.status))).toContain('closed');
    expect(json.signatories.map((s: { slug: string; status: string }) => [s.slug, s.status])).toEqual(
      dataset.signatories.map((s) => [s.slug, s.data.status]).sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  });

  test('lists providers by slug and orders keys as the data schema does', () => {
    const slugs = json.providers.map((p: { slug: string }) => p.slug);
    expect(slugs).toEqual([...slugs].sort());
    expect(Object.keys(json.providers[0]).slice(0, 5)).toEqual(['slug', 'url', 'file', 'name', 'summary']);
    expect(Object.keys(json.providers[0]).at(-1)).toBe('verification');
  });

  test('includes every vocabulary with its terms', () => {
    for (const [name, v] of Object.entries(dataset.vocab)) expect(json.vocabularies[name].terms.map((t: { id: string }) => t.id)).toEqual(v.terms.map((t) => t.id));
  });

  test('orderBySchema puts known keys in schema order and the rest alphabetically', () => {
    const schema = { properties: { b: {}, a: { properties: { y: {}, x: {} } } } };
    expect(JSON.stringify(orderBySchema({ z: 1, a: { x: 1, y: 2, w: 0 }, c: 3, b: [1] }, schema))).toBe('{"b":[1],"a":{"y":2,"x":1,"w":0},"c":3,"z":1}');
  });
});

describe('services.csv', () => {
  const text = file(dataset, 'csv', 'services.csv');
  const rows = parseCsv(text);

  test('is UTF-8 with a byte-order mark, CRLF line ends, and the documented columns', () => {
    expect(text.startsWith('\uFEFFprovider_slug,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(Object.keys(rows[0] ?? {})).toEqual(SERVICE_CSV_COLUMNS.map((c) => c.name));
  });

  test('has one row per service and venue, and one for each service without a venue', () => {
    expect(rows).toHaveLength(expectedRows(dataset));
    for (const { provider, service } of services(dataset)) expect(rows.some((r) => r.provider_slug === provider.slug && r.service_id === service.id), `${provider.slug}/${service.id}`).toBe(true);
  });

  test('says no in areas_confirmed for a provider whose areas are not known, and gives only the districts of its venues', () => {
    const { dataset: own } = validate({ providers: { 'areas-not-confirmed.yaml': readFixture('providers', 'valid', 'areas-not-confirmed.yaml') } });
    const ownRows = parseCsv(file(own, 'csv', 'services.csv'));
    expect(ownRows.map((r) => [r.service_id, r.areas_confirmed, r.districts_served])).toEqual([
      ['peer-support', 'no', ''],
      ['lewes-group', 'no', 'lewes'],
    ]);
  });

  test('a venue listed by two services appears once for each, with the same location id', () => {
    const cafe = rows.filter((r) => r.provider_slug === 'fixture-chichester-wellbeing-cafe' && r.location_name === 'Fixture Chichester Centre');
    expect(cafe.map((r) => r.service_id)).toEqual(['wednesday-cafe', 'art-afternoon']);
    expect(new Set(cafe.map((r) => r.location_uuid)).size).toBe(1);
  });

  test('cells hold the data: names, statuses, lists, sessions, coordinates, contacts', () => {
    const rainbow = rows.find((r) => r.service_id === 'rainbow-evenings') as Row;
    expect(rainbow).toMatchObject({
      provider_name: 'Fixture Worthing Rainbow Group',
      provider_url: 'https://example.org/directory/providers/fixture-worthing-rainbow-group/',
      led_by: 'user-led',
      charter: 'active',
      status: 'active',
      communities: 'lgbtq',
      access: 'self-referral; drop-in',
      age_min: '18',
      age_max: '',
      cost: 'free',
      languages: 'en; bfi',
      sessions: 'Every Tuesday, 6:30pm to 8:30pm',
      evening: 'yes',
      weekend: 'no',
      areas_confirmed: 'yes',
      districts_served: 'worthing',
      location_postcode: 'BN11 1AA',
      location_district: 'worthing',
      location_area: 'west-sussex',
      latitude: '50.8147',
      longitude: '-0.3714',
      accessibility: 'step-free; accessible-toilet',
      phone: '01632 960101',
      verification_status: 'verified',
      last_checked: '2026-10-01',
      sources: 'Test fixture, 2026-10',
      newest_source_date: '2026-10',
      status_unclear: '',
      service_uuid: ids.service('fixture-worthing-rainbow-group', 'rainbow-evenings'),
    });
    const line = rows.find((r) => r.service_id === 'peer-phone-line') as Row;
    expect(line).toMatchObject({ delivery: 'phone', location_name: '', latitude: '', evening: 'no', weekend: 'yes', districts_served: 'eastbourne; hastings; lewes; rother; wealden', phone: '07700 900123' });
    expect(rows.find((r) => r.service_id === 'old-group')?.status).toBe('closed');
    expect(rows.find((r) => r.service_id === 'rainbow-walk')).toMatchObject({ status: 'temporarily-closed', evening: '', weekend: '' });
    expect(rows.find((r) => r.provider_slug === 'fixture-chichester-wellbeing-cafe' && r.service_id === 'wednesday-cafe')?.charter).toBe('lapsed');
  });

  test('quotes, commas and line breaks survive; text a spreadsheet would run as a formula does not', () => {
    expect(rows.find((r) => r.service_id === 'wednesday-cafe')?.cost_note).toBe('Pay what you can, even "nothing", towards the cake');
    expect(rows.find((r) => r.service_id === 'peer-phone-line')?.status_note).toBe("'+ New callers welcome from January");
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('@x')).toBe("'@x");
    expect(csvCell('-0.137')).toBe('-0.137');
    expect(csvCell('+44 1273 000000', { phone: true })).toBe('+44 1273 000000');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(parseCsv(toCsv(['a', 'b'], [['x, "y"\r\nz', 3]]))).toEqual([{ a: 'x, "y"\r\nz', b: '3' }]);
  });

  test('rows are sorted by provider slug, services in file order', () => {
    const slugs = rows.map((r) => r.provider_slug);
    expect(slugs).toEqual([...slugs].sort());
  });
});

describe('services.geojson', () => {
  const geo = JSON.parse(file(dataset, 'geojson', 'services.geojson'));
  const located = services(dataset).flatMap(({ provider, service }) =>
    providerVenues(provider).filter((v) => (service.locations ?? []).some((l) => JSON.stringify(l) === JSON.stringify(v.location)) && typeof v.location.latitude === 'number').map((v) => ({ provider, service, v })),
  );

  test('is a FeatureCollection of Points, one per service and venue with coordinates', () => {
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.build_date).toBe(OPTIONS.buildDate);
    expect(geo.features).toHaveLength(located.length);
    for (const f of geo.features) {
      expect(f.type).toBe('Feature');
      expect(f.geometry.type).toBe('Point');
      const [lng, lat] = f.geometry.coordinates;
      expect(typeof lng).toBe('number');
      expect(inBounds(SUSSEX_BOUNDS, lat, lng), `${f.properties.service_id} is [lng, lat] inside Sussex`).toBe(true);
    }
    expect(new Set(geo.features.map((f: { id: string }) => f.id)).size).toBe(geo.features.length);
  });

  test('properties match the data, and area-only places say so', () => {
    const voices = geo.features.find((f: { properties: { service_id: string } }) => f.properties.service_id === 'voices-group');
    expect(voices.geometry.coordinates).toEqual([-0.1372, 50.8225]);
    expect(voices.properties).toMatchObject({ precision: 'area-only', district: 'brighton-and-hove', area: 'brighton-and-hove', communities: ['hearing-voices'], sessions: ['The last Friday of the month, 7pm to 9pm'], status: 'active' });
    const ids = geo.features.map((f: { properties: { service_id: string } }) => f.properties.service_id);
    expect(ids).not.toContain('peer-phone-line');
    expect(ids).not.toContain('old-group'); // its place has no coordinates
  });
});

describe('every format', () => {
  test('the CLI and the site share one list of formats', () => {
    expect([...EXPORT_FORMATS]).toEqual(['json', 'csv', 'geojson', 'hsds', 'coverage']);
    expect(isExportFormat('hsds')).toBe(true);
    expect(isExportFormat('xml')).toBe(false);
  });

  test('the same data gives byte-identical files, however the folder was read', () => {
    const first = allExportFiles(fixtureDataset(), OPTIONS);
    const sources = fixtureSources();
    const shuffled = { ...sources, providers: [...sources.providers].reverse(), signatories: [...sources.signatories].reverse() };
    const second = allExportFiles(fixtureDataset(shuffled), OPTIONS);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, content] of first) expect(second.get(name), name).toBe(content);
  });

  test('the only date in any file is the build date', () => {
    const files = allExportFiles(dataset, { ...OPTIONS, buildDate: '2031-01-02' });
    for (const [name, content] of files) {
      expect(content, name).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
      if (/directory\.json|geojson|hsds\/index/.test(name)) expect(content, name).toContain('2031-01-02');
    }
  });

  test('ids stay the same between builds and when other entries are added', () => {
    expect(ids.organization('capital-project-trust')).toBe('bc9f212b-9ffb-5518-bdb1-24de90764b9d');
    const before = allExportFiles(fixtureDataset(), OPTIONS);
    const sources = fixtureSources();
    const extra = realDataset();
    const merged = fixtureDataset({ ...sources, providers: [...sources.providers, ...extra.providers.map((p) => ({ path: `data/providers/${p.slug}.yaml`, bytes: JSON.stringify(p.data) }))] });
    const after = allExportFiles(merged, OPTIONS);
    const idsIn = (files: Map<string, string>) => new Set((JSON.parse(files.get('hsds/services.json') ?? '[]') as { id: string }[]).map((s) => s.id));
    const old = idsIn(before);
    const now = idsIn(after);
    expect(old.size).toBeGreaterThan(0);
    for (const id of old) expect(now.has(id)).toBe(true);
    expect(now.size).toBe(old.size + extra.providers.flatMap((p) => p.data.services).length);
  });

  test('the real data exports without error, every provider and service included', () => {
    const real = realDataset();
    const json = JSON.parse(file(real, 'json', 'directory.json'));
    expect(json.providers).toHaveLength(real.providers.length);
    expect(parseCsv(file(real, 'csv', 'services.csv'))).toHaveLength(expectedRows(real));
    expect(JSON.parse(file(real, 'geojson', 'services.geojson')).type).toBe('FeatureCollection');
  });
});
