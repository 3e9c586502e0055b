// services.geojson (RFC 7946): one Point per service and venue that has coordinates, closed services
// included and marked. Coordinates are [longitude, latitude] in WGS84, as the RFC requires.
import { formatSession } from '../text/format.ts';
import type { Dataset } from '../model/types.ts';
import { DATASET_NAME, EXPORT_SCHEMA_VERSION, LICENCE, providerUrl, stableJson, TIME_ZONE, type ExportOptions } from './meta.ts';
import { areaOfDistrict, ids, serviceLocations, type ServiceLocation } from './rows.ts';

export interface GeoFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, unknown>;
}

/** Every property a feature has, with what it holds, for the open data page. */
export const GEOJSON_PROPERTIES: [string, string][] = [
  ['provider_slug', 'The organisation or group’s id.'],
  ['provider_name', 'Its name.'],
  ['led_by', 'Who runs it (leaders vocabulary).'],
  ['service_id', 'The service’s id within its organisation.'],
  ['service_uuid', 'The service’s id in the HSDS files.'],
  ['service_name', 'The name of the service.'],
  ['summary', 'One sentence on what it is.'],
  ['status', 'active, temporarily-closed or closed.'],
  ['url', 'The service on this site.'],
  ['formats', 'Kinds of support (list of ids).'],
  ['communities', 'Who it is for (list of ids).'],
  ['cost', 'free, donation or fee; null if not known.'],
  ['sessions', 'Regular sessions in words, UK local time (list).'],
  ['location_uuid', 'The venue’s id in the HSDS files.'],
  ['location_name', 'The venue’s name, or null.'],
  ['address', 'Street address, or null.'],
  ['town', 'Town, or null.'],
  ['postcode', 'Postcode, or null.'],
  ['district', 'District id, or null.'],
  ['area', 'Area id, or null.'],
  ['precision', 'exact; area-only when the point only marks the town or area because the group does not publish its venue; town when the sources name only the town and the point is its middle.'],
  ['accessibility', 'Accessibility features of the venue (list of ids).'],
];

/** The services and venues that become points: those at a venue with coordinates. */
export function servicePoints(dataset: Dataset): ServiceLocation[] {
  return serviceLocations(dataset).filter((r) => r.venue && r.serviceAtLocationId && typeof r.venue.location.latitude === 'number' && typeof r.venue.location.longitude === 'number');
}

export function servicesGeoJsonValue(dataset: Dataset, options: ExportOptions): Record<string, unknown> {
  const features: GeoFeature[] = [];
  for (const r of servicePoints(dataset)) {
    const loc = r.venue?.location;
    if (!loc || !r.venue || !r.serviceAtLocationId || typeof loc.latitude !== 'number' || typeof loc.longitude !== 'number') continue;
    const s = r.service;
    features.push({
      type: 'Feature',
      id: r.serviceAtLocationId,
      geometry: { type: 'Point', coordinates: [loc.longitude, loc.latitude] },
      properties: {
        provider_slug: r.provider.slug,
        provider_name: r.provider.data.name,
        led_by: r.provider.data.led_by,
        service_id: s.id,
        service_uuid: ids.service(r.provider.slug, s.id),
        service_name: s.name,
        summary: s.summary ?? null,
        status: s.status,
        url: providerUrl(options, r.provider.slug, s.id),
        formats: [...(s.formats ?? [])],
        communities: [...s.communities],
        cost: s.cost?.type ?? null,
        sessions: (s.schedule?.sessions ?? []).map(formatSession),
        location_uuid: r.venue.id,
        location_name: loc.name ?? null,
        address: loc.address ?? null,
        town: loc.town ?? null,
        postcode: loc.postcode ?? null,
        district: loc.district ?? null,
        area: areaOfDistrict(dataset, loc.district) ?? null,
        precision: loc.precision,
        accessibility: [...(loc.accessibility ?? [])],
      },
    });
  }
  return {
    type: 'FeatureCollection',
    // Foreign members (RFC 7946 section 6.1): what the file is and under what licence.
    name: `${DATASET_NAME}: services with a place`,
    schema_version: EXPORT_SCHEMA_VERSION,
    build_date: options.buildDate,
    licence: LICENCE.url,
    time_zone: TIME_ZONE,
    features,
  };
}

export function servicesGeoJson(dataset: Dataset, options: ExportOptions): string {
  return stableJson(servicesGeoJsonValue(dataset, options));
}
