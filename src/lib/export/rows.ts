// The shapes every export shares: providers in a fixed order, services with their venues, and the
// UUIDs of each object, derived from the provider's slug and the object's path in its file.
import type { Dataset, Entry, Location, Provider, Service } from '../model/types.ts';
import { signatoryFor } from '../directory.ts';
import { objectId } from './uuid.ts';

export type ProviderEntry = Entry<Provider>;

/** Providers by slug (file name), so the order never depends on how the folder was read. */
export function sortedProviders(dataset: Dataset): ProviderEntry[] {
  return [...dataset.providers].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

export function sortedSignatories(dataset: Dataset): Dataset['signatories'] {
  return [...dataset.signatories].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** The Charter status of a provider: "active", "lapsed", or "" when it has not signed. */
export function charterStatus(dataset: Dataset, slug: string): string {
  return signatoryFor(dataset, slug)?.data.status ?? '';
}

/** The ids of every kind of object, each from a path that is stable while the data stays the same. */
export const ids = {
  organization: (slug: string) => objectId('organization', slug),
  service: (slug: string, service: string) => objectId('service', slug, service),
  /** A venue: named after the first service (and its position there) that lists it. */
  location: (slug: string, service: string, index: number) => objectId('location', slug, service, String(index)),
  address: (locationId: string) => objectId('address', locationId),
  accessibility: (locationId: string, feature: string) => objectId('accessibility', locationId, feature),
  serviceAtLocation: (slug: string, service: string, index: number) => objectId('service_at_location', slug, service, String(index)),
  contact: (slug: string, service?: string) => objectId('contact', slug, ...(service ? [service] : [])),
  phone: (slug: string, service?: string) => objectId('phone', slug, ...(service ? [service] : [])),
  schedule: (slug: string, service: string, which: string) => objectId('schedule', slug, service, which),
  costOption: (slug: string, service: string) => objectId('cost_option', slug, service),
  language: (slug: string, service: string, code: string) => objectId('language', slug, service, code),
  serviceArea: (slug: string, service: string, place: string) => objectId('service_area', slug, service, place),
  taxonomy: (vocabulary: string) => objectId('taxonomy', vocabulary),
  taxonomyTerm: (vocabulary: string, term: string) => objectId('taxonomy_term', vocabulary, term),
  attribute: (linkId: string, vocabulary: string, term: string) => objectId('attribute', linkId, vocabulary, term),
};

function norm(value: unknown): string {
  return typeof value === 'string' ? value.trim().replace(/\s+/g, ' ').toLowerCase() : value === undefined ? '' : String(value);
}

/** Two locations are the same venue when every field that places them is the same. */
export function venueKey(loc: Location): string {
  return JSON.stringify([norm(loc.name), norm(loc.address), norm(loc.town), norm(loc.postcode).replace(/ /g, ''), loc.district ?? '', loc.latitude ?? '', loc.longitude ?? '', loc.precision]);
}

export interface Venue {
  id: string;
  key: string;
  location: Location;
  /** Where it was first listed: the service id and the position in its locations. */
  firstService: string;
  firstIndex: number;
}

const venuesOf = new WeakMap<ProviderEntry, Venue[]>();

/** The distinct venues of a provider, in the order they are first listed (the same list each time: each venue's id is a hash). */
export function providerVenues(entry: ProviderEntry): Venue[] {
  let list = venuesOf.get(entry);
  if (!list) venuesOf.set(entry, (list = distinctVenues(entry)));
  return list;
}

function distinctVenues(entry: ProviderEntry): Venue[] {
  const venues = new Map<string, Venue>();
  for (const s of entry.data.services)
    (s.locations ?? []).forEach((loc, i) => {
      const key = venueKey(loc);
      if (!venues.has(key)) venues.set(key, { id: ids.location(entry.slug, s.id, i), key, location: loc, firstService: s.id, firstIndex: i });
    });
  return [...venues.values()];
}

export interface ServiceLocation {
  provider: ProviderEntry;
  service: Service;
  venue?: Venue;
  /** Position of the location in the service's list (the first one, when a venue is listed twice). */
  index?: number;
  /** The service-at-location id; only when there is a venue. */
  serviceAtLocationId?: string;
}

const rowsOf = new WeakMap<Dataset, ServiceLocation[]>();

/** One item per service and venue (a venue listed twice in one service counts once), or per service when it has no venue; made once per dataset, as three formats ask. */
export function serviceLocations(dataset: Dataset): ServiceLocation[] {
  let rows = rowsOf.get(dataset);
  if (!rows) rowsOf.set(dataset, (rows = serviceLocationRows(dataset)));
  return rows;
}

function serviceLocationRows(dataset: Dataset): ServiceLocation[] {
  const out: ServiceLocation[] = [];
  for (const provider of sortedProviders(dataset)) {
    const venues = new Map(providerVenues(provider).map((v) => [v.key, v]));
    for (const service of provider.data.services) {
      const seen = new Set<string>();
      const locs = service.locations ?? [];
      locs.forEach((loc, index) => {
        const venue = venues.get(venueKey(loc));
        if (!venue || seen.has(venue.key)) return;
        seen.add(venue.key);
        out.push({ provider, service, venue, index, serviceAtLocationId: ids.serviceAtLocation(provider.slug, service.id, index) });
      });
      if (!locs.length) out.push({ provider, service });
    }
  }
  return out;
}

/** The area a district belongs to. */
export function areaOfDistrict(dataset: Dataset, district: string | undefined): string | undefined {
  return district ? dataset.vocab.districts.terms.find((d) => d.id === district)?.area : undefined;
}
