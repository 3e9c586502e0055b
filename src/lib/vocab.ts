// Vocabularies are data (data/vocab/*.yaml); everything else derives from them.

export interface VocabTerm {
  id: string;
  label: string;
  description: string;
  synonyms?: string[];
  /** districts only: the area the district belongs to */
  area?: string;
  /** areas only: [south, west, north, east] in WGS84 degrees */
  bounds?: [number, number, number, number];
}

export interface Vocabulary {
  name: string;
  description: string;
  terms: VocabTerm[];
}

/** The vocabulary files the schema needs, by file stem, with the word for one of their terms. */
export const VOCABULARY_NOUNS = {
  areas: 'area',
  districts: 'district',
  formats: 'format',
  settings: 'setting',
  formality: 'kind of formality',
  supporters: 'kind of supporter',
  communities: 'community',
  leaders: 'kind of leadership',
  access: 'way in',
  costs: 'kind of cost',
  accessibility: 'accessibility feature',
  languages: 'language code',
  delivery: 'way of delivery',
  'service-statuses': 'service status',
  frequencies: 'frequency',
  weekdays: 'day',
  'weeks-of-month': 'week of the month',
  precisions: 'precision',
  'verification-statuses': 'verification status',
  'signatory-statuses': 'signatory status',
} as const;

export type VocabularyName = keyof typeof VOCABULARY_NOUNS;
export const VOCABULARY_NAMES = Object.keys(VOCABULARY_NOUNS) as VocabularyName[];
export type Vocabularies = Record<VocabularyName, Vocabulary>;

/** The whole of Sussex, generously: [south, west, north, east]. */
export const SUSSEX_BOUNDS: [number, number, number, number] = [50.7, -0.98, 51.19, 0.9];

/** Where the vocabularies are, as messages name them, unless another data folder is being checked. */
export const DEFAULT_VOCAB_DIR = 'data/vocab';

export function vocabFile(name: VocabularyName, dir = DEFAULT_VOCAB_DIR): string {
  return `${dir}/${name}.yaml`;
}

export function termIds(vocab: Vocabularies, name: VocabularyName): string[] {
  return vocab[name].terms.map((t) => t.id);
}

export function findTerm(vocab: Vocabularies, name: VocabularyName, id: string): VocabTerm | undefined {
  return vocab[name].terms.find((t) => t.id === id);
}

/** The label of a term, or the id itself when unknown (never throws at render time). */
export function label(vocab: Vocabularies, name: VocabularyName, id: string): string {
  return findTerm(vocab, name, id)?.label ?? id;
}

export function inBounds(bounds: readonly [number, number, number, number], lat: number, lng: number): boolean {
  const [south, west, north, east] = bounds;
  return lat >= south && lat <= north && lng >= west && lng <= east;
}
