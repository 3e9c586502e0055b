// Which vocabulary term a word someone wrote means: shared by the validator's suggestions and npm run new's
// answers, so both understand "Peer led", "peer-led" and "Running" alike. Pure and browser-safe.
import { closest, distance } from 'fastest-levenshtein';
import type { VocabTerm } from '../dataset/vocab.ts';

/** Lower case, with runs of spaces, hyphens and underscores as one space: "Peer-led", "peer led" and "PEER_LED" are alike. */
function loose(word: string): string {
  return word.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

/** The term whose id, label or synonym the word is, loosely; ids first, so a synonym never hides another term's id. */
export function matchTerm(terms: readonly VocabTerm[], word: string): VocabTerm | undefined {
  const w = loose(word);
  if (!w) return undefined;
  return terms.find((t) => loose(t.id) === w) ?? terms.find((t) => loose(t.label) === w || (t.synonyms ?? []).some((s) => loose(s) === w));
}

/** The option spelt most like the word, when it is close enough to be a typing mistake. */
export function closestSpelling(word: string, options: readonly string[]): string | undefined {
  if (!options.length) return undefined;
  const w = word.toLowerCase();
  const best = closest(w, [...options]);
  return distance(w, best) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/** The id the word most likely means: the term it names, else the id spelt most like it. */
export function suggestTermId(terms: readonly VocabTerm[], word: string): string | undefined {
  return matchTerm(terms, word)?.id ?? closestSpelling(word, terms.map((t) => t.id));
}
