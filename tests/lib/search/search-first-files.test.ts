import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firstFilesOf, firstWordFiles, searchFirstFiles } from '../../../src/lib/search/search-first-files.ts';
import { FACET_LIST, firstFileOfFacet, firstFileOfWord, WORD_FILE, type FirstFile } from '../../../src/lib/search/search-first.ts';
import { searchTables } from '../../../src/lib/search/search-places.ts';
import type { PlaceRecord } from '../../../src/lib/search/search-rank.ts';
import { FIXTURES, validate } from '../../helpers/data-dir.ts';

// The search fixtures: made-up groups in known places (tests/fixtures/search/providers/).
const dir = path.join(FIXTURES, 'search', 'providers');
const providers = Object.fromEntries(readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => [f, readFileSync(path.join(dir, f), 'utf8')]));
const { dataset } = validate({ providers });
const files = searchFirstFiles(dataset);
const listed = (file: FirstFile, list: string) => (file.l[list] ?? []).slice(1).map((i) => file.r[i]!);

describe('searchFirstFiles', () => {
  it('writes one file per first three letters of the words in names and summaries, and one per filter value', () => {
    const { facets } = searchTables(dataset);
    const words = files.get(firstFileOfWord('hastings'))!;
    expect(listed(words, 'hastings').map((r) => r.n)).toEqual(['Fixture Hastings Bipolar Group']);
    for (let i = 0; i < facets.length; i++) expect(files.has(firstFileOfFacet(i)), facets[i]).toBe(true);
    expect([...files.keys()].every((name) => name.startsWith(WORD_FILE) || /^f-\d+$/.test(name))).toBe(true);
  });

  it('lists in a filter value’s file exactly the groups that have it', () => {
    const { facets } = searchTables(dataset);
    const phone = facets.indexOf('delivery:phone');
    const all = dataset.providers.length;
    const file = files.get(firstFileOfFacet(phone))!;
    expect(file.l[FACET_LIST]![0]).toBe(listed(file, FACET_LIST).length);
    expect(listed(file, FACET_LIST).every((r) => r.f.includes(phone))).toBe(true);
    expect(listed(file, FACET_LIST).length).toBeLessThan(all);
  });

  it('tells the search page which word files there are, so it asks for no other', () => {
    const letters = firstWordFiles(dataset).split(' ');
    expect(letters).toContain('has');
    expect(letters.map((l) => `${WORD_FILE}${l}`).sort()).toEqual([...files.keys()].filter((n) => n.startsWith(WORD_FILE)).sort());
  });
});

describe('firstFilesOf', () => {
  const group = (n: string, more: Partial<PlaceRecord> = {}): PlaceRecord => ({ n, s: '', f: [], ...more });
  const groups = [group('Walking b', { f: [1] }), group('Walking a', { g: 1 }), group('Walking c', { b: 'x' }), group('Walk d'), group('Wall e')];
  const made = firstFilesOf(groups, 2, 2);

  it('puts words with the same first three letters in one file, each group in it once', () => {
    const file = made.get(firstFileOfWord('walking'))!;
    expect(Object.keys(file.l).sort()).toEqual(['walk', 'walking', 'wall']);
    expect(new Set(file.r).size).toBe(file.r.length);
  });

  it('lists running groups before closed ones and recent facts before old, then by name, and keeps only the first of a list, saying how many there are', () => {
    const file = made.get(firstFileOfWord('walking'))!;
    expect(file.l.walking![0]).toBe(3);
    expect(listed(file, 'walking').map((r) => r.n)).toEqual(['Walking b', 'Walking a']);
    expect(listed(file, 'walk').map((r) => r.n)).toEqual(['Walk d']);
  });

  it('gives each group its place in the one order, so lists from different files can be merged', () => {
    const walking = made.get(firstFileOfWord('walking'))!;
    const facet = made.get(firstFileOfFacet(1))!;
    const rankOf = (file: FirstFile, name: string) => file.k[file.r.findIndex((r) => r.n === name)];
    expect(rankOf(facet, 'Walking b')).toBe(rankOf(walking, 'Walking b'));
    expect(made.get(firstFileOfFacet(0))!.l[FACET_LIST]).toEqual([0]);
  });
});
