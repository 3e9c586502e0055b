import { describe, expect, it } from 'vitest';
import { kebab, placeId, plainLetters } from '../../../src/lib/text/slugs.ts';

describe('plainLetters', () => {
  it('lowers the case and takes accents off', () => {
    expect(plainLetters('Café Ägypten')).toBe('cafe agypten');
  });
});

describe('kebab', () => {
  it('makes every other character a hyphen, "&" and apostrophes too', () => {
    expect(kebab('Peer Support: Brighton & Hove')).toBe('peer-support-brighton-hove');
    expect(kebab("Queen's Park Café")).toBe('queen-s-park-cafe');
  });
});

describe('placeId', () => {
  it('says "and" for "&" and drops apostrophes', () => {
    expect(placeId('Brighton & Hove')).toBe('brighton-and-hove');
    expect(placeId("Queen's Park")).toBe('queens-park');
  });
});
