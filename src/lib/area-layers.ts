// What serves a district, nearest first: groups meeting there, groups covering it, groups covering the
// whole area, online or phone support, and groups whose areas are not known yet; when nothing reaches the
// district, what serves the rest of its area, so a district page is empty only if its whole area is. Pure: a Dataset and the
// gazetteer in, lists out; the area and district pages and their tests read these lists.
import { buildDate } from './build/build-info.ts';
import { serviceReach, type Mode } from './coverage.ts';
import { sortForList, type ServiceInPlace } from './directory.ts';
import { areasKnown, isCurrent } from './model/predicates.ts';
import { currentFirst, serviceAge } from './model/source-age.ts';
import { nearestPlace, type Place } from './places/gazetteer.ts';
import { placed } from './places/place-coordinates.ts';
import { normalisePlaceName } from './places/places.ts';
import type { Dataset, Location, Provider, Service } from './model/types.ts';
import type { Vocabularies } from './dataset/vocab.ts';

/** One layer of what serves a place, in the order pages show them. */
export const LAYER_KINDS = ['meets', 'district', 'area', 'remote', 'sussex', 'elsewhere'] as const;
export type LayerKind = (typeof LAYER_KINDS)[number];

export interface Layer {
  kind: LayerKind;
  items: ServiceInPlace[];
}

/** A list entry with the layer it belongs to, so a long layered list can be cut into pages. */
export interface LayeredItem extends ServiceInPlace {
  layer: LayerKind;
}

/**
 * The district a venue is in: its own district if given, else its town's (by name or another name in the
 * gazetteer), else the district of the gazetteer place nearest where the map puts it; undefined if none of these.
 */
export function locationDistrict(loc: Location, places: readonly Place[]): string | undefined {
  if (loc.district) return loc.district;
  if (loc.town) {
    const hit = placesByName(places).get(normalisePlaceName(loc.town));
    if (hit) return hit.district;
  }
  // Where the map puts it: its coordinates, else its postcode's town (place-coordinates.ts).
  const at = placed(loc);
  if (typeof at.latitude === 'number' && typeof at.longitude === 'number') return nearestPlace(places, at.latitude, at.longitude)?.district;
  return undefined;
}

const namedPlaces = new WeakMap<readonly Place[], Map<string, Place>>();

/** Each name or other name, normalised, to the first place that has it: the order places.find would give. */
function placesByName(places: readonly Place[]): Map<string, Place> {
  let index = namedPlaces.get(places);
  if (index) return index;
  namedPlaces.set(places, (index = new Map()));
  for (const p of places)
    for (const name of [p.name, ...(p.aliases ?? [])]) {
      const key = normalisePlaceName(name);
      if (!index.has(key)) index.set(key, p);
    }
  return index;
}

/** The service with each venue's district filled in from its town or coordinates where the data leaves it out. */
function withVenueDistricts(service: Service, places: readonly Place[]): Service {
  if (!service.locations?.some((l) => !l.district)) return service;
  return {
    ...service,
    locations: service.locations.map((l) => {
      const district = locationDistrict(l, places);
      return district && !l.district ? { ...l, district: district as Location['district'] } : l;
    }),
  };
}

function districtsOf(vocab: Vocabularies, area: string): string[] {
  return vocab.districts.terms.filter((d) => d.area === area).map((d) => d.id);
}

/** Running (or paused) services in list order: providers by compareForList, each provider's services in file order, then services whose own facts are old after the rest (the age each card shows). */
function currentItems(dataset: Dataset, today: string): ServiceInPlace[] {
  const items = sortForList(dataset.providers, today).flatMap((provider) => provider.data.services.filter(isCurrent).map((service) => ({ provider, service })));
  return currentFirst(items, ({ provider, service }) => serviceAge(service, provider.data, today));
}

/** A current service in list order with the districts it reaches and how (serviceReach, venues' districts filled in). */
interface Reaching extends ServiceInPlace {
  reach: Map<string, Mode>;
}

const reachCache = new WeakMap<Dataset, WeakMap<readonly Place[], { today: string; items: Reaching[] }>>();

/** currentItems with their reach, worked out once per dataset and gazetteer: every district page asks of all of them. */
function reachingItems(dataset: Dataset, places: readonly Place[]): Reaching[] {
  const today = buildDate();
  let byPlaces = reachCache.get(dataset);
  if (!byPlaces) reachCache.set(dataset, (byPlaces = new WeakMap()));
  let cached = byPlaces.get(places);
  if (cached?.today !== today) {
    const items = currentItems(dataset, today).map((item) => ({ ...item, reach: serviceReach(dataset.vocab, item.provider.data, withVenueDistricts(item.service, places)) }));
    byPlaces.set(places, (cached = { today, items }));
  }
  return cached.items;
}

/** Whether a provider's areas are only "somewhere in Sussex" and include this area. */
function somewhereIn(p: Provider, area: string): boolean {
  return !areasKnown(p) && (p.areas as string[]).includes(area);
}

function toLayers(entries: LayeredItem[]): Layer[] {
  return LAYER_KINDS.map((kind) => ({ kind, items: entries.filter((e) => e.layer === kind).map(({ provider, service }) => ({ provider, service })) })).filter((l) => l.items.length);
}

/**
 * The layer a running service has for one district of an area, by the way it reaches the district
 * (coverage.ts serviceReach): a venue there → meets; covering it without a venue there → district when the
 * provider names the district (or the area is that one district), else area; online or by phone → remote;
 * a provider whose areas are not known yet → sussex. Undefined when it does not reach the district.
 */
export function layerFor(vocab: Vocabularies, area: string, district: string, p: Provider, service: Service, places: readonly Place[]): LayerKind | undefined {
  return layerOf(vocab, area, district, p, serviceReach(vocab, p, withVenueDistricts(service, places)));
}

/** layerFor, given the service's reach already worked out. */
function layerOf(vocab: Vocabularies, area: string, district: string, p: Provider, reach: Map<string, Mode>): LayerKind | undefined {
  if (somewhereIn(p, area)) return 'sussex';
  const mode = reach.get(district);
  if (!mode) return undefined;
  if (mode === 'venue') return 'meets';
  if (mode === 'remote') return 'remote';
  const own: readonly string[] = p.districts ?? [];
  return own.includes(district) || districtsOf(vocab, area).length === 1 ? 'district' : 'area';
}

/** The layer of an item for one district of an area. */
function itemLayer(vocab: Vocabularies, area: string, district: string, item: Reaching): LayerKind | undefined {
  return layerOf(vocab, area, district, item.provider.data, item.reach);
}

/** The list entry for an item, without its reach. */
function entry({ provider, service }: Reaching, layer: LayerKind): LayeredItem {
  return { provider, service, layer };
}

/** Everything that serves one district, layer by layer, each entry once, empty layers left out. */
export function districtLayers(dataset: Dataset, area: string, district: string, places: readonly Place[]): Layer[] {
  return toLayers(layeredDistrict(dataset, area, district, places));
}

/** districtLayers as one list in layer order, for pages of at most PAGE_SIZE entries. */
export function layeredDistrict(dataset: Dataset, area: string, district: string, places: readonly Place[]): LayeredItem[] {
  const entries = reaching(dataset, area, district, places);
  if (entries.length) return entries;
  // Nothing reaches this district: what reaches its other districts, rather than an empty page.
  const others = districtsOf(dataset.vocab, area).filter((d) => d !== district);
  return reachingItems(dataset, places)
    .filter((item) => others.some((d) => itemLayer(dataset.vocab, area, d, item)))
    .map((item) => entry(item, 'elsewhere'));
}

/** The services that reach one district, in layer order. */
function reaching(dataset: Dataset, area: string, district: string, places: readonly Place[]): LayeredItem[] {
  const entries: LayeredItem[] = [];
  for (const item of reachingItems(dataset, places)) {
    const layer = itemLayer(dataset.vocab, area, district, item);
    if (layer) entries.push(entry(item, layer));
  }
  return LAYER_KINDS.flatMap((kind) => entries.filter((e) => e.layer === kind));
}

/**
 * What serves every district of an area alike, for the area-wide page: services covering the whole area
 * (area), those reaching every district and at least one only online or by phone (remote), and providers
 * whose areas are not known yet (sussex). A service that reaches only some districts is on their pages only.
 */
export function layeredArea(dataset: Dataset, area: string, places: readonly Place[]): LayeredItem[] {
  const districts = districtsOf(dataset.vocab, area);
  const entries: LayeredItem[] = [];
  for (const item of reachingItems(dataset, places)) {
    // In an area of one district, covering that district is covering the whole area.
    const layers = districts.map((d) => itemLayer(dataset.vocab, area, d, item)).map((l) => (l === 'district' && districts.length === 1 ? 'area' : l));
    if (!districts.length || layers.some((l) => !l)) continue;
    const layer: LayerKind | undefined = layers.includes('sussex') ? 'sussex' : layers.includes('remote') ? 'remote' : layers.every((l) => l === 'area') ? 'area' : undefined;
    if (layer) entries.push(entry(item, layer));
  }
  return LAYER_KINDS.flatMap((kind) => entries.filter((e) => e.layer === kind));
}

export function areaLayers(dataset: Dataset, area: string, places: readonly Place[]): Layer[] {
  return toLayers(layeredArea(dataset, area, places));
}

export interface DistrictSummary {
  district: string;
  /** Different services that reach the district in any way. */
  total: number;
  /** Of those, the ones with a place to meet in the district. */
  meets: number;
}

/** Each district of an area with how many services reach it and how many meet there, in vocabulary order. */
export function districtSummaries(dataset: Dataset, area: string, places: readonly Place[]): DistrictSummary[] {
  return districtsOf(dataset.vocab, area).map((district) => {
    const entries = reaching(dataset, area, district, places);
    return { district, total: entries.length, meets: entries.filter((e) => e.layer === 'meets').length };
  });
}

/** A page's entries grouped into runs of one layer; `continued` when the run began on an earlier page. */
export function pageRuns(all: readonly LayeredItem[], start: number, end: number): { kind: LayerKind; continued: boolean; items: ServiceInPlace[] }[] {
  const runs: { kind: LayerKind; continued: boolean; items: ServiceInPlace[] }[] = [];
  for (let i = Math.max(0, start); i < Math.min(end, all.length); i++) {
    const { layer, provider, service } = all[i]!;
    const last = runs.at(-1);
    if (last?.kind === layer) last.items.push({ provider, service });
    else runs.push({ kind: layer, continued: i === start && i > 0 && all[i - 1]!.layer === layer, items: [{ provider, service }] });
  }
  return runs;
}

/** A layer's heading and the sentence under it, in plain words. `place` is the district's or area's name. */
export function layerText(kind: LayerKind, place: string, areaName: string): { heading: string; note: string } {
  switch (kind) {
    case 'meets':
      return { heading: `Meets in ${place}`, note: `These have a place to meet in ${place}.` };
    case 'district':
      return { heading: `Covers ${place}`, note: `These say they work in ${place}, but we do not have a meeting place for them there.` };
    case 'area':
      return { heading: `Covers all of ${areaName}`, note: `These work across the whole of ${areaName}, so they can reach you${place === areaName ? '' : ` in ${place}`}.` };
    case 'remote':
      return { heading: 'Online or by phone', note: `You can use these online or by phone from anywhere in ${place === areaName ? areaName : place}.` };
    case 'sussex':
      return { heading: 'Somewhere in Sussex', note: 'These work in Sussex, but we do not know yet which areas they cover. Ask them if they can help you.' };
    case 'elsewhere':
      return { heading: `Elsewhere in ${areaName}`, note: `We do not know of anything that reaches ${place} yet. These are in other parts of ${areaName}, and may still be able to help.` };
  }
}
