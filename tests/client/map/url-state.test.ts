import { describe, expect, test } from 'vitest';
import { chosenFilter, readParams, stateUrl } from '../../../src/client/map/url-state.ts';

const box = (name: string, value: string, checked = false) => ({ name, value, checked });

describe('the map page address', () => {
  test('reads the words, the provider, the place and which boxes are ticked', () => {
    const state = readParams('?q=walk&provider=peers&near=worthing&area=west-sussex&area=east-sussex');
    expect(state).toMatchObject({ words: 'walk', provider: 'peers', near: 'worthing' });
    expect(state.ticks(box('area', 'east-sussex'))).toBe(true);
    expect(state.ticks(box('delivery', 'online'))).toBe(false);
  });

  test('an empty provider is no provider, and a missing place is empty', () => {
    expect(readParams('?provider=')).toMatchObject({ provider: undefined, words: '', near: '' });
  });

  test('adds the provider and the chosen town, and leaves out the question mark when there is nothing to ask', () => {
    expect(stateUrl('/map/', { words: '', provider: 'peers', nearId: 'lewes' }, [])).toBe('/map/?provider=peers&near=lewes');
    expect(stateUrl('/map/', { words: '' }, [box('area', 'west-sussex')])).toBe('/map/');
  });

  test('gathers the ticked values by box name for the filter', () => {
    const f = chosenFilter([box('area', 'west-sussex', true), box('area', 'east-sussex', true), box('delivery', 'online')], 'peers');
    expect([...f.terms]).toEqual([['area', ['west-sussex', 'east-sussex']]]);
    expect(f.provider).toBe('peers');
  });
});
