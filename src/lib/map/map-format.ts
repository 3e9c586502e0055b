// The map's data, in two files written at build by src/lib/map/map-data.ts, and the decoder the map page uses.
// Pure and small, so the browser bundle stays light.
//
// /map-data.json (MapFile) is what the markers and the filters need: places, which services meet at each,
// and the filter values of each service. Nothing to read but town names, so it stays small (the markers show
// as soon as it arrives). /map-text.json (MapText) holds the words for the list and the pop-ups (names,
// times, areas covered) and is fetched after the markers show.
//
// Strings are stored once and everything else is small integers: coordinates as whole numbers of 1/10,000
// degree (about 10 m), longitudes sorted and stored as the step from the previous one, and vocabulary terms as
// indexes into the facet tables.

export const MAP_FORMAT_VERSION = 2;
/** Coordinates are stored as whole numbers of 1/SCALE degree. */
export const SCALE = 10_000;
/** Latitudes are stored from here (the south edge of Sussex, generously). */
export const LAT0 = 50.5;
/** Longitudes are stored from here (the west edge of Sussex, generously). */
export const LNG0 = -1.2;
/** Area-only places are rounded to 1/100 degree (about 1 km), so a venue that is not published is never pinned. */
export const AREA_ONLY_STEP = 100;

/** One provider's words: [slug ("" when it is kebab(name)), name]. */
export type ProviderText = [string, string];
/**
 * One service's words: [service id ("" when it is kebab(name)), service name, when (text index), covers (text index),
 * how old its facts are ("Information from 2017", text index), 1 when they are old enough for a notice].
 */
export type ServiceText = [string, string, number, number, number?, number?];

/** "Peer Support: Brighton & Hove" → "peer-support-brighton-hove": how most slugs and service ids are made, so the file can leave those out. */
export function kebab(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Sorted term numbers → the steps between them (the first from 0). */
export function toSteps(numbers: number[]): number[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  return sorted.map((n, i) => n - (i ? (sorted[i - 1] ?? 0) : 0));
}

export function fromSteps(steps: readonly number[]): number[] {
  let n = 0;
  return steps.map((step) => (n += step));
}

/** The marker file, /map-data.json. */
export interface MapFile {
  v: typeof MAP_FORMAT_VERSION;
  /** The filters: [facet key, vocabulary ids]; a term's number is its facet's offset plus its index in the ids. */
  f: [string, string[]][];
  /** For each district (in the order of the district facet), the index of its area in the area facet. */
  a: number[];
  /**
   * Providers that run at least one service on the map: the term steps of what belongs to the provider
   * (who runs it, Charter). Term numbers are sorted and stored as steps from the previous one.
   */
  p: number[][];
  /**
   * Active services, those with places first in the order they first appear among the locations: the
   * provider's index, then the service's term steps. A service whose every location names its district
   * leaves out area and district terms: its locations carry them.
   */
  s: number[][];
  /** Town names. Index 0 is the empty name. */
  w: string[];
  /** Per location: latitude, as (lat − LAT0) × SCALE. */
  y: number[];
  /** Per location, in order of longitude: (lng − LNG0) × SCALE for the first, then the step from the one before. */
  x: number[];
  /**
   * Per location: k = its district's index in the district facet + 1 (0 = not known); stored as k when the
   * location is a venue and as −1 − k when it is area-only.
   */
  d: number[];
  /** Per location: its town (index in w). */
  n: number[];
  /** The locations (by index) where only the town is known: drawn as approximate, at the town's middle. Left out when none. */
  k?: number[];
  /**
   * The services at each location, location by location. Each is a code c: 0 for the service after the
   * highest one named so far, else how many places back from that it is. All but the last code of a
   * location are stored as −1 − c.
   */
  m: number[];
}

/** The words, /map-text.json: in the same order as the providers and services of the marker file. */
export interface MapText {
  v: typeof MAP_FORMAT_VERSION;
  p: ProviderText[];
  s: ServiceText[];
  /** Texts shared by many services (times, areas covered). Index 0 is the empty text. */
  t: string[];
}

export interface MapProvider {
  index: number;
  slug: string;
  name: string;
}

/** Names and words are empty until addMapText has given them. */
export interface MapService {
  index: number;
  provider: MapProvider;
  id: string;
  name: string;
  /** Order in the list when no place is chosen: by provider name, then service name. */
  rank: number;
  /** When it runs, in words; "" when not known. */
  when: string;
  /** For services without a place: the areas or districts it covers, in words ("West Sussex and East Sussex"). */
  covers: string;
  /** How old its facts are, in short: "Information from 2017"; "" when not known. */
  age: string;
  /** Whether its facts are old enough for a notice: it is listed after the others. */
  old: boolean;
  /** Term numbers (see MapFile.f). */
  terms: Set<number>;
  /** Indexes of its locations. */
  locations: number[];
}

export interface MapLocation {
  index: number;
  lat: number;
  lng: number;
  areaOnly: boolean;
  /** Only the town is known (precision town): the marker stands at the town's middle and says so. */
  townOnly: boolean;
  /** Index in the district facet, or −1 when not known. */
  district: number;
  town: string;
  /** Indexes of the services that meet here. */
  services: number[];
}

export interface Facet {
  key: string;
  ids: string[];
  /** Number of the facet's first term. */
  offset: number;
}

export interface MapData {
  facets: Facet[];
  /** District index → area index. */
  districtArea: number[];
  providers: MapProvider[];
  services: MapService[];
  locations: MapLocation[];
  /** Whether the words (names, times) have arrived. */
  named: boolean;
}

function checkVersion(v: unknown): void {
  if (v !== MAP_FORMAT_VERSION) throw new Error(`The map data is in format ${String(v)}, but this page reads format ${MAP_FORMAT_VERSION}.`);
}

/** The places and filter values from the marker file; names stay empty until addMapText. */
export function decodeMapFile(file: MapFile): MapData {
  checkVersion(file.v);
  let offset = 0;
  const facets = file.f.map(([key, ids]) => {
    const facet = { key, ids, offset };
    offset += ids.length;
    return facet;
  });
  const providers: MapProvider[] = file.p.map((_, index) => ({ index, slug: '', name: '' }));
  const providerTerms = file.p.map((steps) => fromSteps(steps));
  const services: MapService[] = file.s.map((row, index) => {
    const p = row[0] ?? -1;
    const provider = providers[p];
    if (!provider) throw new Error(`The map data names provider ${p}, which it does not list.`);
    // Term steps follow the provider's index (a plain loop: there are tens of thousands of services).
    const terms = new Set<number>(providerTerms[p]);
    for (let j = 1, n = 0; j < row.length; j++) terms.add((n += row[j] ?? 0));
    return { index, provider, id: '', name: '', rank: index, when: '', covers: '', age: '', old: false, terms, locations: [] };
  });
  let next = 0;
  const townOnly = new Set(file.k ?? []);
  const locations: MapLocation[] = [];
  let x = 0;
  let m = 0;
  for (let i = 0; i < file.y.length; i++) {
    x += file.x[i] ?? 0;
    const d = file.d[i] ?? 0;
    const k = d < 0 ? -1 - d : d;
    const here: number[] = [];
    for (;;) {
      const v = file.m[m++];
      if (v === undefined) throw new Error('The map data ends in the middle of a location.');
      const code = v < 0 ? -1 - v : v;
      here.push(code === 0 ? next++ : next - code);
      if (v >= 0) break;
    }
    const loc: MapLocation = {
      index: i,
      lat: LAT0 + (file.y[i] ?? 0) / SCALE,
      lng: LNG0 + x / SCALE,
      areaOnly: d < 0,
      townOnly: townOnly.has(i),
      district: k - 1,
      town: file.w[file.n[i] ?? 0] ?? '',
      services: here,
    };
    for (const s of here) services[s]?.locations.push(i);
    locations.push(loc);
  }
  return { facets, districtArea: file.a, providers, services, locations, named: false };
}

/** Gives the providers and services their names and words from /map-text.json, and ranks the services by name. */
export function addMapText(data: MapData, text: MapText): void {
  checkVersion(text.v);
  if (text.p.length !== data.providers.length || text.s.length !== data.services.length) throw new Error('The map’s words do not match its places: the two files are from different builds.');
  const words = (i: number) => text.t[i] ?? '';
  text.p.forEach(([slug, name], i) => Object.assign(data.providers[i]!, { slug: slug || kebab(name), name }));
  text.s.forEach(([id, name, when, covers, age = 0, old = 0], i) =>
    Object.assign(data.services[i]!, { id: id || kebab(name), name, when: words(when), covers: words(covers), age: words(age), old: old === 1 }),
  );
  const collator = new Intl.Collator('en-GB');
  [...data.services]
    .sort((a, b) => Number(a.old) - Number(b.old) || collator.compare(a.provider.name, b.provider.name) || collator.compare(a.name, b.name))
    .forEach((s, rank) => (s.rank = rank));
  data.named = true;
}

/** The filter a visitor has chosen: facet key → chosen vocabulary ids (any of them), plus a provider. */
export interface MapFilter {
  terms: Map<string, string[]>;
  provider?: string;
}

/**
 * Whether a service, at one of its locations (or at none), passes the filter. Within a facet any chosen value
 * will do; every facet with a choice must match, as on the search page. A location that names its district
 * answers the area and district filters itself.
 */
export function passes(data: MapData, filter: MapFilter, service: MapService, location?: MapLocation): boolean {
  if (filter.provider !== undefined && service.provider.slug !== filter.provider) return false;
  const areaFacet = data.facets.find((f) => f.key === 'area');
  const districtFacet = data.facets.find((f) => f.key === 'district');
  for (const [key, ids] of filter.terms) {
    if (!ids.length) continue;
    const facet = data.facets.find((f) => f.key === key);
    if (!facet) continue; // a parameter the map does not know is ignored, as search ignores it
    let have: (n: number) => boolean = (n) => service.terms.has(n);
    if (location && location.district >= 0 && areaFacet && districtFacet && (key === 'area' || key === 'district')) {
      const own = key === 'district' ? districtFacet.offset + location.district : areaFacet.offset + (data.districtArea[location.district] ?? -1);
      have = (n) => n === own;
    }
    if (!ids.some((id) => {
      const i = facet.ids.indexOf(id);
      return i >= 0 && have(facet.offset + i);
    }))
      return false;
  }
  return true;
}

/** Whether a service is on show under a filter: at one of its places, or (with none) by itself. */
export function serviceShown(data: MapData, filter: MapFilter, service: MapService): boolean {
  return service.locations.length ? service.locations.some((i) => passes(data, filter, service, data.locations[i])) : passes(data, filter, service);
}

/**
 * For every filter value, how many services would be on show if that value were the only choice in its facet
 * and the other facets kept their choices (as search counts). Keys are "facet:id". One pass over the services,
 * the same answer as serviceShown with each value in turn.
 */
export function countTerms(data: MapData, filter: MapFilter): Map<string, number> {
  const chosen = [...filter.terms].filter(([key, ids]) => ids.length && data.facets.some((f) => f.key === key)).map(([key, ids]) => ({ key, only: { terms: new Map([[key, ids]]) } }));
  /** Per term number: its facet's key, and "facet:id". */
  const facetOf: string[] = [];
  const keyOf: string[] = [];
  for (const facet of data.facets)
    facet.ids.forEach((id, i) => {
      facetOf[facet.offset + i] = facet.key;
      keyOf[facet.offset + i] = `${facet.key}:${id}`;
    });
  const areaFacet = data.facets.find((f) => f.key === 'area');
  const districtFacet = data.facets.find((f) => f.key === 'district');
  const counts: number[] = new Array(keyOf.length).fill(0);
  /** The service that last counted each term, so each service counts a value once. */
  const countedBy: number[] = new Array(keyOf.length).fill(-1);
  const count = (n: number, service: number) => {
    if (n >= 0 && countedBy[n] !== service) {
      countedBy[n] = service;
      counts[n] = (counts[n] ?? 0) + 1;
    }
  };
  for (const service of data.services) {
    if (filter.provider !== undefined && service.provider.slug !== filter.provider) continue;
    const spots: (MapLocation | undefined)[] = service.locations.length ? service.locations.map((i) => data.locations[i]) : [undefined];
    for (const location of spots) {
      // The chosen facets this place fails: a value of facet K counts if none fails, or only K does.
      let failing: string | undefined;
      let failures = 0;
      for (const { key, only } of chosen) {
        if (passes(data, only, service, location)) continue;
        failing = key;
        if (++failures > 1) break;
      }
      if (failures > 1) continue;
      const open = (key: string) => failing === undefined || failing === key;
      // A place that knows its district answers the area and district facets itself.
      const placed = !!location && location.district >= 0 && !!areaFacet && !!districtFacet;
      for (const n of service.terms) {
        const key = facetOf[n];
        if (key && open(key) && !(placed && (key === 'area' || key === 'district'))) count(n, service.index);
      }
      if (placed && location) {
        if (open('district')) count(districtFacet!.offset + location.district, service.index);
        const area = data.districtArea[location.district] ?? -1;
        if (open('area') && area >= 0) count(areaFacet!.offset + area, service.index);
      }
    }
  }
  const out = new Map<string, number>();
  counts.forEach((n, i) => {
    if (n && keyOf[i]) out.set(keyOf[i], n);
  });
  return out;
}
