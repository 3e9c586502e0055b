// Place search in the browser, loaded only when a query has words that may be a place: the resolver and
// /places.json to find the place, then the place's own file of first results, and only when a filter or a
// word needs more, the record files of its area and nearby districts to rank.
import { findPlaceInQuery, lookupPlaces, outsideMessage, resolvePlace, type PlaceLookup, type PlaceMatch } from '../../lib/places/places.ts';
import { chunksFor, countsLeft, inAreaFile, rankForPlace, slugOf, type AreaTop, type Chosen, type PlaceRecord, type PlaceTables, type PlaceTop, type Ranked, type SearchPlace } from '../../lib/search/search-rank.ts';
import { firstWithMore, type PlaceMore } from '../../lib/search/search-place-more.ts';

let lookup: Promise<PlaceLookup | null> | undefined;
type PlaceFile = PlaceRecord[] | AreaTop | PlaceTop | PlaceMore;
const files = new Map<string, Promise<PlaceFile>>();

const json = <T>(url: string, fallback: T): Promise<T> => fetch(url).then((r) => (r.ok ? (r.json() as Promise<T>) : fallback), () => fallback);

/** The place in a query (the longest place name or postcode in it) and the words left. */
export async function findPlace(text: string, base: string): Promise<{ match: PlaceMatch | null; rest: string }> {
  const l = await (lookup ??= json<PlaceLookup | null>(`${base}places.json`, null));
  return l ? findPlaceInQuery(text, l) : { match: null, rest: text };
}

/** The whole text as a misspelt place ("worthign"), asked only when its words found nothing. */
export async function guessPlace(text: string, base: string): Promise<PlaceMatch | null> {
  const l = await (lookup ??= json<PlaceLookup | null>(`${base}places.json`, null));
  return l ? resolvePlace(text, l) : null;
}

export interface PlaceSearch {
  /** The place searched from, or null outside Sussex. */
  place: SearchPlace | null;
  /** "Worthing", "BN11 (Worthing)". */
  name: string;
  /** For a place outside Sussex: "Guildford is outside Sussex." */
  outside?: string;
  ranked: Ranked[];
  /** Groups of the area file not loaded yet (all covering the whole area or online), and their filter counts. */
  more: number;
  moreCounts?: number[];
  /** How many of all the groups meet in or near the place, when not all of them are in `ranked`. */
  nearby?: number;
  /** Only the place's first results: a search narrowed by a filter or word shows those that pass, then ranks the rest. */
  firstOnly?: boolean;
}

const records = (name: string, base: string) => {
  let file = files.get(name);
  if (!file) files.set(name, (file = json<PlaceFile>(`${base}search-places/${name}.json`, [])));
  return file;
};

const nameOf = (match: PlaceMatch) => (match.kind === 'outside' ? match.name : match.kind === 'postcode' ? `${match.postcode} (${match.place.name})` : match.place.name);

/**
 * Ranks the groups for a place. Without filters or words (`all` false) the place's own file is enough: its
 * first results, ranked at build over everything below, with how many there are in all and their filter
 * counts. 'first' gives those first results alone, for a search narrowed by a filter or word to show the ones
 * that pass while the rest loads. 'nearby-only' ranks the district files' groups alone, to show them while the
 * area's whole file loads. Otherwise (or without a place file) the area's and nearby districts' files are
 * ranked here; with `all` false only the first records of the area's file are loaded: the rest of it, groups
 * covering the whole area or online, would come after them anyway, so they are only counted until needed.
 */
export async function searchPlace(match: PlaceMatch, base: string, tables: PlaceTables, all: boolean | 'first' | 'nearby-only'): Promise<PlaceSearch> {
  const l = await lookup;
  const place: SearchPlace | null = match.kind === 'outside' ? null : match.place;
  if (match.kind !== 'outside' && (all === false || all === 'first')) {
    const top = await records(`at-${match.place.id}`, base);
    if (!Array.isArray(top) && 'm' in top) {
      const ranked = rankForPlace(place, top.r, tables);
      return { place, name: nameOf(match), ranked, more: Math.max(0, top.n - ranked.length), moreCounts: countsLeft(top.c, top.r), nearby: top.m, firstOnly: all === 'first' };
    }
  }
  if (all === 'first') all = 'nearby-only';
  const { areas, districts } = chunksFor(place, l ? lookupPlaces(l) : [], tables);
  const near = (await Promise.all(districts.map((d) => records(d, base)))).flat() as PlaceRecord[];
  let ranked: Ranked[];
  let more = 0;
  let moreCounts: number[] | undefined;
  if (all === 'nearby-only') {
    ranked = rankForPlace(place, near, tables);
  } else if (all || !place) {
    const wide = (await Promise.all(areas.map((a) => records(`area-${a}`, base)))).flat() as PlaceRecord[];
    ranked = rankForPlace(place, [...near, ...wide], tables);
  } else {
    const top = (await records(`area-${place.area}-top`, base)) as AreaTop;
    const area = tables.areas.findIndex(([id]) => id === place.area);
    ranked = rankForPlace(place, [...near, ...(top.r ?? [])], tables);
    const members = new Map<string, PlaceRecord>();
    for (const r of [...near, ...(top.r ?? [])]) if (inAreaFile(r, area)) members.set(slugOf(r), r);
    more = Math.max(0, (top.n ?? 0) - members.size);
    moreCounts = countsLeft(top.c ?? [], members.values());
  }
  return { place, name: nameOf(match), ...(match.kind === 'outside' ? { outside: outsideMessage(match) } : {}), ranked, more, ...(moreCounts ? { moreCounts } : {}) };
}

/**
 * For a search narrowed by filters that none of the place's first results passes: the first that do, from the
 * place's first file and its second (search-place-more.ts), before the record files nearby; empty when the two
 * cannot tell which come first.
 */
export async function firstForFilters(match: PlaceMatch, base: string, tables: PlaceTables, chosen: Chosen, keep: (r: PlaceRecord) => boolean): Promise<Ranked[]> {
  if (match.kind === 'outside') return [];
  const [top, more] = await Promise.all([records(`at-${match.place.id}`, base), records(`at-${match.place.id}-more`, base)]);
  if (Array.isArray(top) || !('m' in top) || Array.isArray(more) || !('l' in more)) return [];
  return firstWithMore(match.place, top, more, chosen, tables, keep);
}
