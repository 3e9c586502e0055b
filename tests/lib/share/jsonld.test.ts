import { describe, expect, it } from 'vitest';
import { providerJsonLd, scriptSafeJson } from '../../../src/lib/share/jsonld.ts';
import { readFixture, validate } from '../../helpers/data-dir.ts';

describe('providerJsonLd', () => {
  const { dataset } = validate({ providers: { 'every-field.yaml': readFixture('providers', 'valid', 'every-field.yaml') } });
  const provider = dataset.providers[0]!.data;
  const ld = providerJsonLd(provider, 'https://example.org/providers/every-field/', dataset.vocab) as { '@graph': Record<string, unknown>[] };

  it('describes the organisation with its contact details', () => {
    const org = ld['@graph'][0]!;
    expect(org['@type']).toBe('Organization');
    expect(org.name).toBe('Example Peer Network');
    expect(org.telephone).toBe('01273 000000');
  });
  it('describes each running or paused service, not closed ones, linked to the organisation', () => {
    const services = ld['@graph'].slice(1);
    expect(services.map((s) => s.name)).toEqual(['Tuesday evening group', 'Lewes walking group', 'Peer phone line']);
    expect(services[0]!.provider).toEqual({ '@id': 'https://example.org/providers/every-field/#organisation' });
    expect(services[0]!['@id']).toBe('https://example.org/providers/every-field/#tuesday-group');
  });
  it('gives opening hours from structured sessions', () => {
    const hours = ld['@graph'][1]!.hoursAvailable as Record<string, string>[];
    expect(hours[0]).toMatchObject({ dayOfWeek: 'https://schema.org/Tuesday', opens: '18:00', closes: '20:00' });
  });
  it('never gives the venue of an area-only location', () => {
    expect(ld['@graph'][2]!.availableChannel).toBeUndefined();
  });
});

describe('providerJsonLd for a provider whose areas are not known', () => {
  it('says it serves Sussex, not the areas listed as a guess', () => {
    const { dataset } = validate({ providers: { 'areas-not-confirmed.yaml': readFixture('providers', 'valid', 'areas-not-confirmed.yaml') } });
    const ld = providerJsonLd(dataset.providers[0]!.data, 'https://example.org/providers/areas-not-confirmed/', dataset.vocab) as { '@graph': Record<string, unknown>[] };
    expect(ld['@graph'][0]!.areaServed).toEqual([{ '@type': 'AdministrativeArea', name: 'Sussex' }]);
  });
});

describe('scriptSafeJson', () => {
  it('cannot close the script element it sits in', () => {
    const json = scriptSafeJson({ name: '</script><script>alert(1)</script>' });
    expect(json).not.toContain('</script');
    expect(JSON.parse(json).name).toBe('</script><script>alert(1)</script>');
  });
});
