// Search with a place: which groups to show and why, nearest first. Pure, and small: the browser imports it
// (its ranking runs only when a query has a place) with the place records written at build time
// (search-places.ts): groups meeting in or near the place, then those covering its district, then those
// covering its whole area, then groups meeting nearby but for another area, then online and phone support.
import { milesBetween } from '../places/distance.ts';
import { normaliseWords, wordMatch, wordScore } from './search-query.ts';
import { kebab } from '../text/slugs.ts';

/** A provider as place search needs it; short keys, as thousands are downloaded. */
export interface PlaceRecord {
  /** Slug (the page is providers/<slug>/), when it is not the name in lower case with hyphens (slugOf). */
  u?: string;
  /** Name and summary, as the search result card shows them. */
  n: string;
  s: string;
  /** Badges, a letter each (BADGES). */
  b?: string;
  /** Areas it works in (indexes into the page's area table); missing when its areas are not known yet. */
  ar?: number[];
  /** Areas it covers wholly, naming no district in them. */
  w?: number[];
  /** Districts it names. */
  d?: number[];
  /** Where its running services meet: latitude, longitude (4 decimals), town, district index (-1 unknown). */
  l?: [number, number, string, number][];
  /** 1 when a running service is given online or by phone. */
  o?: 1;
  /** 1 when every service has closed. */
  x?: 1;
  /** How old its facts are, as the cards say it ("Information from 2017"), and 1 when older than the notice threshold. */
  a?: string;
  g?: 1;
  /** Filter values (indexes into the page's facet table, "key:id"). */
  f: number[];
}

/** The first records of an area's file, in the order they are shown, with how many and what filter values the whole file has. */
export interface AreaTop {
  /** Records in the whole file. */
  n: number;
  /** Of those, how many have each filter value (by facet index). */
  c: number[];
  r: PlaceRecord[];
}

/** Records shown from an area file before the rest of it is needed (filters, words). */
export const AREA_TOP = 40;

/**
 * A place's first results, worked out at build over every file a search from it would load: its first records
 * in the order shown, how many there are in all, how many meet in or near it, and their filter values' counts.
 */
export interface PlaceTop {
  n: number;
  /** Of those, how many meet in or near the place. */
  m: number;
  c: number[];
  r: PlaceRecord[];
}

/** How many records have each filter value (by facet index), out of `size` values. */
export function facetTotals(records: Iterable<Pick<PlaceRecord, 'f'>>, size: number): number[] {
  const counts = new Array<number>(size).fill(0);
  for (const r of records) for (const f of r.f) counts[f]!++;
  return counts;
}

/** A file's filter counts less those of the records already in hand: what the rest of it holds. */
export function countsLeft(totals: readonly number[], inHand: Iterable<Pick<PlaceRecord, 'f'>>): number[] {
  const left = [...totals];
  for (const r of inHand) for (const f of r.f) left[f] = Math.max(0, (left[f] ?? 0) - 1);
  return left;
}

/** Records in a place's own file: more than a page, so a search narrowed by a filter or word often starts there too. */
export const PLACE_TOP = 40;

/** Names in the order lists use: letters alone, any case or accent (one collator, as thousands are compared). */
export const byName = new Intl.Collator('en-GB', { sensitivity: 'base' }).compare;

export { kebab };

const slugs = new WeakMap<PlaceRecord, string>();

/** A record's slug, worked out once per record (a build ranks each record for hundreds of places). */
export function slugOf(r: PlaceRecord): string {
  if (r.u) return r.u;
  let slug = slugs.get(r);
  if (slug === undefined) slugs.set(r, (slug = kebab(r.n)));
  return slug;
}

/** Whether a record is in an area's file: it covers all of the area in person, or online or by phone there. */
export function inAreaFile(r: PlaceRecord, area: number): boolean {
  return !!r.w?.includes(area) || (!!r.o && (!r.ar || r.ar.includes(area)));
}

/** An area file's records in the order place search shows them: running first, covering it before online, recent facts before old, then by name. */
export function areaOrder(records: PlaceRecord[], area: number): PlaceRecord[] {
  const tier = (r: PlaceRecord) => (r.w?.includes(area) ? 0 : 1);
  return [...records].sort((x, y) => Number(!!x.x) - Number(!!y.x) || tier(x) - tier(y) || Number(!!x.g) - Number(!!y.g) || byName(x.n, y.n));
}

/** Place tables the page carries: ids and labels of areas and districts, a district's area index. */
export interface PlaceTables {
  areas: [id: string, label: string][];
  districts: [id: string, label: string, area: number][];
}

/** Where a query says to look: a place in Sussex, or a place outside it. */
export interface SearchPlace {
  name: string;
  district: string;
  area: string;
  latitude: number;
  longitude: number;
}

export type Tier = 'near' | 'district' | 'area' | 'other-area' | 'remote';
export const TIERS: readonly Tier[] = ['near', 'district', 'area', 'other-area', 'remote'];

export interface Ranked {
  record: PlaceRecord;
  tier: Tier;
  /** Kilometres from the place to where it meets, for the groups that meet near it. */
  km?: number;
  /** Why it is there: "Meets in Worthing, 3 km away", "Covers all of Arun", "Online or by phone". */
  why: string;
}

/** Badge letters → [kind, icon, text], the same badges as providerBadges in directory.ts. */
export const BADGES: Record<string, [string, string, string]> = {
  x: ['closed', '✕', 'Closed'],
  u: ['user-led', '★', 'User-led'],
  c: ['charter', '✓', 'Charter signatory'],
  l: ['charter', '○', 'Signed the Charter (lapsed)'],
  v: ['unverified', '!', 'Not yet checked with the group'],
};

/** Where a group works, in words, as areasText in directory.ts says it. */
export function areasOf(record: PlaceRecord, tables: PlaceTables): string {
  return record.ar ? record.ar.map((a) => tables.areas[a]?.[1] ?? '').join(', ') : 'Sussex (which areas is not known yet)';
}

/** Groups meeting this close count as near; so does any group meeting in the same district. */
export const NEAR_KM = 10;

const KM_PER_MILE = 1.609344;

/** Great-circle distance in kilometres (distance.ts has the one formula). */
export function kmApart(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  return milesBetween(a.latitude, a.longitude, b.latitude, b.longitude) * KM_PER_MILE;
}

/** "Meets in Worthing", "Meets in Lancing, 4 km away": whole kilometres, none said under one. */
export function meetsText(town: string, km: number): string {
  const where = town ? `Meets in ${town}` : 'Meets nearby';
  const n = Math.round(km);
  return n >= 1 ? `${where}, ${n} km away` : where;
}

/**
 * The groups to show for a place, each once, in tiers and with the reason it is there. A group is only "near"
 * when it works in the place's area; one meeting nearby for another area comes after the area-wide groups,
 * saying which area it is for. A place outside Sussex gets online and phone support only.
 */
export function rankForPlace(place: SearchPlace | null, records: readonly PlaceRecord[], tables: PlaceTables): Ranked[] {
  return rankEach(place, records, tables).sort(compareRanked);
}

/** rankForPlace's groups, each once, with their tier and reason, in the order given (for a caller that needs only the first few in order). */
export function rankEach(place: SearchPlace | null, records: readonly PlaceRecord[], tables: PlaceTables): Ranked[] {
  const area = place ? tables.areas.findIndex(([id]) => id === place.area) : -1;
  const district = place ? tables.districts.findIndex(([id]) => id === place.district) : -1;
  const seen = new Set<string>();
  const out: Ranked[] = [];
  for (const record of records) {
    const slug = slugOf(record);
    if (seen.has(slug)) continue;
    seen.add(slug);
    const ranked = place && area >= 0 ? rankOne(record, place, area, district, tables) : record.o ? { record, tier: 'remote' as const, why: 'Online or by phone' } : undefined;
    if (ranked) out.push(ranked);
  }
  return out;
}

/** The order place search shows its groups in: running first, then by tier, recent facts before old, nearest, then by name. */
export function compareRanked(x: Ranked, y: Ranked): number {
  const order = (r: Ranked) => TIERS.indexOf(r.tier);
  return (
    Number(!!x.record.x) - Number(!!y.record.x) ||
    order(x) - order(y) ||
    Number(!!x.record.g) - Number(!!y.record.g) ||
    (x.km ?? 0) - (y.km ?? 0) ||
    byName(x.record.n, y.record.n)
  );
}

function rankOne(record: PlaceRecord, place: SearchPlace, area: number, district: number, tables: PlaceTables): Ranked | undefined {
  const known = !!record.ar;
  const inArea = !known || record.ar!.includes(area);
  let nearest: { km: number; town: string; sameDistrict: boolean } | undefined;
  for (const [lat, lng, town, d] of record.l ?? []) {
    const km = kmApart(place, { latitude: lat, longitude: lng });
    if (!nearest || km < nearest.km) nearest = { km, town, sameDistrict: d === district && d >= 0 };
  }
  const near = nearest && (nearest.km <= NEAR_KM || nearest.sameDistrict);
  if (near && inArea) return { record, tier: 'near', km: nearest!.km, why: meetsText(nearest!.town, nearest!.km) };
  if (known && district >= 0 && record.d?.includes(district)) return { record, tier: 'district', why: `Covers all of ${tables.districts[district]![1]}` };
  if (known && record.w?.includes(area)) return { record, tier: 'area', why: `Covers all of ${tables.areas[area]![1]}` };
  if (near && nearest!.km <= NEAR_KM) return { record, tier: 'other-area', km: nearest!.km, why: `${meetsText(nearest!.town, nearest!.km)}, for ${areasOf(record, tables)}` };
  if (record.o && inArea) return { record, tier: 'remote', why: 'Online or by phone' };
  return undefined;
}

/**
 * The record files to load for a place: its area's (groups covering all of it, online and phone support) and
 * those of every district with a place within NEAR_KM of it, its own first. Outside Sussex: every area's.
 */
export function chunksFor(place: SearchPlace | null, places: readonly { district: string; latitude: number; longitude: number }[], tables: PlaceTables): { areas: string[]; districts: string[] } {
  if (!place || !tables.areas.some(([id]) => id === place.area)) return { areas: tables.areas.map(([id]) => id), districts: [] };
  const districts = new Set<string>([place.district]);
  for (const p of places) if (!districts.has(p.district) && kmApart(place, p) <= NEAR_KM) districts.add(p.district);
  return { areas: [place.area], districts: [...districts].filter((d) => d) };
}

/** Filters chosen, by facet key, as indexes into the facet table ("key:id"). */
export type Chosen = Map<string, Set<number>>;

/** The facet key of "key:id". */
export const facetKey = (facet: string) => facet.slice(0, facet.indexOf(':'));

/** Whether a group's filter values pass every chosen facet (any value within one, all facets together), leaving out `except`. */
export function passes(values: readonly number[], chosen: Chosen, except?: string): boolean {
  for (const [key, wanted] of chosen) if (key !== except && wanted.size && !values.some((v) => wanted.has(v))) return false;
  return true;
}

/**
 * Counts beside each filter value: how many groups have it among those passing every other facet's choice.
 * So ticking a value never shows "(0)" beside a sibling that would add groups, and a ticked value's count is
 * the groups it lets through.
 */
export function facetCounts(items: readonly (readonly number[])[], chosen: Chosen, facets: readonly string[]): number[] {
  const counts = new Array<number>(facets.length).fill(0);
  const keys = facets.map(facetKey);
  const chosenKeys = [...chosen].filter(([, s]) => s.size).map(([k]) => k);
  for (const values of items) {
    const all = passes(values, chosen);
    // Passing all but one chosen facet counts only for that facet's values.
    const failing = all ? undefined : chosenKeys.filter((k) => !passes(values, new Map([[k, chosen.get(k)!]])));
    if (!all && failing!.length !== 1) continue;
    for (const v of values) if (all || keys[v] === failing![0]) counts[v]!++;
  }
  return counts;
}

/** A word search's match as the ranking needs it: its name, summary, every word it is found by, its filter values. */
export interface WordHit {
  title: string;
  summary: string;
  text: string;
  values: number[];
}

/**
 * The matches that have every query word as a word, the start of a longer one or a longer form of one
 * (wordMatch: "men" is not "mental", "bipolar" is not "bi"), those naming the vocabulary words and then the
 * query words in their name or summary first (whole words before words they start), otherwise in the order given.
 */
export function keepWordMatches<T extends WordHit>(hits: readonly T[], query: string, termWords: string): T[] {
  const wanted = normaliseWords(query).split(' ').filter(Boolean);
  return orderWordMatches(
    hits.filter((hit) => {
      const words = normaliseWords(`${hit.title} ${hit.text}`).split(' ');
      return wanted.every((w) => wordMatch(words, w) > 0);
    }),
    query,
    termWords,
  );
}

/** The matches in keepWordMatches' order, none left out: those naming the vocabulary words, then the query words, first. */
export function orderWordMatches<T extends WordHit>(hits: readonly T[], query: string, termWords: string): T[] {
  return hits
    .map((hit, i) => {
      const own = `${hit.title} ${hit.summary}`;
      return { hit, i, named: termWords ? wordScore(own, termWords) : 0, score: query ? wordScore(own, query) : 0 };
    })
    .sort((x, y) => y.named - x.named || y.score - x.score || x.i - y.i)
    .map(({ hit }) => hit);
}

/**
 * Every chosen filter applied to the matches, with the counts beside the filters (facetCounts). A group with
 * the vocabulary words in its name is kept even without the filter those words stand for ("café" finds a café
 * that has closed and so has no kind of support), if it passes the ticked boxes.
 */
/** Whether a word search shows a group: it passes the filters, or its name has the vocabulary words and it passes those ticked ("café" finds a closed café). */
export function shownForFilters(values: readonly number[], name: string, chosen: Chosen, ticked: Chosen, termWords: string): boolean {
  return passes(values, chosen) || (!!termWords && wordScore(name, termWords) > 0 && passes(values, ticked));
}

export function filterMatches<T extends WordHit>(hits: readonly T[], chosen: Chosen, ticked: Chosen, termWords: string, facets: readonly string[]): { shown: T[]; counts: number[] } {
  const counts = facetCounts(hits.map((h) => h.values), chosen, facets);
  const shown = hits.filter((h) => shownForFilters(h.values, h.title, chosen, ticked, termWords));
  return { shown, counts };
}
