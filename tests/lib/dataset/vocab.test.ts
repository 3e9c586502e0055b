import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/lib/dataset/dataset-fs.ts';
import { keepsCapital, midSentence, sentenceLabels, type Vocabularies } from '../../../src/lib/dataset/vocab.ts';

const vocab: Vocabularies = loadDataset().vocab;

describe('midSentence', () => {
  it('writes a label with a small first letter in the middle of a sentence: "Peer support for men"', () => {
    expect(midSentence(vocab, 'communities', 'men')).toBe('men');
    expect(midSentence(vocab, 'communities', 'everyone')).toBe('anyone with experience of mental distress');
    expect(midSentence(vocab, 'formats', 'shared-meals')).toBe('shared meals');
    expect(midSentence(vocab, 'access', 'drop-in')).toBe('just turn up');
    expect(midSentence(vocab, 'accessibility', 'public-transport')).toBe('near public transport');
  });

  it('keeps the capital of a first word with more than one capital, such as LGBTQ+', () => {
    expect(midSentence(vocab, 'communities', 'lgbtq')).toBe('LGBTQ+ people');
  });

  it('keeps the capital of a language and of a place', () => {
    expect(midSentence(vocab, 'languages', 'en')).toBe('English');
    expect(midSentence(vocab, 'languages', 'ur')).toBe('Urdu');
    expect(midSentence(vocab, 'districts', 'worthing')).toBe('Worthing');
    expect(midSentence(vocab, 'areas', 'brighton-and-hove')).toBe('Brighton & Hove');
  });

  it('keeps the capital when the term’s own description writes its first word with a capital mid-sentence', () => {
    expect(midSentence(vocab, 'communities', 'racialised-communities')).toBe('Black, Asian and racialised communities');
    expect(midSentence(vocab, 'accessibility', 'bsl')).toBe('British Sign Language');
  });

  it('gives the id of an unknown term, as label does', () => {
    expect(midSentence(vocab, 'communities', 'no-such-term')).toBe('no-such-term');
  });
});

describe('keepsCapital', () => {
  const term = (label: string, description: string) => ({ label, description });
  it('does not count a capital that only starts a sentence of the description', () => {
    expect(keepsCapital('communities', term('Women', 'Women, including trans women.'))).toBe(false);
    expect(keepsCapital('communities', term('Carers', 'Some text. Carers and families.'))).toBe(false);
  });
  it('counts a capital in the middle of the description, but not a word that only starts the same way', () => {
    expect(keepsCapital('communities', term('Deaf people', 'People who are Deaf or hard of hearing.'))).toBe(true);
    expect(keepsCapital('communities', term('Deaf people', 'People in the Deafblind community.'))).toBe(false);
  });
  it('counts an acronym or a word with a capital inside it', () => {
    expect(keepsCapital('settings', term('NHS ward', 'A ward.'))).toBe(true);
    expect(keepsCapital('settings', term('McKenzie room', 'A room.'))).toBe(true);
  });
});

describe('sentenceLabels', () => {
  it('keeps the capital of the first label only when it starts the sentence', () => {
    expect(sentenceLabels(vocab, 'formats', ['group', 'shared-meals'], { startsSentence: true })).toEqual(['Group', 'shared meals']);
    expect(sentenceLabels(vocab, 'access', ['drop-in', 'self-referral'], { startsSentence: true })).toEqual(['Just turn up', 'contact them yourself']);
    expect(sentenceLabels(vocab, 'accessibility', ['step-free', 'public-transport'])).toEqual(['step-free access', 'near public transport']);
    expect(sentenceLabels(vocab, 'languages', ['en', 'ur'])).toEqual(['English', 'Urdu']);
    expect(sentenceLabels(vocab, 'formats', undefined)).toEqual([]);
  });
});
