// The compact marker file behind the map (/map-data.json): its layout, and the decoder the map page uses.
// Written at build by src/lib/map-data.ts. Pure and small, so the browser bundle stays light.
//
// Strings are stored once (providers, services, a text table) and everything else is small integers:
// coordinates as whole numbers of 1/10,000 degree (about 10 m), longitudes sorted and stored as the step
// from the previous one, and vocabulary terms as indexes into the facet tables.

export const MAP_FORMAT_VERSION = 1;
/** Coordinates are stored as whole numbers of 1/SCALE degree. */
export const SCALE = 10_000;
/** Latitudes are stored from here (the south edge of Sussex, generously). */
export const LAT0 = 50.5;
/** Longitudes are stored from here (the west edge of Sussex, generously). */
export const LNG0 = -1.2;
/** Area-only places are rounded to 1/100 degree (about 1 km), so a venue that is not published is never pinned. */
export const AREA_ONLY_STEP = 100;

/** One provider: [slug ("" when it is kebab(name)), name, term steps for what belongs to the provider (who runs it, Charter)]. */
export type ProviderRow = [string, string, number[]];
/** One service: [provider index, service id ("" when it is kebab(name)), service name, when (text index), covers (text index), term steps]. */
export type ServiceRow = [number, string, string, number, number, number[]];

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

export interface MapFile {
  v: typeof MAP_FORMAT_VERSION;
  /** The filters: [facet key, vocabulary ids]; a term's number is its facet's offset plus its index in the ids. */
  f: [string, string[]][];
  /** For each district (in the order of the district facet), the index of its area in the area facet. */
  a: number[];
  /** Providers that run at least one service on the map. */
  p: ProviderRow[];
  /** Texts shared by many rows (times, towns, areas covered). Index 0 is the empty text. */
  t: string[];
  /**
   * Active services, those with places first in the order they first appear among the locations. Term
   * numbers are sorted and stored as steps from the previous one. A service whose every location names its
   * district leaves out area and district terms: its locations carry them.
   */
  s: ServiceRow[];
  /** Per location: latitude, as (lat − LAT0) × SCALE. */
  y: number[];
  /** Per location, in order of longitude: (lng − LNG0) × SCALE for the first, then the step from the one before. */
  x: number[];
  /**
   * Per location: k = its district's index in the district facet + 1 (0 = not known); stored as k when the
   * location is a venue and as −1 − k when it is area-only.
   */
  d: number[];
  /** Per location: its town (text index). */
  n: number[];
  /**
   * The services at each location, location by location. Each is a code c: 0 for the service after the
   * highest one named so far, else how many places back from that it is. All but the last code of a
   * location are stored as −1 − c.
   */
  m: number[];
}

export interface MapProvider {
  index: number;
  slug: string;
  name: string;
}

export interface MapService {
  index: number;
  provider: MapProvider;
  id: string;
  name: string;
  /** When it runs, in words; "" when not known. */
  when: string;
  /** For services without a place: the areas or districts it covers, in words ("West Sussex and East Sussex"). */
  covers: string;
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
}

/** The term number of a facet value, or undefined when the file does not know it. */
export function termNumber(data: Pick<MapData, 'facets'>, key: string, id: string): number | undefined {
  const facet = data.facets.find((f) => f.key === key);
  const i = facet ? facet.ids.indexOf(id) : -1;
  return facet && i >= 0 ? facet.offset + i : undefined;
}

export function decodeMapFile(file: MapFile): MapData {
  if (file.v !== MAP_FORMAT_VERSION) throw new Error(`The map data is in format ${String(file.v)}, but this page reads format ${MAP_FORMAT_VERSION}.`);
  let offset = 0;
  const facets = file.f.map(([key, ids]) => {
    const facet = { key, ids, offset };
    offset += ids.length;
    return facet;
  });
  const providers: MapProvider[] = file.p.map(([slug, name], index) => ({ index, slug: slug || kebab(name), name }));
  const providerTerms = file.p.map(([, , steps]) => fromSteps(steps));
  const text = (i: number) => file.t[i] ?? '';
  const services: MapService[] = file.s.map(([p, id, name, when, covers, steps], index) => {
    const provider = providers[p];
    if (!provider) throw new Error(`The map data names provider ${p}, which it does not list.`);
    return { index, provider, id: id || kebab(name), name, when: text(when), covers: text(covers), terms: new Set([...fromSteps(steps), ...(providerTerms[p] ?? [])]), locations: [] };
  });
  let next = 0;
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
      district: k - 1,
      town: text(file.n[i] ?? 0),
      services: here,
    };
    for (const s of here) services[s]?.locations.push(i);
    locations.push(loc);
  }
  return { facets, districtArea: file.a, providers, services, locations };
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
