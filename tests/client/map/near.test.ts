import { describe, expect, test } from 'vitest';
import { nearestSpots, NEAREST_SHOWN, ownLocation, typedPlace } from '../../../src/client/map/near.ts';
import type { PlaceMatch } from '../../../src/lib/places/places.ts';

const worthing = { id: 'worthing', name: 'Worthing', latitude: 50.81, longitude: -0.37, district: 'worthing' };

describe('near me', () => {
  test("the visitor's own location takes the district of a town within 10 miles, and no district when none is", () => {
    const towns = [{ lat: 50.81, lng: -0.37, district: 'worthing' }, { lat: 50.87, lng: 0.01, district: 'lewes' }];
    expect(ownLocation(50.82, -0.36, towns)).toEqual({ name: 'your location', lat: 50.82, lng: -0.36, district: 'worthing' });
    expect(ownLocation(52, -2, towns).district).toBeUndefined();
  });

  test('fits the nearest few places in view, nearest first', () => {
    const spots = Array.from({ length: 8 }, (_, i) => ({ lat: 50 + i / 10, lng: 0 }));
    const got = nearestSpots({ lat: 50.75, lng: 0 }, spots);
    expect(got).toHaveLength(NEAREST_SHOWN);
    expect(got[0]!.lat).toBeCloseTo(50.7);
  });

  test('a typed town is sorted from, and a postcode says which district it stands for', () => {
    expect(typedPlace('worthing', { kind: 'place', place: worthing, text: 'worthing' } as unknown as PlaceMatch, () => '')).toEqual({
      near: { id: 'worthing', name: 'Worthing', lat: 50.81, lng: -0.37, district: 'worthing' },
      message: 'Showing the groups nearest to Worthing first.',
    });
    const postcode = { kind: 'postcode', postcode: 'BN11 1AA', outward: 'BN11', place: worthing, text: 'BN11 1AA' } as unknown as PlaceMatch;
    expect(typedPlace('BN11 1AA', postcode, () => '').message).toBe('Showing the groups nearest to Worthing (BN11) first.');
  });

  test('a place not found, or outside Sussex, gives a message and no place', () => {
    expect(typedPlace('Atlantis', null, () => '')).toEqual({ message: 'We could not find "Atlantis". Try the name of a town or village in Sussex, or a postcode like BN11 1AA, or choose from the list.' });
    const outside = { kind: 'outside', name: 'Guildford', text: 'guildford' } as PlaceMatch;
    expect(typedPlace('guildford', outside, (m) => `${m.name} is in Surrey.`)).toEqual({ message: 'Guildford is in Surrey. This directory covers West Sussex, East Sussex and Brighton & Hove.' });
  });
});
