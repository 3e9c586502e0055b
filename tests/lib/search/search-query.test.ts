import { describe, expect, it } from 'vitest';
import { normaliseWords, parseQuery, telling, withoutWords, wordMatch, wordScore } from '../../../src/lib/search/search-query.ts';
import { termIndex } from '../../../src/lib/search/search-terms.ts';
import { validate } from '../../helpers/data-dir.ts';

const { dataset } = validate();
const index = termIndex(dataset.vocab);
const termsOf = (q: string) => parseQuery(q, index).found.map((f) => index.terms[f.term]!.slice(0, 2).join(':'));

describe('parseQuery', () => {
  it('turns a community word into its filter and leaves the place for the resolver', () => {
    expect(parseQuery('men worthing', index)).toEqual({ found: [{ term: expect.any(Number), words: 'men' }], rest: 'worthing' });
    expect(termsOf('men worthing')).toEqual(['community:men']);
  });
  it('reads a two-word phrase as one term before its single words', () => {
    expect(termsOf('Hearing Voices')).toEqual(['community:hearing-voices']);
    expect(parseQuery('hearing voices', index).rest).toBe('');
  });
  it('reaches the vocabulary through everyday words', () => {
    expect(termsOf('depression')).toEqual(['community:everyone']);
    expect(termsOf('lonely')).toEqual(['community:everyone']);
    expect(termsOf('anxiety')).toEqual(['community:everyone']);
    expect(termsOf('bipolar')).toEqual(['community:everyone']);
    expect(termsOf('women')).toEqual(['community:women']);
    expect(termsOf('carer')).toEqual(['community:carers-and-families']);
  });
  it('finds kinds of support too', () => expect(termsOf('drop-in')).toEqual(['format:drop-in']));
  it('leaves words too common to be a filter as words', () => {
    expect(termsOf('group')).toEqual([]);
    expect(parseQuery('open group', index).rest).toBe('open group');
  });
  it('does not take a word that only starts a vocabulary word: "mental" is not "men"', () => {
    expect(termsOf('mental')).toEqual([]);
    expect(parseQuery('mental', index).rest).toBe('mental');
  });
  it('names each term once, however often it is asked for', () => expect(termsOf('men male')).toEqual(['community:men']));
  it('describes a term for the notice in words from its label', () => {
    const men = index.terms.find(([k, id]) => k === 'community' && id === 'men')!;
    expect(men[2]).toBe('groups for men');
  });
});

describe('normaliseWords', () => {
  it('lowers case, drops accents and punctuation but keeps "+"', () => expect(normaliseWords("  Café, LGBTQ+ St. Leonard's ")).toBe('cafe lgbtq+ st leonards'));
});

describe('withoutWords', () => {
  it('takes a found phrase out of the query and keeps the rest in order', () => expect(withoutWords('Hearing voices in Hastings', 'hearing voices')).toBe('in hastings'));
  it('leaves the query alone when the words are not there', () => expect(withoutWords('worthing', 'men')).toBe('worthing'));
});

describe('whole words', () => {
  it('a short word matches only as a whole word', () => {
    expect(wordScore('A mental wellbeing drop-in', 'men')).toBe(0);
    expect(wordScore('A group for men', 'men')).toBe(2);
  });
  it('scores a whole word above a word it starts, and nothing when a word is missing', () => {
    expect(wordScore('Art group for carers', 'carers')).toBe(2);
    expect(wordScore('Art group for carers', 'carer')).toBe(1);
    expect(wordScore('Care notes', 'carer')).toBe(0);
    expect(wordScore('Heart space', 'hearing voices')).toBe(0);
  });
});

describe('telling', () => {
  it('keeps only the words that tell groups apart', () => expect(telling('a group for me in Lewes')).toBe('lewes'));
  it('keeps an unusual word', () => expect(telling('peer support walking')).toBe('walking'));
});

describe('wordMatch', () => {
  const words = ['walk', 'and', 'talk', 'mental', 'bi'];
  it('finds a whole word best', () => expect(wordMatch(words, 'talk')).toBe(2));
  it('finds a longer form of a word the index keeps stemmed', () => expect(wordMatch(words, 'walking')).toBe(1));
  it('never finds a short word inside a longer one', () => expect(wordMatch(words, 'men')).toBe(0));
  it('never finds a long word through a short word it starts with', () => expect(wordMatch(words, 'bipolar')).toBe(0));
  it('finds a word of four letters or more at the start of a longer one', () => expect(wordMatch(words, 'ment')).toBe(1));
});

describe('wordMatch and endings', () => {
  it('does not take "carer" for "care" with an ending', () => expect(wordMatch(['care', 'notes'], 'carer')).toBe(0));
});
