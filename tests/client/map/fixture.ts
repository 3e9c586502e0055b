// A small decoded map for the map modules' tests: one provider, a service meeting in Worthing and Lewes, one
// covering an area, one online. Districts: worthing (West Sussex), lewes (East Sussex).
import type { MapData, MapLocation, MapService } from '../../../src/lib/map/map-format.ts';

export function smallMap(): MapData {
  const provider = { index: 0, slug: 'peers', name: 'Peers' };
  const service = (index: number, id: string, rank: number, terms: number[], locations: number[]): MapService => ({
    index, provider, id, name: id, rank, when: '', covers: locations.length ? '' : 'West Sussex', age: '', old: false, terms: new Set(terms), locations,
  });
  const location = (index: number, town: string, lat: number, lng: number, district: number, services: number[]): MapLocation => ({
    index, lat, lng, areaOnly: false, townOnly: false, district, town, services,
  });
  return {
    // Term numbers: area 0 west-sussex, 1 east-sussex; district 2 worthing, 3 lewes; delivery 4 online.
    facets: [
      { key: 'area', ids: ['west-sussex', 'east-sussex'], offset: 0 },
      { key: 'district', ids: ['worthing', 'lewes'], offset: 2 },
      { key: 'delivery', ids: ['online'], offset: 4 },
    ],
    districtArea: [0, 1],
    providers: [provider],
    services: [service(0, 'walk', 2, [0, 1, 2, 3], [0, 1]), service(1, 'covers', 1, [0, 2], []), service(2, 'chat', 0, [4], [])],
    locations: [location(0, 'Worthing', 50.81, -0.37, 0, [0]), location(1, 'Lewes', 50.87, 0.01, 1, [0])],
    named: true,
  };
}
