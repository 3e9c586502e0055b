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

/** The first word of a label, without the punctuation after it ("Formal:" gives "Formal"). */
function firstWord(text: string): string {
  return (text.trim().split(/\s+/)[0] ?? '').replace(/[.,;:!?)]+$/, '');
}

/** Whether `word` appears, with its capital, somewhere in `text` other than at the start of a sentence. */
function capitalisedMidSentence(word: string, text: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'gu'))) {
    const before = text.slice(0, m.index).trimEnd();
    if (before && !/[.!?]["'’”)]*$/.test(before)) return true;
  }
  return false;
}

/** Vocabularies whose every label is a name: places and languages. */
const NAME_VOCABULARIES: readonly VocabularyName[] = ['areas', 'districts', 'languages'];

/**
 * Whether a term's label keeps its capital in the middle of a sentence. Decided from the data, not a list of
 * words: a first word with two or more capitals (LGBTQ+, NHS), a place or a language (Worthing, English), or
 * a first word the term's own description writes with a capital mid-sentence ("People from Black, Asian and
 * other racialised communities" keeps "Black, Asian and racialised communities").
 */
export function keepsCapital(name: VocabularyName, term: Pick<VocabTerm, 'label' | 'description'>): boolean {
  const word = firstWord(term.label);
  if (!/^\p{Lu}/u.test(word)) return true;
  if ((word.match(/\p{Lu}/gu) ?? []).length >= 2) return true;
  if (NAME_VOCABULARIES.includes(name)) return true;
  return capitalisedMidSentence(word, term.description);
}

/** keepsCapital of each term midSentence has met: every page asks of the same few terms, and it makes a regular expression. */
const capitals = new WeakMap<VocabTerm, boolean>();

/** A label as written in the middle of a sentence: "Peer support for men", "Access: step-free access". */
export function midSentence(vocab: Vocabularies, name: VocabularyName, id: string): string {
  const term = findTerm(vocab, name, id);
  if (!term) return id;
  let keeps = capitals.get(term);
  if (keeps === undefined) capitals.set(term, (keeps = keepsCapital(name, term)));
  return keeps ? term.label : term.label.charAt(0).toLowerCase() + term.label.slice(1);
}

/**
 * Labels for running text: every one as written mid-sentence, except the first when it starts the sentence
 * ("Group, shared meals"; "Access: step-free access, near public transport").
 */
export function sentenceLabels(vocab: Vocabularies, name: VocabularyName, ids: readonly string[] | undefined, { startsSentence = false } = {}): string[] {
  return (ids ?? []).map((id, i) => (i === 0 && startsSentence ? label(vocab, name, id) : midSentence(vocab, name, id)));
}

export function inBounds(bounds: readonly [number, number, number, number], lat: number, lng: number): boolean {
  const [south, west, north, east] = bounds;
  return lat >= south && lat <= north && lng >= west && lng <= east;
}
