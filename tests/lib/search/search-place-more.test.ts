import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstWithMore, PLACE_MORE, placeMore } from '../../../src/lib/search/search-place-more.ts';
import { firstInOrder } from '../../../src/lib/search/search-places.ts';
import { facetTotals, passes, rankEach, rankForPlace, type Chosen, type PlaceRecord, type PlaceTables, type PlaceTop, type SearchPlace } from '../../../src/lib/search/search-rank.ts';

const tables: PlaceTables = { areas: [['west-sussex', 'West Sussex']], districts: [['worthing', 'Worthing', 0]] };
const place: SearchPlace = { name: 'Worthing', district: 'worthing', area: 'west-sussex', latitude: 50.81, longitude: -0.37 };
/** A group meeting `km` (about) north of the place, with these filter values. */
const group = (n: string, km: number, f: number[], more: Partial<PlaceRecord> = {}): PlaceRecord => ({ n, s: '', f, ar: [0], l: [[50.81 + km / 111, -0.37, 'Worthing', 0]], ...more });

/** The place's two files as the build writes them, with `firstCount` groups in the first. */
function files(records: PlaceRecord[], firstCount: number) {
  const ranked = rankEach(place, records, tables);
  const first = firstInOrder(ranked, firstCount);
  const top: PlaceTop = { n: ranked.length, m: ranked.filter((r) => r.tier === 'near').length, c: facetTotals(records, 6), r: first.map((r) => r.record) };
  return { top, more: placeMore(ranked, first) };
}
const chosenOf = (entries: [string, number[]][]): Chosen => new Map(entries.map(([k, v]) => [k, new Set(v)]));
const everything = () => true;

describe('placeMore', () => {
  const records = [...Array.from({ length: 12 }, (_, i) => group(`Common ${String(i).padStart(2, '0')}`, i, [0])), ...Array.from({ length: 8 }, (_, i) => group(`Rare ${i}`, 20 + i, [0, 1]))];
  const { top, more } = files(records, 10);

  it('lists, for a filter value few of the first results have, the next groups with it in order, and how many there are', () => {
    expect(more.l[1]![0]).toBe(8);
    expect(more.l[1]!.slice(1).map((i) => more.r[i]!.n)).toEqual(['Rare 0', 'Rare 1', 'Rare 2', 'Rare 3', 'Rare 4']);
    expect(PLACE_MORE).toBe(5);
  });

  it('lists nothing for a value enough of the first results have, and none of the first results again', () => {
    expect(more.l[0]).toBeUndefined();
    const firstNames = new Set(top.r.map((r) => r.n));
    expect(more.r.some((r) => firstNames.has(r.n))).toBe(false);
  });
});

describe('firstWithMore', () => {
  const records = [...Array.from({ length: 12 }, (_, i) => group(`Common ${String(i).padStart(2, '0')}`, i, [0])), ...Array.from({ length: 8 }, (_, i) => group(`Rare ${i}`, 20 + i, [0, 1]))];
  const { top, more } = files(records, 10);

  it('shows the nearest groups with a filter none of the first results has, without the record files', () => {
    expect(firstWithMore(place, top, more, chosenOf([['kind', [1]]]), tables, everything).map((r) => r.record.n)).toEqual(['Rare 0', 'Rare 1', 'Rare 2', 'Rare 3', 'Rare 4']);
  });

  it('shows nothing when no filter is chosen, and only groups with the words kept', () => {
    expect(firstWithMore(place, top, more, new Map(), tables, everything)).toEqual([]);
    expect(firstWithMore(place, top, more, chosenOf([['kind', [1]]]), tables, (r) => r.n.endsWith('3')).map((r) => r.record.n)).toEqual(['Rare 3']);
  });

  it('does not show from the second file a group with a value most first results have, as one the files leave out may come first', () => {
    const common = Array.from({ length: 5 }, (_, i) => group(`A${i}`, i, [0]));
    const two = files([...common, group('B left out', 6, [0]), group('C rare too', 7, [0, 1])], 5);
    expect(two.more.r.map((r) => r.n)).toEqual(['C rare too']);
    expect(firstWithMore(place, two.top, two.more, chosenOf([['kind', [0]]]), tables, everything).map((r) => r.record.n)).toEqual(['A0', 'A1', 'A2', 'A3', 'A4']);
  });

  it('with two values of one filter, shows only as far as the shorter list reaches', () => {
    const cut = Array.from({ length: 7 }, (_, i) => group(`V1 ${i}`, 2 + i, [1]));
    const two = files([group('First', 0, []), ...cut, group('V2 far', 30, [2])], 1);
    expect(firstWithMore(place, two.top, two.more, chosenOf([['kind', [1, 2]]]), tables, everything).map((r) => r.record.n)).toEqual(['V1 0', 'V1 1', 'V1 2', 'V1 3', 'V1 4']);
  });

  it('with two filters, shows every group passing both when one filter’s list is whole', () => {
    const many = Array.from({ length: 9 }, (_, i) => group(`B ${i}`, 2 + i, [3]));
    const both = [group('Both near', 1.5, [1, 3]), group('Both far', 30, [1, 3])];
    const two = files([group('First', 0, []), ...many, ...both], 1);
    expect(firstWithMore(place, two.top, two.more, chosenOf([['kind', [1]], ['who', [3]]]), tables, everything).map((r) => r.record.n)).toEqual(['Both near', 'Both far']);
  });

  it('whatever the groups and filters, what it shows is the start of what the whole place search shows', () => {
    const arb = fc.uniqueArray(fc.record({ km: fc.integer({ min: 0, max: 40 }), f: fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { maxLength: 3 }), closed: fc.boolean(), old: fc.boolean() }), { minLength: 10, maxLength: 60 });
    const choice = fc.uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 3 });
    fc.assert(
      fc.property(arb, choice, fc.integer({ min: 1, max: 12 }), (raw, values, firstCount) => {
        const all = raw.map((g, i) => group(`Group ${String(i).padStart(2, '0')}`, g.km, g.f.sort((a, b) => a - b), { ...(g.closed ? { x: 1 as const } : {}), ...(g.old ? { g: 1 as const } : {}) }));
        const chosen = chosenOf(values.map((v) => [v < 3 ? 'a' : 'b', [v]]));
        // Two values of one filter: either will do.
        for (const v of values) if (v < 3) chosen.get('a')!.add(v);
        const { top, more } = files(all, firstCount);
        const shown = firstWithMore(place, top, more, chosen, tables, everything).map((r) => r.record.n);
        const whole = rankForPlace(place, all, tables).filter((r) => passes(r.record.f, chosen)).map((r) => r.record.n);
        expect(shown).toEqual(whole.slice(0, shown.length));
      }),
      { numRuns: 1000 },
    );
  });
});
