// What is under the markers: a plain background with town names (as many as fit without overlapping), and the
// street map pictures (tiles), which load only when the visitor asks: no request leaves the site before.
import type * as Leaflet from 'leaflet';
import { esc } from './words.ts';

export interface Town {
  name: string;
  lat: number;
  lng: number;
  rank: number;
  district: string;
  marker: Leaflet.Marker;
}

/** Bigger places first: city, town, village, neighbourhood. */
export const townRank = (kind: string | undefined): number => ({ city: 0, town: 1, village: 2, neighbourhood: 3 })[kind ?? 'village'] ?? 2;

type Box = [number, number, number, number];

/** Which names to show, in order, so that none overlaps one shown before it: a name's box is about 7px a letter. */
export function fitNames(names: readonly { name: string; x: number; y: number }[]): boolean[] {
  const taken: Box[] = [];
  return names.map((t) => {
    const w = t.name.length * 7 + 8;
    const box: Box = [t.x - w / 2, t.y - 10, t.x + w / 2, t.y + 10];
    const clash = taken.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1]);
    if (!clash) taken.push(box);
    return !clash;
  });
}

/** The town names, from the "near" list's options, on a pane hidden from screen readers. */
export function townLabels(L: typeof Leaflet, map: Leaflet.Map, options: readonly HTMLOptionElement[]): { towns: Town[]; layer: Leaflet.LayerGroup; declutter(): void } {
  const towns: Town[] = options
    .filter((o) => o.value)
    .map((o) => {
      const lat = Number(o.dataset.lat);
      const lng = Number(o.dataset.lng);
      const rank = townRank(o.dataset.kind);
      // No size: the name sets it; the inner span is centred on the place by CSS.
      const icon = L.divIcon({ className: `map-town map-town-${rank}`, html: `<span>${esc(o.text)}</span>`, iconSize: null as unknown as Leaflet.PointExpression });
      const marker = L.marker([lat, lng], { icon, interactive: false, keyboard: false, pane: 'towns' });
      return { name: o.text, lat, lng, rank, district: o.dataset.district ?? '', marker };
    })
    .sort((a, b) => a.rank - b.rank);
  const layer = L.layerGroup(towns.map((t) => t.marker)).addTo(map);

  /** Shows as many town names as fit without overlapping, bigger places first. */
  function declutter(): void {
    const drawn = towns.flatMap((t) => {
      const el = t.marker.getElement();
      if (!el) return [];
      const p = map.latLngToLayerPoint([t.lat, t.lng]);
      return [{ el, name: t.name, x: p.x, y: p.y }];
    });
    fitNames(drawn).forEach((show, i) => (drawn[i]!.el.style.visibility = show ? 'visible' : 'hidden'));
  }
  map.on('zoomend', declutter);
  declutter();
  return { towns, layer, declutter };
}

/** The street map, only when asked for; remembered for this visit in this page's history entry. */
export function streetMap(L: typeof Leaflet, map: Leaflet.Map, container: HTMLElement, button: HTMLButtonElement, status: HTMLElement, towns: { layer: Leaflet.LayerGroup; declutter(): void }): { set(on: boolean): void; readonly on: boolean } {
  let tiles: Leaflet.TileLayer | undefined;
  let streetOn = false;
  function set(on: boolean): void {
    streetOn = on;
    if (on) {
      tiles ??= L.tileLayer(container.dataset.tileUrl ?? '', {
        attribution: container.dataset.tileAttribution ?? '',
        maxZoom: Number(container.dataset.tileMaxZoom) || 19,
        referrerPolicy: (container.dataset.tileReferrerPolicy || 'strict-origin-when-cross-origin') as Exclude<ReferrerPolicy, ''>,
      }).on('tileerror', () => {
        status.textContent = 'The street map pictures could not load. The groups, the list and "near me" still work.';
      });
      tiles.addTo(map);
      map.removeLayer(towns.layer);
      status.textContent = 'Showing the street map.';
    } else {
      if (tiles) map.removeLayer(tiles);
      towns.layer.addTo(map);
      towns.declutter();
      status.textContent = 'Showing town names only.';
    }
    button.textContent = on ? 'Hide street map' : 'Show street map';
    button.setAttribute('aria-pressed', String(on));
    // Remembered for this visit only: in this page's history entry, never in storage.
    history.replaceState({ ...(history.state as object | null), street: on }, '');
  }
  button.addEventListener('click', () => set(!streetOn));
  if ((history.state as { street?: boolean } | null)?.street) set(true);
  return {
    set,
    get on() {
      return streetOn;
    },
  };
}
