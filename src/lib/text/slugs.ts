// Names made into addresses and ids. Slugs are page addresses, so each rule must keep giving what it gives
// today: kebab and placeId differ on "&" and "'", and both are in use. A new entry's file name is
// provider-yaml.ts's slugify ("&" → "and", "+" → "plus"), kept there because the form loads that module alone.

/** Lower case without accents: "Café" → "cafe". The first step of every rule here. */
export function plainLetters(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

function hyphenate(text: string): string {
  return text.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/**
 * "Peer Support: Brighton & Hove" → "peer-support-brighton-hove": every other character a hyphen. How most
 * providers' files and services' ids are named, so the map and search files can leave those out.
 */
export function kebab(name: string): string {
  return hyphenate(plainLetters(name));
}

/** "St Leonards-on-Sea" → "st-leonards-on-sea", "Queen's Park" → "queens-park": "&" is "and", apostrophes go. */
export function placeId(name: string): string {
  return hyphenate(plainLetters(name).replace(/['’]/g, '').replace(/&/g, ' and '));
}
