import { describe, expect, test } from 'vitest';
import { coveringList, deliveryTerms, entriesInView, isRemote, PAGE_SIZE, placedTotal, remoteList, shownServices, statusText } from '../../../src/client/map/list.ts';
import { smallMap } from './fixture.ts';

const none = { terms: new Map<string, string[]>() };
const everywhere = () => true;

describe('the lists beside the map', () => {
  test('a place shows only the services that pass the filter there', () => {
    const d = smallMap();
    expect(shownServices(d, none, d.locations[0]!).map((s) => s.id)).toEqual(['walk']);
    expect(shownServices(d, { terms: new Map([['district', ['lewes']]]) }, d.locations[0]!)).toEqual([]);
  });

  test('lists each service in view once, with its places nearest first from a chosen place', () => {
    const d = smallMap();
    const { list, places } = entriesInView(d, none, everywhere, { lat: 50.87, lng: 0.01 });
    expect(places).toBe(2);
    expect(list.map((e) => e.service.id)).toEqual(['walk']);
    expect(list[0]!.places.map((p) => p.location.town)).toEqual(['Lewes', 'Worthing']);
    expect(list[0]!.miles).toBe(0);
  });

  test('leaves out the places outside the view', () => {
    const d = smallMap();
    expect(entriesInView(d, none, (lat) => lat < 50.85).list[0]!.places.map((p) => p.location.town)).toEqual(['Worthing']);
    expect(entriesInView(d, none, () => false)).toEqual({ list: [], places: 0 });
  });

  test('a service with a delivery value is online or by phone, and is not listed as covering an area', () => {
    const d = smallMap();
    expect(deliveryTerms(d, d.services[2]!)).toEqual(['online']);
    expect(isRemote(d, d.services[1]!)).toBe(false);
    expect(coveringList(d, none).map((s) => s.id)).toEqual(['covers']);
    expect(coveringList(d, none, 'lewes')).toEqual([]);
    expect(remoteList(d, none).map((s) => s.id)).toEqual(['chat']);
    expect(placedTotal(d, none)).toBe(1);
  });

  test('a service given only online by its setting, naming no delivery, is online or by phone, as search counts it', () => {
    const d = smallMap();
    d.facets.push({ key: 'setting', ids: ['community', 'online', 'phone'], offset: 5 });
    d.services.push({ ...d.services[1]!, index: 3, id: 'forum', terms: new Set([0, 6]) });
    expect(isRemote(d, d.services[3]!)).toBe(true);
    expect(remoteList(d, none).map((s) => s.id)).toEqual(['chat', 'forum']);
    expect(coveringList(d, none).map((s) => s.id)).toEqual(['covers']);
    // A setting in the community keeps it a group covering its area.
    d.services[3]!.terms = new Set([0, 5]);
    expect(isRemote(d, d.services[3]!)).toBe(false);
  });

  test('the status line counts the groups in view, then those covering an area and those online', () => {
    const text = statusText({ inView: 1, placesInView: 2, placedTotal: 1, filtered: false, nearName: 'Lewes', covering: 1, remote: 2 });
    expect(text).toBe('1 group at 2 places in this part of the map. Nearest first, from Lewes. 1 group covers a whole area. 2 groups online or by phone.');
  });

  test('the status line says when only the first page of groups shows', () => {
    expect(statusText({ inView: 1200, placesInView: 40, placedTotal: 1200, filtered: false, covering: 0, remote: 0 })).toBe(`1,200 groups at 40 places in this part of the map. Showing the first ${PAGE_SIZE}.`);
  });

  test('the status line says why no group shows', () => {
    expect(statusText({ inView: 0, placesInView: 0, placedTotal: 3, filtered: false, covering: 0, remote: 0 })).toBe('No groups meet in this part of the map. Zoom out, or choose "Show all of Sussex".');
    expect(statusText({ inView: 0, placesInView: 0, placedTotal: 0, filtered: true, covering: 0, remote: 0 })).toBe('No groups with a meeting place match your choice.');
    expect(statusText({ inView: 0, placesInView: 0, placedTotal: 0, filtered: false, covering: 0, remote: 0 })).toBe('No groups have a meeting place on the map yet.');
  });
});
