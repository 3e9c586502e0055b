// The files place search loads (search-rank.ts ranks them in the browser): one per district, with the groups
// meeting in it or naming it, and one per area, with the groups covering all of it and online and phone
// support there. A search with a place loads its area's file and the files of districts within reach only; a
// search for a place alone loads just that place's own file, its first results worked out here (placeTop).
import { buildDate } from '../build/build-info.ts';
import { FACETS, providerBadges, providerFacets, signatoryFor } from '../directory.ts';
import { nearestPlace, type Place } from '../places/gazetteer.ts';
import { placed } from '../places/place-coordinates.ts';
import { AREA_TOP, areaOrder, BADGES, chunksFor, compareRanked, facetTotals, kebab, PLACE_TOP, rankEach, type AreaTop, type Ranked, type PlaceRecord, type PlaceTables, type PlaceTop, type SearchPlace } from './search-rank.ts';
import { providerAge, shortAgeText } from '../model/source-age.ts';
import { areasKnown, currentServices, isRemoteOnly, offersRemote } from '../model/predicates.ts';
import type { Dataset, Entry, Provider } from '../model/types.ts';
import { nameOrder, placeMore, type PlaceMore } from './search-place-more.ts';
import { label, termIds } from '../dataset/vocab.ts';

/** The page's tables: filter values as "key:id" (the order of the filter boxes), areas and districts. */
export interface SearchTables extends PlaceTables {
  facets: string[];
}

export function searchTables(dataset: Dataset): SearchTables {
  const { vocab } = dataset;
  const areas = termIds(vocab, 'areas');
  return {
    facets: [...FACETS.flatMap((f) => termIds(vocab, f.vocab).map((id) => `${f.key}:${id}`)), 'charter:signatory'],
    areas: areas.map((id) => [id, label(vocab, 'areas', id)]),
    districts: vocab.districts.terms.map((t) => [t.id, t.label, areas.indexOf(t.area ?? '')]),
  };
}

const round4 = (n: number) => Math.round(n * 1e4) / 1e4;

export type SearchPlaceFile = PlaceRecord[] | AreaTop | PlaceTop | PlaceMore;

/**
 * Record files by name: "<district>" for each district, "area-<area>" for each area, "area-<area>-top"
 * (AreaTop: its first records as shown, how many there are and their filter counts), empty or not, and
 * "at-<place>" for each place in Sussex (PlaceTop: its first results), and "at-<place>-more" (PlaceMore) when
 * they are not all of its results.
 */
const built = new WeakMap<Dataset, WeakMap<readonly Place[], Map<string, SearchPlaceFile>>>();

export function searchPlaceFiles(dataset: Dataset, places: readonly Place[]): Map<string, SearchPlaceFile> {
  let byPlaces = built.get(dataset);
  if (!byPlaces) built.set(dataset, (byPlaces = new WeakMap()));
  let files = byPlaces.get(places);
  if (!files) byPlaces.set(places, (files = buildFiles(dataset, places)));
  return files;
}

function buildFiles(dataset: Dataset, places: readonly Place[]): Map<string, SearchPlaceFile> {
  const tables = searchTables(dataset);
  const facetIndex = new Map(tables.facets.map((f, i) => [f, i]));
  const areaIds = tables.areas.map(([id]) => id);
  const districtIds = tables.districts.map(([id]) => id);
  const files = new Map<string, PlaceRecord[]>([...areaIds.map((a) => `area-${a}`), ...districtIds].map((id) => [id, []]));
  const all: PlaceRecord[] = [];
  for (const entry of dataset.providers) {
    const p = entry.data;
    const running = currentServices(p);
    const known = areasKnown(p);
    const record = cardRecord(dataset, entry, facetIndex, areaIds);
    all.push(record);
    const named = (p.districts ?? []).map((d) => districtIds.indexOf(d)).filter((i) => i >= 0);
    if (known && named.length) record.d = named;
    // An area in which it names no district is covered wholly, by a service that is not only online or by phone.
    const whole = known && running.some((s) => !isRemoteOnly(s)) ? p.areas.filter((a) => !named.some((d) => tables.districts[d]![2] === areaIds.indexOf(a))) : [];
    if (whole.length) record.w = whole.map((a) => areaIds.indexOf(a));
    const meets: PlaceRecord['l'] = [];
    for (const s of running)
      for (const loc of s.locations ?? []) {
        // Where the map puts it: a venue given only by its postcode or town meets in that town (place-coordinates.ts).
        const at = placed(loc);
        if (typeof at.latitude !== 'number' || typeof at.longitude !== 'number') continue;
        const near = nearestPlace(places, at.latitude, at.longitude);
        const district = loc.district ?? near?.district;
        const town = loc.town ?? near?.name ?? '';
        const spot: [number, number, string, number] = [round4(at.latitude), round4(at.longitude), town, district ? districtIds.indexOf(district) : -1];
        if (!meets.some((m) => m[0] === spot[0] && m[1] === spot[1])) meets.push(spot);
      }
    if (meets.length) record.l = meets;
    if (running.some(offersRemote)) record.o = 1;
    if (!running.length) record.x = 1;

    const into = new Set<string>();
    for (const m of meets) if (m[3] >= 0) into.add(districtIds[m[3]]!);
    for (const d of named) into.add(districtIds[d]!);
    for (const a of whole) into.add(`area-${a}`);
    if (record.o) for (const a of known ? p.areas : areaIds) into.add(`area-${a}`);
    for (const file of into) files.get(file)?.push(record);
  }
  const out = new Map<string, SearchPlaceFile>(files);
  areaIds.forEach((a, i) => {
    const all = areaOrder(files.get(`area-${a}`) ?? [], i);
    files.set(`area-${a}`, all);
    const c = facetTotals(all, tables.facets.length);
    out.set(`area-${a}`, all);
    out.set(`area-${a}-top`, { n: all.length, c, r: all.slice(0, AREA_TOP) });
  });
  const names = nameOrder(all);
  for (const place of places) {
    if (!place.area) continue;
    const at: SearchPlace = { name: place.name, district: place.district, area: place.area, latitude: place.latitude, longitude: place.longitude };
    const { top, more } = placeTop(at, places, tables, files, names);
    out.set(`at-${place.id}`, top);
    if (more) out.set(`at-${place.id}-more`, more);
  }
  return out;
}

/** What a result card and the filters need of a provider: its name, summary, badges, age, areas and filter values. */
export function cardRecord(dataset: Dataset, entry: Entry<Provider>, facetIndex: ReadonlyMap<string, number>, areaIds: readonly string[]): PlaceRecord {
  const p = entry.data;
  const record: PlaceRecord = {
    ...(entry.slug === kebab(p.name) ? {} : { u: entry.slug }),
    n: p.name,
    s: p.summary,
    f: Object.entries(providerFacets(dataset, entry))
      .flatMap(([key, ids]) => ids.map((id) => facetIndex.get(`${key}:${id}`) ?? -1))
      .filter((i) => i >= 0)
      .sort((a, b) => a - b),
  };
  const badges = providerBadges(p, signatoryFor(dataset, entry.slug)?.data)
    .map((b) => Object.entries(BADGES).find(([, [kind, icon]]) => kind === b.kind && icon === b.icon)?.[0] ?? '')
    .join('');
  if (badges) record.b = badges;
  const age = providerAge(p, buildDate());
  const ageShort = shortAgeText(age);
  if (ageShort) record.a = ageShort;
  if (age.old) record.g = 1;
  if (areasKnown(p)) record.ar = p.areas.map((a) => areaIds.indexOf(a));
  return record;
}

/**
 * A place's first results: the groups a search from it ranks over every file it would load (chunksFor), the
 * same ranking the browser does (rankForPlace), so its first records are the search's first results, and
 * stay so when a filter or a word leaves some out.
 */
export function placeTop(place: SearchPlace, places: readonly Place[], tables: SearchTables, files: ReadonlyMap<string, PlaceRecord[]>, names?: ReadonlyMap<PlaceRecord, number>): { top: PlaceTop; more?: PlaceMore } {
  const { areas, districts } = chunksFor(place, places, tables);
  const ranked = rankEach(place, [...districts, ...areas.map((a) => `area-${a}`)].flatMap((f) => files.get(f) ?? []), tables);
  const c = facetTotals(ranked.map((r) => r.record), tables.facets.length);
  const first = firstInOrder(ranked, PLACE_TOP);
  const top: PlaceTop = { n: ranked.length, m: ranked.filter((r) => r.tier === 'near').length, c, r: first.map((r) => r.record) };
  // Beyond its first results, the next few with each filter value they lack (search-place-more.ts).
  return ranked.length > first.length ? { top, more: placeMore(ranked, first, names) } : { top };
}


/** The first `k` in rankForPlace's order, as sorting them all would give, without sorting them all (every place ranks thousands at 10,000). */
export function firstInOrder(items: readonly Ranked[], k: number): Ranked[] {
  const first: Ranked[] = [];
  for (const item of items) {
    if (first.length === k && compareRanked(item, first[k - 1]!) >= 0) continue;
    // After every equal one, so ties keep the order given, as a stable sort does.
    let lo = 0;
    let hi = first.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compareRanked(item, first[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    first.splice(lo, 0, item);
    if (first.length > k) first.pop();
  }
  return first;
}
