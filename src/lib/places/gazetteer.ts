// The gazetteer (data/gazetteer.yaml) and postcode list (data/postcodes.yaml): Sussex towns, villages and
// neighbourhoods for the place resolver (places.ts), the map's "near me" and its plain background.
// Pure: parsing and checking only; gazetteer-fs.ts reads the files. No Astro, no file system.
import { normalisePlaceName } from './places.ts';
import { milesBetween } from './distance.ts';
import { findTerm, inBounds, SUSSEX_BOUNDS, type Vocabularies } from '../dataset/vocab.ts';
import { placeId } from '../text/slugs.ts';
import { daysInMonth } from '../model/source-age.ts';

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
  /** The public page the coordinates were checked against, and when: for whoever checks them again, never sent to the browser. */
  source?: PlaceSource;
}

/** Where a place's coordinates were checked: source: {url: "https://…", checked: 2026-12-07} in the file. */
export interface PlaceSource {
  url: string;
  /** YYYY-MM-DD. */
  checked: string;
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

const FIELDS = new Set(['id', 'name', 'district', 'kind', 'latitude', 'longitude', 'aliases', 'common_word', 'source']);
const SOURCE_FIELDS = ['url', 'checked'];
const SOURCE_EXAMPLE = 'source: {url: "https://en.wikipedia.org/wiki/Iford,_East_Sussex", checked: 2026-12-07}';

/** Today's date (YYYY-MM-DD, UTC), as npm run validate takes it. */
function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The date a source was checked as YYYY-MM-DD: a YAML date may arrive as text or, from some readers, as a Date. */
function dateText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  return undefined;
}

/** A problem with a source's web address, or undefined when it is a full http(s) address with a site name. */
function sourceUrlProblem(url: string): string | undefined {
  if (/\s/.test(url)) return 'has a space in it, and a web address cannot. Copy the address again from the browser\'s address bar (it writes a space as %20).';
  if (!/^https?:\/\//i.test(url)) return 'is not a web page address: it must start with https:// (or http://). Copy it from the browser\'s address bar.';
  let host = '';
  try {
    host = new URL(url).hostname;
  } catch {
    // left empty: reported below
  }
  if (!host.includes('.') || host.startsWith('.') || host.endsWith('.')) return 'has no site name like en.wikipedia.org after https://. Copy the whole address from the browser\'s address bar.';
  return undefined;
}

/**
 * Every problem with a place's source at once (its keys, its address, its date), each at the part that is wrong,
 * and the source when it is sound.
 */
function checkSource(value: unknown, where: string, index: number, today: string): { source?: PlaceSource; problems: GazetteerProblem[] } {
  const problems: GazetteerProblem[] = [];
  const at = (...path: string[]): (string | number)[] => ['places', index, 'source', ...path];
  if (!isRecord(value)) {
    problems.push({ index, at: at(), message: `${where} has a source that is not a set of fields. Write the page its coordinates were checked against and the date, like ${SOURCE_EXAMPLE}.` });
    return { problems };
  }
  for (const key of Object.keys(value))
    if (!SOURCE_FIELDS.includes(key)) problems.push({ index, at: at(key), message: `${where} has "${key}" in its source, which is not a field we know there (${SOURCE_FIELDS.join(', ')}). Remove it: a source is only ${SOURCE_EXAMPLE}.` });
  const url = typeof value.url === 'string' ? value.url.trim() : undefined;
  const urlProblem = url === undefined ? undefined : sourceUrlProblem(url);
  if (value.url === undefined) problems.push({ index, at: at(), message: `${where} has a source with no url. Add the address of the page its coordinates were checked against, like ${SOURCE_EXAMPLE}.` });
  else if (url === undefined) problems.push({ index, at: at('url'), message: `${where} has a source url that is not text. Write the page's address in quotes, like url: "https://en.wikipedia.org/wiki/Iford,_East_Sussex".` });
  else if (urlProblem) problems.push({ index, at: at('url'), message: `${where} has the source url ${JSON.stringify(url)}, which ${urlProblem}` });
  const checked = dateText(value.checked);
  const parts = checked === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(checked);
  const [year, month, day] = parts ? [parts[1], parts[2], parts[3]].map(Number) as [number, number, number] : [0, 0, 0];
  const real = !!parts && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
  if (value.checked === undefined) problems.push({ index, at: at(), message: `${where} has a source with no checked date. Add the day you compared the coordinates with the page, like checked: ${today}.` });
  else if (!real) problems.push({ index, at: at('checked'), message: `${where} has the source date ${JSON.stringify(checked ?? value.checked)}, which is not a real date. Write the day you checked the page as year-month-day, like checked: ${today}.` });
  else if (checked! > today) problems.push({ index, at: at('checked'), message: `${where} has the source date ${checked}, which is in the future (today is ${today}). Write the day you actually checked the page.` });
  return problems.length ? { problems } : { source: { url: url!, checked: checked! }, problems };
}
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
 * district's area, duplicate id, a source that is not an http(s) page and a real date up to `today` (YYYY-MM-DD).
 */
export function checkGazetteer(value: unknown, vocab: Vocabularies, today = todayIso()): { places: Place[]; outside: OutsidePlace[]; problems: GazetteerProblem[] } {
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
    // Checked before the rest, so a source's problems show with the place's other problems, not after they are fixed.
    const checkedSource = item.source === undefined ? undefined : checkSource(item.source, where, index, today);
    if (checkedSource) problems.push(...checkedSource.problems);
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
    if (checkedSource?.source) place.source = checkedSource.source;
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
