// The map page: Leaflet with clustered markers, the same filters and page-address parameters as search,
// "near me", and a list of the groups in view. No request leaves this site until the visitor presses
// "Show street map"; everything else works without the street map.
// The markers come first, from the small /map-data.json; the names for the list and pop-ups follow from
// /map-text.json. The list shows a page of groups at a time, so a directory of thousands stays quick.
// This file wires the parts together: url-state, markers, keyboard, list, near, tiles.
import * as Leaflet from 'leaflet';
import 'leaflet.markercluster';
import type { PlaceLookup } from '../../lib/places/places.ts';
import { addMapText, countTerms, decodeMapFile, type MapData, type MapFile, type MapFilter, type MapService, type MapText } from '../../lib/map/map-format.ts';
import { filterParams, showBoxCounts, withQuery } from '../filters.ts';
import { followKeyboard } from './keyboard.ts';
import { coveringList, deliveryTerms, entriesInView, PAGE_SIZE, placedTotal, remoteList, shownServices, statusText } from './list.ts';
import { PagedList, renderPlaced, renderUnplaced, type ListEntry } from './list-view.ts';
import { createMarkers, markerHtml } from './markers.ts';
import { nearestFrom, nearestSpots, nearFromOption, wireNearMe, type Near } from './near.ts';
import { streetMap, townLabels } from './tiles.ts';
import { chosenFilter, readParams, stateUrl } from './url-state.ts';
import { count, plural } from './words.ts';

// leaflet.markercluster adds itself to the global L that Leaflet sets; use that same object.
const L = ((window as unknown as { L?: typeof Leaflet }).L ?? Leaflet) as typeof Leaflet;

const getJson = <T>(url: string): Promise<T> =>
  fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${r.status}`);
    return r.json() as Promise<T>;
  });

export function startMap(): void {
  const page = document.querySelector<HTMLElement>('[data-map-page]');
  const container = page?.querySelector<HTMLElement>('[data-map]');
  if (!page || !container) return;
  const base = page.dataset.base ?? '/';
  const form = page.querySelector<HTMLFormElement>('[data-map-form]')!;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const nearSelect = form.querySelector<HTMLSelectElement>('[data-near-select]')!;
  const nearMessage = form.querySelector<HTMLElement>('[data-near-message]')!;
  const nearText = form.querySelector<HTMLInputElement>('[data-near-text]');
  const status = page.querySelector<HTMLElement>('#map-status')!;
  const more = (which: string) => page.querySelector<HTMLButtonElement>(`[data-more="${which}"]`)!;
  const inView = new PagedList<ListEntry>(page.querySelector('[data-in-view]')!, more('in-view'), (e) => renderPlaced(e, { base, onShow: showOnMap }), (left) => `Show more groups (${count(left)} more in this part of the map)`);
  const covering = new PagedList<MapService>(page.querySelector('[data-covering]')!, more('covering'), (s) => renderUnplaced(s, { base, covers: `Covers ${s.covers}` }), (left, shown) =>
    shown ? `Show more groups that cover an area (${count(left)} more)` : `Show the ${plural(left, 'group')} that cover a whole area`,
  );
  const remote = new PagedList<MapService>(page.querySelector('[data-remote]')!, more('remote'), (s) => renderRemote(s), (left, shown) =>
    shown ? `Show more groups online or by phone (${count(left)} more)` : `Show the ${plural(left, 'group')} online or by phone`,
  );
  const providerNote = page.querySelector<HTMLElement>('[data-provider-note]')!;
  const filtersBox = page.querySelector<HTMLDetailsElement>('[data-map-filters]');
  const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const [south, west, north, east] = JSON.parse(page.dataset.bounds ?? '[50.72,-0.96,51.17,0.87]') as number[];
  const sussex = L.latLngBounds([south ?? 50.72, west ?? -0.96], [north ?? 51.17, east ?? 0.87]);

  // ---- the map, on a plain background with town names ---------------------------------------------------
  const map = L.map(container, {
    zoomAnimation: !reduced,
    fadeAnimation: !reduced,
    markerZoomAnimation: !reduced,
    zoomSnap: 0.25,
    minZoom: 8,
    maxZoom: Number(container.dataset.tileMaxZoom) || 18,
    maxBounds: sussex.pad(1.5),
    attributionControl: false,
  });
  L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }).addTo(map);
  map.fitBounds(sussex);

  // Panes hidden from screen readers hold only pictures: town names (the list says where each group is) and
  // the chosen place. Nothing in them can take focus.
  for (const [name, z] of [['towns', 350], ['near', 450]] as const) {
    const pane = map.createPane(name);
    pane.style.zIndex = String(z);
    pane.setAttribute('aria-hidden', 'true');
  }
  const towns = townLabels(L, map, [...nearSelect.querySelectorAll('option')]);
  const street = streetMap(L, map, container, page.querySelector<HTMLButtonElement>('[data-street-toggle]')!, page.querySelector<HTMLElement>('[data-street-status]')!, towns);

  page.querySelector<HTMLButtonElement>('[data-reset-view]')?.addEventListener('click', () => map.fitBounds(sussex));

  // ---- filters and the page address -----------------------------------------------------------------------
  let near: Near | undefined;
  let provider: string | undefined;
  let words = '';

  function readUrl(): void {
    const state = readParams(location.search);
    for (const box of boxes) box.checked = state.ticks(box);
    provider = state.provider;
    words = state.words;
    const wanted = state.near;
    nearSelect.value = [...nearSelect.options].some((o) => o.value === wanted) ? wanted : '';
    if (wanted && !nearSelect.value) nearMessage.textContent = `We do not know the place "${wanted}". Choose a town or village from the list.`;
    near = nearFromOption(nearSelect.selectedOptions[0]) ?? (near && !near.id ? near : undefined);
  }

  const chosen = (): MapFilter => chosenFilter(boxes, provider);

  // ---- data and markers ---------------------------------------------------------------------------------
  let data: MapData | undefined;
  const { markers, areas, layers, shownAt, withPopup, build } = createMarkers(L, map, { reduced, container, base, data: () => data });
  const keyboard = followKeyboard(map, markers, container, reduced);

  // ---- list, counts and status --------------------------------------------------------------------------
  const deliveryLabels = new Map(boxes.filter((b) => b.name === 'delivery').map((b) => [b.value, b.closest('label')?.dataset.label ?? b.value]));

  function showOnMap(entry: ListEntry): void {
    const place = entry.places[0]?.location;
    const layer = place ? layers[place.index] : undefined;
    if (!layer) return;
    keyboard.keyboardOpen = true;
    markers.zoomToShowLayer(layer.marker, () => {
      // Close enough to see the streets around it (with the street map) and the groups nearby in the list.
      if (map.getZoom() < 13) map.setView(layer.marker.getLatLng(), 13, { animate: false });
      withPopup(layer.marker).openPopup();
      if (!layer.marker.getPopup()?.isOpen()) keyboard.keyboardOpen = false;
    });
  }

  function renderList(d: MapData, f: MapFilter): void {
    const bounds = map.getBounds();
    const { list, places } = entriesInView(d, f, (lat, lng) => bounds.contains([lat, lng]), near);
    inView.show(list, PAGE_SIZE);

    // Groups with no place on the map: all of them when there are few, else a count and a button.
    const coverList = coveringList(d, f, near?.district);
    covering.show(coverList, coverList.length <= PAGE_SIZE ? PAGE_SIZE : 0);
    page!.querySelector<HTMLElement>('[data-covering-section]')!.hidden = !coverList.length;
    const remotes = remoteList(d, f);
    remote.show(remotes, remotes.length <= PAGE_SIZE ? PAGE_SIZE : 0);
    page!.querySelector<HTMLElement>('[data-remote-section]')!.hidden = !remotes.length;

    status.textContent = statusText({
      inView: list.length,
      placesInView: places,
      placedTotal: placedTotal(d, f),
      filtered: !!(f.terms.size || f.provider),
      nearName: near?.name,
      covering: coverList.length,
      remote: remotes.length,
    });
  }

  function renderRemote(s: MapService): HTMLLIElement {
    return renderUnplaced(s, {
      base,
      how: deliveryTerms(data!, s).map((id) => deliveryLabels.get(id) ?? id).join(' and '),
      covers: s.covers ? `For people in ${s.covers}` : s.locations.length ? 'Also meets in person: see the map' : '',
    });
  }

  function showCounts(d: MapData, f: MapFilter): void {
    const counts = countTerms(d, f);
    showBoxCounts(boxes, (facet) => counts.get(facet) ?? 0);
    const n = boxes.filter((b) => b.checked).length;
    const summary = page!.querySelector<HTMLElement>('[data-filter-summary]');
    if (summary) summary.textContent = n ? ` (${n} chosen)` : '';
  }

  function updateLinks(): void {
    const params = filterParams(words, boxes);
    const search = withQuery(page!.dataset.searchUrl ?? `${base}search/`, params);
    for (const a of page!.querySelectorAll<HTMLAnchorElement>('[data-list-link], [data-words-link]')) a.href = search;
    page!.querySelector<HTMLElement>('[data-words-note]')!.hidden = !words;
    const clear = page!.querySelector<HTMLAnchorElement>('[data-provider-clear]');
    if (clear) clear.href = withQuery(location.pathname, params);
  }

  let nearLayer: Leaflet.Marker | undefined;

  /** Redraws markers, list and counts; `refit` moves the map to the provider's places or the nearest groups. */
  function apply(refit: boolean): void {
    updateLinks();
    if (nearLayer) map.removeLayer(nearLayer);
    nearLayer = near
      ? L.marker([near.lat, near.lng], { pane: 'near', interactive: false, keyboard: false, icon: L.divIcon({ className: 'map-near', iconSize: [24, 24], html: '' }) }).addTo(map)
      : undefined;
    const d = data;
    if (!d) return;
    // A provider is named by its slug, which comes with the words.
    if (provider && !d.named) {
      status.textContent = 'Loading the groups…';
      void loadWords().then(() => apply(refit), failed);
      return;
    }
    const f = chosen();
    const shownMarkers: Leaflet.Marker[] = [];
    map.closePopup();
    markers.clearLayers();
    areas.clearLayers();
    for (const loc of d.locations) {
      const layer = layers[loc.index];
      if (!layer) continue;
      const services = shownServices(d, f, loc);
      shownAt.set(layer.marker, services);
      if (!services.length) continue;
      shownMarkers.push(layer.marker);
      if (layer.circle) areas.addLayer(layer.circle);
    }
    markers.addLayers(shownMarkers);

    const owner = provider ? d.providers.find((p) => p.slug === provider) : undefined;
    providerNote.hidden = !provider;
    const providerText = providerNote.querySelector<HTMLElement>('[data-provider-text]');
    if (providerText && provider) {
      const placed = shownMarkers.length;
      providerText.textContent = !owner
        ? 'We could not find that organisation on the map.'
        : placed
          ? `Showing only the groups run by ${owner.name}.`
          : `${owner.name} has no meeting places on the map that match your choice. Any groups it runs online, by phone or across an area are listed below.`;
    }
    if (refit) {
      const spots = shownMarkers.map((m) => m.getLatLng());
      if (near) {
        const view = L.latLngBounds([[near.lat, near.lng]]);
        for (const p of nearestSpots(near, spots)) view.extend(p);
        map.fitBounds(view.pad(0.15), { maxZoom: 13 });
      } else if (provider && spots.length) map.fitBounds(L.latLngBounds(spots).pad(0.2), { maxZoom: 14 });
      else map.fitBounds(sussex);
    }
    if (!d.named) {
      status.textContent = 'Loading the names of the groups…';
      return;
    }
    showCounts(d, f);
    renderList(d, f);
  }

  /** Once the words are in: names on the markers in view (and on the rest when they show), counts and the list. */
  function showWords(): void {
    const d = data;
    if (!d?.named) return;
    // Markers on show keep their element (and focus): only the words inside change. The rest are drawn with
    // their names when they show.
    for (const loc of d.locations) {
      const marker = layers[loc.index]?.marker;
      const el = marker?.getElement();
      if (marker && el) el.innerHTML = markerHtml(loc, shownAt.get(marker) ?? [], true);
    }
    const f = chosen();
    showCounts(d, f);
    renderList(d, f);
  }

  let moving: ReturnType<typeof setTimeout> | undefined;
  map.on('moveend', () => {
    clearTimeout(moving);
    moving = setTimeout(() => data?.named && renderList(data, chosen()), 100);
  });

  const push = () => history.pushState({ street: street.on }, '', stateUrl(location.pathname, { words, provider, nearId: near?.id }, boxes));
  const choose = (place: Near | undefined): void => {
    near = place;
    push();
    apply(true);
  };

  // ---- a typed town or postcode: the resolver and its list of places load only when first asked for ----
  let resolver: Promise<{ lib: typeof import('../../lib/places/places.ts'); lookup: PlaceLookup }> | undefined;
  function loadResolver(): NonNullable<typeof resolver> {
    resolver ??= Promise.all([import('../../lib/places/places.ts'), getJson<PlaceLookup>(page!.dataset.placesUrl ?? `${base}places.json`)]).then(([lib, lookup]) => ({ lib, lookup }));
    resolver.catch(() => (resolver = undefined));
    return resolver;
  }
  wireNearMe({ form, select: nearSelect, message: nearMessage, text: nearText, towns: towns.towns, resolver: loadResolver, choose });

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    // Typing a place does nothing until Find (or Enter): a half-typed name is not a choice.
    if (target === nearText) return;
    if (target === nearSelect) {
      const place = nearFromOption(nearSelect.selectedOptions[0]);
      nearMessage.textContent = place ? nearestFrom(place.name) : '';
      choose(place);
      return;
    }
    push();
    apply(false);
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    for (const box of boxes) box.checked = false;
    push();
    apply(false);
  });
  page.querySelector<HTMLAnchorElement>('[data-provider-clear]')?.addEventListener('click', (event) => {
    event.preventDefault();
    provider = undefined;
    push();
    apply(true);
  });
  window.addEventListener('popstate', () => {
    readUrl();
    const wantStreet = !!(history.state as { street?: boolean } | null)?.street;
    if (wantStreet !== street.on && wantStreet) street.set(true);
    apply(true);
  });

  readUrl();
  if (filtersBox && matchMedia('(max-width: 47.99rem)').matches && !boxes.some((b) => b.checked)) filtersBox.open = false;
  if (near) nearMessage.textContent = nearestFrom(near.name);
  apply(false);

  let wordsLoaded: Promise<void> | undefined;
  /** The names and times, from /map-text.json (once). */
  function loadWords(): Promise<void> {
    return (wordsLoaded ??= getJson<MapText>(page!.dataset.textUrl ?? `${base}map-text.json`).then((text) => {
      if (data && !data.named) addMapText(data, text);
    }));
  }
  function failed(): void {
    status.textContent = 'The groups could not be loaded. Please try again later, or find groups through the search page or the A to Z list.';
  }

  getJson<MapFile>(page.dataset.dataUrl ?? `${base}map-data.json`)
    .then((file) => {
      data = decodeMapFile(file);
      build(data);
      apply(true);
      // The words once the markers are on the screen.
      requestAnimationFrame(() => setTimeout(() => loadWords().then(showWords, failed)));
    })
    .catch(failed);
}
