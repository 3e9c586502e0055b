// The map page: Leaflet with clustered markers, the same filters and page-address parameters as search,
// "near me", and a list of the groups in view. No request leaves this site until the visitor presses
// "Show street map"; everything else works without the street map.
// The markers come first, from the small /map-data.json; the names for the list and pop-ups follow from
// /map-text.json. The list shows a page of groups at a time, so a directory of thousands stays quick.
import * as Leaflet from 'leaflet';
import 'leaflet.markercluster';
import { milesBetween } from '../lib/places/distance.ts';
import type { PlaceLookup } from '../lib/places/places.ts';
import { addMapText, countTerms, decodeMapFile, passes, serviceShown, type MapData, type MapFile, type MapFilter, type MapLocation, type MapService, type MapText } from './map-format.ts';
import { PagedList, placeWords, renderPlaced, renderPopup, renderUnplaced, type ListEntry } from './map-list.ts';

// leaflet.markercluster adds itself to the global L that Leaflet sets; use that same object.
const L = ((window as unknown as { L?: typeof Leaflet }).L ?? Leaflet) as typeof Leaflet;

/** Radius of the circle drawn for a group that does not publish its venue. */
const AREA_RADIUS_METRES = 1500;
/** When "near me" is set, the map shows at least this many of the nearest places. */
const NEAREST_SHOWN = 5;

interface Near {
  /** Gazetteer id, when a town was chosen (it goes in the page address); none for the visitor's own location. */
  id?: string;
  name: string;
  lat: number;
  lng: number;
  district?: string;
}

interface Town {
  name: string;
  lat: number;
  lng: number;
  rank: number;
  district: string;
  marker: Leaflet.Marker;
}

/** Groups listed at a time, as on the search page. */
const PAGE_SIZE = 30;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
/** 14144 → "14,144". One formatter: toLocaleString makes a new one each call, which is slow for thousands of markers. */
const count = new Intl.NumberFormat('en-GB').format;
const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

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
  const streetButton = page.querySelector<HTMLButtonElement>('[data-street-toggle]')!;
  const streetStatus = page.querySelector<HTMLElement>('[data-street-status]')!;
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
  const towns: Town[] = [...nearSelect.querySelectorAll('option')]
    .filter((o) => o.value)
    .map((o) => {
      const lat = Number(o.dataset.lat);
      const lng = Number(o.dataset.lng);
      const rank = { city: 0, town: 1, village: 2, neighbourhood: 3 }[o.dataset.kind ?? 'village'] ?? 2;
      // No size: the name sets it; the inner span is centred on the place by CSS.
      const icon = L.divIcon({ className: `map-town map-town-${rank}`, html: `<span>${esc(o.text)}</span>`, iconSize: null as unknown as Leaflet.PointExpression });
      const marker = L.marker([lat, lng], { icon, interactive: false, keyboard: false, pane: 'towns' });
      return { name: o.text, lat, lng, rank, district: o.dataset.district ?? '', marker };
    })
    .sort((a, b) => a.rank - b.rank);
  const townLayer = L.layerGroup(towns.map((t) => t.marker)).addTo(map);

  /** Shows as many town names as fit without overlapping, bigger places first. */
  function declutterTowns(): void {
    const taken: [number, number, number, number][] = [];
    for (const t of towns) {
      const el = t.marker.getElement();
      if (!el) continue;
      const p = map.latLngToLayerPoint([t.lat, t.lng]);
      const w = t.name.length * 7 + 8;
      const box: [number, number, number, number] = [p.x - w / 2, p.y - 10, p.x + w / 2, p.y + 10];
      const clash = taken.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]);
      el.style.visibility = clash ? 'hidden' : 'visible';
      if (!clash) taken.push(box);
    }
  }
  map.on('zoomend', declutterTowns);
  declutterTowns();

  // ---- the street map, only when asked for --------------------------------------------------------------
  let tiles: Leaflet.TileLayer | undefined;
  let streetOn = false;
  function setStreet(on: boolean): void {
    streetOn = on;
    if (on) {
      tiles ??= L.tileLayer(container!.dataset.tileUrl ?? '', {
        attribution: container!.dataset.tileAttribution ?? '',
        maxZoom: Number(container!.dataset.tileMaxZoom) || 19,
        referrerPolicy: (container!.dataset.tileReferrerPolicy || 'strict-origin-when-cross-origin') as Exclude<ReferrerPolicy, ''>,
      }).on('tileerror', () => {
        streetStatus.textContent = 'The street map pictures could not load. The groups, the list and "near me" still work.';
      });
      tiles.addTo(map);
      map.removeLayer(townLayer);
      streetStatus.textContent = 'Showing the street map.';
    } else {
      if (tiles) map.removeLayer(tiles);
      townLayer.addTo(map);
      declutterTowns();
      streetStatus.textContent = 'Showing town names only.';
    }
    streetButton.textContent = on ? 'Hide street map' : 'Show street map';
    streetButton.setAttribute('aria-pressed', String(on));
    // Remembered for this visit only: in this page's history entry, never in storage.
    history.replaceState({ ...(history.state as object | null), street: on }, '');
  }
  streetButton.addEventListener('click', () => setStreet(!streetOn));
  if ((history.state as { street?: boolean } | null)?.street) setStreet(true);

  page.querySelector<HTMLButtonElement>('[data-reset-view]')?.addEventListener('click', () => map.fitBounds(sussex));

  // ---- filters and the page address -----------------------------------------------------------------------
  let near: Near | undefined;
  let provider: string | undefined;
  let words = '';

  function nearFromSelect(): Near | undefined {
    const o = nearSelect.selectedOptions[0];
    if (!o?.value) return undefined;
    return { id: o.value, name: o.text, lat: Number(o.dataset.lat), lng: Number(o.dataset.lng), district: o.dataset.district };
  }

  function readUrl(): void {
    const params = new URLSearchParams(location.search);
    for (const box of boxes) box.checked = params.getAll(box.name).includes(box.value);
    provider = params.get('provider') || undefined;
    words = params.get('q') ?? '';
    const wanted = params.get('near') ?? '';
    nearSelect.value = [...nearSelect.options].some((o) => o.value === wanted) ? wanted : '';
    if (wanted && !nearSelect.value) nearMessage.textContent = `We do not know the place "${wanted}". Choose a town or village from the list.`;
    near = nearFromSelect() ?? (near && !near.id ? near : undefined);
  }

  function filterParams(): URLSearchParams {
    const params = new URLSearchParams();
    if (words) params.set('q', words);
    for (const box of boxes) if (box.checked) params.append(box.name, box.value);
    return params;
  }

  function stateUrl(): string {
    const params = filterParams();
    if (provider) params.set('provider', provider);
    if (near?.id) params.set('near', near.id);
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  }

  function chosen(): MapFilter {
    const terms = new Map<string, string[]>();
    for (const box of boxes) if (box.checked) terms.set(box.name, [...(terms.get(box.name) ?? []), box.value]);
    return { terms, provider };
  }

  // ---- data and markers ---------------------------------------------------------------------------------
  let data: MapData | undefined;
  const markers = L.markerClusterGroup({
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    disableClusteringAtZoom: 15,
    maxClusterRadius: 48,
    animate: !reduced,
    iconCreateFunction: (cluster) => {
      const places = cluster.getChildCount();
      const groups = cluster.getAllChildMarkers().reduce((n, m) => n + (shownAt.get(m)?.length ?? 0), 0);
      return L.divIcon({
        className: 'map-cluster',
        iconSize: [44, 44],
        html: `<span aria-hidden="true">${places}</span><span class="visually-hidden">${plural(groups, 'group')} at ${plural(places, 'place')} close together: zoom in to see them</span>`,
      });
    },
  });
  const areas = L.layerGroup();
  markers.addTo(map);
  areas.addTo(map);
  /** Per location: its marker and, for area-only places, its circle. */
  const layers: { marker: Leaflet.Marker; circle?: Leaflet.Circle }[] = [];
  /** The services shown at each marker under the current filter. */
  const shownAt = new WeakMap<Leaflet.Marker, MapService[]>();

  /** What a marker shows: how many groups meet there, and a name that says where and which groups. */
  function markerHtml(loc: MapLocation, services: MapService[]): string {
    // The names follow the markers (from /map-text.json); until then a marker says where and how many.
    const names = data?.named ? ` ${services.map((s) => `${s.name} (${s.provider.name})`).join('; ')}` : '';
    const where = loc.townOnly
      ? `In ${loc.town || 'this town'}; the exact place is not known`
      : loc.areaOnly
        ? `Approximate area, somewhere in or near ${loc.town || 'here'}`
        : loc.town || 'A meeting place';
    const label = `${where}: ${plural(services.length, 'group')}.${names}`;
    return `<span aria-hidden="true">${loc.areaOnly ? '≈' : services.length}</span><span class="visually-hidden">${esc(label)}</span>`;
  }

  /**
   * A marker's icon, made when Leaflet draws the marker (only the markers on show are drawn, out of thousands),
   * from what the marker shows at that moment.
   */
  const PlaceIcon = L.DivIcon.extend({
    createIcon(this: Leaflet.DivIcon & { options: { place: MapLocation; marker: Leaflet.Marker } }, old?: HTMLElement) {
      const { place, marker } = this.options;
      this.options.html = markerHtml(place, shownAt.get(marker) ?? []);
      const el = L.DivIcon.prototype.createIcon.call(this, old);
      el.dataset.location = String(place.index);
      return el;
    },
  }) as unknown as new (options: Leaflet.DivIconOptions & { place: MapLocation; marker: Leaflet.Marker }) => Leaflet.DivIcon;

  /** The place each marker stands for. */
  const placeOf = new WeakMap<Leaflet.Marker, MapLocation>();

  /** A marker with its popup, bound the first time it is wanted: thousands of markers, few popups opened. */
  function withPopup(marker: Leaflet.Marker): Leaflet.Marker {
    const loc = placeOf.get(marker);
    if (loc && !marker.getPopup())
      marker.bindPopup(() => (data?.named ? renderPopup(loc, shownAt.get(marker) ?? [], base) : loadingPopup(loc)), {
        maxWidth: Math.min(300, container!.clientWidth - 90),
        autoPanPaddingTopLeft: [56, 24],
        autoPanPaddingBottomRight: [24, 24],
      });
    return marker;
  }
  // A marker's first click (or Enter) reaches the group with no popup bound yet: bind it and open it. Later
  // ones open and close it as Leaflet does.
  markers.on('click keypress', (e) => {
    const event = e as Leaflet.LeafletEvent & { layer?: Leaflet.Layer; originalEvent?: KeyboardEvent };
    if (event.type === 'keypress' && event.originalEvent?.keyCode !== 13) return;
    const marker = event.layer;
    if (marker instanceof L.Marker && placeOf.has(marker) && !marker.getPopup()) withPopup(marker).openPopup();
  });

  function build(d: MapData): void {
    for (const loc of d.locations) {
      const marker = L.marker([loc.lat, loc.lng], { keyboard: true, riseOnHover: true });
      marker.options.icon = new PlaceIcon({ className: loc.areaOnly ? 'map-marker is-area' : loc.townOnly ? 'map-marker is-town' : 'map-marker', iconSize: [36, 36], place: loc, marker });
      placeOf.set(marker, loc);
      const circle = loc.areaOnly ? L.circle([loc.lat, loc.lng], { radius: AREA_RADIUS_METRES, interactive: false, className: 'map-area-circle' }) : undefined;
      layers.push({ marker, circle });
    }
  }

  function loadingPopup(loc: MapLocation): HTMLElement {
    const box = document.createElement('div');
    box.className = 'map-popup';
    const place = document.createElement('p');
    place.textContent = placeWords(loc);
    const wait = document.createElement('p');
    wait.textContent = 'Loading the names of the groups…';
    box.append(place, wait);
    return box;
  }

  // ---- keyboard: focus follows the visitor through clusters and popups ---------------------------------
  let keyboardOpen = false;
  let popupOpen = false;
  let focusAfterZoom: Leaflet.Marker[] | undefined;
  container.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const onMarker = target.getAttribute('role') === 'button' && !!target.closest('.leaflet-marker-pane');
    // A popup opened from the keyboard takes focus; one opened with the mouse leaves it where it is.
    if (onMarker && (e.key === 'Enter' || e.key === ' ')) keyboardOpen = target.classList.contains('map-marker');
    // Escape closes a popup wherever focus is inside the map (Leaflet only listens while the map itself has focus).
    if (e.key === 'Escape' && popupOpen) {
      map.closePopup();
      e.preventDefault();
    }
    // Buttons answer the space bar too; Leaflet listens for Enter only.
    if (onMarker && e.key === ' ') {
      e.preventDefault();
      // Leaflet and the cluster plugin read keyCode, so the synthetic Enter carries it.
      target.dispatchEvent(new KeyboardEvent('keypress', { key: 'Enter', code: 'Enter', keyCode: 13, which: 13, bubbles: true }));
    }
  });
  markers.on('clusterkeypress', (e) => {
    const event = e as Leaflet.LeafletEvent & { layer: Leaflet.MarkerCluster; originalEvent?: KeyboardEvent };
    if (event.originalEvent?.keyCode === 13) focusAfterZoom = event.layer.getAllChildMarkers();
  });
  const focusChild = (): void => {
    const children = focusAfterZoom;
    focusAfterZoom = undefined;
    if (!children) return;
    for (const child of children) {
      const shown = markers.getVisibleParent(child) as Leaflet.Marker | null;
      const el = shown?.getElement();
      if (el && map.getBounds().contains(shown!.getLatLng())) {
        el.focus();
        return;
      }
    }
  };
  markers.on('animationend', focusChild);
  // Without animations (reduced motion) the clusters are redrawn when the move ends, with no animationend.
  if (reduced) map.on('moveend', () => setTimeout(focusChild, 0));
  let popupSource: Leaflet.Marker | undefined;
  map.on('popupopen', (e) => {
    popupOpen = true;
    const popup = (e as Leaflet.PopupEvent).popup;
    popupSource = (popup as unknown as { _source?: Leaflet.Marker })._source;
    if (keyboardOpen) popup.getElement()?.querySelector<HTMLElement>('.map-popup a')?.focus();
    keyboardOpen = false;
  });
  map.on('popupclose', (e) => {
    popupOpen = false;
    const el = (e as Leaflet.PopupEvent).popup.getElement();
    const source = popupSource?.getElement();
    if (source && (!document.activeElement || document.activeElement === document.body || el?.contains(document.activeElement))) source.focus({ preventScroll: true });
  });

  // ---- list, counts and status --------------------------------------------------------------------------
  const deliveryLabels = new Map(boxes.filter((b) => b.name === 'delivery').map((b) => [b.value, b.closest('label')?.dataset.label ?? b.value]));

  function showOnMap(entry: ListEntry): void {
    const place = entry.places[0]?.location;
    const layer = place ? layers[place.index] : undefined;
    if (!layer) return;
    keyboardOpen = true;
    markers.zoomToShowLayer(layer.marker, () => {
      // Close enough to see the streets around it (with the street map) and the groups nearby in the list.
      if (map.getZoom() < 13) map.setView(layer.marker.getLatLng(), 13, { animate: false });
      withPopup(layer.marker).openPopup();
      if (!layer.marker.getPopup()?.isOpen()) keyboardOpen = false;
    });
  }

  function renderList(d: MapData, f: MapFilter): void {
    const bounds = map.getBounds();
    const entries = new Map<MapService, ListEntry>();
    let placesInView = 0;
    for (const loc of d.locations) {
      if (!bounds.contains([loc.lat, loc.lng])) continue;
      const services = loc.services.map((i) => d.services[i]).filter((s): s is MapService => !!s && passes(d, f, s, loc));
      if (!services.length) continue;
      placesInView++;
      const miles = near ? milesBetween(near.lat, near.lng, loc.lat, loc.lng) : undefined;
      for (const s of services) {
        const entry = entries.get(s) ?? { service: s, places: [] };
        entry.places.push({ location: loc, miles });
        if (miles !== undefined) entry.miles = Math.min(entry.miles ?? Infinity, miles);
        entries.set(s, entry);
      }
    }
    const list = [...entries.values()];
    for (const e of list) if (e.places.length > 1) e.places.sort((a, b) => (a.miles ?? 0) - (b.miles ?? 0) || a.location.town.localeCompare(b.location.town));
    list.sort((a, b) => (near ? (a.miles ?? 0) - (b.miles ?? 0) : 0) || a.service.rank - b.service.rank);
    inView.show(list, PAGE_SIZE);

    // Groups with no place on the map: all of them when there are few, else a count and a button.
    const nearDistrict = near?.district;
    const coverList = d.services.filter((s) => !s.locations.length && !isRemote(d, s) && passes(d, f, s) && (!nearDistrict || passes(d, { terms: new Map([['district', [nearDistrict]]]) }, s)));
    coverList.sort((a, b) => a.rank - b.rank);
    covering.show(coverList, coverList.length <= PAGE_SIZE ? PAGE_SIZE : 0);
    page!.querySelector<HTMLElement>('[data-covering-section]')!.hidden = !coverList.length;
    const remoteList = d.services.filter((s) => isRemote(d, s) && serviceShown(d, f, s));
    remoteList.sort((a, b) => a.rank - b.rank);
    remote.show(remoteList, remoteList.length <= PAGE_SIZE ? PAGE_SIZE : 0);
    page!.querySelector<HTMLElement>('[data-remote-section]')!.hidden = !remoteList.length;

    const total = d.services.filter((s) => s.locations.length && serviceShown(d, f, s)).length;
    const parts: string[] = [];
    if (list.length) parts.push(`${plural(list.length, 'group')} at ${plural(placesInView, 'place')} in this part of the map${list.length > PAGE_SIZE ? `. Showing the first ${PAGE_SIZE}` : ''}.`);
    else if (total) parts.push('No groups meet in this part of the map. Zoom out, or choose "Show all of Sussex".');
    else parts.push(f.terms.size || f.provider ? 'No groups with a meeting place match your choice.' : 'No groups have a meeting place on the map yet.');
    if (near && list.length) parts.push(`Nearest first, from ${near.name}.`);
    if (coverList.length) parts.push(`${plural(coverList.length, 'group')} ${coverList.length === 1 ? 'covers' : 'cover'} a whole area.`);
    if (remoteList.length) parts.push(`${plural(remoteList.length, 'group')} online or by phone.`);
    status.textContent = parts.join(' ');
  }

  function renderRemote(s: MapService): HTMLLIElement {
    return renderUnplaced(s, {
      base,
      how: deliveryTerms(data!, s).map((id) => deliveryLabels.get(id) ?? id).join(' and '),
      covers: s.covers ? `For people in ${s.covers}` : s.locations.length ? 'Also meets in person: see the map' : '',
    });
  }

  function deliveryTerms(d: MapData, s: MapService): string[] {
    const facet = d.facets.find((x) => x.key === 'delivery');
    return facet ? facet.ids.filter((_, i) => s.terms.has(facet.offset + i)) : [];
  }
  function isRemote(d: MapData, s: MapService): boolean {
    return deliveryTerms(d, s).length > 0;
  }

  function showCounts(d: MapData, f: MapFilter): void {
    const counts = countTerms(d, f);
    for (const box of boxes) {
      const n = counts.get(`${box.name}:${box.value}`) ?? 0;
      const label = box.closest('label');
      const count = label?.querySelector<HTMLElement>('[data-count]');
      if (count) count.textContent = `(${n})`;
      label?.classList.toggle('is-empty', n === 0 && !box.checked);
    }
    const n = boxes.filter((b) => b.checked).length;
    const summary = page!.querySelector<HTMLElement>('[data-filter-summary]');
    if (summary) summary.textContent = n ? ` (${n} chosen)` : '';
  }

  function updateLinks(): void {
    const query = filterParams().toString();
    const search = `${page!.dataset.searchUrl ?? `${base}search/`}${query ? `?${query}` : ''}`;
    for (const a of page!.querySelectorAll<HTMLAnchorElement>('[data-list-link], [data-words-link]')) a.href = search;
    page!.querySelector<HTMLElement>('[data-words-note]')!.hidden = !words;
    const clear = page!.querySelector<HTMLAnchorElement>('[data-provider-clear]');
    if (clear) clear.href = `${location.pathname}${query ? `?${query}` : ''}`;
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
      const services = loc.services.map((i) => d.services[i]).filter((s): s is MapService => !!s && passes(d, f, s, loc));
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
        const nearest = spots.map((p) => ({ p, miles: milesBetween(near!.lat, near!.lng, p.lat, p.lng) })).sort((a, b) => a.miles - b.miles);
        const view = L.latLngBounds([[near.lat, near.lng]]);
        for (const { p } of nearest.slice(0, NEAREST_SHOWN)) view.extend(p);
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
      if (marker && el) el.innerHTML = markerHtml(loc, shownAt.get(marker) ?? []);
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

  const push = () => history.pushState({ street: streetOn }, '', stateUrl());

  // ---- a typed town or postcode: the resolver and its list of places load only when first asked for ----
  let resolver: Promise<{ lib: typeof import('../lib/places/places.ts'); lookup: PlaceLookup }> | undefined;
  function loadResolver(): NonNullable<typeof resolver> {
    resolver ??= Promise.all([import('../lib/places/places.ts'), getJson<PlaceLookup>(page!.dataset.placesUrl ?? `${base}places.json`)]).then(([lib, lookup]) => ({ lib, lookup }));
    resolver.catch(() => (resolver = undefined));
    return resolver;
  }
  async function findTyped(): Promise<void> {
    const text = nearText?.value.trim() ?? '';
    if (!text) {
      nearMessage.textContent = 'Type a town, village or postcode first, then press Find.';
      return;
    }
    nearMessage.textContent = 'Looking for that place…';
    let found: Awaited<ReturnType<typeof loadResolver>>;
    try {
      found = await loadResolver();
    } catch {
      nearMessage.textContent = 'We could not look up places just now. Choose a town or village from the list instead.';
      return;
    }
    const match = found.lib.resolvePlace(text, found.lookup);
    if (!match) {
      nearMessage.textContent = `We could not find "${text}". Try the name of a town or village in Sussex, or a postcode like BN11 1AA, or choose from the list.`;
      return;
    }
    if (match.kind === 'outside') {
      nearMessage.textContent = `${found.lib.outsideMessage(match)} This directory covers West Sussex, East Sussex and Brighton & Hove.`;
      return;
    }
    const p = match.place;
    nearSelect.value = [...nearSelect.options].some((o) => o.value === p.id) ? p.id : '';
    near = { id: p.id, name: p.name, lat: p.latitude, lng: p.longitude, district: p.district };
    // A postcode is placed at its district's main town; the page address keeps the town, never the postcode.
    nearMessage.textContent = match.kind === 'postcode' ? `Showing the groups nearest to ${p.name} (${match.outward}) first.` : `Showing the groups nearest to ${p.name} first.`;
    push();
    apply(true);
  }
  form.querySelector<HTMLButtonElement>('[data-near-find]')?.addEventListener('click', () => void findTyped());
  nearText?.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void findTyped();
  });

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLElement;
    // Typing a place does nothing until Find (or Enter): a half-typed name is not a choice.
    if (target === nearText) return;
    if (target === nearSelect) {
      near = nearFromSelect();
      nearMessage.textContent = near ? `Showing the groups nearest to ${near.name} first.` : '';
      push();
      apply(true);
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
    if (wantStreet !== streetOn && wantStreet) setStreet(true);
    apply(true);
  });

  form.querySelector<HTMLButtonElement>('[data-near-locate]')?.addEventListener('click', () => {
    if (!('geolocation' in navigator)) {
      nearMessage.textContent = 'Your browser cannot share your location. Choose a town or village instead.';
      return;
    }
    nearMessage.textContent = 'Asking your browser for your location…';
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { latitude: lat, longitude: lng } = position.coords;
        const closest = towns.map((t) => ({ t, miles: milesBetween(lat, lng, t.lat, t.lng) })).sort((a, b) => a.miles - b.miles)[0];
        near = { name: 'your location', lat, lng, district: closest && closest.miles < 10 ? closest.t.district : undefined };
        nearSelect.value = '';
        nearMessage.textContent = 'Showing the groups nearest to you first. Your location stays in this browser.';
        push();
        apply(true);
      },
      () => {
        nearMessage.textContent = 'Your browser did not share your location. You can choose a town or village instead.';
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 300_000 },
    );
  });

  readUrl();
  if (filtersBox && matchMedia('(max-width: 47.99rem)').matches && !boxes.some((b) => b.checked)) filtersBox.open = false;
  if (near) nearMessage.textContent = `Showing the groups nearest to ${near.name} first.`;
  apply(false);

  const getJson = <T>(url: string): Promise<T> =>
    fetch(url).then((r) => {
      if (!r.ok) throw new Error(`${r.status}`);
      return r.json() as Promise<T>;
    });
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
