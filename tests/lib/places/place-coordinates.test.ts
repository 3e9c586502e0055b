// A venue given only by its postcode or town reaches the map with its town's coordinates.
import { describe, expect, it } from 'vitest';
import { fillTownLevelCoordinates, placed, townPosition } from '../../../src/lib/places/place-coordinates.ts';
import { loadPlaceLookup } from '../../../src/lib/places/places-fs.ts';
import { PROJECT_ROOT } from '../../../src/lib/dataset/dataset-fs.ts';
import type { Entry, Location, Provider } from '../../../src/lib/model/types.ts';
import path from 'node:path';

const lookup = loadPlaceLookup(path.join(PROJECT_ROOT, 'data'));

function providerWith(...locations: Location[]): Entry<Provider> {
  return { slug: 'x', data: { services: [{ locations }] } } as unknown as Entry<Provider>;
}

describe('fillTownLevelCoordinates', () => {
  it('places a venue with only a postcode at its town, beside the data and never in it', () => {
    const loc: Location = { name: 'Harbour Hall', postcode: 'BN43 5DA', precision: 'exact' };
    expect(fillTownLevelCoordinates([providerWith(loc)], lookup)).toBe(1);
    expect(townPosition(loc)).toEqual({ latitude: 50.834, longitude: -0.273 });
    expect(placed(loc)).toMatchObject({ name: 'Harbour Hall', latitude: 50.834, longitude: -0.273 });
    // What the pages and open data files read is the place as the source gave it.
    expect(JSON.parse(JSON.stringify(loc))).toEqual({ name: 'Harbour Hall', postcode: 'BN43 5DA', precision: 'exact' });
    expect(Object.keys(loc)).toEqual(['name', 'postcode', 'precision']);
  });

  it('gives a venue with only a town the coordinates of that town', () => {
    const loc: Location = { town: 'Worthing', precision: 'exact' };
    fillTownLevelCoordinates([providerWith(loc)], lookup);
    expect(typeof placed(loc).latitude).toBe('number');
  });

  it('leaves coordinates that were given alone, and a place outside Sussex or unknown off the map', () => {
    const given: Location = { postcode: 'BN43 5DA', latitude: 50.9, longitude: -0.3, precision: 'exact' };
    const outside: Location = { town: 'Guildford', precision: 'exact' };
    const unknown: Location = { town: 'Nowhere-in-particular', precision: 'exact' };
    expect(fillTownLevelCoordinates([providerWith(given, outside, unknown)], lookup)).toBe(0);
    expect(given).toEqual({ postcode: 'BN43 5DA', latitude: 50.9, longitude: -0.3, precision: 'exact' });
    expect(placed(outside).latitude).toBeUndefined();
    expect(placed(unknown).latitude).toBeUndefined();
    expect(placed(given)).toBe(given);
  });
});
