// What a search query asks for: vocabulary words (who it is for, kind of support) that become visible filters,
// and the words left over for the text search and the place resolver. Pure, and small: the browser imports it.

/** One vocabulary term a query word can stand for: [facet key, term id, how the notice names it]. */
export type QueryTerm = [facet: string, id: string, phrase: string];

/** Built at build time from the vocabularies (termIndex in search-terms.ts); inlined in the search page. */
export interface TermIndex {
  terms: QueryTerm[];
  /** A normalised word or phrase ("hearing voices", "men") → indexes into `terms`. */
  words: Record<string, number[]>;
}

/** Lower case, no accents, words of letters, digits and "+" separated by single spaces. */
export function normaliseWords(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, '')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/** A vocabulary term found in the query, with the words that asked for it as typed (for "Clear"). */
export interface FoundTerm {
  term: number;
  words: string;
}

export interface ParsedQuery {
  /** Vocabulary terms, each once, in the order they were typed. */
  found: FoundTerm[];
  /** The other words, normalised, in order ("" when none). */
  rest: string;
}

/** Longest phrases first: "hearing voices" is one term, not "hearing" and a stray "voices". */
const MAX_PHRASE_WORDS = 4;

/** Finds vocabulary words and phrases in a query; everything else is left in `rest`. */
export function parseQuery(query: string, index: TermIndex): ParsedQuery {
  const words = normaliseWords(query).split(' ').filter(Boolean);
  const found: FoundTerm[] = [];
  const rest: string[] = [];
  for (let i = 0; i < words.length; ) {
    let matched = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, words.length - i); n >= 1 && !matched; n--) {
      const phrase = words.slice(i, i + n).join(' ');
      const terms = index.words[phrase];
      if (!terms) continue;
      matched = n;
      for (const term of terms) if (!found.some((f) => f.term === term)) found.push({ term, words: phrase });
    }
    if (matched) i += matched;
    else rest.push(words[i++]!);
  }
  return { found, rest: rest.join(' ') };
}

/** The query with a found term's words taken out, for "Clear" beside "Showing groups for men". */
export function withoutWords(query: string, words: string): string {
  const drop = words.split(' ');
  const kept = normaliseWords(query).split(' ').filter(Boolean);
  for (let i = 0; i + drop.length <= kept.length; i++) {
    if (drop.every((w, j) => kept[i + j] === w)) {
      kept.splice(i, drop.length);
      break;
    }
  }
  return kept.join(' ');
}

/** Words that say nothing about which group: "a group for me in Lewes" asks only for Lewes. */
const FILLER = new Set(['a', 'an', 'the', 'and', 'or', 'for', 'in', 'near', 'at', 'around', 'from', 'of', 'to', 'with', 'me', 'my', 'i', 'help', 'support', 'peer', 'group', 'groups', 'mental', 'health', 'local', 'nearby', 'please']);

/** The words of a query that can tell groups apart, normalised ("" when none). */
export function telling(words: string): string {
  return normaliseWords(words).split(' ').filter((w) => w && !FILLER.has(w)).join(' ');
}

/** Endings the index's stemmer takes off ("walking" is indexed as "walk"); "carer" is not "care" + an ending. */
const ENDINGS = ['s', 'es', 'ing', 'ed'];

/**
 * How a query word is found among a text's words: 2 as a whole word; 1 as the start of a longer word (words of
 * four letters or more: "men" never finds "mental") or as a longer form of one ("walking" finds "walk", as the
 * index stems words); 0 not at all ("bipolar" never finds "bi").
 */
export function wordMatch(words: readonly string[], word: string): number {
  if (words.includes(word)) return 2;
  if (word.length >= 4 && words.some((x) => x.startsWith(word))) return 1;
  if (words.some((x) => x.length >= 4 && word.startsWith(x) && ENDINGS.includes(word.slice(x.length)))) return 1;
  return 0;
}

/** 2 when every query word is in the text as a whole word, 1 when each is at least found (wordMatch), 0 otherwise. */
export function wordScore(text: string, query: string): number {
  const wanted = normaliseWords(query).split(' ').filter(Boolean);
  if (!wanted.length) return 0;
  const words = normaliseWords(text).split(' ');
  let score = 2;
  for (const w of wanted) score = Math.min(score, wordMatch(words, w));
  return score;
}
