import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFilesOf } from '../../../src/lib/search/search-first-files.ts';
import { firstFileOfFacet, firstFileOfWord, firstFilesFor, firstMatches, WORD_FILE, type FirstFiles, type FirstQuery } from '../../../src/lib/search/search-first.ts';
import { normaliseWords, wordMatch, wordScore } from '../../../src/lib/search/search-query.ts';
import { passes, type Chosen, type PlaceRecord } from '../../../src/lib/search/search-rank.ts';

/** A record, with words only its page has (its description): the full search finds those, the first-result files do not. */
type Group = PlaceRecord & { description?: string };

const group = (n: string, s = '', more: Partial<Group> = {}): Group => ({ n, s, f: [], ...more });
const query = (q: Partial<FirstQuery>): FirstQuery => ({ words: '', termWords: '', chosen: new Map(), ticked: new Map(), ...q });
const names = (records: PlaceRecord[]) => records.map((r) => r.n);
const filesOf = (groups: Group[], facets = 4, top?: number): FirstFiles => firstFilesOf(groups.map(({ description: _, ...r }) => r), facets, top);
/** The word files there are, as the search page is told (firstWordFiles). */
const wordFilesOf = (files: FirstFiles) => [...files.keys()].filter((n) => n.startsWith(WORD_FILE)).map((n) => n.slice(WORD_FILE.length)).join(' ');
/** firstMatches over the files made from these groups. */
const match = (q: FirstQuery, groups: Group[], facets = 4, top?: number) => {
  const files = filesOf(groups, facets, top);
  return firstMatches(q, files, wordFilesOf(files));
};

/** The full search's order (orderWordMatches, filterMatches and closedLast over Pagefind's matches), as a key per group; ties in any order. */
function fullSearch(groups: Group[], q: FirstQuery): { group: Group; key: number[] }[] {
  const wanted = normaliseWords(q.words).split(' ').filter(Boolean);
  return groups
    .filter((g) => wanted.every((w) => wordMatch(normaliseWords(`${g.n} ${g.s} ${g.description ?? ''}`).split(' '), w) > 0))
    .filter((g) => passes(g.f, q.chosen) || (!!q.termWords && wordScore(g.n, q.termWords) > 0 && passes(g.f, q.ticked)))
    .map((group) => {
      const own = `${group.n} ${group.s}`;
      return { group, key: [Number(!!group.b?.includes('x')), Number(!!group.g), -(q.termWords ? wordScore(own, q.termWords) : 0), -(q.words ? wordScore(own, q.words) : 0)] };
    });
}

const before = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
};

/** Fails unless `first` can start the full search's list: each is found by it, in its order, and nothing it finds and they leave out comes before them. */
function expectStartOfFullSearch(groups: Group[], q: FirstQuery, first: PlaceRecord[]): void {
  const full = fullSearch(groups, q);
  const keyOf = new Map(full.map(({ group, key }) => [group.n, key]));
  for (const r of first) expect(keyOf.has(r.n), `${r.n} is not found by the full search`).toBe(true);
  const keys = first.map((r) => keyOf.get(r.n)!);
  for (let i = 1; i < keys.length; i++) expect(before(keys[i]!, keys[i - 1]!), `${first[i]!.n} is shown after ${first[i - 1]!.n}`).toBe(false);
  const shown = new Set(first.map((r) => r.n));
  const last = keys[keys.length - 1];
  if (last) for (const { group, key } of full) if (!shown.has(group.n)) expect(before(key, last), `${group.n} should come before ${first[first.length - 1]!.n}`).toBe(false);
}

describe('firstMatches', () => {
  it('shows the groups with the words in their name or summary, whole words before a word they only start', () => {
    const groups = [group('Walkers club'), group('Walk and talk'), group('Art group', 'We walk to the sea'), group('Knitting circle')];
    expect(names(match(query({ words: 'walk' }), groups))).toEqual(['Art group', 'Walk and talk', 'Walkers club']);
  });

  it('needs every word: "walking group" shows only groups with both', () => {
    const groups = [group('Walking group'), group('Walking club'), group('Art group', 'Walking on Sundays')];
    expect(names(match(query({ words: 'walking group' }), groups))).toEqual(['Art group', 'Walking group']);
  });

  it('never shows a closed group or one with old facts while a group with the words only in its description may come before it', () => {
    const groups = [group('Walking group'), group('Old walking group', '', { g: 1 }), group('Closed walking group', '', { b: 'x' })];
    expect(names(match(query({ words: 'walking' }), groups))).toEqual(['Walking group']);
  });

  it('a word found only as the start of a longer one is not shown while a list is cut, as a group further down may have it whole', () => {
    const groups = [group('Walking one'), group('Walking two'), group('Walking three'), group('Walk four')];
    // Two groups per list: "walk" (Walk four) is whole, the "walking" list is cut after two.
    expect(names(match(query({ words: 'walk' }), groups, 4, 2))).toEqual(['Walk four']);
  });

  it('shows the first of a long list exactly, in the fixed order, though its file holds only the first few', () => {
    const groups = Array.from({ length: 30 }, (_, i) => group(`Walking group ${String(i).padStart(2, '0')}`));
    const first = match(query({ words: 'walking' }), groups, 4, 5);
    expect(names(first)).toEqual(['Walking group 00', 'Walking group 01', 'Walking group 02', 'Walking group 03', 'Walking group 04']);
  });

  it('keeps to the chosen filters, and to groups named by a vocabulary word without its filter (as the full search does)', () => {
    const groups = [group('Men walking', '', { f: [1] }), group('Walking for all', 'Men welcome', { f: [0] }), group('Walking women', '', { f: [0] })];
    const chosen: Chosen = new Map([['who', new Set([0])]]);
    expect(names(match(query({ words: 'walking', termWords: 'men', chosen }), groups))).toEqual(['Men walking', 'Walking for all']);
  });

  it('for a vocabulary word alone named by more groups than its list holds, shows the first of them', () => {
    const groups = Array.from({ length: 8 }, (_, i) => group(`Men group ${i}`, '', { f: [0] }));
    const chosen: Chosen = new Map([['who', new Set([0])]]);
    expect(names(match(query({ termWords: 'men', chosen }), groups, 4, 3))).toEqual(['Men group 0', 'Men group 1', 'Men group 2']);
  });

  it('counts a word as whole only if some name or summary has it whole: "walking" finds "Walk and talk" first when no group says "walking"', () => {
    const groups = [...Array.from({ length: 6 }, (_, i) => group(`Walk and talk ${i}`, 'A group', { f: [0] }))];
    const chosen: Chosen = new Map([['activity', new Set([0])]]);
    expect(names(match(query({ words: 'group', termWords: 'walking', chosen }), groups, 4, 2))).toEqual(['Walk and talk 0', 'Walk and talk 1']);
  });

  it('does not show a group naming the vocabulary word with another word only in part, while one with both whole may be further down both lists', () => {
    const groups = [group('A men walking', '', { f: [0] }), group('Aa walk', '', { f: [0] }), group('B men walk', '', { f: [0] })];
    const chosen: Chosen = new Map([['who', new Set([0])]]);
    expect(match(query({ words: 'walk', termWords: 'men', chosen }), groups, 4, 1)).toEqual([]);
    expect(names(match(query({ words: 'walk', termWords: 'men', chosen }), groups, 4, 3))).toEqual(['B men walk', 'A men walking']);
  });

  it('for a vocabulary word alone, shows the groups naming it, then the others with its filter', () => {
    const groups = [group('Peer circle', '', { f: [0] }), group('Men talk', '', { f: [0] }), group('Art club', '', { f: [1] })];
    const chosen: Chosen = new Map([['who', new Set([0])]]);
    expect(names(match(query({ termWords: 'men', chosen }), groups))).toEqual(['Men talk', 'Peer circle']);
  });

  it('shows nothing for words no name or summary has, and nothing when the files did not load', () => {
    const groups = [group('Walking group', '', { description: 'gardening' })];
    expect(match(query({ words: 'gardening' }), groups)).toEqual([]);
    expect(firstMatches(query({ words: 'walking' }), new Map(), 'wal')).toEqual([]);
  });

  it('finds the groups named by a vocabulary word and having another word, though the other word’s list is cut', () => {
    const groups = [...Array.from({ length: 10 }, (_, i) => group(`Art group ${i}`)), group('Walking group', '', { f: [0] })];
    const chosen: Chosen = new Map([['activity', new Set([0])]]);
    expect(names(match(query({ words: 'group', termWords: 'walking', chosen }), groups, 4, 3))).toEqual(['Walking group']);
  });

  it('when a vocabulary word’s file did not load, shows only groups naming it, as any other group may come after one that does', () => {
    const groups = [group('Men talk', '', { f: [0] }), group('Peer circle', '', { f: [0] })];
    const files = filesOf(groups);
    const chosen: Chosen = new Map([['who', new Set([0])]]);
    const without = new Map([...files].filter(([name]) => name !== firstFileOfWord('men')));
    expect(names(firstMatches(query({ termWords: 'men', chosen }), without, wordFilesOf(files)))).toEqual(['Men talk']);
    // No name or summary has the word, so no file is there for it: the groups with its filter are all there is.
    expect(names(firstMatches(query({ termWords: 'zebra', chosen }), files, wordFilesOf(files)))).toEqual(['Men talk', 'Peer circle']);
  });

  it('whatever the groups and the query, what it shows can start the full search’s list', () => {
    const word = fc.constantFrom('walk', 'walking', 'walks', 'group', 'men', 'mental', 'art', 'voices', 'sea');
    const text = fc.array(word, { maxLength: 3 }).map((w) => w.join(' '));
    const groups = fc.uniqueArray(
      fc.record({ n: text, s: text, description: text, f: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 3 }), closed: fc.boolean(), old: fc.boolean() }),
      { maxLength: 25, selector: (g) => g.n },
    );
    const chosenOf = fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { maxLength: 2 }).map((values): Chosen => {
      const chosen: Chosen = new Map();
      for (const v of values) chosen.set(v < 2 ? 'a' : 'b', new Set([...(chosen.get(v < 2 ? 'a' : 'b') ?? []), v]));
      return chosen;
    });
    fc.assert(
      fc.property(groups, fc.array(word, { maxLength: 2 }), fc.constantFrom('', 'men', 'art'), chosenOf, fc.integer({ min: 1, max: 4 }), (raw, ws, termWords, extra, top) => {
        const all = raw.map((g, i): Group => ({ n: `${g.n} n${i}`, s: g.s, description: g.description, f: g.f.sort(), ...(g.closed ? { b: 'x' } : {}), ...(g.old ? { g: 1 as const } : {}) }));
        const chosen: Chosen = new Map(extra);
        if (termWords) chosen.set('a', new Set([0]));
        const q = query({ words: ws.join(' '), termWords, chosen, ticked: extra });
        if (!q.words && !chosen.size) return;
        expectStartOfFullSearch(all, q, match(q, all, 4, top));
      }),
      { numRuns: 400 },
    );
  });
});

describe('firstFilesFor', () => {
  it('asks for the file of each word the directory has, and for no other', () => {
    expect(firstFilesFor(query({ words: 'walking group zebra' }), 'gro wal')).toEqual([firstFileOfWord('walking'), firstFileOfWord('group')]);
  });

  it('for vocabulary words alone, asks for their words’ files and one file per chosen filter value', () => {
    const chosen: Chosen = new Map([['who', new Set([3, 5])]]);
    expect(firstFilesFor(query({ termWords: 'men', chosen }), 'men')).toEqual([firstFileOfWord('men'), firstFileOfFacet(3), firstFileOfFacet(5)]);
  });

  it('with words and vocabulary words, asks for the files of both and for no filter file', () => {
    const chosen: Chosen = new Map([['activity', new Set([2])]]);
    expect(firstFilesFor(query({ words: 'group', termWords: 'walking', chosen }), 'gro wal')).toEqual([firstFileOfWord('group'), firstFileOfWord('walking')]);
  });
});
