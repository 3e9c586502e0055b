// The vocabulary words a search query can use as filters (communities and kinds of support), built once at
// build time and inlined in the search page: labels, synonyms and ids, each normalised (search-query.ts).
import { normaliseWords, type QueryTerm, type TermIndex } from './search-query.ts';
import { midSentence, type Vocabularies, type VocabularyName } from '../dataset/vocab.ts';

/** The facets whose words a query turns into filters, with how the notice names a term. */
const QUERY_FACETS: { key: string; vocab: VocabularyName; phrase: (label: string) => string }[] = [
  { key: 'community', vocab: 'communities', phrase: (l) => `groups for ${l}` },
  { key: 'format', vocab: 'formats', phrase: (l) => `groups offering ${l}` },
];

/** Words too common to mean a filter on their own: "open to all", and "group", which nearly every group is. */
const NOT_FILTERS = new Set(['all', 'open', 'support', 'peer', 'peer support', 'group', 'groups', 'meeting', 'circle']);

export function termIndex(vocab: Vocabularies): TermIndex {
  const terms: QueryTerm[] = [];
  const words: Record<string, number[]> = {};
  for (const facet of QUERY_FACETS) {
    for (const t of vocab[facet.vocab].terms) {
      const i = terms.push([facet.key, t.id, facet.phrase(midSentence(vocab, facet.vocab, t.id))]) - 1;
      for (const text of [t.label, t.id.replace(/-/g, ' '), ...(t.synonyms ?? [])]) {
        const key = normaliseWords(text);
        if (!key || NOT_FILTERS.has(key)) continue;
        const list = (words[key] ??= []);
        if (!list.includes(i)) list.push(i);
      }
    }
  }
  return { terms, words };
}
