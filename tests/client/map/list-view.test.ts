// The words beside each place in the map's list.
import { describe, expect, test } from 'vitest';
import { distanceText, formatMiles } from '../../../src/client/map/list-view.ts';

describe('how far a place is, in words', () => {
  test('a venue is given to a tenth of a mile, or whole miles from ten', () => {
    expect([0.04, 1, 2.345, 12.6].map(formatMiles)).toEqual(['less than 0.1 miles', '1 mile', '2.3 miles', '13 miles']);
    expect(distanceText(2.345, false)).toBe('2.3 miles');
  });

  test('a place known only by its town or area is "about" so far, and at the place chosen is close to it, never "about less than"', () => {
    expect(distanceText(6.8, true)).toBe('about 6.8 miles');
    expect(distanceText(0.01, true)).toBe('close to where you chose');
    expect(distanceText(0.01, false)).toBe('less than 0.1 miles');
  });
});
