// The markers: one per place, clustered, each saying how many groups meet there and (once the names are in)
// which. Leaflet comes in as a parameter, so the words can be tested without a browser.
import type * as Leaflet from 'leaflet';
import type { MapData, MapLocation, MapService } from '../../lib/map/map-format.ts';
import { placeWords, renderPopup } from './list-view.ts';
import { esc, plural } from './words.ts';

/** Radius of the circle drawn for a group that does not publish its venue. */
const AREA_RADIUS_METRES = 1500;

/** What a marker shows: how many groups meet there, and a name that says where and which groups. */
export function markerHtml(loc: MapLocation, services: MapService[], named: boolean): string {
  // The names follow the markers (from /map-text.json); until then a marker says where and how many.
  const names = named ? ` ${services.map((s) => `${s.name} (${s.provider.name})`).join('; ')}` : '';
  const where = loc.townOnly
    ? `In ${loc.town || 'this town'}; the exact place is not known`
    : loc.areaOnly
      ? `Approximate area, somewhere in or near ${loc.town || 'here'}`
      : loc.town || 'A meeting place';
  const label = `${where}: ${plural(services.length, 'group')}.${names}`;
  return `<span aria-hidden="true">${loc.areaOnly ? '≈' : services.length}</span><span class="visually-hidden">${esc(label)}</span>`;
}

/** What a cluster shows: how many places, and in words how many groups. */
export function clusterHtml(places: number, groups: number): string {
  return `<span aria-hidden="true">${places}</span><span class="visually-hidden">${plural(groups, 'group')} at ${plural(places, 'place')} close together: zoom in to see them</span>`;
}

/** The class of a place's marker. */
export const markerClass = (loc: MapLocation) => (loc.areaOnly ? 'map-marker is-area' : loc.townOnly ? 'map-marker is-town' : 'map-marker');

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

export interface MarkerLayers {
  markers: Leaflet.MarkerClusterGroup;
  areas: Leaflet.LayerGroup;
  /** Per location: its marker and, for area-only places, its circle. */
  layers: { marker: Leaflet.Marker; circle?: Leaflet.Circle }[];
  /** The services shown at each marker under the current filter. */
  shownAt: WeakMap<Leaflet.Marker, MapService[]>;
  /** A marker with its popup bound. */
  withPopup(marker: Leaflet.Marker): Leaflet.Marker;
  /** Makes a marker (not yet shown) for every place. */
  build(d: MapData): void;
}

export function createMarkers(L: typeof Leaflet, map: Leaflet.Map, options: { reduced: boolean; container: HTMLElement; base: string; data: () => MapData | undefined }): MarkerLayers {
  const { reduced, container, base, data } = options;
  const shownAt = new WeakMap<Leaflet.Marker, MapService[]>();
  const markers = L.markerClusterGroup({
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    disableClusteringAtZoom: 15,
    maxClusterRadius: 48,
    animate: !reduced,
    iconCreateFunction: (cluster) => {
      const places = cluster.getChildCount();
      const groups = cluster.getAllChildMarkers().reduce((n, m) => n + (shownAt.get(m)?.length ?? 0), 0);
      return L.divIcon({ className: 'map-cluster', iconSize: [44, 44], html: clusterHtml(places, groups) });
    },
  });
  const areas = L.layerGroup();
  markers.addTo(map);
  areas.addTo(map);
  const layers: MarkerLayers['layers'] = [];

  /**
   * A marker's icon, made when Leaflet draws the marker (only the markers on show are drawn, out of thousands),
   * from what the marker shows at that moment.
   */
  const PlaceIcon = L.DivIcon.extend({
    createIcon(this: Leaflet.DivIcon & { options: { place: MapLocation; marker: Leaflet.Marker } }, old?: HTMLElement) {
      const { place, marker } = this.options;
      this.options.html = markerHtml(place, shownAt.get(marker) ?? [], !!data()?.named);
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
      marker.bindPopup(() => (data()?.named ? renderPopup(loc, shownAt.get(marker) ?? [], base) : loadingPopup(loc)), {
        maxWidth: Math.min(300, container.clientWidth - 90),
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
      marker.options.icon = new PlaceIcon({ className: markerClass(loc), iconSize: [36, 36], place: loc, marker });
      placeOf.set(marker, loc);
      const circle = loc.areaOnly ? L.circle([loc.lat, loc.lng], { radius: AREA_RADIUS_METRES, interactive: false, className: 'map-area-circle' }) : undefined;
      layers.push({ marker, circle });
    }
  }

  return { markers, areas, layers, shownAt, withPopup, build };
}
