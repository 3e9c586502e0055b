import { describe, expect, it } from 'vitest';
import { coversWholeArea, providerDistricts, providerFacets, providersByLetter, providersWithCommunity, searchRecord, searchText, servicesByDistrict } from '../../src/lib/directory.ts';
import type { Dataset } from '../../src/lib/validate.ts';
import { MINIMAL_PROVIDER, readFixture, validate } from '../helpers/data-dir.ts';

function dataset(): Dataset {
  const result = validate({
    providers: {
      'every-field.yaml': readFixture('providers', 'valid', 'every-field.yaml'),
      'minimal-group.yaml': MINIMAL_PROVIDER,
      'zebra-west.yaml': MINIMAL_PROVIDER.replace('Minimal Group', 'Zebra West').replace('[brighton-and-hove]', '[west-sussex]').replace('led_by: user-led', 'led_by: statutory'),
    },
    signatories: {
      'example.yaml': `name: Example Peer Network\nkind: user-led\nsigned: "2019"\nstatus: active\nprovider: every-field\nverification: {status: unverified, last_checked: 2026-06-01, source: Test}\n`,
    },
  });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.dataset;
}

describe('providerFacets', () => {
  it('takes filter values from running and paused services, not closed ones', () => {
    const d = dataset();
    const facets = providerFacets(d, d.providers.find((p) => p.slug === 'every-field')!);
    expect(facets.format).toContain('group');
    expect(facets.format).toContain('sport-and-social'); // the paused walking group
    expect(facets.format).not.toContain('drop-in'); // only the closed café
    expect(facets.community).toEqual(expect.arrayContaining(['everyone', 'lgbtq', 'hearing-voices', 'racialised-communities']));
    expect(facets.delivery).toEqual(expect.arrayContaining(['phone', 'online']));
    expect(facets.charter).toEqual(['signatory']);
    expect(facets.leader).toEqual(['user-led']);
  });
  it('marks a provider without a signatory file as not a Charter signatory', () => {
    const d = dataset();
    expect(providerFacets(d, d.providers.find((p) => p.slug === 'minimal-group')!).charter).toEqual([]);
  });
});

describe('providerDistricts', () => {
  it('uses the districts a provider names', () => {
    const d = dataset();
    expect(providerDistricts(d.vocab, d.providers.find((p) => p.slug === 'every-field')!.data).sort()).toEqual(['brighton-and-hove', 'lewes']);
  });
  it('falls back to every district of its areas when it names none', () => {
    const d = dataset();
    const zebra = d.providers.find((p) => p.slug === 'zebra-west')!.data;
    expect(coversWholeArea(zebra)).toBe(true);
    expect(providerDistricts(d.vocab, zebra)).toHaveLength(7);
  });
});

describe('searchText', () => {
  it('includes the synonyms of the vocabulary terms a provider uses', () => {
    const d = dataset();
    const text = searchText(d, d.providers.find((p) => p.slug === 'every-field')!).toLowerCase();
    for (const word of ['queer', 'trans', 'bme', 'voices', 'lgbtq+']) expect(text).toContain(word);
  });
  it('leaves out synonyms of terms the provider does not use', () => {
    const d = dataset();
    expect(searchText(d, d.providers.find((p) => p.slug === 'minimal-group')!).toLowerCase()).not.toContain('queer');
  });
});

describe('searchRecord', () => {
  it('points at the provider page under the base and carries the filters', () => {
    const d = dataset();
    const record = searchRecord(d, d.providers.find((p) => p.slug === 'minimal-group')!, '/');
    expect(record.url).toBe('/providers/minimal-group/');
    expect(record.meta.title).toBe('Minimal Group');
    expect(record.filters.area).toEqual(['brighton-and-hove']);
    expect(record.filters.charter).toBeUndefined();
  });
});

describe('servicesByDistrict', () => {
  it('puts a service under the district of its venue', () => {
    const d = dataset();
    const groups = servicesByDistrict(d, 'brighton-and-hove');
    expect(groups.get('brighton-and-hove')!.map((i) => i.service.id)).toContain('tuesday-group');
  });
  it('lists services without a district under the whole area', () => {
    const d = dataset();
    expect(servicesByDistrict(d, 'west-sussex').get('')!.map((i) => i.provider.slug)).toEqual(['zebra-west']);
  });
  it('never lists a closed service', () => {
    const d = dataset();
    const all = [...servicesByDistrict(d, 'brighton-and-hove').values(), ...servicesByDistrict(d, 'east-sussex').values()].flat();
    expect(all.map((i) => i.service.id)).not.toContain('old-cafe');
  });
});

describe('lists', () => {
  it('finds providers for a community', () => {
    const d = dataset();
    expect(providersWithCommunity(d, 'lgbtq').map((p) => p.slug)).toEqual(['every-field']);
  });
  it('groups providers by first letter in order', () => {
    const d = dataset();
    expect(providersByLetter(d.providers).map(([l]) => l)).toEqual(['E', 'M', 'Z']);
  });
});
