// The place resolver: every way people write a Sussex place or postcode leads to the right place, places and
// postcodes outside Sussex say so, ordinary words are not taken for places, and a typo never becomes another place.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../../src/lib/dataset/dataset-fs.ts';
import type { Place } from '../../../src/lib/places/gazetteer.ts';
import { readGazetteer, readPostcodes } from '../../../src/lib/places/gazetteer-fs.ts';
import {
  buildPlaceLookup,
  findPlaceInQuery,
  kmBetween,
  lookupPlaces,
  normalisePlaceName,
  outsideMessage,
  parsePostcode,
  resolvePlace,
  type PlaceMatch,
} from '../../../src/lib/places/places.ts';
import { loadVocabularies } from '../../../src/lib/validate/index.ts';
import { vocabSources } from '../../helpers/data-dir.ts';

const { vocab } = loadVocabularies(vocabSources());
const data = path.join(PROJECT_ROOT, 'data');
const gazetteer = readGazetteer(data, vocab);
const postcodes = readPostcodes(data, gazetteer.places);
const lookup = buildPlaceLookup(gazetteer.places, postcodes.postcodes, gazetteer.outside);

/** What a match leads to, in one short string: "worthing", "postcode BN11 1AA worthing", "outside Guildford". */
function where(match: PlaceMatch | null): string | null {
  if (!match) return null;
  if (match.kind === 'place') return match.place.id;
  if (match.kind === 'postcode') return `postcode ${match.postcode} ${match.place.id}`;
  return `outside ${match.name}`;
}
const resolve = (text: string) => where(resolvePlace(text, lookup));
const find = (query: string) => {
  const { match, rest } = findPlaceInQuery(query, lookup);
  return { at: where(match), rest };
};

describe('resolvePlace: names as people write them', () => {
  test.each([
    ['Bognor', 'bognor-regis'],
    ['Bognor Regis', 'bognor-regis'],
    ['bognor-regis', 'bognor-regis'],
    ['Shoreham', 'shoreham-by-sea'],
    ['Shoreham-by-Sea', 'shoreham-by-sea'],
    ['shoreham by sea', 'shoreham-by-sea'],
    ['St Leonards', 'st-leonards-on-sea'],
    ['St. Leonards', 'st-leonards-on-sea'],
    ['Saint Leonards', 'st-leonards-on-sea'],
    ['st leonards on sea', 'st-leonards-on-sea'],
    ['ST LEONARDS-ON-SEA', 'st-leonards-on-sea'],
    ['Kemp Town', 'kemptown'],
    ['Kemptown', 'kemptown'],
    ['kemp-town', 'kemptown'],
    ['Hove', 'hove'],
    ['HOVE', 'hove'],
    ['  hove  ', 'hove'],
    ['Bexhill', 'bexhill-on-sea'],
    ['Haywards Heath', 'haywards-heath'],
    ['haywards-heath', 'haywards-heath'],
    ['HaywardsHeath', 'haywards-heath'],
    ["Queen's Park", 'queens-park'],
    ['Queens Park', 'queens-park'],
    ['Westergate', 'westergate'],
    ['Pevensey Bay', 'pevensey-bay'],
    ['Telscombe', 'telscombe'],
    ['Worth', 'worth'],
    ['Copthorne', 'copthorne'],
    ['Brighton & Hove', 'brighton'],
    ['Brighton and Hove', 'brighton'],
  ])('"%s" is %s', (text, id) => {
    expect(resolve(text)).toBe(id);
  });

  test('Crawley’s neighbourhoods are each a place of their own, in Crawley', () => {
    const names = ['Three Bridges', 'Pound Hill', 'Maidenbower', 'Broadfield', 'Bewbush', 'Ifield', 'Langley Green', 'Northgate', 'Southgate', 'Tilgate', 'Furnace Green', 'West Green', 'Gossops Green', 'Forge Wood'];
    const found = names.map((n) => resolvePlace(n, lookup));
    expect(found.map((m) => (m?.kind === 'place' ? `${m.place.name} ${m.place.district} ${m.place.kind}` : null))).toEqual(names.map((n) => `${n} crawley neighbourhood`));
  });

  test('a match carries the place’s district, area and coordinates, and the text it was found in', () => {
    expect(resolvePlace('Bognor', lookup)).toEqual({
      kind: 'place',
      text: 'Bognor',
      place: { id: 'bognor-regis', name: 'Bognor Regis', district: 'arun', area: 'west-sussex', kind: 'town', latitude: 50.783, longitude: -0.679 },
    });
  });

  test('nothing, or words that are not a place, resolve to nothing', () => {
    expect(resolve('')).toBeNull();
    expect(resolve('   ')).toBeNull();
    expect(resolve('men')).toBeNull();
    expect(resolve('hover')).toBeNull();
    expect(resolve('rye bread')).toBeNull();
    expect(resolve('bipolar')).toBeNull();
  });
});

describe('resolvePlace: postcodes', () => {
  test.each([
    ['BN11 1AA', 'postcode BN11 1AA worthing'],
    ['bn111aa', 'postcode BN11 1AA worthing'],
    ['bn11 1aa', 'postcode BN11 1AA worthing'],
    ['BN11', 'postcode BN11 worthing'],
    ['bn1', 'postcode BN1 brighton'],
    ['BN1 1AA', 'postcode BN1 1AA brighton'],
    ['RH10', 'postcode RH10 crawley'],
    ['rh10 6aa', 'postcode RH10 6AA crawley'],
    ['TN34 1AA', 'postcode TN34 1AA hastings'],
    ['PO21 1AA', 'postcode PO21 1AA bognor-regis'],
    ['GU29 9AA', 'postcode GU29 9AA midhurst'],
  ])('"%s" is %s', (text, expected) => {
    expect(resolve(text)).toBe(expected);
  });

  test('a postcode outside Sussex says so, with its town, and so does any full postcode we do not list', () => {
    const gu = resolvePlace('GU1 1AA', lookup);
    expect(gu).toEqual({ kind: 'outside', name: 'Guildford', postcode: 'GU1 1AA', text: 'GU1 1AA' });
    expect(outsideMessage(gu as Extract<PlaceMatch, { kind: 'outside' }>)).toBe('GU1 1AA is in Guildford, outside Sussex.');
    expect(resolve('RH6 7AA')).toBe('outside Horley');
    expect(resolve('TN2')).toBe('outside Tunbridge Wells');
    expect(resolve('SW1A 1AA')).toBe('outside SW1A 1AA');
    // An unlisted district next to Sussex is outside; one far away is just not a place we know.
    expect(resolve('GU99')).toBe('outside GU99');
    expect(resolve('M23')).toBeNull();
  });

  test('a district that crosses the county line sends a Sussex sector to its Sussex place', () => {
    expect(resolve('PO10 7AA')).toBe('outside Emsworth');
    expect(resolve('PO10 8AA')).toBe('postcode PO10 8AA southbourne');
    expect(resolve('GU27 3AA')).toBe('postcode GU27 3AA fernhurst');
    expect(resolve('GU27 1AA')).toBe('outside Haslemere');
  });
});

describe('resolvePlace: places outside Sussex', () => {
  test('Guildford is outside Sussex, in Surrey, and the message says so', () => {
    const m = resolvePlace('Guildford', lookup);
    expect(m).toEqual({ kind: 'outside', name: 'Guildford', county: 'Surrey', text: 'Guildford' });
    expect(outsideMessage(m as Extract<PlaceMatch, { kind: 'outside' }>)).toBe('Guildford is outside Sussex, in Surrey.');
  });

  test.each(['Tunbridge Wells', 'royal tunbridge wells', 'Portsmouth', 'Havant', 'Emsworth', 'Redhill', 'Horley', 'Haslemere'])('"%s" is outside', (text) => {
    expect(resolvePlace(text, lookup)?.kind).toBe('outside');
  });
});

describe('resolvePlace: typos', () => {
  test('a name one letter out (or two, in a long name) is the one place it is close to', () => {
    expect(resolve('worthng')).toBe('worthing');
    expect(resolve('Brigton')).toBe('brighton');
    expect(resolve('lewse')).toBe('lewes');
    expect(resolve('Littlehamptn')).toBe('littlehampton');
    expect(resolve('eastborne')).toBe('eastbourne');
  });

  test('a correction never turns one place into another', () => {
    // Every name and alias in the lookup resolves to its own place, never to a neighbour a letter away.
    const wrong = lookupPlaces(lookup).flatMap((p) => {
      const row = lookup.p.find((r) => r[0] === p.id)!;
      return [p.name, ...(row[6] ?? [])].filter((n) => resolve(n) !== p.id).map((n) => `${n} → ${resolve(n)}`);
    });
    expect(wrong).toEqual([]);
  });

  test('a real village the gazetteer lacks is not taken for another place: the first letter must match, and two letters out needs a long name', () => {
    // Chalvington is not Salvington, Runcton not Duncton, Ewhurst Green not Hurst Green, Wartling not Worthing,
    // Southease not Southgate.
    expect(['Chalvington', 'Runcton', 'Ewhurst Green', 'Wartling', 'Southease'].map(resolve)).toEqual([null, null, null, null, null]);
    // Slips people make with the first letter right are still corrected, two of them in a long name.
    expect(['brighotn', 'haywads heth', 'horhsam', 'crowborugh'].map(resolve)).toEqual(['brighton', 'haywards-heath', 'horsham', 'crowborough']);
  });

  test('a word that is close to two places, or short, is not corrected', () => {
    // "Hove" is one letter from "hover", but four letters is too short to guess from.
    expect(resolve('hovr')).toBeNull();
    const twoClose = buildPlaceLookup(
      [place('Ashton', 'lewes', 50.9, 0.1), place('Aston', 'lewes', 50.91, 0.1)],
      [],
      [],
    );
    expect(resolvePlace('Ashtonn', twoClose)).toMatchObject({ kind: 'place', place: { id: 'ashton' } });
    expect(resolvePlace('Astin', twoClose)).toMatchObject({ kind: 'place', place: { id: 'aston' } });
    expect(resolvePlace('Ashon', twoClose)).toBeNull();
  });
});

describe('resolvePlace: villages the gazetteer used to miss', () => {
  test('a real village that used to be corrected into a neighbour is now found as itself', () => {
    expect(
      Object.fromEntries(['Iford', 'Washington', 'Houghton', 'Bignor', 'Parham', 'Alciston', 'East Chiltington', 'East Blatchington'].map((n) => [n, resolve(n)])),
    ).toEqual({
      Iford: 'iford',
      Washington: 'washington',
      Houghton: 'houghton',
      Bignor: 'bignor',
      Parham: 'parham',
      Alciston: 'alciston',
      'East Chiltington': 'east-chiltington',
      'East Blatchington': 'east-blatchington',
    });
    // The places they used to become are still found by their own names.
    expect(['Ifold', 'Ashington', 'Laughton', 'Bognor', 'Pagham', 'Alfriston', 'West Chiltington', 'West Blatchington'].map(resolve)).toEqual([
      'ifold',
      'ashington',
      'laughton',
      'bognor-regis',
      'pagham',
      'alfriston',
      'west-chiltington',
      'west-blatchington',
    ]);
  });

  test.each([
    ['Iford', 'lewes'],
    ['Denton', 'lewes'],
    ['East Chiltington', 'lewes'],
    ['East Blatchington', 'lewes'],
    ['Hamsey', 'lewes'],
    ['Westmeston', 'lewes'],
    ['Washington', 'horsham'],
    ['Parham', 'horsham'],
    ['Shipley', 'horsham'],
    ['Apuldram', 'chichester'],
    ['Bignor', 'chichester'],
    ['Stoughton', 'chichester'],
    ['Milland', 'chichester'],
    ['Lurgashall', 'chichester'],
    ['Houghton', 'arun'],
    ['Twineham', 'mid-sussex'],
    ['Playden', 'rother'],
    ['Brightling', 'rother'],
    ['Ashburnham', 'rother'],
    ['Alciston', 'wealden'],
    ['Berwick', 'wealden'],
    ['Wilmington', 'wealden'],
    ['Selmeston', 'wealden'],
    ['Groombridge', 'wealden'],
    ['Heyshott', 'chichester'],
    ['Udimore', 'rother'],
    ['Cowbeech', 'wealden'],
    ['Chelwood Gate', 'wealden'],
    ['Litlington', 'wealden'],
  ])('%s is a place of its own, in %s', (name, district) => {
    const m = resolvePlace(name, lookup);
    expect(m).toMatchObject({ kind: 'place', place: { name, district } });
  });

  test('the names people write for a village inside a parish lead to that parish’s village', () => {
    expect(
      Object.fromEntries(['Kingston', 'Bersted', 'Appledram', 'Hambrook', 'Binsted', 'Walderton', 'Offham'].map((n) => [n, resolve(n)])),
    ).toEqual({
      Kingston: 'kingston-near-lewes',
      Bersted: 'south-bersted',
      Appledram: 'apuldram',
      Hambrook: 'chidham',
      Binsted: 'walberton',
      Walderton: 'stoughton',
      Offham: 'hamsey',
    });
    // Kingston Buci, by Shoreham, keeps its own name.
    expect(resolve('Kingston Buci')).toBe('kingston-buci');
  });

  test('everyday search phrases are not read as a place, typed alone or in a query', () => {
    const phrases = ['support groups', 'south east', 'near me', 'over 50s', 'young people', 'online', 'walking group', 'coffee morning'];
    expect(phrases.map((p) => [p, resolve(p), find(p).at])).toEqual(phrases.map((p) => [p, null, null]));
  });

  test('Litlington, in the Cuckmere valley, is found as itself and no longer corrected into Tillington near Petworth', () => {
    expect(resolve('Litlington')).toBe('litlington');
    expect(resolve('Tillington')).toBe('tillington');
    expect(find('walks near litlington').at).toBe('litlington');
  });

  test.each([
    ['Whatlington', 'rother'],
    ['Mountfield', 'rother'],
    ['Hooe', 'wealden'],
    ['Piltdown', 'wealden'],
    ['Beddingham', 'lewes'],
    ['Shermanbury', 'horsham'],
    ['Plaistow', 'chichester'],
    ['Trotton', 'chichester'],
    ['Eartham', 'chichester'],
    ['Earnley', 'chichester'],
    ['Stopham', 'chichester'],
  ])('%s, added on 8 December, is a place of its own, in %s', (name, district) => {
    expect(resolvePlace(name, lookup)).toMatchObject({ kind: 'place', place: { name, district } });
  });

  test('the hamlets and other names of the villages added on 8 December lead to their village', () => {
    expect(Object.fromEntries(["John's Cross", 'Johns Cross', 'Hooe Common', 'Chithurst', 'Trotton with Chithurst'].map((n) => [n, resolve(n)]))).toEqual({
      "John's Cross": 'mountfield',
      'Johns Cross': 'mountfield',
      'Hooe Common': 'hooe',
      Chithurst: 'trotton',
      'Trotton with Chithurst': 'trotton',
    });
    // Hooe is one letter from Hove, and both stay themselves.
    expect([resolve('Hooe'), resolve('Hove')]).toEqual(['hooe', 'hove']);
    expect(find('groups near eartham').at).toBe('eartham');
  });

  test('"Old Town" alone leads to no place: Eastbourne, Hastings and Bexhill each have one, so only a name with its town is a place', () => {
    expect(resolve('Old Town')).toBeNull();
    expect(find('walking group old town').at).toBeNull();
    expect(resolve('Hastings Old Town')).toBe('hastings');
  });

  test('the other names of a neighbourhood lead to it: Nyetimber to Pagham, Bulverhythe to West St Leonards, Willingdon Trees to Hampden Park', () => {
    expect(Object.fromEntries(['Nyetimber', 'Bulverhythe', 'Willingdon Trees'].map((n) => [n, resolve(n)]))).toEqual({
      Nyetimber: 'pagham',
      Bulverhythe: 'west-st-leonards',
      'Willingdon Trees': 'hampden-park',
    });
    // Willingdon Trees is an Eastbourne estate: the longer name wins over Willingdon village in Wealden.
    expect(find('support group in willingdon trees').at).toBe('hampden-park');
    expect(resolve('Willingdon')).toBe('willingdon');
  });
});

describe('findPlaceInQuery', () => {
  test.each([
    ['mens group in shoreham', 'shoreham-by-sea', 'mens group'],
    ['bipolar worthing', 'worthing', 'bipolar'],
    ['Worthing bipolar', 'worthing', 'bipolar'],
    ['hearing voices group near St Leonards', 'st-leonards-on-sea', 'hearing voices group'],
    ['walking kemp town', 'kemptown', 'walking'],
    ['anxiety, Bognor Regis', 'bognor-regis', 'anxiety'],
    ['carers in haywards-heath on tuesdays', 'haywards-heath', 'carers on tuesdays'],
    ['groups in battle', 'battle', 'groups'],
    ['battle', 'battle', ''],
    ['near Rye', 'rye', ''],
    ['support groups in worthng', 'worthing', 'support groups'],
    ['london road brighton', 'brighton', 'london road'],
    ['Portsmouth Road Worthing', 'worthing', 'Portsmouth Road'],
    ['groups in Brighton & Hove', 'brighton', 'groups'],
    ["young people's group, Christ's Hospital", 'christs-hospital', "young people's group"],
    ['crawley down walking group', 'crawley-down', 'walking group'],
    ['cross in hand', 'cross-in-hand', ''],
  ])('"%s" finds %s and leaves "%s"', (query, id, rest) => {
    expect(find(query)).toEqual({ at: id, rest });
  });

  test('finds a postcode, written with or without its space, or a district alone', () => {
    expect(find('BN11 1AA')).toEqual({ at: 'postcode BN11 1AA worthing', rest: '' });
    expect(find('peer support bn111aa')).toEqual({ at: 'postcode BN11 1AA worthing', rest: 'peer support' });
    expect(find('groups near RH10')).toEqual({ at: 'postcode RH10 crawley', rest: 'groups' });
    expect(find('GU1 1AA mens group')).toEqual({ at: 'outside Guildford', rest: 'mens group' });
  });

  test('the longest name wins: "West Worthing" over "Worthing", "Pevensey Bay" over "Pevensey"', () => {
    expect(find('yoga west worthing').at).toBe('west-worthing');
    expect(find('pevensey bay cafe').at).toBe('pevensey-bay');
    expect(find('East Grinstead').at).toBe('east-grinstead');
  });

  test('says when the place in a query is outside Sussex', () => {
    expect(find('mens group guildford')).toEqual({ at: 'outside Guildford', rest: 'mens group' });
    expect(find('groups in tunbridge wells')).toEqual({ at: 'outside Tunbridge Wells', rest: 'groups' });
  });

  test.each([
    'men',
    'mens group',
    'hover',
    'rye bread',
    'battle with anxiety',
    'worth a try',
    'dancing',
    'ore',
    'a1 road',
    'bipolar',
    'dancing group for women',
    'hearing voices',
  ])('finds no place in "%s"', (query) => {
    // "worth", "battle" and "rye" are Sussex places too, but here they are everyday words.
    const { match } = findPlaceInQuery(query, lookup);
    if (query === 'ore') expect(where(match)).toBe('ore');
    else expect(match).toBeNull();
  });

  test('a misspelt word is corrected only where the query says a place comes next', () => {
    // "dancing" is one letter from Lancing, so only "in lancng" is read as a place.
    expect(find('dancing group').at).toBeNull();
    expect(find('dance group in lancng').at).toBe('lancing');
  });
});

describe('normalisePlaceName and parsePostcode', () => {
  test('normalisePlaceName sets aside capitals, hyphens, dots, apostrophes, accents and "Saint"', () => {
    expect(normalisePlaceName('St. Leonards-on-Sea')).toBe('st leonards on sea');
    expect(normalisePlaceName('Saint Leonards')).toBe('st leonards');
    expect(normalisePlaceName("Queen’s  Park")).toBe('queens park');
    expect(normalisePlaceName('Brighton & Hove')).toBe('brighton and hove');
    expect(normalisePlaceName('Hurstmonçeux')).toBe('hurstmonceux');
  });

  test('parsePostcode reads full postcodes from the right, and outward codes alone', () => {
    expect(parsePostcode('bn111aa')).toEqual({ outward: 'BN11', inward: '1AA' });
    expect(parsePostcode('BN1 1AA')).toEqual({ outward: 'BN1', inward: '1AA' });
    expect(parsePostcode(' rh10 ')).toEqual({ outward: 'RH10' });
    expect(parsePostcode('SW1A 1AA')).toEqual({ outward: 'SW1A', inward: '1AA' });
    expect(parsePostcode('Worthing')).toBeUndefined();
    expect(parsePostcode('BN11 1A')).toBeUndefined();
  });
});

describe('the data the resolver is built from', () => {
  test('has at least 250 places, in every district of the three areas', () => {
    expect(gazetteer.problems).toEqual([]);
    expect(gazetteer.places.length).toBeGreaterThanOrEqual(250);
    const districts = new Set(gazetteer.places.map((p) => p.district));
    expect(vocab.districts.terms.filter((d) => !districts.has(d.id)).map((d) => d.id)).toEqual([]);
  });

  test('every postcode district names its main place, and that place is in the gazetteer', () => {
    expect(postcodes.problems).toEqual([]);
    const ids = new Set(gazetteer.places.map((p) => p.id));
    const inside = postcodes.postcodes.filter((p) => p.place !== undefined);
    expect(inside.filter((p) => !ids.has(p.place!)).map((p) => p.code)).toEqual([]);
    expect(postcodes.postcodes.filter((p) => p.place === undefined && !p.outside)).toEqual([]);
  });

  test('lists the postcode districts of the three areas', () => {
    const listed = new Set(postcodes.postcodes.filter((p) => p.place).map((p) => p.code));
    const bn = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 20, 21, 22, 23, 24, 25, 26, 27, 41, 42, 43, 44, 45].map((n) => `BN${n}`);
    const rh = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map((n) => `RH${n}`);
    const tn = [5, 6, 7, 19, 20, 21, 22, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40].map((n) => `TN${n}`);
    const po = [18, 19, 20, 21, 22].map((n) => `PO${n}`);
    const gu = ['GU28', 'GU29'];
    expect([...bn, ...rh, ...tn, ...po, ...gu].filter((c) => !listed.has(c))).toEqual([]);
  });

  test('each postcode district’s place is in the right district (spot checks)', () => {
    const districtOf = (code: string) => {
      const m = resolvePlace(code, lookup);
      return m?.kind === 'postcode' ? m.place.district : m?.kind;
    };
    expect(['BN42', 'BN43', 'BN15'].map(districtOf)).toEqual(['adur', 'adur', 'adur']);
    expect(['BN44', 'BN5', 'RH12', 'RH13', 'RH20'].map(districtOf)).toEqual(['horsham', 'horsham', 'horsham', 'horsham', 'horsham']);
    expect(['BN6', 'BN45', 'RH15', 'RH16', 'RH19'].map(districtOf)).toEqual(['mid-sussex', 'mid-sussex', 'mid-sussex', 'mid-sussex', 'mid-sussex']);
    expect(['TN6', 'TN22', 'BN24', 'BN27', 'RH18'].map(districtOf)).toEqual(['wealden', 'wealden', 'wealden', 'wealden', 'wealden']);
    expect(['BN10', 'BN9', 'BN25'].map(districtOf)).toEqual(['lewes', 'lewes', 'lewes']);
    expect(['TN37', 'TN34'].map(districtOf)).toEqual(['hastings', 'hastings']);
    expect(['TN39', 'TN31', 'TN33'].map(districtOf)).toEqual(['rother', 'rother', 'rother']);
  });

  test('the places the brief names are in the right district', () => {
    const district = (name: string) => {
      const m = resolvePlace(name, lookup);
      return m?.kind === 'place' ? m.place.district : m?.kind ?? null;
    };
    expect(
      Object.fromEntries(
        ['Crowborough', 'Copthorne', 'Westergate', 'Telscombe', 'Peacehaven', 'Pevensey Bay', 'Shoreham-by-Sea', 'Hassocks', 'Hurstpierpoint', 'Storrington', 'Steyning', 'Henfield', 'Billingshurst', 'Pulborough', 'Southbourne', 'Emsworth'].map((n) => [n, district(n)]),
      ),
    ).toEqual({
      Crowborough: 'wealden',
      Copthorne: 'mid-sussex',
      Westergate: 'arun',
      Telscombe: 'lewes',
      Peacehaven: 'lewes',
      'Pevensey Bay': 'wealden',
      'Shoreham-by-Sea': 'adur',
      Hassocks: 'mid-sussex',
      Hurstpierpoint: 'mid-sussex',
      Storrington: 'horsham',
      Steyning: 'horsham',
      Henfield: 'horsham',
      Billingshurst: 'horsham',
      Pulborough: 'horsham',
      Southbourne: 'chichester',
      Emsworth: 'outside',
    });
  });

  test('the lookup served as /places.json stays small: under 10 kB gzipped', () => {
    const json = JSON.stringify(lookup);
    expect(JSON.parse(json)).toEqual(lookup);
    expect(gzipSync(json).length).toBeLessThan(10_000);
  });
});

describe('kmBetween', () => {
  test('is the great-circle distance in kilometres', () => {
    // Brighton to Eastbourne is about 30.6 km as the crow flies; one degree of latitude is about 111 km.
    expect(kmBetween({ latitude: 50.8225, longitude: -0.1372 }, { latitude: 50.7684, longitude: 0.2903 })).toBeCloseTo(30.6, 1);
    expect(kmBetween({ latitude: 50, longitude: 0 }, { latitude: 51, longitude: 0 })).toBeCloseTo(111.2, 1);
  });
});

function place(name: string, district: string, latitude: number, longitude: number): Place {
  return { id: name.toLowerCase(), name, district, kind: 'village', latitude, longitude, area: 'east-sussex' };
}

describe('findPlaceInQuery: names split or run together', () => {
  test('"Peace haven" and "haywardsheath" are the places they spell', () => {
    expect(find('groups in peace haven')).toEqual({ at: 'peacehaven', rest: 'groups' });
    expect(find('haywardsheath carers')).toEqual({ at: 'haywards-heath', rest: 'carers' });
  });
});
