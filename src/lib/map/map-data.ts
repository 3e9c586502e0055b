// Builds the map's two files from the dataset (see src/lib/map/map-format.ts for the layout): the compact
// marker file and the words for the list and pop-ups. Pure: no Astro, no file system. One marker per place:
// services that meet at the same venue share it.
import { FACETS, providerFacets, type ProviderEntry } from '../directory.ts';
import { buildDate } from '../build/build-info.ts';
import { formatSession } from '../text/format.ts';
import { asOfText, serviceAge, shortAgeText } from '../model/source-age.ts';
import { milesBetween, nearestPlace, type Place } from '../places/gazetteer.ts';
import { AREAS_NOT_KNOWN, areasKnown, isLocated, isRunning } from '../model/predicates.ts';
import { placed } from '../places/place-coordinates.ts';
import type { Dataset, Location, Service } from '../model/types.ts';
import { findTerm, label, termIds } from '../dataset/vocab.ts';
import { AREA_ONLY_STEP, kebab, LAT0, LNG0, MAP_FORMAT_VERSION, SCALE, toSteps, type MapFile, type MapText, type ProviderText, type ServiceText } from './map-format.ts';

/** A location with no district takes the district of the nearest gazetteer place, if one is this close. */
const NEAREST_PLACE_MILES = 3;

/** "a", "a and b", "a, b and c". */
function andList(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** When a service runs, in words: its sessions, then the note about them. */
export function whenText(service: Service, asOf?: string): string {
  const sessions = (service.schedule?.sessions ?? []).map(formatSession);
  const note = service.schedule?.note?.trim() ?? '';
  const parts = [sessions.join('; '), note].filter(Boolean);
  // Times as the source gave them, with the year of that source beside them: "Wednesdays, as of 2024."
  return parts.map((p) => p.replace(/[.\s]+$/, '')).join('. ') + (parts.length ? `${asOf ? `, ${asOf}` : ''}.` : '');
}

/** Filter values that belong to the provider rather than to each service. */
const PROVIDER_FACETS = new Set(['leader', 'charter']);

interface PlaceRow {
  /** Whole 1/SCALE degrees. */
  lat: number;
  lng: number;
  areaOnly: boolean;
  townOnly: boolean;
  /** District index + 1, 0 when unknown. */
  district: number;
  town: number;
  services: number[];
}

export interface MapFiles {
  /** /map-data.json: what the markers and filters need. */
  places: MapFile;
  /** /map-text.json: the words for the list and pop-ups. */
  text: MapText;
}

/** Both files come from one pass; the two routes that write them share it (by dataset, gazetteer and date). */
const built = new WeakMap<Dataset, WeakMap<readonly Place[], Map<string, MapFiles>>>();

/** The map's two files; `today` (the build date) says which groups' facts are old, to list them last. */
export function buildMapData(dataset: Dataset, places: readonly Place[] = [], today = buildDate()): MapFiles {
  let byPlaces = built.get(dataset);
  if (!byPlaces) built.set(dataset, (byPlaces = new WeakMap()));
  let byDate = byPlaces.get(places);
  if (!byDate) byPlaces.set(places, (byDate = new Map()));
  let files = byDate.get(today);
  if (!files) byDate.set(today, (files = buildMapFiles(dataset, places, today)));
  return files;
}

function buildMapFiles(dataset: Dataset, places: readonly Place[], today: string): MapFiles {
  const { vocab } = dataset;
  const facetTables: [string, string[]][] = [...FACETS.map((f): [string, string[]] => [f.key, termIds(vocab, f.vocab)]), ['charter', ['signatory']]];
  const offsets = new Map<string, number>();
  let offset = 0;
  for (const [key, ids] of facetTables) {
    offsets.set(key, offset);
    offset += ids.length;
  }
  const districts = termIds(vocab, 'districts');
  const areas = termIds(vocab, 'areas');
  const districtArea = districts.map((d) => areas.indexOf(findTerm(vocab, 'districts', d)?.area ?? ''));

  /** A table of strings stored once; index 0 is the empty string. */
  const table = () => {
    const map = new Map<string, number>([['', 0]]);
    const add = (s: string): number => {
      let i = map.get(s);
      if (i === undefined) map.set(s, (i = map.size));
      return i;
    };
    return { add, list: () => [...map.keys()] };
  };
  const texts = table();
  const towns = table();
  const providers: number[][] = [];
  const providerWords: ProviderText[] = [];
  /** Services in the order the dataset gives them; renumbered below. */
  const rows: number[][] = [];
  const serviceWords: ServiceText[] = [];
  const venues = new Map<string, PlaceRow>();
  const numbersOf = (facets: Record<string, string[]>, keep: (key: string) => boolean): number[] => {
    const numbers: number[] = [];
    for (const [key, ids] of facetTables) {
      if (!keep(key)) continue;
      for (const id of facets[key] ?? []) {
        const i = ids.indexOf(id);
        if (i >= 0) numbers.push((offsets.get(key) ?? 0) + i);
      }
    }
    return numbers;
  };

  /** The district a location is in: the one it names, else the nearest gazetteer place's, if that is in the provider's areas. */
  const districtOf = (loc: Location & { latitude: number; longitude: number }, entry: ProviderEntry): number => {
    if (loc.district) return districts.indexOf(loc.district) + 1;
    const near = nearestPlace(places, loc.latitude, loc.longitude);
    if (!near || milesBetween(near.latitude, near.longitude, loc.latitude, loc.longitude) > NEAREST_PLACE_MILES) return 0;
    const area = findTerm(vocab, 'districts', near.district)?.area;
    return area && (entry.data.areas as string[]).includes(area) ? districts.indexOf(near.district) + 1 : 0;
  };

  for (const entry of dataset.providers) {
    // The map shows running services only: not closed ones, and not ones paused for now.
    const running = entry.data.services.filter(isRunning);
    if (!running.length) continue;
    const p = providers.length;
    const providerFacetValues = providerFacets(dataset, entry);
    providers.push(toSteps(numbersOf(providerFacetValues, (k) => PROVIDER_FACETS.has(k))));
    providerWords.push([entry.slug === kebab(entry.data.name) ? '' : entry.slug, entry.data.name]);
    for (const service of running) {
      const s = rows.length;
      // Filter values of this one service: providerFacets on a provider that runs only this service.
      const facets = providerFacets(dataset, { ...entry, data: { ...entry.data, services: [service] } });
      // A place given only by postcode or town is placed at its town (place-coordinates.ts).
      const located = (service.locations ?? []).flatMap((own) => {
        const loc = placed(own);
        // Placed at its town from a postcode or town name: as approximate as a town-only place.
        return isLocated(loc) ? [{ loc, byTown: !isLocated(own) }] : [];
      });
      const spots = located.map(({ loc, byTown }) => {
        const areaOnly = loc.precision === 'area-only';
        const step = areaOnly ? AREA_ONLY_STEP : 1;
        const lat = Math.round(((loc.latitude - LAT0) * SCALE) / step) * step;
        const lng = Math.round(((loc.longitude - LNG0) * SCALE) / step) * step;
        const district = districtOf(loc, entry);
        const town = loc.town ?? (loc.district ? label(vocab, 'districts', loc.district) : '');
        return { lat, lng, areaOnly, townOnly: loc.precision === 'town' || byTown, district, town };
      });
      const selfPlaced = spots.length > 0 && spots.every((r) => r.district > 0);
      const numbers = numbersOf(facets, (k) => !PROVIDER_FACETS.has(k) && !(selfPlaced && (k === 'area' || k === 'district')));
      let covers = 0;
      if (!located.length) {
        const named = !areasKnown(entry.data) ? [AREAS_NOT_KNOWN] : entry.data.districts?.length ? entry.data.districts.map((d) => label(vocab, 'districts', d)) : entry.data.areas.map((a) => label(vocab, 'areas', a));
        covers = texts.add(andList(named));
      }
      rows.push([p, ...toSteps(numbers)]);
      const age = serviceAge(service, entry.data, today);
      serviceWords.push([service.id === kebab(service.name) ? '' : service.id, service.name, texts.add(whenText(service, asOfText(age))), covers, texts.add(shortAgeText(age) ?? ''), age.old ? 1 : 0]);
      for (const r of spots) {
        const key = `${r.lat},${r.lng},${r.areaOnly ? 1 : r.townOnly ? 2 : 0}`;
        const venue = venues.get(key);
        if (venue) {
          if (!venue.services.includes(s)) venue.services.push(s);
          if (!venue.district) venue.district = r.district;
          if (!venue.town) venue.town = towns.add(r.town);
        } else venues.set(key, { lat: r.lat, lng: r.lng, areaOnly: r.areaOnly, townOnly: r.townOnly, district: r.district, town: towns.add(r.town), services: [s] });
      }
    }
  }

  // Places west to east; services numbered in the order they first appear there, then those with no place.
  const sorted = [...venues.values()].sort((a, b) => a.lng - b.lng || a.lat - b.lat);
  const renumber = new Map<number, number>();
  for (const v of sorted) for (const s of v.services) if (!renumber.has(s)) renumber.set(s, renumber.size);
  rows.forEach((_, s) => {
    if (!renumber.has(s)) renumber.set(s, renumber.size);
  });
  const services: number[][] = new Array(rows.length);
  const words: ServiceText[] = new Array(rows.length);
  rows.forEach((row, s) => {
    const to = renumber.get(s) ?? s;
    services[to] = row;
    words[to] = serviceWords[s]!;
  });

  const file: MapFile = { v: MAP_FORMAT_VERSION, f: facetTables, a: districtArea, p: providers, s: services, w: towns.list(), y: [], x: [], d: [], n: [], m: [] };
  let previous = 0;
  let next = 0;
  for (const v of sorted) {
    file.y.push(v.lat);
    file.x.push(v.lng - previous);
    previous = v.lng;
    file.d.push(v.areaOnly ? -v.district - 1 : v.district);
    file.n.push(v.town);
    if (v.townOnly) (file.k ??= []).push(file.n.length - 1);
    const here = v.services.map((s) => renumber.get(s) ?? s);
    here.forEach((s, i) => {
      const code = s === next ? 0 : next - s;
      if (s === next) next++;
      file.m.push(i < here.length - 1 ? -1 - code : code);
    });
  }
  return { places: file, text: { v: MAP_FORMAT_VERSION, p: providerWords, s: words, t: texts.list() } };
}
