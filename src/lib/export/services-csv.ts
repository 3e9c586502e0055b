// services.csv: one row per service and venue (one row for a service with no venue), every service on
// record, closed ones included and marked. Column descriptions are shown on the open data page.
import { serviceReach, serviceTimes } from '../coverage.ts';
import { areasKnown } from '../model/predicates.ts';
import { formatSession } from '../text/format.ts';
import { isDated, newestSource, sourcesFor } from '../model/source-age.ts';
import { isolate } from '../text/text-safety.ts';
import type { Dataset } from '../model/types.ts';
import { multi, toCsv, type Cell } from './csv-writer.ts';
import { providerUrl, type ExportOptions } from './meta.ts';
import { areaOfDistrict, charterStatus, ids, serviceLocations, type ServiceLocation } from './rows.ts';

interface Context {
  dataset: Dataset;
  options: ExportOptions;
}

export interface CsvColumn {
  name: string;
  description: string;
  value: (row: ServiceLocation, ctx: Context) => Cell;
}

const yesNo = (known: boolean, value: boolean): string => (known ? (value ? 'yes' : 'no') : '');

export const SERVICE_CSV_COLUMNS: CsvColumn[] = [
  { name: 'provider_slug', description: 'The organisation or group’s id: its file name in the data, and the end of its page address.', value: (r) => r.provider.slug },
  { name: 'provider_name', description: 'The name of the organisation or group.', value: (r) => isolate(r.provider.data.name) },
  { name: 'provider_url', description: 'Its page on this site.', value: (r, c) => providerUrl(c.options, r.provider.slug) },
  { name: 'led_by', description: 'Who runs it: user-led, peer-led-group, voluntary-sector or statutory.', value: (r) => r.provider.data.led_by },
  { name: 'charter', description: 'Whether it signed the Peer Support Charter: active, lapsed, or empty if it has not signed.', value: (r, c) => charterStatus(c.dataset, r.provider.slug) },
  { name: 'service_id', description: 'The service’s id, unique within its organisation.', value: (r) => r.service.id },
  { name: 'service_uuid', description: 'The service’s id in the HSDS files (a UUID that stays the same between builds).', value: (r) => ids.service(r.provider.slug, r.service.id) },
  { name: 'service_name', description: 'The name of the service.', value: (r) => isolate(r.service.name) },
  { name: 'service_summary', description: 'One sentence on what the service is.', value: (r) => r.service.summary },
  { name: 'status', description: 'active, temporarily-closed or closed. Closed services stay in the data.', value: (r) => r.service.status },
  { name: 'status_note', description: 'More about the status, naming the source.', value: (r) => r.service.status_note },
  { name: 'status_unclear', description: 'yes when sources disagree about whether the service still runs (status stays active); empty otherwise.', value: (r) => (r.service.status_unclear ? 'yes' : '') },
  { name: 'formats', description: 'Kinds of support (ids from the formats vocabulary), separated by "; ".', value: (r) => multi(r.service.formats) },
  { name: 'settings', description: 'Kind of place (settings vocabulary).', value: (r) => multi(r.service.settings) },
  { name: 'formality', description: 'How structured it is (formality vocabulary).', value: (r) => r.service.formality },
  { name: 'supporters', description: 'Who gives the support (supporters vocabulary).', value: (r) => multi(r.service.supporters) },
  { name: 'communities', description: 'Who it is for (communities vocabulary).', value: (r) => multi(r.service.communities) },
  { name: 'age_min', description: 'The youngest age, if there is a limit.', value: (r) => r.service.age_range?.min },
  { name: 'age_max', description: 'The oldest age, if there is a limit.', value: (r) => r.service.age_range?.max },
  { name: 'access', description: 'How to join (access vocabulary).', value: (r) => multi(r.service.access) },
  { name: 'cost', description: 'free, donation or fee; empty if not known.', value: (r) => r.service.cost?.type },
  { name: 'cost_note', description: 'More about the cost.', value: (r) => r.service.cost?.note },
  { name: 'delivery', description: 'Ways it is given other than in person: online, phone.', value: (r) => multi(r.service.delivery) },
  { name: 'languages', description: 'Languages (ISO 639 codes).', value: (r) => multi(r.service.languages) },
  { name: 'sessions', description: 'Regular sessions in words, UK local time, separated by "; ".', value: (r) => (r.service.schedule?.sessions ?? []).map(formatSession).join('; ') },
  { name: 'evening', description: 'yes if a regular session starts at 5pm or later, no if not; empty when no session times are listed.', value: (r) => { const t = serviceTimes(r.service); return yesNo(t.known, t.evening); } },
  { name: 'weekend', description: 'yes if a regular session is on a Saturday or Sunday, no if not; empty when no session times are listed.', value: (r) => { const t = serviceTimes(r.service); return yesNo(t.known, t.weekend); } },
  { name: 'schedule_note', description: 'When it runs, in words.', value: (r) => r.service.schedule?.note },
  { name: 'areas', description: 'The areas the organisation serves (areas vocabulary).', value: (r) => multi(r.provider.data.areas) },
  { name: 'areas_confirmed', description: 'no when the sources say only that the organisation works somewhere in Sussex: its areas are then a guess, and it is left out of districts_served unless a venue names one; yes otherwise.', value: (r) => (areasKnown(r.provider.data) ? 'yes' : 'no') },
  { name: 'districts_served', description: 'The districts the service reaches: where its venues are, plus every district it covers without a venue or online (see the coverage page for the rules).', value: (r, c) => multi([...serviceReach(c.dataset.vocab, r.provider.data, r.service).keys()]) },
  { name: 'location_uuid', description: 'The venue’s id in the HSDS files; empty when the service has no venue.', value: (r) => r.venue?.id },
  { name: 'location_name', description: 'The name of the venue.', value: (r) => (r.venue?.location.name ? isolate(r.venue.location.name) : undefined) },
  { name: 'location_address', description: 'The street address of the venue.', value: (r) => r.venue?.location.address },
  { name: 'location_town', description: 'The town.', value: (r) => r.venue?.location.town },
  { name: 'location_postcode', description: 'The postcode.', value: (r) => r.venue?.location.postcode },
  { name: 'location_district', description: 'The district the venue is in (districts vocabulary).', value: (r) => r.venue?.location.district },
  { name: 'location_area', description: 'The area the venue is in.', value: (r, c) => areaOfDistrict(c.dataset, r.venue?.location.district) },
  { name: 'latitude', description: 'Latitude (WGS84 decimal degrees).', value: (r) => r.venue?.location.latitude },
  { name: 'longitude', description: 'Longitude (WGS84 decimal degrees).', value: (r) => r.venue?.location.longitude },
  { name: 'location_precision', description: 'exact; area-only when the group does not publish its venue and the place only marks the town or area; town when only the town is known and the place marks its middle.', value: (r) => r.venue?.location.precision },
  { name: 'accessibility', description: 'Accessibility features of the venue (accessibility vocabulary).', value: (r) => multi(r.venue?.location.accessibility) },
  { name: 'website', description: 'The service’s website, or else the organisation’s.', value: (r) => r.service.website ?? r.provider.data.website },
  { name: 'email', description: 'The service’s email, or else the organisation’s.', value: (r) => r.service.email ?? r.provider.data.email },
  { name: 'phone', description: 'The service’s phone number, or else the organisation’s.', value: (r) => r.service.phone ?? r.provider.data.phone },
  { name: 'verification_status', description: 'verified (confirmed by the organisation) or unverified (from a public source, not yet confirmed).', value: (r) => r.provider.data.verification.status },
  { name: 'last_checked', description: 'The date a person confirmed the entry with the group (YYYY-MM-DD); empty when nobody has.', value: (r) => r.provider.data.verification.last_checked },
  {
    name: 'sources',
    description: 'Where the information came from: each source as "title, date it shows (web address)", separated by "; ". The service’s own sources when it has any, else the organisation’s.',
    value: (r) => sourcesFor({ verification: r.provider.data.verification, sources: r.service.sources }).map((src) => `${src.title.replace(/;/g, ',')}, ${src.published}${src.url ? ` (${src.url})` : ''}`).join('; '),
  },
  {
    name: 'newest_source_date',
    description: 'The date the newest of those sources shows: YYYY, YYYY-MM or YYYY-MM-DD; empty when none shows a date.',
    value: (r) => {
      const newest = newestSource(sourcesFor({ verification: r.provider.data.verification, sources: r.service.sources }));
      return newest && isDated(newest.published) ? newest.published : undefined;
    },
  },
];

export function servicesCsv(dataset: Dataset, options: ExportOptions): string {
  const ctx = { dataset, options };
  return toCsv(
    SERVICE_CSV_COLUMNS.map((c) => c.name),
    serviceLocations(dataset).map((r) => SERVICE_CSV_COLUMNS.map((c) => c.value(r, ctx))),
  );
}
