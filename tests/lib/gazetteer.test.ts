// The gazetteer (data/gazetteer.yaml): enough real places, each inside Sussex and inside its own area, and
// a checker that says what is wrong with a bad entry.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/dataset-fs.ts';
import { checkGazetteer, milesBetween, nearestPlace, placeId } from '../../src/lib/gazetteer.ts';
import { readGazetteer } from '../../src/lib/gazetteer-fs.ts';
import { loadVocabularies } from '../../src/lib/validate.ts';
import { findTerm, inBounds, SUSSEX_BOUNDS } from '../../src/lib/vocab.ts';
import { vocabSources } from '../helpers/data-dir.ts';

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

  test('milesBetween is the great-circle distance', () => {
    // Brighton to Eastbourne is about 20 miles as the crow flies; one degree of latitude is about 69 miles.
    expect(milesBetween(50.8225, -0.1372, 50.7684, 0.2903)).toBeCloseTo(19.4, 0);
    expect(milesBetween(50, 0, 51, 0)).toBeCloseTo(69.1, 1);
    expect(milesBetween(50.8, -0.1, 50.8, -0.1)).toBe(0);
  });
});
