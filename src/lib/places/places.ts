// The one place resolver: a town, village, neighbourhood or postcode as people write it → a Sussex place, or
// "outside Sussex". Pure and small, because the browser loads it (with /places.json) only when a query needs it.
import type { OutsidePlace, Place, PostcodeDistrict } from './gazetteer.ts';

export type { OutsidePlace, Place, PostcodeDistrict } from './gazetteer.ts';

/** Kinds of place, in the order the compact lookup numbers them. */
const KINDS = ['city', 'town', 'village', 'neighbourhood'] as const;

/**
 * The compact, JSON-serialisable lookup served as /places.json. Short keys keep it small:
 * d: [district id, area id][]; p: [id, name, district index, kind index, latitude, longitude, aliases?, common word?][];
 * c: postcode (outward code, or "outward sector" like "PO10 8") → place index, or the outside town's name;
 * o: [name, county, aliases?][] for places near Sussex that are not in it.
 */
export interface PlaceLookup {
  v: 1;
  d: [string, string][];
  p: [string, string, number, number, number, number, string[]?, 1?][];
  c: Record<string, number | string>;
  o: [string, string, string[]?][];
}

export interface LookupPlace {
  id: string;
  name: string;
  district: string;
  area: string;
  kind: Place['kind'];
  latitude: number;
  longitude: number;
}

export type PlaceMatch =
  | { kind: 'place'; place: LookupPlace; text: string }
  | { kind: 'postcode'; postcode: string; outward: string; place: LookupPlace; text: string }
  | { kind: 'outside'; name: string; text: string; county?: string; postcode?: string };

/**
 * Builds the lookup from the checked gazetteer and postcode list. `areas` maps a district id to its area id
 * (a place's own `area`, set by checkGazetteer, is used when it has one).
 */
export function buildPlaceLookup(places: Place[], postcodes: PostcodeDistrict[], outside: OutsidePlace[], areas: Record<string, string> = {}): PlaceLookup {
  const districts: [string, string][] = [];
  const districtIndex = new Map<string, number>();
  const placeIndex = new Map<string, number>();
  const p: PlaceLookup['p'] = places.map((place, i) => {
    placeIndex.set(place.id, i);
    let d = districtIndex.get(place.district);
    if (d === undefined) {
      d = districts.push([place.district, place.area ?? areas[place.district] ?? '']) - 1;
      districtIndex.set(place.district, d);
    }
    const row: PlaceLookup['p'][number] = [place.id, place.name, d, KINDS.indexOf(place.kind), place.latitude, place.longitude];
    if (place.aliases?.length || place.commonWord) row.push(place.aliases ?? []);
    if (place.commonWord) row.push(1);
    return row;
  });
  const c: PlaceLookup['c'] = {};
  for (const pc of postcodes) {
    const i = pc.place === undefined ? undefined : placeIndex.get(pc.place);
    if (i !== undefined) c[pc.code] = i;
    else if (pc.outside) c[pc.code] = pc.outside;
  }
  const o: PlaceLookup['o'] = outside.map((x) => (x.aliases?.length ? [x.name, x.county, x.aliases] : [x.name, x.county]));
  return { v: 1, d: districts, p, c, o };
}

/** "St. Leonards-on-Sea" → "st leonards on sea": lower case, no accents, apostrophes or dots, "&" and "Saint" spelt one way. */
export function normalisePlaceName(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’‘`.]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\bsaint\b/g, 'st');
}

/** A postcode, tidied: "bn111aa" → "BN11 1AA", "rh10" → "RH10"; undefined when it is not one. */
export function parsePostcode(text: string): { outward: string; inward?: string } | undefined {
  const t = text.toUpperCase().replace(/\s+/g, '');
  const m = /^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})?$/.exec(t);
  if (!m) return undefined;
  // "BN111" is neither an outward code nor a full postcode; "BN1" + "1AA" is read from the right.
  return m[2] ? { outward: m[1]!, inward: m[2] } : { outward: m[1]! };
}

/** Postcode areas that reach into Sussex: an unlisted district in one of these is outside, not unknown. */
const NEAR_AREAS = new Set(['BN', 'RH', 'TN', 'PO', 'GU']);

interface Index {
  places: LookupPlace[];
  /** normalised name or alias (and the same without spaces) → place index */
  names: Map<string, number>;
  /** normalised name → true when it is an everyday word as well as a place */
  common: Set<string>;
  outside: Map<string, { name: string; county: string }>;
  /** longest name, in words */
  longest: number;
}

const indexes = new WeakMap<PlaceLookup, Index>();

function indexOf(lookup: PlaceLookup): Index {
  const cached = indexes.get(lookup);
  if (cached) return cached;
  const names = new Map<string, number>();
  const common = new Set<string>();
  const outside = new Map<string, { name: string; county: string }>();
  let longest = 1;
  const add = (name: string, i: number): void => {
    const key = normalisePlaceName(name);
    if (!key) return;
    if (!names.has(key)) names.set(key, i);
    const compact = key.replace(/ /g, '');
    if (compact !== key && !names.has(compact)) names.set(compact, i);
    longest = Math.max(longest, key.split(' ').length);
  };
  const places = lookup.p.map(([id, name, d, k, latitude, longitude, aliases, word], i): LookupPlace => {
    const [district, area] = lookup.d[d] ?? ['', ''];
    add(name, i);
    add(id.replace(/-/g, ' '), i);
    for (const a of aliases ?? []) add(a, i);
    if (word) common.add(normalisePlaceName(name));
    return { id, name, district, area, kind: KINDS[k] ?? 'village', latitude, longitude };
  });
  for (const [name, county, aliases] of lookup.o) {
    for (const n of [name, ...(aliases ?? [])]) {
      const key = normalisePlaceName(n);
      if (key && !names.has(key)) outside.set(key, { name, county });
      longest = Math.max(longest, key.split(' ').length);
    }
  }
  const index = { places, names, common, outside, longest };
  indexes.set(lookup, index);
  return index;
}

/** The postcode as a match: its sector if that is listed (a district that straddles the county line), else its district. */
function postcodeMatch(code: { outward: string; inward?: string }, lookup: PlaceLookup, index: Index, text: string, loose: boolean): PlaceMatch | null {
  const postcode = code.inward ? `${code.outward} ${code.inward}` : code.outward;
  const hit = (code.inward ? lookup.c[`${code.outward} ${code.inward[0]}`] : undefined) ?? lookup.c[code.outward];
  if (typeof hit === 'number') {
    const place = index.places[hit];
    return place ? { kind: 'postcode', postcode, outward: code.outward, place, text } : null;
  }
  if (typeof hit === 'string') return { kind: 'outside', name: hit, postcode, text };
  // A full postcode anywhere, or a district code in an area next to Sussex, that is not listed is outside.
  const area = /^[A-Z]+/.exec(code.outward)?.[0] ?? '';
  if (code.inward || (loose && NEAR_AREAS.has(area))) return { kind: 'outside', name: postcode, postcode, text };
  return null;
}

/** Optimal string alignment distance (a swap of two letters counts as one), giving up above `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    rows.push([i]);
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        rows[0]!.push(j);
        continue;
      }
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]!.push(d);
    }
  }
  return rows[a.length]![b.length]!;
}

/** Names this long may be two letters out; shorter ones one. */
const TWO_TYPOS_FROM = 10;

/**
 * A misspelt place name → the one place it is closest to: one letter out for names of 5 letters or more, two for
 * 10 or more, and always with the same first letter (people rarely mistype it; a village the gazetteer lacks,
 * like Chalvington, is then not taken for another, Salvington). Never a word that is itself a place name (or
 * near an outside place), and never when two different places are as close as each other ("eastborne" is
 * Eastbourne, one letter away, not Easebourne, two away).
 */
function typoPlace(key: string, index: Index): number | undefined {
  if (key.length < 5 || index.names.has(key) || index.outside.has(key)) return undefined;
  let best = Infinity;
  const at = new Set<number>();
  for (const [name, i] of index.names) {
    if (name.length < 5 || name[0] !== key[0]) continue;
    const max = Math.min(key.length, name.length) >= TWO_TYPOS_FROM ? 2 : 1;
    const d = editDistance(key, name, max);
    if (d > max || d > best) continue;
    if (d < best) at.clear();
    best = d;
    at.add(i);
  }
  for (const [name] of index.outside) if (name.length >= 5 && editDistance(key, name, 1) <= Math.min(1, best)) return undefined;
  return at.size === 1 ? [...at][0] : undefined;
}

function placeMatch(i: number, index: Index, text: string): PlaceMatch | null {
  const place = index.places[i];
  return place ? { kind: 'place', place, text } : null;
}

/** The whole text as one place or postcode ("Bognor", "bn11 1aa", "Guildford"), allowing one small typo; else null. */
export function resolvePlace(text: string, lookup: PlaceLookup): PlaceMatch | null {
  const index = indexOf(lookup);
  const trimmed = text.trim();
  const code = parsePostcode(trimmed);
  if (code) {
    const m = postcodeMatch(code, lookup, index, trimmed, true);
    if (m) return m;
  }
  const key = normalisePlaceName(trimmed);
  if (!key) return null;
  const i = index.names.get(key) ?? index.names.get(key.replace(/ /g, ''));
  if (i !== undefined) return placeMatch(i, index, trimmed);
  const out = index.outside.get(key);
  if (out) return { kind: 'outside', name: out.name, county: out.county, text: trimmed };
  const typo = typoPlace(key, index);
  return typo === undefined ? null : placeMatch(typo, index, trimmed);
}

/** Words that, just before a name, show it is meant as a place ("groups in battle", not "battle with anxiety"). */
const PLACE_WORDS = new Set(['in', 'near', 'at', 'around', 'from', 'nr']);

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokens(query: string): Token[] {
  const out: Token[] = [];
  // Apostrophes and dots join a word ("St. Leonards", "Christ's"); "&" is a word ("and"); anything else splits.
  const re = /[\p{L}\p{N}]+(?:['’.][\p{L}\p{N}]+)*\.?|&/gu;
  for (const m of query.matchAll(re)) out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

/**
 * The longest place name or postcode in a free-text query ("mens group in shoreham" → Shoreham-by-Sea), and the
 * query without it. A place name that is also an everyday word ("Battle", "Rye", "Worth") counts only on its own
 * or after "in", "near", "at", "around" or "from"; a misspelt name only after one of those words (resolvePlace,
 * for text that is meant to be a place, corrects it anywhere).
 */
export function findPlaceInQuery(query: string, lookup: PlaceLookup): { match: PlaceMatch | null; rest: string } {
  const index = indexOf(lookup);
  const toks = tokens(query);
  const keys = toks.map((t) => normalisePlaceName(t.word));
  const rest = (from: number, to: number): string => {
    let start = toks[from]!.start;
    let end = toks[to]!.end;
    // The word that marked it as a place goes too: "groups in Lewes" → "groups".
    if (from > 0 && PLACE_WORDS.has(keys[from - 1]!)) start = toks[from - 1]!.start;
    return `${query.slice(0, start)} ${query.slice(end)}`.replace(/\s+/g, ' ').replace(/\s+([,;:!?])/g, '$1').replace(/^[\s,;:]+|[\s,;:]+$/g, '');
  };
  const found = (from: number, to: number, match: PlaceMatch | null) => (match ? { match, rest: rest(from, to) } : null);
  const placeWordBefore = (i: number): boolean => i > 0 && PLACE_WORDS.has(keys[i - 1]!);
  const alone = toks.length;

  // Postcodes first: "BN11 1AA" is two words, "BN111AA" one.
  for (let i = 0; i < toks.length; i++) {
    const two = i + 1 < toks.length ? parsePostcode(`${toks[i]!.word}${toks[i + 1]!.word}`) : undefined;
    if (two?.inward) {
      const m = found(i, i + 1, postcodeMatch(two, lookup, index, query.slice(toks[i]!.start, toks[i + 1]!.end), false));
      if (m) return m;
    }
    const one = parsePostcode(toks[i]!.word);
    // A lone outward code must look like one (letters then a digit) and be listed, or be from an area next to Sussex.
    if (one && /^[a-z]{1,2}\d/i.test(toks[i]!.word)) {
      const m = found(i, i, postcodeMatch(one, lookup, index, toks[i]!.word, true));
      if (m) return m;
    }
  }
  // Then Sussex names, longest first, leftmost among equals.
  for (let len = Math.min(index.longest, toks.length); len >= 1; len--) {
    for (let i = 0; i + len <= toks.length; i++) {
      const words = keys.slice(i, i + len);
      const key = words.join(' ');
      const text = query.slice(toks[i]!.start, toks[i + len - 1]!.end);
      const p = index.names.get(key);
      if (p === undefined || (index.common.has(key) && len === 1 && alone > 1 && !placeWordBefore(i))) continue;
      return found(i, i + len - 1, placeMatch(p, index, text))!;
    }
  }
  // A place outside Sussex only when no Sussex place is named ("Portsmouth Road, Worthing" is in Worthing).
  for (let len = Math.min(index.longest, toks.length); len >= 1; len--) {
    for (let i = 0; i + len <= toks.length; i++) {
      const out = index.outside.get(keys.slice(i, i + len).join(' '));
      if (out) return found(i, i + len - 1, { kind: 'outside', name: out.name, county: out.county, text: query.slice(toks[i]!.start, toks[i + len - 1]!.end) })!;
    }
  }
  // One name split in two: "Peace haven", "East bourne" (names run together, "Haywardsheath", are found above).
  for (let i = 0; i + 1 < toks.length; i++) {
    const p = index.names.get(`${keys[i]}${keys[i + 1]}`);
    if (p !== undefined) return found(i, i + 1, placeMatch(p, index, query.slice(toks[i]!.start, toks[i + 1]!.end)))!;
  }
  // A misspelt name, only where the query says a place comes next ("dancing" alone is not Lancing).
  for (let i = 0; i < toks.length; i++) {
    if (!placeWordBefore(i)) continue;
    for (let len = Math.min(3, toks.length - i); len >= 1; len--) {
      const text = query.slice(toks[i]!.start, toks[i + len - 1]!.end);
      const typo = typoPlace(keys.slice(i, i + len).join(' '), index);
      if (typo !== undefined) return found(i, i + len - 1, placeMatch(typo, index, text))!;
    }
  }
  return { match: null, rest: query.trim() };
}

/** Great-circle distance in kilometres. */
export function kmBetween(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Every place in the lookup, for lists and "near me" (in file order). */
export function lookupPlaces(lookup: PlaceLookup): LookupPlace[] {
  return indexOf(lookup).places;
}

/** "Guildford is outside Sussex", "GU1 1AA is in Guildford, outside Sussex": plain words for an outside match. */
export function outsideMessage(match: Extract<PlaceMatch, { kind: 'outside' }>): string {
  if (match.postcode && match.postcode !== match.name) return `${match.postcode} is in ${match.name}, outside Sussex.`;
  return `${match.name} is outside Sussex${match.county ? `, in ${match.county}` : ''}.`;
}
