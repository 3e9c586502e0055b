// The gazetteer (data/gazetteer.yaml) and postcode list (data/postcodes.yaml): Sussex towns, villages and
// neighbourhoods for the place resolver (places.ts), the map's "near me" and its plain background.
// Pure: parsing and checking only; gazetteer-fs.ts reads the files. No Astro, no file system.
import { normalisePlaceName } from './places.ts';
import { milesBetween } from './distance.ts';
import { findTerm, inBounds, SUSSEX_BOUNDS, type Vocabularies } from '../dataset/vocab.ts';
import { placeId } from '../text/slugs.ts';

export { milesBetween } from './distance.ts';

export const PLACE_KINDS = ['city', 'town', 'village', 'neighbourhood'] as const;
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
  /** The area id of the district (set by checkGazetteer). */
  area?: string;
  /** Other names people write for it: "Bognor", "Shoreham", "Kemp Town". */
  aliases?: string[];
  /** The name is an everyday word too ("Battle", "Rye", "Worth"), so a query needs more than the word. */
  commonWord?: boolean;
}

/** A place near Sussex that is not in it, so the site can say "Guildford is outside Sussex". */
export interface OutsidePlace {
  name: string;
  /** Where it is instead: "Surrey", "Kent", "Hampshire". */
  county: string;
  aliases?: string[];
}

/** A postcode district ("BN11") or sector ("PO10 8") and its main place (a gazetteer id), or the town outside Sussex it belongs to. */
export interface PostcodeDistrict {
  code: string;
  place?: string;
  outside?: string;
}

export interface GazetteerProblem {
  /** Index of the item in the file's list (places, or the list named by `at`), or -1 for the file as a whole. */
  index: number;
  message: string;
  /** Where in the file, when it is not places[index]: ["outside", 2] or ["places", 4, "aliases", 1]. */
  at?: (string | number)[];
}

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export { placeId };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FIELDS = new Set(['id', 'name', 'district', 'kind', 'latitude', 'longitude', 'aliases', 'common_word']);
const OUTSIDE_FIELDS = new Set(['name', 'county', 'aliases']);

/** A list of names, or a problem with it. */
function nameList(value: unknown, where: string): { names: string[]; problem?: string } {
  if (value === undefined) return { names: [] };
  if (!Array.isArray(value) || value.some((a) => typeof a !== 'string' || !a.trim()))
    return { names: [], problem: `${where} has aliases that are not a list of names. Write them like this: aliases: [Bognor, Bognor-Regis].` };
  return { names: value.map((a: string) => a.trim()) };
}

/**
 * Checks the parsed YAML of data/gazetteer.yaml ({ places: [...] }) and returns the places that are sound
 * with a plain-English problem for each one that is not: unknown district, outside Sussex, outside the
 * district's area, duplicate id.
 */
export function checkGazetteer(value: unknown, vocab: Vocabularies): { places: Place[]; outside: OutsidePlace[]; problems: GazetteerProblem[] } {
  const problems: GazetteerProblem[] = [];
  const places: Place[] = [];
  const outside: OutsidePlace[] = [];
  const list = isRecord(value) ? value.places : undefined;
  if (!Array.isArray(list)) {
    problems.push({ index: -1, message: 'must have a list called "places".' });
    return { places, outside, problems };
  }
  if (isRecord(value)) for (const key of Object.keys(value)) if (key !== 'places' && key !== 'outside') problems.push({ index: -1, message: `has "${key}", which is not a list we know (places, outside).`, at: [key] });
  // Every name and alias leads to one place: normalised name → where it was first given.
  const names = new Map<string, { label: string; at: string }>();
  const claim = (name: string, label: string, at: string, index: number, path: (string | number)[]): boolean => {
    const key = normalisePlaceName(name);
    const other = names.get(key);
    if (other && other.at !== at) {
      problems.push({ index, at: path, message: `"${name}" already leads to ${other.label} (${other.at}). A name must lead to one place: remove it from one of them, or add what tells them apart ("East Dean (Chichester)").` });
      return false;
    }
    if (other) {
      problems.push({ index, at: path, message: `"${name}" is the same as another name of ${label} once capitals, hyphens and "St"/"Saint" are set aside. Remove it.` });
      return false;
    }
    names.set(key, { label, at });
    return true;
  };
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
    const { names: aliases, problem: aliasProblem } = nameList(item.aliases, where);
    if (aliasProblem) {
      bad(aliasProblem);
      continue;
    }
    if (item.common_word !== undefined && typeof item.common_word !== 'boolean') {
      bad(`${where} has common_word: ${JSON.stringify(item.common_word)}: use true, or leave it out.`);
      continue;
    }
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
    const label = `"${name}"`;
    const at = `places[${index}]`;
    claim(name, label, at, index, ['places', index, 'name']);
    const kept = aliases.filter((a, j) => claim(a, label, at, index, ['places', index, 'aliases', j]));
    const place: Place = { id, name, district, kind: kind as PlaceKind, latitude: lat, longitude: lng, area: term.area ?? '' };
    if (kept.length) place.aliases = kept;
    if (item.common_word === true) place.commonWord = true;
    places.push(place);
  }
  const others = isRecord(value) ? value.outside : undefined;
  if (others !== undefined && !Array.isArray(others)) problems.push({ index: -1, at: ['outside'], message: 'has "outside", which must be a list of places, like - {name: Guildford, county: Surrey}.' });
  for (const [index, item] of (Array.isArray(others) ? others : []).entries()) {
    const bad = (message: string): void => void problems.push({ index, message, at: ['outside', index] });
    if (!isRecord(item)) {
      bad(`outside[${index}] must be a set of fields: name, county.`);
      continue;
    }
    const name = typeof item.name === 'string' ? item.name.trim() : '';
    const where = name ? `"${name}"` : `outside[${index}]`;
    const unknown = Object.keys(item).filter((key) => !OUTSIDE_FIELDS.has(key));
    if (unknown.length) {
      bad(`${where} has "${unknown[0]}", which is not a field we know (${[...OUTSIDE_FIELDS].join(', ')}).`);
      continue;
    }
    const county = typeof item.county === 'string' ? item.county.trim() : '';
    if (!name || !county) {
      bad(`${where} needs a name and a county (where it is instead of Sussex), like {name: Guildford, county: Surrey}.`);
      continue;
    }
    const { names: aliases, problem } = nameList(item.aliases, where);
    if (problem) {
      bad(problem);
      continue;
    }
    const label = `"${name}" outside Sussex`;
    if (!claim(name, label, `outside[${index}]`, index, ['outside', index, 'name'])) continue;
    const kept = aliases.filter((a, j) => claim(a, label, `outside[${index}]`, index, ['outside', index, 'aliases', j]));
    outside.push(kept.length ? { name, county, aliases: kept } : { name, county });
  }
  return { places, outside, problems };
}

const POSTCODE_CODE = /^[A-Z]{1,2}\d[A-Z\d]?(?: \d)?$/;
const DISTRICT_FIELDS = new Set(['code', 'place']);
const OUTSIDE_DISTRICT_FIELDS = new Set(['code', 'name']);

/**
 * Checks the parsed YAML of data/postcodes.yaml ({ districts: [{code, place}], outside: [{code, name}] }) against
 * the gazetteer's place ids: well-formed codes in capitals, each listed once, each place in the gazetteer.
 * `at` in each problem is its place in the file.
 */
export function checkPostcodes(value: unknown, places: readonly Place[]): { postcodes: PostcodeDistrict[]; problems: GazetteerProblem[] } {
  const problems: GazetteerProblem[] = [];
  const postcodes: PostcodeDistrict[] = [];
  if (!isRecord(value) || !Array.isArray(value.districts)) {
    problems.push({ index: -1, message: 'must have a list called "districts" (and may have one called "outside").' });
    return { postcodes, problems };
  }
  for (const key of Object.keys(value)) if (key !== 'districts' && key !== 'outside') problems.push({ index: -1, message: `has "${key}", which is not a list we know (districts, outside).`, at: [key] });
  if (value.outside !== undefined && !Array.isArray(value.outside)) problems.push({ index: -1, at: ['outside'], message: 'has "outside", which must be a list, like - {code: GU1, name: Guildford}.' });
  const ids = new Set(places.map((p) => p.id));
  const seen = new Map<string, string>();
  const lists = [['districts', value.districts], ['outside', Array.isArray(value.outside) ? value.outside : []]] as const;
  for (const [list, items] of lists) {
    const fields = list === 'districts' ? DISTRICT_FIELDS : OUTSIDE_DISTRICT_FIELDS;
    for (const [index, item] of (items as unknown[]).entries()) {
      const bad = (message: string, field?: string): void => void problems.push({ index, message, at: field ? [list, index, field] : [list, index] });
      const example = list === 'districts' ? '{code: BN11, place: worthing}' : '{code: GU1, name: Guildford}';
      if (!isRecord(item)) {
        bad(`${list}[${index}] must be a set of fields, like ${example}.`);
        continue;
      }
      const code = typeof item.code === 'string' ? item.code : typeof item.code === 'number' ? String(item.code) : '';
      const where = code ? `"${code}"` : `${list}[${index}]`;
      const unknown = Object.keys(item).filter((key) => !fields.has(key));
      if (unknown.length) {
        bad(`${where} has "${unknown[0]}", which is not a field we know here (${[...fields].join(', ')}).`, unknown[0]);
        continue;
      }
      if (!POSTCODE_CODE.test(code)) {
        const tidy = code.toUpperCase().replace(/\s+/g, ' ').trim();
        const hint = POSTCODE_CODE.test(tidy) ? ` Write it as "${tidy}".` : '';
        bad(`${where} is not a postcode district like BN11 (or a sector like "PO10 8"), in capitals.${hint}`, 'code');
        continue;
      }
      const other = seen.get(code);
      if (other) {
        bad(`"${code}" is listed twice (also at ${other}). Keep one.`, 'code');
        continue;
      }
      seen.set(code, `${list}[${index}]`);
      if (list === 'districts') {
        const place = typeof item.place === 'string' ? item.place : '';
        if (!ids.has(place)) {
          bad(`"${code}" has the place ${JSON.stringify(item.place ?? null)}, which is not an id in data/gazetteer.yaml. Use the id of its main town (e.g. worthing), or add the place there first.`, 'place');
          continue;
        }
        postcodes.push({ code, place });
      } else {
        const name = typeof item.name === 'string' ? item.name.trim() : '';
        if (!name) {
          bad(`"${code}" needs the name of its main town, like {code: GU1, name: Guildford}.`);
          continue;
        }
        postcodes.push({ code, outside: name });
      }
    }
  }
  // A sector ("PO10 8") refines a district, so the district must be listed too.
  for (const pc of postcodes) {
    const district = pc.code.split(' ')[0]!;
    if (district !== pc.code && !seen.has(district)) {
      const [list, i] = seen.get(pc.code)!.split(/[[\]]/);
      problems.push({ index: Number(i), at: [list!, Number(i), 'code'], message: `"${pc.code}" is a sector of ${district}, which is not listed. Add ${district} too.` });
    }
  }
  return { postcodes, problems };
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
