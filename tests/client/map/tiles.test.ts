import { describe, expect, test } from 'vitest';
import { fitNames, townRank } from '../../../src/client/map/tiles.ts';

describe('town names under the markers', () => {
  test('bigger places come first, and a place of unknown kind counts as a village', () => {
    expect(['city', 'town', 'village', 'neighbourhood', undefined, 'hamlet'].map(townRank)).toEqual([0, 1, 2, 3, 2, 2]);
  });

  test('a name that would overlap one shown before it is hidden', () => {
    expect(fitNames([{ name: 'Brighton', x: 100, y: 100 }, { name: 'Hove', x: 110, y: 105 }, { name: 'Lewes', x: 300, y: 100 }])).toEqual([true, false, true]);
  });

  test('names one above the other with room between both show', () => {
    expect(fitNames([{ name: 'Worthing', x: 100, y: 100 }, { name: 'Worthing', x: 100, y: 121 }])).toEqual([true, true]);
  });
});
