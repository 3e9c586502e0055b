import { describe, expect, it } from 'vitest';
import { areaOrder, chunksFor, facetCounts, filterMatches, inAreaFile, kebab, keepWordMatches, orderWordMatches, slugOf, kmApart, meetsText, NEAR_KM, passes, rankForPlace, type PlaceRecord, type PlaceTables, type SearchPlace } from '../../src/lib/search-rank.ts';

const tables: PlaceTables = {
  areas: [
    ['west-sussex', 'West Sussex'],
    ['east-sussex', 'East Sussex'],
    ['brighton-and-hove', 'Brighton & Hove'],
  ],
  districts: [
    ['worthing', 'Worthing', 0],
    ['arun', 'Arun', 0],
    ['adur', 'Adur', 0],
    ['lewes', 'Lewes', 1],
    ['brighton-and-hove', 'Brighton & Hove', 2],
  ],
};
const worthing: SearchPlace = { name: 'Worthing', district: 'worthing', area: 'west-sussex', latitude: 50.818, longitude: -0.373 };
const littlehampton: SearchPlace = { name: 'Littlehampton', district: 'arun', area: 'west-sussex', latitude: 50.811, longitude: -0.539 };
const peacehaven: SearchPlace = { name: 'Peacehaven', district: 'lewes', area: 'east-sussex', latitude: 50.7925, longitude: -0.0044 };

const rec = (u: string, extra: Partial<PlaceRecord> = {}): PlaceRecord => ({ u, n: u, s: '', f: [], ar: [0], ...extra });
const inWorthing = rec('in-worthing', { d: [0], l: [[50.8148, -0.3714, 'Worthing', 0]] });
const inLancing = rec('in-lancing', { d: [2], l: [[50.8296, -0.3236, 'Lancing', 2]] });
const arunWide = rec('arun-wide', { d: [1] });
const westSussexWide = rec('west-wide', { w: [0] });
const onlineOnly = rec('online-only', { ar: [0, 1, 2], o: 1 });
const brightonOnly = rec('brighton', { ar: [2], d: [4], l: [[50.803, -0.039, 'Saltdean', 4]] });
const lewesWide = rec('lewes-wide', { ar: [1], d: [3] });
const closedInWorthing = rec('closed', { d: [0], l: [[50.815, -0.371, 'Worthing', 0]], x: 1 });

const order = (place: SearchPlace | null, records: PlaceRecord[]) => rankForPlace(place, records, tables).map((r) => [slugOf(r.record), r.why]);

describe('rankForPlace', () => {
  it('lists groups meeting nearby by distance, then the district, then the whole area, then online', () => {
    const inAngmering = rec('in-angmering', { d: [1], l: [[50.828, -0.483, 'Angmering', 1]] });
    expect(order(littlehampton, [onlineOnly, westSussexWide, inWorthing, arunWide, inLancing, inAngmering])).toEqual([
      ['in-angmering', 'Meets in Angmering, 4 km away'],
      ['arun-wide', 'Covers all of Arun'],
      ['west-wide', 'Covers all of West Sussex'],
      ['online-only', 'Online or by phone'],
    ]);
  });
  it('says nothing about distance under a kilometre, and orders near groups nearest first', () => {
    expect(order(worthing, [inLancing, inWorthing])).toEqual([
      ['in-worthing', 'Meets in Worthing'],
      ['in-lancing', 'Meets in Lancing, 4 km away'],
    ]);
  });
  it('never shows a group from another area as local: it comes after the area-wide groups, saying its area', () => {
    expect(order(peacehaven, [brightonOnly, lewesWide, onlineOnly])).toEqual([
      ['lewes-wide', 'Covers all of Lewes'],
      ['brighton', 'Meets in Saltdean, 3 km away, for Brighton & Hove'],
      ['online-only', 'Online or by phone'],
    ]);
  });
  it('counts a group meeting anywhere in the same district as near', () => {
    const farInArun = rec('far-arun', { d: [1], l: [[50.73, -0.79, 'Selsey', 1]] });
    expect(rankForPlace(littlehampton, [farInArun], tables)[0]?.tier).toBe('near');
  });
  it('leaves out groups elsewhere in the area that neither meet nearby nor cover it', () => {
    const elsewhere = rec('crawley', { d: [9], l: [[51.11, -0.187, 'Crawley', 9]] });
    expect(order(worthing, [elsewhere])).toEqual([]);
  });
  it('lists a group whose facts are old after current ones of the same kind, even when it meets nearer', () => {
    const oldNear = rec('old-near', { d: [0], l: [[50.8181, -0.3731, 'Worthing', 0]], a: 'Information from 2017', g: 1 });
    expect(order(worthing, [oldNear, inWorthing, westSussexWide]).map(([u]) => u)).toEqual(['in-worthing', 'old-near', 'west-wide']);
  });
  it('puts closed groups last', () => expect(order(worthing, [closedInWorthing, onlineOnly]).map(([u]) => u)).toEqual(['online-only', 'closed']));
  it('outside Sussex offers online and phone support only', () => {
    expect(order(null, [inWorthing, onlineOnly, brightonOnly])).toEqual([['online-only', 'Online or by phone']]);
  });
  it('lists each group once, even when several files carry it', () => expect(order(worthing, [inWorthing, inWorthing])).toHaveLength(1));
});

describe('chunksFor', () => {
  const places = [
    { district: 'worthing', latitude: 50.818, longitude: -0.373 },
    { district: 'adur', latitude: 50.83, longitude: -0.324 },
    { district: 'lewes', latitude: 50.874, longitude: 0.009 },
  ];
  it("loads the place's area and the districts within reach, its own first", () => expect(chunksFor(worthing, places, tables)).toEqual({ areas: ['west-sussex'], districts: ['worthing', 'adur'] }));
  it('loads every area for a place outside Sussex', () => expect(chunksFor(null, places, tables)).toEqual({ areas: ['west-sussex', 'east-sussex', 'brighton-and-hove'], districts: [] }));
});

describe('distances and words', () => {
  it('measures Worthing to Littlehampton as about 12 km', () => expect(kmApart(worthing, littlehampton)).toBeCloseTo(11.8, 0));
  it('has a near radius a bus ride wide', () => expect(NEAR_KM).toBeGreaterThanOrEqual(10));
  it('says where a group meets in plain words', () => {
    expect(meetsText('Hastings', 0.4)).toBe('Meets in Hastings');
    expect(meetsText('Bexhill', 7.6)).toBe('Meets in Bexhill, 8 km away');
  });
});

describe('filter counts', () => {
  const facets = ['leader:user-led', 'leader:peer-led-group', 'area:west-sussex', 'area:east-sussex'];
  const items = [[0, 2], [1, 2], [1, 3], [0, 3]];
  it('with nothing ticked, count every group with each value', () => expect(facetCounts(items, new Map(), facets)).toEqual([2, 2, 2, 2]));
  it('after a first tick, a sibling value still counts the groups it would add', () => {
    const chosen = new Map([['leader', new Set([0])]]);
    expect(facetCounts(items, chosen, facets)).toEqual([2, 2, 1, 1]);
  });
  it('across two facets, each counts within the other one’s choice', () => {
    const chosen = new Map([['leader', new Set([0])], ['area', new Set([3])]]);
    expect(facetCounts(items, chosen, facets)).toEqual([1, 1, 1, 1]);
    expect(items.filter((v) => passes(v, chosen))).toEqual([[0, 3]]);
  });
});

describe('area files', () => {
  it('hold groups covering the whole area and online or phone support there', () => {
    expect(inAreaFile(westSussexWide, 0)).toBe(true);
    expect(inAreaFile(onlineOnly, 1)).toBe(true);
    expect(inAreaFile(arunWide, 0)).toBe(false);
    expect(inAreaFile(brightonOnly, 2)).toBe(false);
  });
  it('put running groups covering the area first, then online, each by name, closed last', () => {
    const closedWide = rec('a-closed', { w: [0], x: 1 });
    expect(areaOrder([onlineOnly, closedWide, westSussexWide], 0).map(slugOf)).toEqual(['west-wide', 'online-only', 'a-closed']);
  });
  it('name a record by its slug, or by its name with hyphens when they are the same', () => {
    expect(kebab("Men's Café, Hove")).toBe('men-s-cafe-hove');
    expect(slugOf({ n: 'Mind in Hastings', s: '', f: [] })).toBe('mind-in-hastings');
  });
});

describe('word matches', () => {
  const hit = (title: string, text = '', values: number[] = [], summary = '') => ({ title, summary, text, values });
  const mental = hit('Mental Wellbeing Drop-in', 'mental heart care notes lgbtq bi');
  const mens = hit("Men's Circle", 'a group for men', [0]);
  const bipolar = hit('Bipolar Group', 'bipolar depression anyone', [1], 'For people living with bipolar.');
  const general = hit('Open Group', 'bipolar depression anyone', [1]);
  it('never finds a short word inside a longer one, nor a long word through a short one', () => {
    expect(keepWordMatches([mental, mens], 'men', '').map((h) => h.title)).toEqual(["Men's Circle"]);
    expect(keepWordMatches([mental, bipolar], 'bipolar', '').map((h) => h.title)).toEqual(['Bipolar Group']);
  });
  it('puts a group naming the vocabulary word first', () => {
    expect(keepWordMatches([general, bipolar], '', 'bipolar').map((h) => h.title)).toEqual(['Bipolar Group', 'Open Group']);
  });
  it('orders matches the same way without leaving any out, for the matches past those checked as words', () => {
    expect(orderWordMatches([mental, general, bipolar], 'bipolar', '').map((h) => h.title)).toEqual(['Bipolar Group', 'Mental Wellbeing Drop-in', 'Open Group']);
  });
  it('applies every filter and counts what ticking each box would show', () => {
    const facets = ['community:men', 'community:everyone'];
    const { shown, counts } = filterMatches([mens, general], new Map([['community', new Set([0])]]), new Map(), '', facets);
    expect(shown).toEqual([mens]);
    expect(counts).toEqual([1, 1]);
  });
  it('keeps a group named with the vocabulary word even without the filter it stands for', () => {
    const closedCafe = hit('Harbour Café Group', 'cafe', []);
    const { shown } = filterMatches([closedCafe], new Map([['format', new Set([5])]]), new Map(), 'cafe', ['format:drop-in']);
    expect(shown).toEqual([closedCafe]);
  });
});
