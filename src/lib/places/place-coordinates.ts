// A venue given only by its postcode or town still reaches the map: at build, the place resolver (places.ts)
// finds its town, and the map (and "Show on map") place it there. The town's position is kept beside the data,
// under a symbol, never in it: the pages' text, the open data files and the calendars show the place exactly as
// the source gave it. Pure: the caller passes the lookup (places-fs.ts).
import { resolvePlace, type PlaceLookup } from './places.ts';
import type { Entry, Location, Provider } from '../model/types.ts';

/** Where a location's town is, when that is all that is known; each copy of this module fills its own (dataset-fs.ts). */
const TOWN_POSITION = Symbol('townPosition');

type Position = { latitude: number; longitude: number };
type WithTown = Location & { [TOWN_POSITION]?: Position };

/** The town's position found for a location without coordinates, or undefined. */
export function townPosition(loc: Location): Position | undefined {
  return (loc as WithTown)[TOWN_POSITION];
}

/** The location as the map places it: its own coordinates, else its town's (a copy; the data is not changed). */
export function placed(loc: Location): Location {
  const town = townPosition(loc);
  return town && typeof loc.latitude !== 'number' ? { ...loc, ...town } : loc;
}

/**
 * Finds the town of each location without coordinates from its postcode (first) or town, so the map can place
 * it. Returns how many it placed. A place the resolver does not know, or one outside Sussex, stays off the map.
 */
export function fillTownLevelCoordinates(providers: readonly Entry<Provider>[], lookup: PlaceLookup): number {
  let filled = 0;
  for (const entry of providers) {
    for (const service of entry.data.services) {
      for (const loc of service.locations ?? []) {
        if (typeof loc.latitude === 'number' && typeof loc.longitude === 'number') continue;
        const match = [loc.postcode, loc.town].filter((t): t is string => !!t?.trim()).map((t) => resolvePlace(t, lookup)).find((m) => m && m.kind !== 'outside');
        if (!match || match.kind === 'outside') continue;
        Object.defineProperty(loc, TOWN_POSITION, { value: { latitude: match.place.latitude, longitude: match.place.longitude }, enumerable: false, configurable: true });
        filled++;
      }
    }
  }
  return filled;
}
