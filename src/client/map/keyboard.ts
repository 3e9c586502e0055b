// Keyboard on the map: focus follows the visitor through clusters and popups, the space bar works like Enter
// on markers, and Escape closes a popup wherever focus is inside the map.
import type * as Leaflet from 'leaflet';

/** Whether a key press opens a marker's popup from the keyboard (so the popup takes focus). */
export interface KeyboardState {
  /** Set before a popup opens to give it focus. */
  keyboardOpen: boolean;
}

export function followKeyboard(map: Leaflet.Map, markers: Leaflet.MarkerClusterGroup, container: HTMLElement, reduced: boolean): KeyboardState {
  const state: KeyboardState = { keyboardOpen: false };
  let popupOpen = false;
  let focusAfterZoom: Leaflet.Marker[] | undefined;
  container.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    const onMarker = target.getAttribute('role') === 'button' && !!target.closest('.leaflet-marker-pane');
    // A popup opened from the keyboard takes focus; one opened with the mouse leaves it where it is.
    if (onMarker && (e.key === 'Enter' || e.key === ' ')) state.keyboardOpen = target.classList.contains('map-marker');
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
    if (state.keyboardOpen) popup.getElement()?.querySelector<HTMLElement>('.map-popup a')?.focus();
    state.keyboardOpen = false;
  });
  map.on('popupclose', (e) => {
    popupOpen = false;
    const el = (e as Leaflet.PopupEvent).popup.getElement();
    const source = popupSource?.getElement();
    if (source && (!document.activeElement || document.activeElement === document.body || el?.contains(document.activeElement))) source.focus({ preventScroll: true });
  });
  return state;
}
