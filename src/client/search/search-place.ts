// Place search in the browser, loaded only when a query has words that may be a place: the resolver and
// /places.json to find the place, then the record files of its area and nearby districts to rank.
import { findPlaceInQuery, lookupPlaces, outsideMessage, resolvePlace, type PlaceLookup, type PlaceMatch } from '../../lib/places/places.ts';
import { chunksFor, inAreaFile, rankForPlace, slugOf, type AreaTop, type PlaceRecord, type PlaceTables, type Ranked, type SearchPlace } from '../../lib/search/search-rank.ts';

let lookup: Promise<PlaceLookup | null> | undefined;
const files = new Map<string, Promise<PlaceRecord[] | AreaTop>>();

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
}

const records = (name: string, base: string) => {
  let file = files.get(name);
  if (!file) files.set(name, (file = json<PlaceRecord[] | AreaTop>(`${base}search-places/${name}.json`, [])));
  return file;
};

/**
 * Ranks the groups for a place. 'nearby-only' ranks the district files' groups alone, to show them while the
 * area's whole file loads. Without filters or words (`all` false) only the first records of the area's
 * file are loaded: the rest of it, groups covering the whole area or online, would come after them anyway, so
 * they are only counted (with their filter values) until they are needed.
 */
export async function searchPlace(match: PlaceMatch, base: string, tables: PlaceTables, all: boolean | 'nearby-only'): Promise<PlaceSearch> {
  const l = await lookup;
  const place: SearchPlace | null = match.kind === 'outside' ? null : match.place;
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
    moreCounts = [...(top.c ?? [])];
    for (const r of members.values()) for (const f of r.f) moreCounts[f] = Math.max(0, (moreCounts[f] ?? 0) - 1);
  }
  const name = match.kind === 'outside' ? match.name : match.kind === 'postcode' ? `${match.postcode} (${match.place.name})` : match.place.name;
  return { place, name, ...(match.kind === 'outside' ? { outside: outsideMessage(match) } : {}), ranked, more, ...(moreCounts ? { moreCounts } : {}) };
}
