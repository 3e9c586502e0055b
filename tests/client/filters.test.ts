import { describe, expect, test } from 'vitest';
import { filterParams, withQuery } from '../../src/client/filters.ts';

const box = (name: string, value: string, checked = false) => ({ name, value, checked });

describe('the filter boxes in the page address', () => {
  test('writes the words and ticked boxes as search takes them', () => {
    expect(filterParams('walk', [box('area', 'west-sussex', true), box('area', 'east-sussex'), box('delivery', 'online', true)]).toString()).toBe('q=walk&area=west-sussex&delivery=online');
  });

  test('no words and nothing ticked is an address with no question mark', () => {
    expect(withQuery('/search/', filterParams('', [box('area', 'west-sussex')]))).toBe('/search/');
    expect(withQuery('/search/', new URLSearchParams('q=a b'))).toBe('/search/?q=a+b');
  });
});
