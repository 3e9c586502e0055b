// The gazetteer (data/gazetteer.yaml): enough real places, each inside Sussex and inside its own area, and
// a checker that says what is wrong with a bad entry.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../../src/lib/dataset/dataset-fs.ts';
import { checkGazetteer, checkPostcodes, fillTownCoordinates, milesBetween, nearestPlace, nearestTownNames, placeId, townCoordinates, withoutTownCoordinates } from '../../../src/lib/places/gazetteer.ts';
import { readGazetteer, readPostcodes } from '../../../src/lib/places/gazetteer-fs.ts';
import { brief, makeDataDir } from '../../helpers/data-dir.ts';
import { loadVocabularies } from '../../../src/lib/validate/index.ts';
import { findTerm, inBounds, SUSSEX_BOUNDS } from '../../../src/lib/dataset/vocab.ts';
import { vocabSources } from '../../helpers/data-dir.ts';

const { vocab } = loadVocabularies(vocabSources());
const { places, problems } = readGazetteer(path.join(PROJECT_ROOT, 'data'), vocab);

describe('data/gazetteer.yaml', () => {
  test('has no problems', () => {
    expect(problems).toEqual([]);
  });

  test('has at least 80 places, with unique ids and names', () => {
    expect(places.length).toBeGreaterThanOrEqual(80);
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
    expect(new Set(places.map((p) => p.name.toLowerCase())).size).toBe(places.length);
  });

  test('every place is inside Sussex and inside the bounds of its district’s area', () => {
    const outside = places.filter((p) => {
      const area = findTerm(vocab, 'districts', p.district)?.area;
      const bounds = area ? findTerm(vocab, 'areas', area)?.bounds : undefined;
      return !bounds || !inBounds(bounds, p.latitude, p.longitude) || !inBounds(SUSSEX_BOUNDS, p.latitude, p.longitude);
    });
    expect(outside.map((p) => `${p.name} (${p.district}) ${p.latitude}, ${p.longitude}`)).toEqual([]);
  });

  test('covers every district, and the three areas', () => {
    const named = new Set(places.map((p) => p.district));
    expect(vocab.districts.terms.map((d) => d.id).filter((d) => !named.has(d))).toEqual([]);
  });

  test('places a few well-known towns where they are (within a mile of their centre)', () => {
    const known: [string, number, number][] = [
      ['brighton', 50.8225, -0.1372],
      ['worthing', 50.8179, -0.3729],
      ['chichester', 50.8365, -0.7792],
      ['crawley', 51.1092, -0.1872],
      ['eastbourne', 50.7684, 0.2903],
      ['hastings', 50.8543, 0.5735],
      ['lewes', 50.8739, 0.0088],
    ];
    for (const [id, lat, lng] of known) {
      const p = places.find((x) => x.id === id);
      expect(p, id).toBeDefined();
      expect(milesBetween(lat, lng, p?.latitude ?? 0, p?.longitude ?? 0), id).toBeLessThan(1);
    }
  });

  test('names the page each village added since 7 December was checked against, and when', () => {
    const added = ['Iford', 'Denton', 'Shipley', 'Litlington', 'Groombridge', 'Whatlington', 'Hooe', 'Plaistow', 'Eartham'];
    const sources = added.map((name) => places.find((p) => p.name === name)?.source);
    expect(sources.every((s) => s && /^https?:\/\//.test(s.url) && /^2026-12-0[78]$/.test(s.checked))).toBe(true);
    expect(places.filter((p) => p.source).length).toBeGreaterThanOrEqual(38);
  });

  test('gives each place a page-address id made from its name', () => {
    expect(places.find((p) => p.name === 'St Leonards-on-Sea')?.id).toBe('st-leonards-on-sea');
    expect(places.find((p) => p.name === 'Bognor Regis')?.id).toBe('bognor-regis');
  });
});

describe('checkGazetteer', () => {
  const good = { name: 'Lewes', district: 'lewes', kind: 'town', latitude: 50.874, longitude: 0.009 };
  const check = (...items: unknown[]) => checkGazetteer({ places: items }, vocab).problems.map((p) => `${p.index}: ${p.message}`);

  test('accepts a good place', () => {
    expect(check(good)).toEqual([]);
  });

  test('refuses a place outside Sussex, and says when latitude and longitude look swapped', () => {
    expect(check({ ...good, latitude: 51.5, longitude: -0.12 })).toEqual(['0: "Lewes" is at 51.5, -0.12, which is outside Sussex.']);
    expect(check({ ...good, latitude: 0.009, longitude: 50.874 })[0]).toMatch(/swapped/);
  });

  test('refuses a place outside its district’s area', () => {
    // Inside Sussex, but Chichester is far west of East Sussex's bounds.
    expect(check({ ...good, latitude: 50.837, longitude: -0.779 })).toEqual(['0: "Lewes" is at 50.837, -0.779, which is outside East Sussex, the area of the district "lewes".']);
  });

  test('refuses an unknown district or kind, missing coordinates, unknown fields and a repeated id', () => {
    expect(check({ ...good, district: 'kent' })[0]).toMatch(/"kent", which is not in data\/vocab\/districts.yaml/);
    expect(check({ ...good, kind: 'hamlet' })[0]).toMatch(/kind "hamlet"/);
    expect(check({ ...good, latitude: '50.8' })[0]).toMatch(/needs a latitude and a longitude/);
    expect(check({ ...good, postcode: 'BN7' })[0]).toMatch(/"postcode", which is not a field we know/);
    expect(check(good, { ...good })).toEqual(['1: "Lewes" has the id "lewes", already used by places[0]. Give one of them its own id.']);
    // Its own id is not enough: the name would lead to two places.
    expect(check(good, { ...good, id: 'lewes-town' })).toEqual(['1: "Lewes" already leads to "Lewes" (places[0]). A name must lead to one place: remove it from one of them, or add what tells them apart ("East Dean (Chichester)").']);
    expect(check(good, { ...good, id: 'lewes-town', name: 'Lewes Town' })).toEqual([]);
    expect(checkGazetteer({}, vocab).problems).toEqual([{ index: -1, message: 'must have a list called "places".' }]);
  });

  test('placeId and the nearest place', () => {
    expect(placeId('Brighton & Hove')).toBe('brighton-and-hove');
    expect(placeId('Goring-by-Sea')).toBe('goring-by-sea');
    expect(nearestPlace(places, 50.8555, 0.5455)?.id).toBe('st-leonards-on-sea');
  });

});

describe('checkGazetteer: aliases, neighbourhoods and places outside Sussex', () => {
  const lewes = { name: 'Lewes', district: 'lewes', kind: 'town', latitude: 50.874, longitude: 0.009 };
  const kemptown = { name: 'Kemptown', district: 'brighton-and-hove', kind: 'neighbourhood', latitude: 50.818, longitude: -0.118, aliases: ['Kemp Town'] };
  const problems = (value: unknown) => checkGazetteer(value, vocab).problems.map((p) => `${(p.at ?? ['places', p.index]).join('.')}: ${p.message}`);

  test('accepts a neighbourhood with aliases, an everyday-word place, and a list of places outside Sussex', () => {
    const { places: checked, outside, problems: found } = checkGazetteer(
      { places: [lewes, kemptown, { name: 'Rye', district: 'rother', kind: 'town', latitude: 50.95, longitude: 0.734, common_word: true }], outside: [{ name: 'Guildford', county: 'Surrey' }] },
      vocab,
    );
    expect(found).toEqual([]);
    expect(checked[1]).toEqual({ id: 'kemptown', name: 'Kemptown', district: 'brighton-and-hove', kind: 'neighbourhood', latitude: 50.818, longitude: -0.118, area: 'brighton-and-hove', aliases: ['Kemp Town'] });
    expect(checked[2]?.commonWord).toBe(true);
    expect(outside).toEqual([{ name: 'Guildford', county: 'Surrey' }]);
  });

  test('refuses aliases that are not a list of names, and a common_word that is not true or false', () => {
    expect(problems({ places: [{ ...lewes, aliases: 'Lewes Town' }] })).toEqual(['places.0: "Lewes" has aliases that are not a list of names. Write them like this: aliases: [Bognor, Bognor-Regis].']);
    expect(problems({ places: [{ ...lewes, aliases: ['ok', ''] }] })[0]).toMatch(/not a list of names/);
    expect(problems({ places: [{ ...lewes, common_word: 'yes' }] })).toEqual(['places.0: "Lewes" has common_word: "yes": use true, or leave it out.']);
  });

  test('flags an alias that leads to another place, or repeats its own name, at the alias', () => {
    expect(problems({ places: [lewes, { ...kemptown, aliases: ['Kemp Town', 'LEWES'] }] })).toEqual([
      'places.1.aliases.1: "LEWES" already leads to "Lewes" (places[0]). A name must lead to one place: remove it from one of them, or add what tells them apart ("East Dean (Chichester)").',
    ]);
    expect(problems({ places: [{ ...kemptown, aliases: ['kemp town', 'Kemp-Town'] }] })).toEqual([
      'places.0.aliases.1: "Kemp-Town" is the same as another name of "Kemptown" once capitals, hyphens and "St"/"Saint" are set aside. Remove it.',
    ]);
  });

  test('refuses a place outside Sussex with no county, an unknown field, or a name that is a Sussex place', () => {
    expect(problems({ places: [lewes], outside: [{ name: 'Guildford' }] })).toEqual(['outside.0: "Guildford" needs a name and a county (where it is instead of Sussex), like {name: Guildford, county: Surrey}.']);
    expect(problems({ places: [lewes], outside: [{ name: 'Guildford', county: 'Surrey', postcode: 'GU1' }] })[0]).toMatch(/^outside\.0: "Guildford" has "postcode", which is not a field we know \(name, county, aliases\)/);
    expect(problems({ places: [lewes], outside: [{ name: 'Lewes', county: 'Kent' }] })[0]).toMatch(/^outside\.0\.name: "Lewes" already leads to "Lewes" \(places\[0\]\)/);
    expect(problems({ places: [lewes], outside: { name: 'Guildford' } })[0]).toMatch(/^outside: has "outside", which must be a list/);
    expect(problems({ places: [lewes], towns: [] })).toEqual(['towns: has "towns", which is not a list we know (places, outside).']);
  });
});

describe('checkGazetteer: where a place\'s coordinates were checked (source)', () => {
  const today = '2026-12-08';
  const iford = { name: 'Iford', district: 'lewes', kind: 'village', latitude: 50.85, longitude: -0.01 };
  const url = 'https://en.wikipedia.org/wiki/Iford,_East_Sussex';
  const check = (source: unknown) => checkGazetteer({ places: [{ ...iford, source }] }, vocab, today);
  const problems = (source: unknown) => check(source).problems.map((p) => `${(p.at ?? ['places', p.index]).join('.')}: ${p.message}`);

  test('keeps a source with an http(s) address and a date up to today, and a place may have none', () => {
    expect(check({ url, checked: '2026-12-07' })).toMatchObject({ problems: [], places: [{ id: 'iford', source: { url, checked: '2026-12-07' } }] });
    expect(check({ url: 'http://www.wikishire.co.uk/wiki/Selmeston', checked: today }).places[0]?.source).toEqual({ url: 'http://www.wikishire.co.uk/wiki/Selmeston', checked: today });
    expect(checkGazetteer({ places: [iford] }, vocab, today).places[0]).not.toHaveProperty('source');
  });

  test('takes a date that a YAML reader gave as a Date as the same day', () => {
    expect(check({ url, checked: new Date('2026-12-07T00:00:00Z') }).places[0]?.source?.checked).toBe('2026-12-07');
  });

  test('refuses an address that is not an http(s) web page, at the url', () => {
    expect(problems({ url: 'en.wikipedia.org/wiki/Iford,_East_Sussex', checked: '2026-12-07' })).toEqual([
      'places.0.source.url: "Iford" has the source url "en.wikipedia.org/wiki/Iford,_East_Sussex", which is not a web page address: it must start with https:// (or http://). Copy it from the browser\'s address bar.',
    ]);
    expect(problems({ url: 'ftp://example.org/iford', checked: '2026-12-07' })[0]).toMatch(/^places\.0\.source\.url: .*must start with https:\/\//);
    expect(problems({ url: 'javascript:alert(1)', checked: '2026-12-07' })[0]).toMatch(/must start with https:\/\//);
    expect(problems({ url: 'https://localhost/iford', checked: '2026-12-07' })[0]).toMatch(/has no site name like en\.wikipedia\.org/);
    expect(problems({ url: 'https://en.wikipedia.org/wiki/Iford, East Sussex', checked: '2026-12-07' })[0]).toMatch(/has a space in it/);
    expect(problems({ url: 42, checked: '2026-12-07' })[0]).toMatch(/^places\.0\.source\.url: "Iford" has a source url that is not text/);
  });

  test('refuses a date that is not a real day on the calendar, at the date', () => {
    expect(problems({ url, checked: '2026-02-30' })).toEqual([
      'places.0.source.checked: "Iford" has the source date "2026-02-30", which is not a real date. Write the day you checked the page as year-month-day, like checked: 2026-12-08.',
    ]);
    expect(problems({ url, checked: '2026-13-01' })[0]).toMatch(/"2026-13-01", which is not a real date/);
    expect(problems({ url, checked: '7 December 2026' })[0]).toMatch(/"7 December 2026", which is not a real date/);
    expect(problems({ url, checked: '2026-12' })[0]).toMatch(/"2026-12", which is not a real date/);
    expect(problems({ url, checked: 20261207 })[0]).toMatch(/20261207, which is not a real date/);
  });

  test('refuses a date after today, at the date', () => {
    expect(problems({ url, checked: '2026-12-09' })).toEqual([
      'places.0.source.checked: "Iford" has the source date 2026-12-09, which is in the future (today is 2026-12-08). Write the day you actually checked the page.',
    ]);
  });

  test('refuses a field a source does not have, at that field', () => {
    expect(problems({ url, checked: '2026-12-07', title: 'Iford - Wikipedia' })).toEqual([
      'places.0.source.title: "Iford" has "title" in its source, which is not a field we know there (url, checked). Remove it: a source is only source: {url: "https://en.wikipedia.org/wiki/Iford,_East_Sussex", checked: 2026-12-07}.',
    ]);
  });

  test('refuses a source that is not a set of fields, or lacks its address or date', () => {
    expect(problems(url)[0]).toMatch(/^places\.0\.source: "Iford" has a source that is not a set of fields/);
    expect(problems({ checked: '2026-12-07' })[0]).toMatch(/^places\.0\.source: "Iford" has a source with no url/);
    expect(problems({ url })[0]).toMatch(/^places\.0\.source: "Iford" has a source with no checked date\. .*like checked: 2026-12-08/);
  });

  test('says every problem at once: each wrong part of the source and the rest of the place, by line and column', () => {
    const d = makeDataDir({
      files: {
        'gazetteer.yaml': `places:
  - {name: Iford, district: lewes, kind: village, latitude: 50.85, longitude: -0.01, source: {url: "www.example.org/iford", checked: 2026-02-30, page: 3}}
  - {name: Denton, district: kent, kind: village, latitude: 50.803, longitude: 0.059, source: {url: "https://www.wikishire.co.uk/wiki/Denton,_Sussex", checked: 2999-01-01}}
`,
      },
    });
    try {
      const found = readGazetteer(d.root, vocab, today).problems.map(brief);
      expect(found).toHaveLength(5);
      expect(found[0]).toMatch(/^2:152: error: places\[0\]\.source\.page: "Iford" has "page" in its source/);
      expect(found[1]).toMatch(/^2:100: error: places\[0\]\.source\.url: "Iford" has the source url "www\.example\.org\/iford"/);
      expect(found[2]).toMatch(/^2:134: error: places\[0\]\.source\.checked: "Iford" has the source date "2026-02-30", which is not a real date/);
      expect(found[3]).toMatch(/^3:161: error: places\[1\]\.source\.checked: "Denton" has the source date 2999-01-01, which is in the future/);
      expect(found[4]).toMatch(/^3:5: error: places\[1\]: "Denton" has the district "kent"/);
    } finally {
      d.remove();
    }
  });
});

describe('checkPostcodes', () => {
  const places = checkGazetteer({ places: [{ name: 'Worthing', district: 'worthing', kind: 'town', latitude: 50.817, longitude: -0.372 }] }, vocab).places;
  const problems = (value: unknown) => checkPostcodes(value, places).problems.map((p) => `${(p.at ?? []).join('.')}: ${p.message}`);

  test('accepts districts with a gazetteer place, sectors, and districts outside with their town', () => {
    const value = { districts: [{ code: 'BN11', place: 'worthing' }, { code: 'PO10 8', place: 'worthing' }], outside: [{ code: 'PO10', name: 'Emsworth' }] };
    expect(checkPostcodes(value, places)).toEqual({
      postcodes: [{ code: 'BN11', place: 'worthing' }, { code: 'PO10 8', place: 'worthing' }, { code: 'PO10', outside: 'Emsworth' }],
      problems: [],
    });
  });

  test('refuses a code that is not a postcode district in capitals, and shows the fix', () => {
    expect(problems({ districts: [{ code: 'bn11', place: 'worthing' }] })).toEqual(['districts.0.code: "bn11" is not a postcode district like BN11 (or a sector like "PO10 8"), in capitals. Write it as "BN11".']);
    expect(problems({ districts: [{ code: 'Worthing', place: 'worthing' }] })).toEqual(['districts.0.code: "Worthing" is not a postcode district like BN11 (or a sector like "PO10 8"), in capitals.']);
  });

  test('refuses a place that is not in the gazetteer, a code listed twice, and a sector whose district is missing', () => {
    expect(problems({ districts: [{ code: 'BN12', place: 'goring' }] })).toEqual([
      'districts.0.place: "BN12" has the place "goring", which is not an id in data/gazetteer.yaml. Use the id of its main town (e.g. worthing), or add the place there first.',
    ]);
    expect(problems({ districts: [{ code: 'BN11', place: 'worthing' }], outside: [{ code: 'BN11', name: 'Worthing' }] })).toEqual(['outside.0.code: "BN11" is listed twice (also at districts[0]). Keep one.']);
    expect(problems({ districts: [{ code: 'GU27 3', place: 'worthing' }] })).toEqual(['districts.0.code: "GU27 3" is a sector of GU27, which is not listed. Add GU27 too.']);
  });

  test('refuses an outside district with no town, unknown fields, and a file with no list of districts', () => {
    expect(problems({ districts: [], outside: [{ code: 'GU1' }] })).toEqual(['outside.0: "GU1" needs the name of its main town, like {code: GU1, name: Guildford}.']);
    expect(problems({ districts: [{ code: 'BN11', place: 'worthing', town: 'Worthing' }] })).toEqual(['districts.0.town: "BN11" has "town", which is not a field we know here (code, place).']);
    expect(checkPostcodes({ BN11: 'worthing' }, places).problems).toEqual([{ index: -1, message: 'must have a list called "districts" (and may have one called "outside").' }]);
  });
});

describe('readGazetteer and readPostcodes', () => {
  test('say where each problem is, by line and column, as npm run validate prints it', () => {
    const d = makeDataDir({
      files: {
        'gazetteer.yaml': `places:
  - {name: Lewes, district: lewes, kind: town, latitude: 50.874, longitude: 0.009}
  - name: Kemptown
    district: brighton-and-hove
    kind: neighbourhood
    latitude: 50.818
    longitude: -0.118
    aliases: [Kemp Town, Lewes]
outside:
  - {name: Guildford}
`,
        'postcodes.yaml': `districts:
  - {code: BN7, place: lewes}
  - {code: bn2, place: kemptown}
  - {code: BN1, place: brighton}
`,
      },
    });
    try {
      const g = readGazetteer(d.root, vocab);
      expect(g.problems.map(brief)).toEqual([
        '8:26: error: places[1].aliases[1]: "Lewes" already leads to "Lewes" (places[0]). A name must lead to one place: remove it from one of them, or add what tells them apart ("East Dean (Chichester)").',
        '10:5: error: outside[0]: "Guildford" needs a name and a county (where it is instead of Sussex), like {name: Guildford, county: Surrey}.',
      ]);
      expect(g.problems[0]?.file).toMatch(/gazetteer\.yaml$/);
      const pc = readPostcodes(d.root, g.places);
      expect(pc.problems.map(brief)).toEqual([
        '3:12: error: districts[1].code: "bn2" is not a postcode district like BN11 (or a sector like "PO10 8"), in capitals. Write it as "BN2".',
        '4:24: error: districts[2].place: "BN1" has the place "brighton", which is not an id in data/gazetteer.yaml. Use the id of its main town (e.g. worthing), or add the place there first.',
      ]);
      expect(pc.problems[0]?.file).toMatch(/postcodes\.yaml$/);
    } finally {
      d.remove();
    }
  });

  test('say when the postcode file is missing', () => {
    const d = makeDataDir();
    try {
      rmSync(d.at('postcodes.yaml'));
      expect(readPostcodes(d.root, []).problems.map(brief)).toEqual(['1:1: error: is missing. Searching by postcode needs it: restore it from git.']);
    } finally {
      d.remove();
    }
  });
});

describe('townCoordinates', () => {
  test('finds a town by its name, whatever the case, spaces or hyphens', () => {
    expect(townCoordinates('Worthing', places)?.name).toBe('Worthing');
    expect(townCoordinates('shoreham by sea', places)?.name).toBe('Shoreham-by-Sea');
    expect(townCoordinates('BOGNOR REGIS', places)?.name).toBe('Bognor Regis');
  });

  test('finds a place by an alias the gazetteer gives it', () => {
    const withAlias = [{ ...places[0]!, name: 'Bognor Regis', id: 'bognor-regis', aliases: ['Bognor'] }];
    expect(townCoordinates('Bognor', withAlias)?.id).toBe('bognor-regis');
  });

  test('finds nothing for a name the gazetteer does not have, and names the nearest spellings', () => {
    expect(townCoordinates('Worthng', places)).toBeUndefined();
    expect(townCoordinates('', places)).toBeUndefined();
    expect(nearestTownNames('Worthng', places)[0]).toBe('Worthing');
  });
});

describe('fillTownCoordinates', () => {
  test('gives a town-only location its town\'s coordinates, and leaves every other location alone', () => {
    const worthing = townCoordinates('Worthing', places)!;
    const town = { precision: 'town', town: 'Worthing' };
    const exact = { precision: 'exact', town: 'Worthing', latitude: 50.81, longitude: -0.37 };
    const unknown = { precision: 'town', town: 'Nowhere' };
    fillTownCoordinates([{ data: { services: [{ locations: [town, exact, unknown] }] } }], places);
    expect(town).toEqual({ precision: 'town', town: 'Worthing', latitude: worthing.latitude, longitude: worthing.longitude });
    expect(exact).toEqual({ precision: 'exact', town: 'Worthing', latitude: 50.81, longitude: -0.37 });
    expect(unknown).toEqual({ precision: 'town', town: 'Nowhere' });
    expect(withoutTownCoordinates(town)).toEqual({ precision: 'town', town: 'Worthing' });
    expect(withoutTownCoordinates(exact)).toBe(exact);
  });
});
