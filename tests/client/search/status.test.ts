import { describe, expect, test } from 'vitest';
import { PAGE_SIZE, placeStatus, wordStatus } from '../../../src/client/search/status.ts';

describe('the search status line', () => {
  test('a place search says how many, for what and where, and how many meet nearby', () => {
    expect(placeStatus({ name: 'Worthing', more: 0 }, 3, 1, 'walk', '')).toBe('3 groups found for "walk" for Worthing, nearest first. 1 meets in or near it.');
    expect(placeStatus({ name: 'Worthing', more: 40 }, 1, 0, '', 'wrthing')).toBe(`41 groups found for Worthing (we could not find "wrthing"), nearest first. None meets in or near it. Showing the first ${PAGE_SIZE}.`);
    expect(placeStatus({ name: 'Worthing', more: 0 }, 0, 0, '', '')).toBe('No groups found for Worthing with these filters.');
  });

  test('outside Sussex, a place search counts the groups online or by phone', () => {
    expect(placeStatus({ name: 'Guildford', outside: 'Guildford is outside Sussex.', more: 0 }, 1, 0, '', '')).toBe('Guildford is outside Sussex. 1 group you can join online or by phone.');
    expect(placeStatus({ name: 'Guildford', outside: 'Guildford is outside Sussex.', more: 0 }, 0, 0, 'art', '')).toBe('Guildford is outside Sussex. We found no group for "art" that works online or by phone.');
  });

  test('a word search says what it searched for, and what it corrected', () => {
    expect(wordStatus(2, 'walk', '', 'walk')).toBe('2 groups found for "walk".');
    expect(wordStatus(1, 'wlak', 'walk', 'wlak')).toBe('1 group found for "walk" (we could not find "wlak").');
    expect(wordStatus(0, '', '', '')).toBe('No groups found. Try fewer filters or another word.');
  });

  test('words that find nothing may be a village the directory does not know, so the status suggests its town or postcode', () => {
    expect(wordStatus(0, 'ripe', '', 'ripe')).toBe('No groups found for "ripe". If it is a place, try the nearest town or your postcode. Or try another word.');
    // Vocabulary words alone are not a place: only the filters are to blame.
    expect(wordStatus(0, 'men', '', '')).toBe('No groups found for "men". Try fewer filters or another word.');
    expect(wordStatus(31, 'a', '', 'a')).toBe('31 groups found for "a". Showing the first 30.');
  });
});
