// The gazetteer (data/gazetteer.yaml): Sussex towns and villages for the map's "near me" and its plain
// background. Pure: parsing and checking only; gazetteer-fs.ts reads the file. No Astro, no file system.
import { findTerm, inBounds, SUSSEX_BOUNDS, type Vocabularies } from './vocab.ts';

export const PLACE_KINDS = ['city', 'town', 'village'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export interface Place {
  /** The word in the page address, ?near=<id>: the name in lower case with hyphens unless the file gives one. */
  id: string;
  name: string;
  /** A district id from data/vocab/districts.yaml. */
  district: string;
  kind: PlaceKind;
  latitude: number;
  longitude: number;
}

export interface GazetteerProblem {
  /** Index of the place in the file's list, or -1 for the file as a whole. */
  index: number;
  message: string;
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "St Leonards-on-Sea" → "st-leonards-on-sea". */
export function placeId(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FIELDS = new Set(['id', 'name', 'district', 'kind', 'latitude', 'longitude']);

/**
 * Checks the parsed YAML of data/gazetteer.yaml ({ places: [...] }) and returns the places that are sound
 * with a plain-English problem for each one that is not: unknown district, outside Sussex, outside the
 * district's area, duplicate id.
 */
export function checkGazetteer(value: unknown, vocab: Vocabularies): { places: Place[]; problems: GazetteerProblem[] } {
  const problems: GazetteerProblem[] = [];
  const places: Place[] = [];
  const list = isRecord(value) ? value.places : undefined;
  if (!Array.isArray(list)) {
    problems.push({ index: -1, message: 'must have a list called "places".' });
    return { places, problems };
  }
  const seen = new Map<string, number>();
  for (const [index, item] of list.entries()) {
    const bad = (message: string): void => void problems.push({ index, message });
    if (!isRecord(item)) {
      bad('must be a set of fields: name, district, kind, latitude, longitude.');
      continue;
    }
    const name = typeof item.name === 'string' ? item.name.trim() : '';
    const where = name ? `"${name}"` : `places[${index}]`;
    for (const key of Object.keys(item)) if (!FIELDS.has(key)) bad(`${where} has "${key}", which is not a field we know (${[...FIELDS].join(', ')}).`);
    if (!name) {
      bad(`places[${index}] needs a name.`);
      continue;
    }
    const id = item.id === undefined ? placeId(name) : item.id;
    if (typeof id !== 'string' || !KEBAB.test(id)) {
      bad(`${where} has the id ${JSON.stringify(id)}: use lower-case letters, numbers and hyphens.`);
      continue;
    }
    const district = typeof item.district === 'string' ? item.district : '';
    const term = findTerm(vocab, 'districts', district);
    if (!term) {
      bad(`${where} has the district ${JSON.stringify(item.district)}, which is not in data/vocab/districts.yaml.`);
      continue;
    }
    const kind = item.kind ?? 'village';
    if (!PLACE_KINDS.includes(kind as PlaceKind)) {
      bad(`${where} has the kind ${JSON.stringify(kind)}: use ${PLACE_KINDS.join(', ')}.`);
      continue;
    }
    const { latitude: lat, longitude: lng } = item;
    if (typeof lat !== 'number' || typeof lng !== 'number' || !Number.isFinite(lat) || !Number.isFinite(lng)) {
      bad(`${where} needs a latitude and a longitude, as numbers.`);
      continue;
    }
    if (!inBounds(SUSSEX_BOUNDS, lat, lng)) {
      const swapped = inBounds(SUSSEX_BOUNDS, lng, lat) ? ' It looks as if latitude and longitude are swapped.' : '';
      bad(`${where} is at ${lat}, ${lng}, which is outside Sussex.${swapped}`);
      continue;
    }
    const area = term.area ? findTerm(vocab, 'areas', term.area) : undefined;
    if (area?.bounds && !inBounds(area.bounds, lat, lng)) {
      bad(`${where} is at ${lat}, ${lng}, which is outside ${area.label}, the area of the district "${district}".`);
      continue;
    }
    const other = seen.get(id);
    if (other !== undefined) {
      bad(`${where} has the id "${id}", already used by places[${other}]. Give one of them its own id.`);
      continue;
    }
    seen.set(id, index);
    places.push({ id, name, district, kind: kind as PlaceKind, latitude: lat, longitude: lng });
  }
  return { places, problems };
}

const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle distance in miles between two points given in degrees. */
export function milesBetween(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** The gazetteer place nearest to a point (used to say which district a shared location is in). */
export function nearestPlace(places: readonly Place[], lat: number, lng: number): Place | undefined {
  let best: Place | undefined;
  let bestMiles = Infinity;
  for (const p of places) {
    const miles = milesBetween(lat, lng, p.latitude, p.longitude);
    if (miles < bestMiles) {
      best = p;
      bestMiles = miles;
    }
  }
  return best;
}

/** A place's names as a location's town may give them: its name, its id, and any aliases the gazetteer lists. */
function namesOf(place: Place): string[] {
  const aliases = (place as Place & { aliases?: unknown }).aliases;
  return [place.name, place.id, ...(Array.isArray(aliases) ? aliases.filter((a): a is string => typeof a === 'string') : [])];
}

/**
 * The gazetteer place a town name means (case, accents, spaces and hyphens aside), for a location whose
 * precision is town: the one lookup the validator, the build and the map use.
 */
export function townCoordinates(name: string, places: readonly Place[]): Place | undefined {
  const wanted = placeId(name);
  if (!wanted) return undefined;
  return places.find((p) => namesOf(p).some((n) => placeId(n) === wanted));
}

/** Up to `count` gazetteer names spelt most like a town name, closest first: for "did you mean" in messages. */
export function nearestTownNames(name: string, places: readonly Place[], count = 3): string[] {
  const wanted = placeId(name);
  const scored = places.map((p) => ({ name: p.name, score: Math.min(...namesOf(p).map((n) => editDistance(placeId(n), wanted))) }));
  return scored.sort((a, b) => a.score - b.score || a.name.localeCompare(b.name)).slice(0, count).map((s) => s.name);
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] ?? 0;
}

interface TownLocation {
  precision?: string;
  town?: string;
  latitude?: number;
  longitude?: number;
}

/**
 * Gives every town-only location its town's coordinates from the gazetteer, in place, for the site build:
 * the map, the exports and "near me" then treat it like any place, and its precision (town) says it is approximate.
 */
export function fillTownCoordinates(providers: readonly { data: { services?: readonly { locations?: readonly TownLocation[] }[] } }[], places: readonly Place[]): void {
  for (const p of providers)
    for (const s of p.data.services ?? [])
      for (const loc of s.locations ?? []) {
        if (loc.precision !== 'town' || typeof loc.town !== 'string') continue;
        const place = townCoordinates(loc.town, places);
        if (!place) continue;
        loc.latitude = place.latitude;
        loc.longitude = place.longitude;
      }
}

/** A location as its file gives it: without the coordinates the build took from the gazetteer for a town. */
export function withoutTownCoordinates<T extends TownLocation>(loc: T): T {
  if (loc.precision !== 'town') return loc;
  const { latitude: _lat, longitude: _lng, ...rest } = loc;
  return rest as T;
}
