// Great-circle distances, used by the map's "near me" list and the place checks.
import { describe, expect, test } from 'vitest';
import { milesBetween } from '../../../src/lib/places/distance.ts';

describe('milesBetween', () => {
  test('is the great-circle distance in miles', () => {
    // Brighton to Eastbourne is about 20 miles as the crow flies; one degree of latitude is about 69 miles.
    expect(milesBetween(50.8225, -0.1372, 50.7684, 0.2903)).toBeCloseTo(19.4, 0);
    expect(milesBetween(50, 0, 51, 0)).toBeCloseTo(69.1, 1);
    expect(milesBetween(50.8, -0.1, 50.8, -0.1)).toBe(0);
  });
});
