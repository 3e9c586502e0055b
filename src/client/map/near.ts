// "Near me": a town from the list, a typed town or postcode (the resolver and its list of places load only when
// first asked for), or the visitor's own location, which stays in the browser.
import { milesBetween } from '../../lib/places/distance.ts';
import type { PlaceLookup, PlaceMatch } from '../../lib/places/places.ts';
import type { NearPoint } from './list.ts';

export interface Near extends NearPoint {
  /** Gazetteer id, when a town was chosen (it goes in the page address); none for the visitor's own location. */
  id?: string;
  name: string;
}

/** When "near me" is set, the map shows at least this many of the nearest places. */
export const NEAREST_SHOWN = 5;
/** The visitor's own location takes the district of the nearest town this close. */
const OWN_DISTRICT_MILES = 10;

/** The message once the groups are sorted from a place. */
export const nearestFrom = (name: string) => `Showing the groups nearest to ${name} first.`;

/** The chosen town of the list, if any. */
export function nearFromOption(o: HTMLOptionElement | undefined): Near | undefined {
  if (!o?.value) return undefined;
  return { id: o.value, name: o.text, lat: Number(o.dataset.lat), lng: Number(o.dataset.lng), district: o.dataset.district };
}

/** The visitor's own location, with the district of the nearest town when one is close. */
export function ownLocation(lat: number, lng: number, towns: readonly { lat: number; lng: number; district: string }[]): Near {
  const closest = towns.map((t) => ({ t, miles: milesBetween(lat, lng, t.lat, t.lng) })).sort((a, b) => a.miles - b.miles)[0];
  return { name: 'your location', lat, lng, district: closest && closest.miles < OWN_DISTRICT_MILES ? closest.t.district : undefined };
}

/** The spots to fit in view around a place: the nearest few. */
export function nearestSpots<T extends { lat: number; lng: number }>(near: NearPoint, spots: readonly T[]): T[] {
  return spots
    .map((p) => ({ p, miles: milesBetween(near.lat, near.lng, p.lat, p.lng) }))
    .sort((a, b) => a.miles - b.miles)
    .slice(0, NEAREST_SHOWN)
    .map(({ p }) => p);
}

/** What a typed place comes to: the place to sort from and the message, or only a message. */
export function typedPlace(text: string, match: PlaceMatch | null, outsideMessage: (m: Extract<PlaceMatch, { kind: 'outside' }>) => string): { near?: Near; message: string } {
  if (!match) return { message: `We could not find "${text}". Try the name of a town or village in Sussex, or a postcode like BN11 1AA, or choose from the list.` };
  if (match.kind === 'outside') return { message: `${outsideMessage(match)} This directory covers West Sussex, East Sussex and Brighton & Hove.` };
  const p = match.place;
  const near = { id: p.id, name: p.name, lat: p.latitude, lng: p.longitude, district: p.district };
  // A postcode is placed at its district's main town; the page address keeps the town, never the postcode.
  return { near, message: match.kind === 'postcode' ? `Showing the groups nearest to ${p.name} (${match.outward}) first.` : nearestFrom(p.name) };
}

export interface NearControls {
  form: HTMLFormElement;
  select: HTMLSelectElement;
  message: HTMLElement;
  text: HTMLInputElement | null;
  towns: readonly { lat: number; lng: number; district: string }[];
  /** Loads the resolver and its places (once; again after a failure). */
  resolver(): Promise<{ lib: typeof import('../../lib/places/places.ts'); lookup: PlaceLookup }>;
  /** Sorts from this place, records it in the page address and redraws. */
  choose(near: Near): void;
}

/** The "Find" button (and Enter) for a typed place, and "Use my location". */
export function wireNearMe(c: NearControls): void {
  async function findTyped(): Promise<void> {
    const text = c.text?.value.trim() ?? '';
    if (!text) {
      c.message.textContent = 'Type a town, village or postcode first, then press Find.';
      return;
    }
    c.message.textContent = 'Looking for that place…';
    let found: Awaited<ReturnType<NearControls['resolver']>>;
    try {
      found = await c.resolver();
    } catch {
      c.message.textContent = 'We could not look up places just now. Choose a town or village from the list instead.';
      return;
    }
    const { near, message } = typedPlace(text, found.lib.resolvePlace(text, found.lookup), found.lib.outsideMessage);
    if (near) c.select.value = [...c.select.options].some((o) => o.value === near.id) ? near.id! : '';
    c.message.textContent = message;
    if (near) c.choose(near);
  }
  c.form.querySelector<HTMLButtonElement>('[data-near-find]')?.addEventListener('click', () => void findTyped());
  c.text?.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void findTyped();
  });

  c.form.querySelector<HTMLButtonElement>('[data-near-locate]')?.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      c.message.textContent = 'Your browser cannot share your location. Choose a town or village instead.';
      return;
    }
    c.message.textContent = 'Asking your browser for your location…';
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const near = ownLocation(position.coords.latitude, position.coords.longitude, c.towns);
        c.select.value = '';
        c.message.textContent = 'Showing the groups nearest to you first. Your location stays in this browser.';
        c.choose(near);
      },
      () => {
        c.message.textContent = 'Your browser did not share your location. You can choose a town or village instead.';
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  });
}
