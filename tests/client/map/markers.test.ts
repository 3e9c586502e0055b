import { describe, expect, test } from 'vitest';
import { clusterHtml, markerClass, markerHtml } from '../../../src/client/map/markers.ts';
import { smallMap } from './fixture.ts';

describe('the markers', () => {
  test('a marker shows how many groups meet there, and says where and (once the names are in) which', () => {
    const d = smallMap();
    const loc = d.locations[0]!;
    expect(markerHtml(loc, [d.services[0]!], false)).toBe('<span aria-hidden="true">1</span><span class="visually-hidden">Worthing: 1 group.</span>');
    expect(markerHtml(loc, [d.services[0]!], true)).toContain('Worthing: 1 group. walk (Peers)');
  });

  test('an approximate place shows ≈ and says so; a town-only place says the exact place is not known', () => {
    const d = smallMap();
    const area = { ...d.locations[0]!, areaOnly: true };
    expect(markerHtml(area, [], false)).toBe('<span aria-hidden="true">≈</span><span class="visually-hidden">Approximate area, somewhere in or near Worthing: 0 groups.</span>');
    expect(markerHtml({ ...d.locations[0]!, townOnly: true, town: '' }, [], false)).toContain('In this town; the exact place is not known');
    expect([markerClass(area), markerClass({ ...area, areaOnly: false, townOnly: true }), markerClass(d.locations[0]!)]).toEqual(['map-marker is-area', 'map-marker is-town', 'map-marker']);
  });

  test('names are escaped', () => {
    const d = smallMap();
    const s = { ...d.services[0]!, name: '<b>' };
    expect(markerHtml(d.locations[0]!, [s], true)).toContain('&lt;b&gt; (Peers)');
  });

  test('a cluster says how many groups at how many places', () => {
    expect(clusterHtml(3, 1)).toBe('<span aria-hidden="true">3</span><span class="visually-hidden">1 group at 3 places close together: zoom in to see them</span>');
  });
});
