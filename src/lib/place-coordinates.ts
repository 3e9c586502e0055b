// A venue given only by its postcode or town still reaches the map: at build, the place resolver (places.ts)
// gives it the coordinates of its town, marked as looked up by a tool (geocoded) and, on the map, as
// approximate. Pure: the caller passes the lookup (places-fs.ts).
import { resolvePlace, type PlaceLookup } from './places.ts';
import type { Entry, Location, Provider } from './validate.ts';

/** Locations whose coordinates are their town's, made here: the map draws them as approximate, never as a venue. */
const townLevel = new WeakSet<Location>();

export function isTownLevel(loc: Location): boolean {
  return townLevel.has(loc);
}

/**
 * Gives each location without coordinates those of the Sussex place its postcode (first) or town names.
 * Changes the locations in place; returns how many it placed. A place the resolver does not know stays off the map.
 */
export function fillTownLevelCoordinates(providers: readonly Entry<Provider>[], lookup: PlaceLookup): number {
  let filled = 0;
  for (const entry of providers) {
    for (const service of entry.data.services) {
      for (const loc of service.locations ?? []) {
        if (typeof loc.latitude === 'number' && typeof loc.longitude === 'number') continue;
        const match = [loc.postcode, loc.town].filter((t): t is string => !!t?.trim()).map((t) => resolvePlace(t, lookup)).find((m) => m && m.kind !== 'outside');
        if (!match || match.kind === 'outside') continue;
        Object.assign(loc, { latitude: match.place.latitude, longitude: match.place.longitude, geocoded: true });
        townLevel.add(loc);
        filled++;
      }
    }
  }
  return filled;
}
