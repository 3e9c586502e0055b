// The list beside the map: the accessible alternative to the markers, built from the same data.
// Plain DOM, no Leaflet: every entry has a heading, a link to the service on its provider's page, when it
// runs, where, and how far away when "near me" is set.
import type { MapLocation, MapService } from '../../lib/map/map-format.ts';

export interface PlaceInList {
  location: MapLocation;
  /** Miles from the chosen place, when there is one. */
  miles?: number;
}

export interface ListEntry {
  service: MapService;
  places: PlaceInList[];
  /** The nearest of its places, in miles, when "near me" is set. */
  miles?: number;
}

/** "/base/providers/slug/#service-id". */
export function serviceHref(base: string, service: MapService): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}providers/${service.provider.slug}/#${service.id}`;
}

/** 0.04 → "less than 0.1 miles", 1 → "1 mile", 2.345 → "2.3 miles", 12.6 → "13 miles". */
export function formatMiles(miles: number): string {
  if (miles < 0.05) return 'less than 0.1 miles';
  if (miles < 9.95) {
    const shown = miles.toFixed(1).replace(/\.0$/, '');
    return `${shown} ${shown === '1' ? 'mile' : 'miles'}`;
  }
  return `${Math.round(miles)} miles`;
}

/** How far a place is: "2.3 miles", "about 2.3 miles" when only its town or area is known, and for such a place at the one chosen, "close to where you chose". */
export function distanceText(miles: number, approximate: boolean): string {
  if (!approximate) return formatMiles(miles);
  return miles < 0.05 ? 'close to where you chose' : `about ${formatMiles(miles)}`;
}

/** Where a place is, in words: "Worthing", or "somewhere in or near Hastings (the venue is not published)". */
export function placeWords(location: MapLocation): string {
  const town = location.town || 'this area';
  if (location.townOnly) return `In ${town}; the exact place is not known`;
  return location.areaOnly ? `Somewhere in or near ${town} (the group does not publish its venue)` : town;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { className?: string; text?: string } = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (props.className) e.className = props.className;
  if (props.text !== undefined) e.textContent = props.text;
  e.append(...children);
  return e;
}

function heading(base: string, service: MapService): HTMLHeadingElement {
  // <bdi>: a name written right to left cannot reorder the words around it.
  const a = el('a', {}, el('bdi', { text: service.name }));
  a.href = serviceHref(base, service);
  return el('h3', {}, a);
}

export interface EntryOptions {
  base: string;
  /** Called when the visitor asks to see the service's place on the map. */
  onShow?: (entry: ListEntry) => void;
}

/** One service with a place on the map. */
export function renderPlaced(entry: ListEntry, options: EntryOptions): HTMLLIElement {
  const { service } = entry;
  const li = el('li', { className: 'card map-item' });
  li.dataset.service = `${service.provider.slug}#${service.id}`;
  if (entry.miles !== undefined) li.dataset.miles = entry.miles.toFixed(4);
  li.append(heading(options.base, service), el('p', {}, 'Run by ', el('bdi', { text: service.provider.name })));
  if (service.when) li.append(el('p', { text: service.when }));
  if (service.age) li.append(el('p', { className: service.old ? 'age-short old' : 'age-short', text: service.age }));
  const where = el('ul', { className: 'map-where' });
  for (const p of entry.places) {
    const item = el('li', {}, placeWords(p.location));
    if (p.miles !== undefined) {
      item.append(' · ', el('strong', { className: 'map-distance', text: distanceText(p.miles, p.location.areaOnly || p.location.townOnly) }));
      item.dataset.miles = p.miles.toFixed(4);
    }
    where.append(item);
  }
  li.append(where);
  if (options.onShow) {
    const button = el('button', { className: 'button map-show' }, 'Show on map', el('span', { className: 'visually-hidden', text: `: ${service.name}, ${service.provider.name}` }));
    button.type = 'button';
    button.addEventListener('click', () => options.onShow?.(entry));
    li.append(el('p', {}, button));
  }
  return li;
}

/** A service with no place on the map: it covers an area, or runs online or by phone. */
export function renderUnplaced(service: MapService, options: { base: string; how?: string; covers: string }): HTMLLIElement {
  const li = el('li', { className: 'card map-item' });
  li.dataset.service = `${service.provider.slug}#${service.id}`;
  li.append(heading(options.base, service), el('p', {}, 'Run by ', el('bdi', { text: service.provider.name })));
  if (options.how) li.append(el('p', { text: options.how }));
  if (service.when) li.append(el('p', { text: service.when }));
  if (service.age) li.append(el('p', { className: service.old ? 'age-short old' : 'age-short', text: service.age }));
  if (options.covers) li.append(el('p', { className: 'map-covers', text: options.covers }));
  return li;
}

/** The popup of a marker: the place, then each service that meets there. */
export function renderPopup(location: MapLocation, services: MapService[], base: string): HTMLElement {
  const box = el('div', { className: 'map-popup' });
  box.append(el('p', { className: 'map-popup-place', text: placeWords(location) }));
  const list = el('ul');
  for (const s of services) {
    const a = el('a', {}, el('bdi', { text: s.name }));
    a.href = serviceHref(base, s);
    const item = el('li', {}, a, el('br'), 'Run by ', el('bdi', { text: s.provider.name }));
    if (s.when) item.append(el('br'), s.when);
    list.append(item);
  }
  box.append(list);
  return box;
}

/**
 * A list shown a page at a time: `show` puts the first entries in, and the button after the list adds the next
 * page and moves focus to the first entry it added. The button hides when everything is listed.
 */
export class PagedList<T> {
  private items: T[] = [];
  private shown = 0;

  constructor(
    private readonly list: HTMLElement,
    private readonly button: HTMLButtonElement,
    private readonly render: (item: T) => HTMLLIElement,
    /** The button's words, from how many are not listed yet and how many are. */
    private readonly words: (left: number, shown: number) => string,
    private readonly pageSize = 30,
  ) {
    button.addEventListener('click', () => this.more(this.pageSize, true));
  }

  show(items: T[], first: number): void {
    this.items = items;
    this.shown = 0;
    this.list.replaceChildren();
    this.more(first, false);
  }

  private more(count: number, focus: boolean): void {
    const added = this.items.slice(this.shown, this.shown + count).map(this.render);
    this.list.append(...added);
    this.shown += added.length;
    if (focus) added[0]?.querySelector<HTMLElement>('a[href]')?.focus();
    const left = this.items.length - this.shown;
    const holder = this.button.parentElement ?? this.button;
    holder.hidden = left <= 0;
    if (left > 0) this.button.textContent = this.words(left, this.shown);
  }
}
