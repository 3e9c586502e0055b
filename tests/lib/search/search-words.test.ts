import { distance } from 'fastest-levenshtein';
import { describe, expect, it } from 'vitest';
import { correctWord, searchWords } from '../../../src/lib/search/search-words.ts';
import { MINIMAL_PROVIDER, validate } from '../../helpers/data-dir.ts';

describe('searchWords', () => {
  const { dataset } = validate({ providers: { 'minimal-group.yaml': MINIMAL_PROVIDER } });
  const words = searchWords(dataset);
  it('includes vocabulary labels and synonyms', () => {
    expect(words).toContain('voices');
    expect(words).toContain('queer');
    expect(words).toContain('hospital');
  });
  it('includes words from provider names', () => expect(words).toContain('minimal'));
  it('is sorted and has no duplicates', () => expect(words).toEqual([...new Set(words)].sort()));
  it('leaves out place names, so a typo is never corrected into a place ("shoreham" is never "horsham")', () => {
    const { dataset: named } = validate({ providers: { 'horsham-group.yaml': MINIMAL_PROVIDER.replace('name: Minimal Group', 'name: Horsham Hill Group') } });
    const list = searchWords(named, ['Horsham', 'Burgess Hill']);
    expect(list).not.toContain('horsham');
    expect(list).not.toContain('hill');
    expect(list).toContain('group');
  });
});

describe('correctWord', () => {
  const known = ['voices', 'hospital', 'worthing', 'queer'];
  it('corrects one wrong letter', () => expect(correctWord('voises', known, distance)).toBe('voices'));
  it('corrects two wrong letters in a long word', () => expect(correctWord('worthign', known, distance)).toBe('worthing'));
  it('leaves a known word alone', () => expect(correctWord('queer', known, distance)).toBeUndefined());
  it('leaves short words alone, where a guess would often be wrong', () => expect(correctWord('gya', known, distance)).toBeUndefined());
  it('does not guess when nothing is close', () => expect(correctWord('xylophone', known, distance)).toBeUndefined());
});
