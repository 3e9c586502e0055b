// The status line above the results, in words.
import type { PlaceSearch } from './search-place.ts';

/** Results on show at a time. */
export const PAGE_SIZE = 30;

export const groups = (n: number) => `${n} ${n === 1 ? 'group' : 'groups'}`;

/** After a place search: how many found, for what and where, and how many meet nearby. */
export function placeStatus(result: Pick<PlaceSearch, 'name' | 'outside' | 'more'>, shown: number, nearby: number, words: string, guessed: string): string {
  const what = words ? ` for "${words}"` : '';
  const name = guessed ? `${result.name} (we could not find "${guessed}")` : result.name;
  const where = result.outside ? `${result.outside} ` : '';
  const n = shown + result.more;
  const more = n > PAGE_SIZE ? ` Showing the first ${PAGE_SIZE}.` : '';
  if (result.outside) return n ? `${where}${groups(n)}${what} you can join online or by phone.${more}` : `${where}We found no group${what} that works online or by phone.`;
  const meeting = nearby ? ` ${nearby} ${nearby === 1 ? 'meets' : 'meet'} in or near it.` : ` None meets in or near it.`;
  return n ? `${groups(n)} found${what} for ${name}, nearest first.${meeting}${more}` : `No groups found${what} for ${name} with these filters.`;
}

/** After a word search: how many found, for the words typed (or corrected). */
export function wordStatus(n: number, typed: string, corrected: string, rest: string): string {
  const words = corrected ? ` for "${corrected}" (we could not find "${rest}")` : typed ? ` for "${typed}"` : '';
  // Free words that found nothing may be a village the directory does not know: its town or postcode will be.
  const next = rest ? 'If it is a place, try the nearest town or your postcode. Or try another word.' : 'Try fewer filters or another word.';
  return n === 0 ? `No groups found${words}. ${next}` : `${groups(n)} found${words}${n > PAGE_SIZE ? `. Showing the first ${PAGE_SIZE}` : ''}.`;
}
