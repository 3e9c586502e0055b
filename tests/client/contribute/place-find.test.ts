import { describe, expect, test } from 'vitest';
import { placeFills } from '../../../src/client/contribute/place-find.ts';
import type { PlaceMatch } from '../../../src/lib/places/places.ts';

const districts = [{ id: 'worthing', label: 'Worthing' }];
const place = { id: 'worthing', name: 'Worthing', latitude: 50.81, longitude: -0.37, district: 'worthing' };

describe('finding a place for the form', () => {
  test('a whole postcode fills in the town, the postcode and the district', () => {
    const match = { kind: 'postcode', postcode: 'BN11 1AA', outward: 'BN11', place, text: 'BN11 1AA' } as unknown as PlaceMatch;
    expect(placeFills('BN11 1AA', match, districts)).toEqual({
      fills: [['town', 'Worthing'], ['postcode', 'BN11 1AA'], ['district', 'worthing']],
      status: 'Found: Worthing, Worthing. The town, postcode and district are filled in below. The map shows it near the middle of Worthing.',
    });
  });

  test('a district code alone fills in only the town and district', () => {
    const match = { kind: 'postcode', postcode: 'BN11', outward: 'BN11', place, text: 'BN11' } as unknown as PlaceMatch;
    expect(placeFills('BN11', match, districts).fills).toEqual([['town', 'Worthing'], ['district', 'worthing']]);
  });

  test('a place not found, or outside Sussex, fills in nothing and says so', () => {
    expect(placeFills('Atlantis', null, districts)).toEqual({ fills: [], status: 'We could not find “Atlantis” in Sussex. Check the spelling, or type the town and postcode below.' });
    const outside = { kind: 'outside', name: 'Guildford', text: 'guildford', county: 'Surrey' } as PlaceMatch;
    expect(placeFills('guildford', outside, districts).fills).toEqual([]);
  });
});
