// Place search in the browser, loaded only when a query has words that may be a place: the resolver and
// /places.json to find the place, then the record files of its area and nearby districts to rank.
import { findPlaceInQuery, lookupPlaces, outsideMessage, type PlaceLookup, type PlaceMatch } from '../lib/places.ts';
import { chunksFor, rankForPlace, type PlaceRecord, type PlaceTables, type Ranked, type SearchPlace } from '../lib/search-rank.ts';

let lookup: Promise<PlaceLookup | null> | undefined;
const files = new Map<string, Promise<PlaceRecord[]>>();

const json = <T>(url: string, fallback: T): Promise<T> => fetch(url).then((r) => (r.ok ? (r.json() as Promise<T>) : fallback), () => fallback);

/** The place in a query (the longest place name or postcode in it) and the words left. */
export async function findPlace(text: string, base: string): Promise<{ match: PlaceMatch | null; rest: string }> {
  const l = await (lookup ??= json<PlaceLookup | null>(`${base}places.json`, null));
  return l ? findPlaceInQuery(text, l) : { match: null, rest: text };
}

export interface PlaceSearch {
  /** The place searched from, or null outside Sussex. */
  place: SearchPlace | null;
  /** "Worthing", "BN11 (Worthing)". */
  name: string;
  /** For a place outside Sussex: "Guildford is outside Sussex." */
  outside?: string;
  ranked: Ranked[];
}

export async function searchPlace(match: PlaceMatch, base: string, tables: PlaceTables): Promise<PlaceSearch> {
  const l = await lookup;
  const place: SearchPlace | null = match.kind === 'outside' ? null : match.place;
  const names = chunksFor(place, l ? lookupPlaces(l) : [], tables);
  const records = (await Promise.all(names.map((n) => files.get(n) ?? (files.set(n, json<PlaceRecord[]>(`${base}search-places/${n}.json`, [])), files.get(n)!)))).flat();
  const ranked = rankForPlace(place, records, tables);
  if (match.kind === 'outside') return { place, name: match.name, outside: outsideMessage(match), ranked };
  return { place, name: match.kind === 'postcode' ? `${match.postcode} (${match.place.name})` : match.place.name, ranked };
}
