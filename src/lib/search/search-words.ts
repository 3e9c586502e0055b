// The words search can correct a typo towards: vocabulary labels and synonyms and provider names, but never a
// place name: places are recognised first, and a correction must never turn one place into another.
import type { Dataset } from '../model/types.ts';
import { VOCABULARY_NAMES } from '../dataset/vocab.ts';

export function searchWords(dataset: Dataset, placeNames: readonly string[] = []): string[] {
  const words = new Set<string>();
  const add = (text: string | undefined) => {
    for (const w of (text ?? '').toLowerCase().split(/[^a-z0-9+]+/)) if (w.length >= 3 && !/^\d+$/.test(w)) words.add(w);
  };
  for (const name of VOCABULARY_NAMES) for (const t of dataset.vocab[name].terms) [t.label, ...(t.synonyms ?? [])].forEach(add);
  const places = new Set(placeNames.flatMap((n) => n.toLowerCase().split(/[^a-z0-9+]+/)));
  for (const p of dataset.providers) {
    add(p.data.name);
    for (const s of p.data.services) for (const l of s.locations ?? []) for (const w of (l.town ?? '').toLowerCase().split(/[^a-z0-9+]+/)) places.add(w);
  }
  return [...words].filter((w) => !places.has(w)).sort();
}

/** The closest known word within a small edit distance, or undefined. */
export function correctWord(word: string, known: readonly string[], distance: (a: string, b: string) => number): string | undefined {
  const w = word.toLowerCase();
  if (w.length < 4 || known.includes(w)) return undefined;
  const limit = w.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const k of known) {
    if (Math.abs(k.length - w.length) > limit) continue;
    const d = distance(w, k);
    if (d < bestDistance) [best, bestDistance] = [k, d];
  }
  return best;
}
