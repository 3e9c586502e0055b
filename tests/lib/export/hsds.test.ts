// The HSDS 3.0 export: every object has HSDS's required fields, valid enumerations, types and formats
// (checked against tests/fixtures/hsds/hsds-3.0-required.json, derived from the specification), ids are
// unique and every link resolves, and the contents match the data.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { exportFiles } from '../../../src/lib/export/index.ts';
import { HSDS_STATUS, HSDS_TABLES, HSDS_TAXONOMIES, hsdsRowCounts, rruleFields } from '../../../src/lib/export/hsds.ts';
import { ids, providerVenues } from '../../../src/lib/export/rows.ts';
import type { Dataset } from '../../../src/lib/model/types.ts';
import { FIXTURE_DIR, fixtureDataset, OPTIONS, realDataset } from './fixture-data.ts';
import { readFixture, validate as validateData } from '../../helpers/data-dir.ts';

interface PropertySpec {
  type?: string;
  ref?: string;
  items?: string;
  format?: string;
  enum?: string[];
}
interface ObjectSpec {
  file: string;
  required: string[];
  tabular_required?: string[];
  properties: Record<string, PropertySpec>;
}
const SPEC = JSON.parse(readFileSync(path.join(FIXTURE_DIR, '..', 'hsds', 'hsds-3.0-required.json'), 'utf8')) as { objects: Record<string, ObjectSpec> };

/** A JSON Schema from the fixture: HSDS's required fields, types, formats and enums, and no field HSDS does not define. */
function schemaFor(name: string, tabular: boolean): Record<string, unknown> {
  const spec = SPEC.objects[name];
  if (!spec) throw new Error(`no HSDS spec for ${name}`);
  const ref = (to: string) => (SPEC.objects[to] ? { $ref: `hsds-${to}` } : { type: 'object' });
  const properties = Object.fromEntries(
    Object.entries(spec.properties).map(([k, p]) => {
      if (p.ref) return [k, ref(p.ref)];
      if (p.type === 'array') return [k, { type: 'array', items: p.items ? ref(p.items) : {} }];
      return [k, { ...(p.type ? { type: p.type } : {}), ...(p.format ? { format: p.format } : {}), ...(p.enum ? { enum: p.enum } : {}), ...(p.type === 'string' ? { minLength: 1 } : {}) }];
    }),
  );
  return { $id: `hsds-${name}${tabular ? '-tabular' : ''}`, type: 'object', required: [...spec.required, ...(tabular ? (spec.tabular_required ?? []) : [])], properties, additionalProperties: false };
}

const ajv = new Ajv({ allErrors: true, strict: true });
(addFormatsModule as unknown as (a: Ajv) => Ajv)(ajv);
for (const name of Object.keys(SPEC.objects)) ajv.addSchema(schemaFor(name, false));
const tabular = Object.fromEntries(Object.keys(SPEC.objects).map((name) => [name, ajv.compile(schemaFor(name, true))])) as Record<string, ValidateFunction>;
const nestedService = ajv.getSchema('hsds-service') as ValidateFunction;

type Obj = Record<string, unknown>;
/** Whether the object passes (a plain boolean: Ajv's type guard would narrow a failing object to never). */
const passes = (validate: ValidateFunction, value: unknown): boolean => validate(value) === true;
function tablesOf(ds: Dataset): { files: Map<string, string>; t: Record<string, Obj[]>; full: Obj[] } {
  const files = exportFiles(ds, 'hsds', OPTIONS);
  const t = Object.fromEntries(HSDS_TABLES.map((x) => [x.table, JSON.parse(files.get(`hsds/${x.table}.json`) ?? 'null') as Obj[]]));
  return { files, t, full: JSON.parse(files.get('hsds/services_full.json') ?? '[]') };
}

for (const [label, load] of [['the fixture data', fixtureDataset], ['the real data', realDataset]] as const) {
  describe(`HSDS export of ${label}`, () => {
    let ds: Dataset;
    let t: Record<string, Obj[]>;
    let full: Obj[];
    beforeAll(() => {
      ds = load();
      ({ t, full } = tablesOf(ds));
    });

    test('every object of every table has the required fields, types, formats and enumerations of HSDS 3.0', () => {
      const problems: string[] = [];
      for (const { table, object } of HSDS_TABLES) {
        const validate = tabular[object] as ValidateFunction;
        for (const row of t[table] ?? []) if (!passes(validate, row)) problems.push(`${table} ${String(row.id)}: ${ajv.errorsText(validate.errors)}`);
      }
      expect(problems).toEqual([]);
    });

    test('services_full.json: each service nested with everything about it, valid as an HSDS service', () => {
      const problems = full.filter((s) => !passes(nestedService, s)).map((s) => `${String(s.id)}: ${ajv.errorsText(nestedService.errors)}`);
      expect(problems).toEqual([]);
      expect(full.map((s) => s.id)).toEqual((t.services ?? []).map((s) => s.id));
    });

    test('ids are UUIDs, unique across every table, and every link points at an object that exists', () => {
      const all = new Map<string, string>();
      for (const { table } of HSDS_TABLES)
        for (const row of t[table] ?? []) {
          expect(all.has(row.id as string), `${table} ${String(row.id)} is unique`).toBe(false);
          all.set(row.id as string, table);
        }
      const dangling: string[] = [];
      for (const { table } of HSDS_TABLES) for (const row of t[table] ?? []) for (const [k, v] of Object.entries(row)) if (k.endsWith('_id') && !all.has(v as string)) dangling.push(`${table}.${k} = ${String(v)}`);
      expect(dangling).toEqual([]);
    });

    test('counts match the data', () => {
      const services = ds.providers.flatMap((p) => p.data.services);
      expect(t.organizations).toHaveLength(ds.providers.length);
      expect(t.services).toHaveLength(services.length);
      expect(t.locations).toHaveLength(ds.providers.reduce((n, p) => n + providerVenues(p).length, 0));
      expect(t.schedules).toHaveLength(services.reduce((n, s) => n + (s.schedule?.sessions?.length || (s.schedule?.note ? 1 : 0)), 0));
      expect(t.cost_options).toHaveLength(services.filter((s) => s.cost).length);
      expect(t.languages).toHaveLength(services.reduce((n, s) => n + (s.languages?.length ?? 0), 0));
      expect(t.taxonomies).toHaveLength(HSDS_TAXONOMIES.length);
      expect(t.taxonomy_terms).toHaveLength(HSDS_TAXONOMIES.reduce((n, x) => n + ds.vocab[x.vocab].terms.length, 0));
      const formats = services.reduce((n, s) => n + (s.formats?.length ?? 0), 0);
      expect((t.attributes ?? []).filter((a) => a.link_type === 'formats')).toHaveLength(formats);
      expect((t.attributes ?? []).filter((a) => a.link_type === 'leaders')).toHaveLength(ds.providers.length);
    });

    test('every service has its status, and an assured_date only when a person confirmed its entry with the group', () => {
      const confirmed = new Set(ds.providers.filter((p) => p.data.verification.last_checked).map((p) => ids.organization(p.slug)));
      for (const s of t.services ?? []) {
        expect(Object.values(HSDS_STATUS)).toContain(s.status);
        if (confirmed.has(s.organization_id as string)) expect(s.assured_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        else expect(s.assured_date).toBeUndefined();
      }
    });
  });
}

describe('HSDS export of a provider whose areas are not known', () => {
  test('gives each of its services one service area, Sussex, that says the areas are not known, and passes HSDS', () => {
    const { dataset } = validateData({ providers: { 'areas-not-confirmed.yaml': readFixture('providers', 'valid', 'areas-not-confirmed.yaml') } });
    const { t } = tablesOf(dataset);
    const areas = t.service_areas ?? [];
    expect(areas.map((a) => [a.service_id, a.name])).toEqual([
      [ids.service('areas-not-confirmed', 'peer-support'), 'Sussex'],
      [ids.service('areas-not-confirmed', 'lewes-group'), 'Sussex'],
    ]);
    expect(areas[0]!.description).toMatch(/not known/);
    for (const row of areas) expect(passes(tabular.service_area as ValidateFunction, row), ajv.errorsText(tabular.service_area?.errors)).toBe(true);
  });
});

describe('HSDS export of sources that disagree, and of a town-only place', () => {
  test('keeps a service whose sources disagree active, with the disagreement as its alert', () => {
    const { dataset } = validateData({ providers: { 'status-unclear.yaml': readFixture('providers', 'valid', 'status-unclear.yaml') } });
    const s = (tablesOf(dataset).t.services ?? [])[0] as Obj;
    expect(s.status).toBe('active');
    expect(s.alert).toMatch(/^Not sure this is still running \(sources disagree, or say it may stop\): check with the group\.\n\nA council directory in 2025 lists it/);
  });

  test('names a town-only place as such and says it marks the middle of the town', () => {
    const { dataset } = validateData({ providers: { 'town-precision.yaml': readFixture('providers', 'valid', 'town-precision.yaml') } });
    const locations = tablesOf(dataset).t.locations ?? [];
    expect(locations.map((l) => [l.name, l.description])).toEqual([
      ['Worthing (town only)', 'Only the town is known: this place marks the middle of Worthing.'],
      ['Example Community Hall', 'Only the town is known: this place marks the middle of shoreham-by-sea.'],
    ]);
  });
});

describe('HSDS export: contents of the fixture', () => {
  const { t, full, files } = tablesOf(fixtureDataset());
  const service = (slug: string, id: string) => (t.services ?? []).find((s) => s.id === ids.service(slug, id)) as Obj;

  test('statuses map to HSDS: active, temporarily closed, defunct', () => {
    expect(service('fixture-worthing-rainbow-group', 'rainbow-evenings').status).toBe('active');
    expect(service('fixture-worthing-rainbow-group', 'rainbow-walk').status).toBe('temporarily closed');
    expect(service('fixture-worthing-rainbow-group', 'rainbow-walk').alert).toBe('Paused until the spring.');
    expect(service('fixture-chichester-wellbeing-cafe', 'old-group').status).toBe('defunct');
    expect(service('fixture-worthing-rainbow-group', 'rainbow-evenings').assured_date).toBe('2026-10-01');
  });

  test('schedules carry RRULE-style fields: weekly, fortnightly, last Friday of the month', () => {
    const sched = (slug: string, id: string) => (t.schedules ?? []).filter((s) => s.service_id === ids.service(slug, id));
    expect(sched('fixture-worthing-rainbow-group', 'rainbow-evenings')).toEqual([
      expect.objectContaining({ freq: 'WEEKLY', interval: 1, byday: 'TU', wkst: 'MO', opens_at: '18:30', closes_at: '20:30' }),
    ]);
    expect(sched('fixture-chichester-wellbeing-cafe', 'art-afternoon')).toEqual([expect.objectContaining({ freq: 'WEEKLY', interval: 2, byday: 'TH' })]);
    const last = sched('fixture-brighton-voices', 'voices-group')[0] as Obj;
    expect(last).toMatchObject({ freq: 'MONTHLY', interval: 1, byday: '-1FR', opens_at: '19:00', closes_at: '21:00' });
    expect(last.notes).toContain('Europe/London');
    expect(sched('fixture-chichester-wellbeing-cafe', 'wednesday-cafe')[0]?.notes).toContain('Not in August.');
    expect(rruleFields({ day: 'tuesday', start: '10:00', end: '11:00', frequency: 'monthly', week_of_month: 'first' })).toEqual({ freq: 'MONTHLY', interval: 1, byday: '1TU' });
  });

  test('one location for a venue two services share, linked to both; area-only places say so and have no address', () => {
    const centre = (t.locations ?? []).filter((l) => l.name === 'Fixture Chichester Centre');
    expect(centre).toHaveLength(1);
    const links = (t.service_at_locations ?? []).filter((x) => x.location_id === centre[0]?.id);
    expect(links.map((x) => x.service_id)).toEqual([ids.service('fixture-chichester-wellbeing-cafe', 'wednesday-cafe'), ids.service('fixture-chichester-wellbeing-cafe', 'art-afternoon')]);
    expect((t.addresses ?? []).find((a) => a.location_id === centre[0]?.id)).toMatchObject({ address_1: '2 Fixture Street', city: 'Chichester', state_province: 'West Sussex', postal_code: 'PO19 1AA', country: 'GB', address_type: 'physical' });
    const brighton = (t.locations ?? []).find((l) => String(l.name).startsWith('Brighton')) as Obj;
    expect(brighton.name).toBe('Brighton (area only)');
    expect(brighton.description).toMatch(/does not publish its venue/);
    expect((t.addresses ?? []).some((a) => a.location_id === brighton.id)).toBe(false);
  });

  test('contacts, phones, costs, languages, service areas and accessibility come from the data', () => {
    const line = ids.service('fixture-east-sussex-peer-line', 'peer-phone-line');
    const contact = (t.contacts ?? []).find((c) => c.service_id === line) as Obj;
    expect(contact).toMatchObject({ name: 'Sam Fixture', title: 'Line coordinator' });
    expect((t.phones ?? []).find((p) => p.service_id === line)).toMatchObject({ number: '07700 900123', type: 'cell', contact_id: contact.id });
    expect((t.cost_options ?? []).find((c) => c.service_id === ids.service('fixture-chichester-wellbeing-cafe', 'art-afternoon'))).toMatchObject({ option: 'There is a fee', currency: 'GBP', amount_description: '£3, including materials' });
    expect((t.cost_options ?? []).find((c) => c.service_id === ids.service('fixture-brighton-voices', 'voices-group'))).toMatchObject({ option: 'Free', amount: 0 });
    expect((t.languages ?? []).filter((l) => l.service_id === ids.service('fixture-worthing-rainbow-group', 'rainbow-evenings')).map((l) => l.code)).toEqual(['en', 'bfi']);
    expect((t.service_areas ?? []).filter((a) => a.service_id === line).map((a) => a.name)).toEqual(['East Sussex']);
    expect((t.service_areas ?? []).filter((a) => a.service_id === ids.service('fixture-worthing-rainbow-group', 'rainbow-evenings')).map((a) => a.name)).toEqual(['Worthing']);
    expect((t.accessibility ?? []).map((a) => a.description)).toEqual(['Step-free access', 'Accessible toilet']);
  });

  test('the peer-support vocabularies are taxonomies, linked to services and organisations by attributes', () => {
    const term = (code: string) => (t.taxonomy_terms ?? []).find((x) => x.code === code && x.taxonomy === 'Who it is for') as Obj;
    const rainbow = ids.service('fixture-worthing-rainbow-group', 'rainbow-evenings');
    const attrs = (t.attributes ?? []).filter((a) => a.link_id === rainbow);
    expect(attrs).toContainEqual(expect.objectContaining({ link_entity: 'service', link_type: 'communities', taxonomy_term_id: term('lgbtq').id }));
    expect(attrs.filter((a) => a.link_type === 'formats')).toHaveLength(1);
    const org = ids.organization('fixture-worthing-rainbow-group');
    expect((t.attributes ?? []).filter((a) => a.link_id === org).map((a) => [a.link_type, (t.taxonomy_terms ?? []).find((x) => x.id === a.taxonomy_term_id)?.code, a.value])).toEqual([
      ['leaders', 'user-led', undefined],
      ['verification-statuses', 'verified', 'Test fixture, 2026-10'],
      ['signatory-statuses', 'active', '2019'],
    ]);
    const nested = full.find((s) => s.id === rainbow) as { attributes: { taxonomy_term: { code: string; taxonomy_detail: { name: string } } }[] };
    expect(nested.attributes.map((a) => a.taxonomy_term.code)).toContain('lgbtq');
    expect(nested.attributes[0]?.taxonomy_term.taxonomy_detail.name).toBeTruthy();
  });

  test('the check itself fails on a wrong enumeration, a missing required field, a bad id or a field HSDS lacks', () => {
    const s = service('fixture-worthing-rainbow-group', 'rainbow-evenings');
    const check = tabular.service as ValidateFunction;
    expect(check(s)).toBe(true);
    expect(check({ ...s, status: 'temporarily-closed' })).toBe(false);
    const { name: _name, ...nameless } = s;
    expect(check(nameless)).toBe(false);
    expect(check({ ...s, id: 'service-1' })).toBe(false);
    expect(check({ ...s, colour: 'blue' })).toBe(false);
    expect((tabular.schedule as ValidateFunction)({ id: ids.schedule('x', 'y', '0'), freq: 'DAILY' })).toBe(false);
    expect((tabular.attribute as ValidateFunction)({ id: ids.attribute('a', 'b', 'c') })).toBe(false); // link_id etc. are required in tables
  });

  test('index.json names every file', () => {
    const index = JSON.parse(files.get('hsds/index.json') ?? '{}');
    expect(index.version).toBe('3.0');
    for (const x of HSDS_TABLES) expect(files.has(`hsds/${index.tables[x.object]}`)).toBe(true);
    expect(files.has(`hsds/${index.services_full}`)).toBe(true);
  });

  test('the row counts /open-data/ shows are those of the tables written, with or without the files made first', () => {
    const written = Object.fromEntries(HSDS_TABLES.map((x) => [x.table, (JSON.parse(files.get(`hsds/${x.table}.json`) ?? '[]') as unknown[]).length]));
    const dataset = fixtureDataset();
    expect(Object.values(written).every((n) => n > 0)).toBe(true);
    expect(hsdsRowCounts(dataset, OPTIONS)).toEqual(written);
    const copy: Dataset = { ...dataset, providers: [...dataset.providers] };
    expect(hsdsRowCounts(copy, OPTIONS)).toEqual(written);
  });
});
