// The one answer to each question about a provider or service: is it running, is it on the map, is it
// given online or by phone, which districts it covers, is it user-led. Pages, search, the map, the
// coverage report and the exports all ask here, so they never disagree. Pure and browser-safe.
import { placed } from '../places/place-coordinates.ts';
import type { Vocabularies } from '../dataset/vocab.ts';
import type { Location, Provider, Service } from './types.ts';

/** Kinds of leadership that count as user-led provision: run by and for people with lived experience. */
export const USER_LED_LEADERS = ['user-led', 'peer-led-group'];

/** Where a provider whose areas are not known works, as a place name. */
export const AREAS_NOT_KNOWN = 'Sussex (which areas is not known yet)';

/** A current service has not closed: it is running, or paused for now. Pages and search list these. */
export function isCurrent(service: Service): boolean {
  return service.status !== 'closed';
}

/** A running service meets now: not closed and not paused. The map, the calendar, the coverage report and print show these. */
export function isRunning(service: Service): boolean {
  return service.status === 'active';
}

export function currentServices(p: Provider): Service[] {
  return p.services.filter(isCurrent);
}

/** Whether none of a provider's services runs any more: every one is closed. */
export function isClosed(p: Provider): boolean {
  return !p.services.some(isCurrent);
}

/**
 * Whether a provider is user-led: run by and for people with lived experience of mental distress, as a
 * user-led organisation or a peer-led group. The one rule for the badge, the cards, the search filter and
 * the coverage page.
 */
export function isUserLed(p: Pick<Provider, 'led_by'>): boolean {
  return USER_LED_LEADERS.includes(p.led_by);
}

/** Whether a location has coordinates the map can draw. */
export function isLocated(loc: Location): loc is Location & { latitude: number; longitude: number } {
  return typeof loc.latitude === 'number' && typeof loc.longitude === 'number';
}

/** Whether a service has a marker on the map: it is running and one of its places can be drawn (at its town if need be). */
export function isOnMap(service: Service): boolean {
  return isRunning(service) && (service.locations ?? []).some((l) => isLocated(placed(l)));
}

/** What the online-or-by-phone rules read of a service (the map has no more than this). */
export type RemoteFacts = Pick<Service, 'delivery' | 'settings'> & { locations?: readonly unknown[] };

/** True when the service has no venue and is given only online or by phone. */
export function isRemoteOnly(s: RemoteFacts): boolean {
  if (s.locations?.length) return false;
  if (s.delivery?.length) return true;
  return !!s.settings?.length && s.settings.every((x) => x === 'online' || x === 'phone');
}

/** True when some of the service is given online or by phone, with venues or without. */
export function offersRemote(s: RemoteFacts): boolean {
  return !!s.delivery?.length || isRemoteOnly(s);
}

/** False when the sources say only that the provider works somewhere in Sussex (areas_unconfirmed: true). */
export function areasKnown(p: Pick<Provider, 'areas_unconfirmed'>): boolean {
  return p.areas_unconfirmed !== true;
}

/** The districts of the given areas, in vocabulary order. */
export function districtsOfAreas(vocab: Vocabularies, areas: readonly string[]): string[] {
  return vocab.districts.terms.filter((d) => d.area && areas.includes(d.area)).map((d) => d.id);
}

/**
 * The districts a provider says it serves (the coverage report): its own list, or else every district of its
 * areas; none when its areas are not known.
 */
export function providerServedDistricts(vocab: Vocabularies, p: Provider): string[] {
  if (!areasKnown(p)) return [];
  const own: readonly string[] = p.districts ?? [];
  if (own.length) return vocab.districts.terms.filter((d) => own.includes(d.id)).map((d) => d.id);
  return districtsOfAreas(vocab, p.areas);
}

/**
 * The districts a provider is found under (search filters, lists by district): those it names and those its
 * current venues are in, or else every district of its areas. Unlike providerServedDistricts it counts venues.
 */
export function providerDistricts(vocab: Vocabularies, p: Provider): string[] {
  const named = new Set<string>(p.districts ?? []);
  for (const s of currentServices(p)) for (const loc of s.locations ?? []) if (loc.district) named.add(loc.district);
  if (named.size) return [...named];
  return districtsOfAreas(vocab, p.areas);
}

/** Whether a provider covers whole areas: it names no district, and none of its venues names one. */
export function coversWholeArea(p: Provider): boolean {
  return !p.districts?.length && !p.services.some((s) => s.locations?.some((l) => l.district));
}
