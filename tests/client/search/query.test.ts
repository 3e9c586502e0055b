import { describe, expect, test } from 'vitest';
import { chosenFilters, chosenOf, queryText, valuesOf } from '../../../src/client/search/query.ts';

const box = (name: string, value: string, checked = false) => ({ name, value, checked });
const facetIndex = new Map([['area:west-sussex', 0], ['area:east-sussex', 1], ['gender:men', 2]]);

describe('the search page address and filters', () => {
  test('the box shows what (q) and where (near) together', () => {
    expect(queryText('?q=+walking+&near=Worthing')).toBe('walking Worthing');
    expect(queryText('?near=Lewes')).toBe('Lewes');
    expect(queryText('')).toBe('');
  });

  test('ticked boxes and vocabulary words in the query become Pagefind filters, each value once', () => {
    expect(chosenFilters([box('area', 'west-sussex', true), box('gender', 'men')], [['gender', 'men'], ['area', 'west-sussex']])).toEqual({ area: { any: ['west-sussex'] }, gender: { any: ['men'] } });
  });

  test('filters become facet-table indexes, a value the table lacks being −1', () => {
    expect([...chosenOf({ area: { any: ['east-sussex', 'kent'] } }, facetIndex)]).toEqual([['area', new Set([1, -1])]]);
  });

  test("a result's filter values become facet-table indexes, leaving out values the table lacks", () => {
    expect(valuesOf({ filters: { area: ['west-sussex', 'kent'], gender: ['men'] } }, facetIndex)).toEqual([0, 2]);
    expect(valuesOf({}, facetIndex)).toEqual([]);
  });
});
