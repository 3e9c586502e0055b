import { describe, expect, it } from 'vitest';
import {
  areaGroups,
  areasText,
  compareForList,
  bookletAreas,
  providerBadges,
  distinctServices,
  letterOf,
  letterSlug,
  providerFacets,
  providersByLetter,
  providersWithCommunity,
  searchRecord,
  searchText,
  distinctWords,
  signatoryFor,
  servicesByDistrict,
  WHOLE_AREA,
  wholeBookletFits,
} from '../../src/lib/directory.ts';
import { AREAS_NOT_KNOWN, coversWholeArea, isClosed, isUserLed, providerDistricts, USER_LED_LEADERS } from '../../src/lib/model/predicates.ts';
import type { Dataset } from '../../src/lib/model/types.ts';
import { MINIMAL_PROVIDER, provider, readFixture, signatory, validate } from '../helpers/data-dir.ts';

function dataset(): Dataset {
  const result = validate({
    providers: {
      'every-field.yaml': readFixture('providers', 'valid', 'every-field.yaml'),
      'minimal-group.yaml': MINIMAL_PROVIDER,
      'zebra-west.yaml': MINIMAL_PROVIDER.replace('Minimal Group', 'Zebra West').replace('[brighton-and-hove]', '[west-sussex]').replace('led_by: user-led', 'led_by: statutory'),
    },
    signatories: {
      'example.yaml': `name: Example Peer Network\nkind: user-led\nsigned: "2019"\nstatus: active\nprovider: every-field\nverification: {status: unverified, last_checked: 2026-06-01, sources: [{title: Test, published: "2026-06"}]}\n`,
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

/** Four made-up providers: user-led, a peer-led group, one whose every service has closed, and a statutory one that has been checked. */
function ledDataset(): Dataset {
  const result = validate({
    providers: {
      'user-led-group.yaml': provider('User Led Group'),
      'peer-group.yaml': provider('Peer Group').replace('led_by: user-led', 'led_by: peer-led-group'),
      'mended-cafe.yaml': provider('Mended Café').replace('status: active', 'status: closed').replace('led_by: user-led', 'led_by: voluntary-sector'),
      'nhs-service.yaml': provider('NHS Service').replace('led_by: user-led', 'led_by: statutory').replace('status: unverified', 'status: verified'),
    },
    signatories: { 'nhs.yaml': signatory('NHS Service', 'provider: nhs-service\n') },
  });
  expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return result.dataset;
}
const bySlug = (d: Dataset, slug: string) => d.providers.find((p) => p.slug === slug)!;

describe('who is user-led', () => {
  it('counts a user-led organisation and a peer-led group as user-led, as the coverage page does', () => {
    const d = ledDataset();
    expect(isUserLed(bySlug(d, 'user-led-group').data)).toBe(true);
    expect(isUserLed(bySlug(d, 'peer-group').data)).toBe(true);
    expect(isUserLed(bySlug(d, 'nhs-service').data)).toBe(false);
    for (const leader of USER_LED_LEADERS) expect(isUserLed({ led_by: leader as never })).toBe(true);
  });
  it('gives the search filter who runs it as written, so "User-led organisation" and "Peer-led group" each find what they say', () => {
    const d = ledDataset();
    expect(providerFacets(d, bySlug(d, 'peer-group')).leader).toEqual(['peer-led-group']);
    expect(providerFacets(d, bySlug(d, 'user-led-group')).leader).toEqual(['user-led']);
    expect(providerFacets(d, bySlug(d, 'nhs-service')).leader).toEqual(['statutory']);
  });
});

describe('providerBadges', () => {
  const kinds = (d: Dataset, slug: string) => providerBadges(bySlug(d, slug).data, signatoryFor(d, slug)?.data).map((b) => b.text);
  it('marks a provider closed when none of its services is running, and only then', () => {
    const d = ledDataset();
    expect(isClosed(bySlug(d, 'mended-cafe').data)).toBe(true);
    expect(isClosed(bySlug(d, 'peer-group').data)).toBe(false);
    expect(kinds(d, 'mended-cafe')).toEqual(['Closed', 'Not yet checked with the group']);
  });
  it('gives a peer-led group the user-led badge, and a checked Charter signatory only its Charter badge', () => {
    const d = ledDataset();
    expect(kinds(d, 'peer-group')).toEqual(['User-led', 'Not yet checked with the group']);
    expect(kinds(d, 'nhs-service')).toEqual(['Charter signatory']);
  });
  it('gives every badge an icon and words', () => {
    const d = ledDataset();
    for (const p of d.providers) for (const b of providerBadges(p.data, signatoryFor(d, p.slug)?.data)) expect(b.icon && b.text).toBeTruthy();
  });
});

describe('signatoryFor', () => {
  it('finds the signatory that names a provider, and none for a provider without one', () => {
    const d = dataset();
    expect(signatoryFor(d, 'every-field')?.data.name).toBe('Example Peer Network');
    expect(signatoryFor(d, 'minimal-group')).toBeUndefined();
  });
  it('gives the first of two signatories that name the same provider, as a search of the list would', () => {
    const d = dataset();
    const [first] = d.signatories;
    const second = { ...first!, file: 'second.yaml', data: { ...first!.data, name: 'A second signature' } };
    const both = { ...d, signatories: [first!, second] };
    expect(signatoryFor(both, 'every-field')?.data.name).toBe('Example Peer Network');
  });
  it('answers for the list it is given, not one it saw before', () => {
    const d = dataset();
    expect(signatoryFor(d, 'every-field')).toBeDefined();
    expect(signatoryFor({ ...d, signatories: [] }, 'every-field')).toBeUndefined();
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
  it('gives every word of the name, summary, descriptions and places once', () => {
    const d = dataset();
    const entry = d.providers.find((p) => p.slug === 'every-field')!;
    const words = searchText(d, entry).split(' ');
    expect(new Set(words.map((w) => w.toLowerCase())).size).toBe(words.length);
    const lower = new Set(words.map((w) => w.toLowerCase()));
    for (const word of distinctWords([entry.data.name, entry.data.summary, ...entry.data.services.flatMap((s) => [s.name, ...(s.locations ?? []).map((l) => l.postcode ?? '')])].join(' ')).split(' '))
      expect(lower, word).toContain(word.toLowerCase());
  });
});

describe('distinctWords', () => {
  it('keeps the first spelling of each word, in order, without the punctuation around it', () => {
    expect(distinctWords('Peer support. Support groups, (online) and "peer" groups!')).toBe('Peer support groups online and');
  });
  it('keeps what is part of a word: LGBTQ+, hyphens, apostrophes inside, postcodes', () => {
    expect(distinctWords("LGBTQ+ peer-led women's group, BN1 1AA.")).toBe("LGBTQ+ peer-led women's group BN1 1AA");
  });
  it('gives nothing for blank text', () => {
    expect(distinctWords('  \n ')).toBe('');
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
  it('carries the provider’s badges for the search results, and none when it has none', () => {
    const d = ledDataset();
    expect(JSON.parse(searchRecord(d, bySlug(d, 'mended-cafe'), '/').meta.badges ?? '[]')).toEqual([
      ['closed', '✕', 'Closed'],
      ['unverified', '!', 'Not yet checked with the group'],
    ]);
    expect(JSON.parse(searchRecord(d, bySlug(d, 'peer-group'), '/').meta.badges ?? '[]').map(([kind]: string[]) => kind)).toEqual(['user-led', 'unverified']);
    const checked = { ...bySlug(d, 'nhs-service') };
    expect(searchRecord({ ...d, signatories: [] }, checked, '/').meta.badges).toBeUndefined();
  });
});

describe('areasText', () => {
  it('names the areas a provider serves, or says Sussex when they are not known', () => {
    const d = dataset();
    expect(areasText(d.vocab, bySlug(d, 'minimal-group').data)).toBe('Brighton & Hove');
    const unsure = validate({ providers: { 'areas-not-confirmed.yaml': readFixture('providers', 'valid', 'areas-not-confirmed.yaml') } }).dataset;
    expect(areasText(unsure.vocab, unsure.providers[0]!.data)).toBe(AREAS_NOT_KNOWN);
    expect(searchRecord(unsure, unsure.providers[0]!, '/').meta.areas).toBe(AREAS_NOT_KNOWN);
  });
});

describe('compareForList', () => {
  it('puts running providers first, then those whose services have all closed, each by name', () => {
    const d = ledDataset();
    expect([...d.providers].sort(compareForList).map((p) => p.slug)).toEqual(['nhs-service', 'peer-group', 'user-led-group', 'mended-cafe']);
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
  it('lists every provider of a community once, in the dataset’s order, and none for a community without groups', () => {
    const d = dataset();
    expect(providersWithCommunity(d, 'everyone').map((p) => p.slug)).toEqual(['every-field', 'minimal-group', 'zebra-west']);
    expect(providersWithCommunity(d, 'no-such-community')).toEqual([]);
  });
  it('groups providers by first letter in order', () => {
    const d = dataset();
    expect(providersByLetter(d.providers).map(([l]) => l)).toEqual(['E', 'M', 'Z']);
  });
  it('lists a provider whose services have all closed after the running ones of its letter', () => {
    const d = ledDataset();
    const m = { ...bySlug(d, 'user-led-group'), slug: 'mindful', data: { ...bySlug(d, 'user-led-group').data, name: 'Mindful Group' } };
    const groups = providersByLetter([m, ...d.providers]);
    expect(groups.find(([l]) => l === 'M')?.[1].map((p) => p.data.name)).toEqual(['Mindful Group', 'Mended Café']);
  });
});

describe('A to Z', () => {
  it('files a name under its first letter, accents aside, and anything else under "#"', () => {
    expect(letterOf('  mindout')).toBe('M');
    expect(letterOf('1 in 4 Group')).toBe('#');
    expect(letterOf('Élan')).toBe('E');
    expect(letterOf('“Hope” Café')).toBe('#');
  });
  it('gives each letter an address segment that cannot be mistaken for another letter', () => {
    expect(letterSlug('S')).toBe('s');
    expect(letterSlug('#')).toBe('other');
  });
  it('puts "#" after Z and keeps every provider exactly once', () => {
    const d = dataset();
    const numbered = { ...d.providers[0]!, slug: 'numbered', data: { ...d.providers[0]!.data, name: '24 Hour Group' } };
    const groups = providersByLetter([numbered, ...d.providers]);
    expect(groups.map(([l]) => l)).toEqual(['E', 'M', 'Z', '#']);
    expect(groups.flatMap(([, entries]) => entries.map((e) => e.slug)).sort()).toEqual(['every-field', 'minimal-group', 'numbered', 'zebra-west']);
  });
});

describe('areaGroups', () => {
  it('puts the services across the whole area first, under their own address segment', () => {
    const d = dataset();
    const groups = areaGroups(d, 'west-sussex');
    expect(groups[0]).toMatchObject({ district: '', segment: WHOLE_AREA });
    expect(groups[0]!.items.map((i) => i.provider.slug)).toEqual(['zebra-west']);
    expect(groups.slice(1).map((g) => g.segment)).toEqual(groups.slice(1).map((g) => g.district));
    expect(groups.slice(1).every((g) => g.district !== '')).toBe(true);
  });
  it('keeps only running services when asked, for the printed booklets', () => {
    const d = dataset();
    const all = areaGroups(d, 'east-sussex').flatMap((g) => g.items);
    const running = areaGroups(d, 'east-sussex', { active: true }).flatMap((g) => g.items);
    expect(all.some((i) => i.service.status === 'temporarily-closed')).toBe(true);
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((i) => i.service.status === 'active')).toBe(true);
  });
  it('refuses a district whose id would clash with the whole-area address', () => {
    const d = dataset();
    const vocab = { ...d.vocab, districts: { ...d.vocab.districts, terms: [...d.vocab.districts.terms, { id: WHOLE_AREA, label: 'Clash', area: 'west-sussex', description: '' }] } };
    expect(() => areaGroups({ ...d, vocab } as Dataset, 'west-sussex')).toThrow(/kept for the services that cover a whole area/);
  });
});

describe('distinctServices', () => {
  it('counts a service listed under two districts once', () => {
    const d = dataset();
    const items = [...servicesByDistrict(d, 'brighton-and-hove').values(), ...servicesByDistrict(d, 'east-sussex').values()].flat();
    const keys = new Set(items.map((i) => `${i.provider.slug}#${i.service.id}`));
    expect(distinctServices(items)).toBe(keys.size);
    expect(distinctServices([...items, ...items])).toBe(keys.size);
  });
});

describe('booklets', () => {
  it('holds each area’s running services and counts them', () => {
    const d = dataset();
    const areas = bookletAreas(d);
    expect(areas.map((a) => a.area)).toEqual(d.vocab.areas.terms.map((t) => t.id));
    for (const a of areas) expect(a.count).toBe(distinctServices(a.groups.flatMap((g) => g.items)));
    expect(areas.flatMap((a) => a.groups.flatMap((g) => g.items)).every((i) => i.service.status === 'active')).toBe(true);
  });
  it('is one booklet for all of Sussex only while its entries fit the limit', () => {
    const areas = bookletAreas(dataset());
    const entries = areas.reduce((n, a) => n + a.groups.reduce((m, g) => m + g.items.length, 0), 0);
    expect(entries).toBeGreaterThan(1);
    expect(wholeBookletFits(areas, entries)).toBe(true);
    expect(wholeBookletFits(areas, entries - 1)).toBe(false);
  });
});
