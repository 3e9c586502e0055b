// A word search's first results before Pagefind has loaded (its own files are 155 KB at 10,000 groups): small
// files written at build (search-first-files.ts) list, for each word of the groups' names and summaries and for
// each filter value, the first groups in one fixed order. The browser shows from them only results that the
// full search is sure to show first, so the list never jumps when Pagefind's results arrive. Pure, and small.
import { normaliseWords, wordMatch, wordScore } from './search-query.ts';
import { byName, shownForFilters, type Chosen, type PlaceRecord } from './search-rank.ts';

/** One file of first results: its records, each once, and its lists. */
export interface FirstFile {
  r: PlaceRecord[];
  /** Each record's place in the fixed order of all groups (firstOrder), so lists from different files merge. */
  k: number[];
  /** A word of names and summaries (or FACET_LIST in a filter value's file) → [how many groups have it in all, ...indexes into r of the first FIRST_TOP in the fixed order]. */
  l: Record<string, number[]>;
}

/** Groups listed for each word or filter value: enough for a first screen after other words have been checked. */
export const FIRST_TOP = 20;

/** Word files' names start so; filter value files' with "f-". */
export const WORD_FILE = 'w-';

/** The file holding a word's list: its first three letters, so every longer word a query word starts is in it too. */
export function firstFileOfWord(word: string): string {
  return `${WORD_FILE}${word.slice(0, 3).replace(/\+/g, '-')}`;
}


export const firstFileOfFacet = (facet: number): string => `f-${facet}`;
/** A filter value's file has one list, under this name. */
export const FACET_LIST = 'f';

const isClosed = (r: PlaceRecord) => !!r.b?.includes('x');

/** The fixed order: running groups before closed ones, recent facts before old (as the results list puts them), then by name. */
export function compareFirst(x: PlaceRecord, y: PlaceRecord): number {
  return Number(isClosed(x)) - Number(isClosed(y)) || Number(!!x.g) - Number(!!y.g) || byName(x.n, y.n);
}

/** What a word search asks, as the page has it. */
export interface FirstQuery {
  /** Words to find, normalised ("" when the query is only vocabulary words and filters). */
  words: string;
  /** Vocabulary words typed ("men"): groups that name them come first, and are kept without their filter. */
  termWords: string;
  /** Filters that apply (ticked and from vocabulary words), and those ticked. */
  chosen: Chosen;
  ticked: Chosen;
}

/** The word files there are (firstWordFiles: their letters, space-separated), by file name. */
const wordFileNames = (wordFiles: string) => new Set(wordFiles.split(' ').map((letters) => `${WORD_FILE}${letters}`));

/**
 * The files a query's first results need: one per word and vocabulary word, and for a query of filters alone one
 * per value of a filter. `wordFiles` are the word files there are (firstWordFiles): a word with none is in no
 * name or summary.
 */
export function firstFilesFor(q: FirstQuery, wordFiles: string): string[] {
  const there = wordFileNames(wordFiles);
  const names = new Set(words(`${q.words} ${q.termWords}`).map(firstFileOfWord).filter((name) => there.has(name)));
  if (!q.words) for (const values of q.chosen.values()) for (const v of values) names.add(firstFileOfFacet(v));
  return [...names];
}

const words = (text: string) => normaliseWords(text).split(' ').filter(Boolean);

/** Candidates from one set of lists: their records by rank, and the last rank up to which they are all there (Infinity when every list is whole). */
interface Source {
  records: Map<number, PlaceRecord>;
  bound: number;
  total: number;
}

function sourceOf(lists: [list: number[], file: FirstFile][]): Source {
  const records = new Map<number, PlaceRecord>();
  let bound = Infinity;
  let total = 0;
  for (const [[n = 0, ...at], file] of lists) {
    total += n;
    for (const i of at) records.set(file.k[i]!, file.r[i]!);
    if (n > at.length) bound = Math.min(bound, at.length ? file.k[at[at.length - 1]!]! : -1);
  }
  return { records, bound, total };
}

/** Files by name (firstFileOfWord, firstFileOfFacet); a file that did not load is missing. */
export type FirstFiles = ReadonlyMap<string, FirstFile>;

const NO_LISTS: FirstFile = { r: [], k: [], l: {} };

/** The lists of every word a query word finds (wordMatch: itself, longer words it starts, shorter forms of it); undefined when its file did not load. */
function wordSource(word: string, file: FirstFile | undefined): Source | undefined {
  return file && sourceOf(Object.entries(file.l).flatMap(([x, list]) => (wordMatch([x], word) > 0 ? [[list, file] as [number[], FirstFile]] : [])));
}

/** The lists of a filter's chosen values (a group needs any one of them); undefined when a file did not load. */
function facetSource(values: Iterable<number>, files: FirstFiles): Source | undefined {
  const lists: [number[], FirstFile][] = [];
  for (const v of values) {
    const file = files.get(firstFileOfFacet(v));
    if (!file) return undefined;
    lists.push([file.l[FACET_LIST] ?? [0], file]);
  }
  return sourceOf(lists);
}

/** 2 when some name or summary has the word whole (its file lists it), 1 when one has it in part, 0 when none; 2 when its file did not load. */
function bestMatch(word: string, file: FirstFile | undefined): number {
  if (!file || file.l[word]) return 2;
  return Object.keys(file.l).some((x) => wordMatch([x], word) > 0) ? 1 : 0;
}

/** The most complete source: the one whose lists are whole furthest, then the smallest. */
function best(sources: (Source | undefined)[]): Source | undefined {
  return sources.filter((s): s is Source => !!s).sort((a, b) => b.bound - a.bound || a.total - b.total)[0];
}

/** Where a group comes in the results: closed, old facts, how it names the vocabulary words and has the words (2 whole, 1 in part), lowest first. */
type Key = [closed: number, old: number, named: number, score: number];
const compareKeys = (a: Key, b: Key) => a[0] - b[0] || a[1] - b[1] || b[2] - a[2] || b[3] - a[3];
const closedOld = (r: PlaceRecord | undefined): [number, number] => (r ? [Number(isClosed(r)), Number(!!r.g)] : [0, 0]);

/**
 * The first results of a word search, in its order (orderWordMatches then closedLast: running and recent first,
 * then naming the vocabulary words, then with the words whole), taken only as far as no group the files leave
 * out could come before one of them. A group the files leave out is one further down a cut list, or one with
 * the words only in its description. `wordFiles` says which word files there are (firstWordFiles).
 */
export function firstMatches(q: FirstQuery, files: FirstFiles, wordFiles: string): PlaceRecord[] {
  const there = wordFileNames(wordFiles);
  const fileOfWord = (word: string) => (there.has(firstFileOfWord(word)) ? files.get(firstFileOfWord(word)) : NO_LISTS);
  const wanted = words(q.words);
  // How well any group's name and summary can have a word: whole (2) only if its file lists it, else in part (1) or not (0).
  const bestOf = (text: string) => Math.min(...words(text).map((w) => bestMatch(w, fileOfWord(w))));
  const bestNamed = q.termWords ? bestOf(q.termWords) : 0;
  const bestScore = wanted.length ? bestOf(q.words) : 0;
  // Every group naming the vocabulary words, even in part, is in the lists of each of them.
  const named = q.termWords ? best(words(q.termWords).map((w) => wordSource(w, fileOfWord(w)))) : undefined;
  const found = wanted.length ? best(wanted.map((w) => wordSource(w, fileOfWord(w)))) : undefined;
  const facets = wanted.length ? undefined : best([...q.chosen.values()].map((values) => facetSource(values, files)));
  if (wanted.length ? !found : !named && !facets) return [];
  const records = new Map([...(facets?.records ?? []), ...(found?.records ?? []), ...(named?.records ?? [])]);
  const edge = (source: Source): [number, number] | undefined => (source.bound === Infinity ? undefined : closedOld(records.get(source.bound)));
  // The least a group the lists leave out could rank, in each way it can be left out.
  const unknown: Key[] = [];
  if (q.termWords) {
    const beyond = named ? edge(named) : ([0, 0] as [number, number]);
    if (beyond) unknown.push([...beyond, bestNamed, bestScore]);
  }
  // Left out by a cut list of the words or filter, a group not naming the vocabulary words (those naming them are above).
  if (found) {
    const beyond = edge(found);
    if (beyond) unknown.push([...beyond, 0, bestScore]);
    // The words only in a description: after those with them in name or summary, but it may name the vocabulary words.
    unknown.push([0, 0, bestNamed, 0]);
  } else {
    const beyond = facets ? edge(facets) : ([0, 0] as [number, number]);
    if (beyond) unknown.push([...beyond, 0, 0]);
  }
  const limit = unknown.sort(compareKeys)[0];
  const shown: { r: PlaceRecord; rank: number; key: Key }[] = [];
  for (const [rank, r] of records) {
    const own = normaliseWords(`${r.n} ${r.s}`).split(' ');
    if (!wanted.every((w) => wordMatch(own, w) > 0)) continue;
    if (!shownForFilters(r.f, r.n, q.chosen, q.ticked, q.termWords)) continue;
    const key: Key = [...closedOld(r), q.termWords ? wordScore(`${r.n} ${r.s}`, q.termWords) : 0, wanted.length ? wordScore(`${r.n} ${r.s}`, q.words) : 0];
    if (limit && compareKeys(key, limit) > 0) continue;
    shown.push({ r, rank, key });
  }
  return shown.sort((a, b) => compareKeys(a.key, b.key) || a.rank - b.rank).map((s) => s.r);
}
