// A venue given only by its postcode or town reaches the map with its town's coordinates.
import { describe, expect, it } from 'vitest';
import { fillTownLevelCoordinates, isTownLevel } from '../../src/lib/place-coordinates.ts';
import { loadPlaceLookup } from '../../src/lib/places-fs.ts';
import { PROJECT_ROOT } from '../../src/lib/dataset-fs.ts';
import type { Entry, Location, Provider } from '../../src/lib/validate.ts';
import path from 'node:path';

const lookup = loadPlaceLookup(path.join(PROJECT_ROOT, 'data'));

function providerWith(...locations: Location[]): Entry<Provider> {
  return { slug: 'x', data: { services: [{ locations }] } } as unknown as Entry<Provider>;
}

describe('fillTownLevelCoordinates', () => {
  it('gives a venue with only a postcode the coordinates of its town, marked as looked up by a tool', () => {
    const loc: Location = { name: 'Harbour Hall', postcode: 'BN43 5DA', precision: 'exact' };
    expect(fillTownLevelCoordinates([providerWith(loc)], lookup)).toBe(1);
    expect(loc).toMatchObject({ geocoded: true, latitude: expect.any(Number), longitude: expect.any(Number) });
    expect(loc.latitude).toBeGreaterThan(50.7);
    expect(loc.latitude).toBeLessThan(51.2);
    expect(isTownLevel(loc)).toBe(true);
  });

  it('gives a venue with only a town the coordinates of that town', () => {
    const loc: Location = { town: 'Worthing', precision: 'exact' };
    fillTownLevelCoordinates([providerWith(loc)], lookup);
    expect(typeof loc.latitude).toBe('number');
  });

  it('leaves coordinates that were given alone, and a place outside Sussex or unknown off the map', () => {
    const given: Location = { postcode: 'BN43 5DA', latitude: 50.9, longitude: -0.3, precision: 'exact' };
    const outside: Location = { town: 'Guildford', precision: 'exact' };
    const unknown: Location = { town: 'Nowhere-in-particular', precision: 'exact' };
    expect(fillTownLevelCoordinates([providerWith(given, outside, unknown)], lookup)).toBe(0);
    expect(given).toEqual({ postcode: 'BN43 5DA', latitude: 50.9, longitude: -0.3, precision: 'exact' });
    expect(outside.latitude).toBeUndefined();
    expect(unknown.latitude).toBeUndefined();
    expect(isTownLevel(given)).toBe(false);
  });
});
