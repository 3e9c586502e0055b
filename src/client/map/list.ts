// What the lists beside the map hold, and the status line that sums them up. DOM-free: list-view.ts draws.
import { milesBetween } from '../../lib/places/distance.ts';
import { offersRemote } from '../../lib/model/predicates.ts';
import type { Service } from '../../lib/model/types.ts';
import { passes, serviceShown, type MapData, type MapFilter, type MapLocation, type MapService } from '../../lib/map/map-format.ts';
import type { ListEntry } from './list-view.ts';
import { plural } from './words.ts';

/** Groups listed at a time, as on the search page. */
export const PAGE_SIZE = 30;

/** A chosen place: its position and, when known, its district. */
export interface NearPoint {
  lat: number;
  lng: number;
  district?: string;
}

/** The services at a place that pass the filter. */
export function shownServices(d: MapData, f: MapFilter, loc: MapLocation): MapService[] {
  return loc.services.map((i) => d.services[i]).filter((s): s is MapService => !!s && passes(d, f, s, loc));
}

/** The services meeting at the places in view, nearest first when "near me" is set, else by rank. */
export function entriesInView(d: MapData, f: MapFilter, inView: (lat: number, lng: number) => boolean, near?: NearPoint): { list: ListEntry[]; places: number } {
  const entries = new Map<MapService, ListEntry>();
  let places = 0;
  for (const loc of d.locations) {
    if (!inView(loc.lat, loc.lng)) continue;
    const services = shownServices(d, f, loc);
    if (!services.length) continue;
    places++;
    const miles = near ? milesBetween(near.lat, near.lng, loc.lat, loc.lng) : undefined;
    for (const s of services) {
      const entry = entries.get(s) ?? { service: s, places: [] };
      entry.places.push({ location: loc, miles });
      if (miles !== undefined) entry.miles = Math.min(entry.miles ?? Infinity, miles);
      entries.set(s, entry);
    }
  }
  const list = [...entries.values()];
  for (const e of list) if (e.places.length > 1) e.places.sort((a, b) => (a.miles ?? 0) - (b.miles ?? 0) || a.location.town.localeCompare(b.location.town));
  list.sort((a, b) => (near ? (a.miles ?? 0) - (b.miles ?? 0) : 0) || a.service.rank - b.service.rank);
  return { list, places };
}

/** A service's values of one facet ("delivery": online, phone…), from its term numbers. */
export function termsOf(d: MapData, s: MapService, key: string): string[] {
  const facet = d.facets.find((x) => x.key === key);
  return facet ? facet.ids.filter((_, i) => s.terms.has(facet.offset + i)) : [];
}

/** The delivery values (online, phone…) of a service. */
export const deliveryTerms = (d: MapData, s: MapService): string[] => termsOf(d, s, 'delivery');

/** Online or by phone, by the model's one rule (offersRemote), from what the map file carries of the service. */
export function isRemote(d: MapData, s: MapService): boolean {
  return offersRemote({ delivery: deliveryTerms(d, s) as Service['delivery'], settings: termsOf(d, s, 'setting') as Service['settings'], locations: s.locations });
}

const byRank = (a: MapService, b: MapService) => a.rank - b.rank;

/** Groups with no place on the map that cover an area (the chosen place's district, when there is one). */
export function coveringList(d: MapData, f: MapFilter, nearDistrict?: string): MapService[] {
  return d.services.filter((s) => !s.locations.length && !isRemote(d, s) && passes(d, f, s) && (!nearDistrict || passes(d, { terms: new Map([['district', [nearDistrict]]]) }, s))).sort(byRank);
}

/** Groups online or by phone. */
export function remoteList(d: MapData, f: MapFilter): MapService[] {
  return d.services.filter((s) => isRemote(d, s) && serviceShown(d, f, s)).sort(byRank);
}

/** How many groups with a meeting place are on show anywhere. */
export function placedTotal(d: MapData, f: MapFilter): number {
  return d.services.filter((s) => s.locations.length && serviceShown(d, f, s)).length;
}

export interface StatusCounts {
  inView: number;
  placesInView: number;
  placedTotal: number;
  /** Whether the visitor chose any filter or a provider. */
  filtered: boolean;
  nearName?: string;
  covering: number;
  remote: number;
}

/** The status line under the map. */
export function statusText(c: StatusCounts): string {
  const parts: string[] = [];
  if (c.inView) parts.push(`${plural(c.inView, 'group')} at ${plural(c.placesInView, 'place')} in this part of the map${c.inView > PAGE_SIZE ? `. Showing the first ${PAGE_SIZE}` : ''}.`);
  else if (c.placedTotal) parts.push('No groups meet in this part of the map. Zoom out, or choose "Show all of Sussex".');
  else parts.push(c.filtered ? 'No groups with a meeting place match your choice.' : 'No groups have a meeting place on the map yet.');
  if (c.nearName !== undefined && c.inView) parts.push(`Nearest first, from ${c.nearName}.`);
  if (c.covering) parts.push(`${plural(c.covering, 'group')} ${c.covering === 1 ? 'covers' : 'cover'} a whole area.`);
  if (c.remote) parts.push(`${plural(c.remote, 'group')} online or by phone.`);
  return parts.join(' ');
}
