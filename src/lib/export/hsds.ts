// The Open Referral Human Services Data Specification (HSDS) 3.0 form of the directory: one JSON file per
// HSDS table (flat rows linked by ids, as in the HSDS tabular form) and services_full.json, each service
// fully nested as the HSDS API's /services/{id} returns it. Every id is a version 5 UUID derived from the
// provider's slug and the object's path, so it stays the same from build to build.
import { isMobile, normalisePhone } from '../validate/contact-checks.ts';
import { agesText, formatSession } from '../text/format.ts';
import type { Dataset, Location, Provider, Service, Session } from '../model/types.ts';
import { findTerm, label, type Vocabularies, type VocabularyName } from '../dataset/vocab.ts';
import { DATASET_NAME, EXPORT_SCHEMA_VERSION, HSDS_VERSION, LICENCE, pageUrl, providerUrl, jsonRowsChunks, stableJson, TIME_ZONE, type ExportOptions } from './meta.ts';
import { areasKnown } from '../model/predicates.ts';
import { signatoryFor } from '../directory.ts';
import { charterStatus, ids, providerVenues, serviceLocations, sortedProviders, type ProviderEntry } from './rows.ts';

export type HsdsObject = Record<string, unknown>;

/** The HSDS tables this export fills, each with the file it is written to and the HSDS object it holds. */
export const HSDS_TABLES = [
  { table: 'organizations', object: 'organization', about: 'Each organisation or group: name, description, email, website, and its page on this site.' },
  { table: 'services', object: 'service', about: 'Each service: status, who it is for, how to start, cost in words, ages, when it was last checked (assured_date), and any alert.' },
  { table: 'locations', object: 'location', about: 'Each distinct venue, with coordinates. Venues a group does not publish are marked as only showing the area.' },
  { table: 'addresses', object: 'address', about: 'Street addresses of venues, where the full address is known.' },
  { table: 'service_at_locations', object: 'service_at_location', about: 'Which service meets at which venue.' },
  { table: 'contacts', object: 'contact', about: 'Named contact people, listed only with their agreement.' },
  { table: 'phones', object: 'phone', about: 'Phone numbers of organisations, services and contacts.' },
  { table: 'schedules', object: 'schedule', about: 'Regular sessions as iCalendar recurrence fields: freq, interval, byday (e.g. TU, 1TU, -1TU), opens_at and closes_at in UK local time.' },
  { table: 'cost_options', object: 'cost_option', about: 'Free, donation or fee, with any note.' },
  { table: 'languages', object: 'language', about: 'Languages a service is given in (ISO 639 codes).' },
  { table: 'service_areas', object: 'service_area', about: 'The districts or areas each service is for.' },
  { table: 'accessibility', object: 'accessibility', about: 'Accessibility features of venues.' },
  { table: 'taxonomies', object: 'taxonomy', about: 'The directory’s vocabularies of peer support, used as taxonomies.' },
  { table: 'taxonomy_terms', object: 'taxonomy_term', about: 'Every term of those vocabularies.' },
  { table: 'attributes', object: 'attribute', about: 'Links from services and organisations to taxonomy terms: kind of support, setting, who it is for, who runs it, and more.' },
] as const;

export type HsdsTableName = (typeof HSDS_TABLES)[number]['table'];

export type HsdsTables = Record<HsdsTableName, HsdsObject[]>;

/** Vocabularies exported as HSDS taxonomies, with what their terms are linked to. */
export const HSDS_TAXONOMIES: { vocab: VocabularyName; entity: 'service' | 'organization' }[] = [
  { vocab: 'formats', entity: 'service' },
  { vocab: 'settings', entity: 'service' },
  { vocab: 'formality', entity: 'service' },
  { vocab: 'supporters', entity: 'service' },
  { vocab: 'communities', entity: 'service' },
  { vocab: 'access', entity: 'service' },
  { vocab: 'costs', entity: 'service' },
  { vocab: 'delivery', entity: 'service' },
  { vocab: 'leaders', entity: 'organization' },
  { vocab: 'verification-statuses', entity: 'organization' },
  { vocab: 'signatory-statuses', entity: 'organization' },
];

/** Our service status → HSDS service status. */
export const HSDS_STATUS: Record<Service['status'], string> = {
  active: 'active',
  'temporarily-closed': 'temporarily closed',
  closed: 'defunct',
};

const BYDAY: Record<Session['day'], string> = { monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU' };
const ORDINAL: Record<NonNullable<Session['week_of_month']>, string> = { first: '1', second: '2', third: '3', fourth: '4', last: '-1' };

/** The RRULE-style fields of one session: weekly → WEEKLY/1, fortnightly → WEEKLY/2, monthly → MONTHLY/1 with byday like 1TU or -1FR. */
export function rruleFields(s: Session): { freq: 'WEEKLY' | 'MONTHLY'; interval: number; byday: string } {
  const day = BYDAY[s.day];
  if (s.frequency === 'monthly') return { freq: 'MONTHLY', interval: 1, byday: `${ORDINAL[s.week_of_month ?? 'first']}${day}` };
  return { freq: 'WEEKLY', interval: s.frequency === 'fortnightly' ? 2 : 1, byday: day };
}

/** The object without its undefined or empty-string fields, keys in the order given. */
function clean(o: HsdsObject): HsdsObject {
  // A loop rather than Object.entries and fromEntries: every row of every table passes here (500,000 at 10,000 providers).
  const out: HsdsObject = {};
  for (const key of Object.keys(o)) if (o[key] !== undefined && o[key] !== '') out[key] = o[key];
  return out;
}

function joinText(...parts: (string | undefined)[]): string {
  return parts.filter((p) => p && p.trim()).join('\n\n');
}

function sentenceList(vocab: Vocabularies, name: VocabularyName, values: readonly string[] | undefined): string | undefined {
  return values?.length ? values.map((v) => `${label(vocab, name, v)}.`).join(' ') : undefined;
}

/** RFC 6350 phone type, as HSDS asks: cell for UK mobiles, otherwise voice. */
function phoneType(phone: string): string {
  const digits = normalisePhone(phone);
  return digits && isMobile(digits) ? 'cell' : 'voice';
}

const UNCLEAR_ALERT = 'Not sure this is still running (sources disagree, or say it may stop): check with the group.';

/** Each source with the date it shows, as one text: "Report on peer support, 2021; The group's leaflet, undated". */
function sourcesText(sources: readonly { title: string; url?: string; published: string }[]): string {
  return sources.map((src) => `${src.title}, ${src.published}${src.url ? ` (${src.url})` : ''}`).join('; ');
}

const TIMES_NOTE = `Times are UK local time (${TIME_ZONE}: GMT in winter, BST in summer).`;

function eligibility(vocab: Vocabularies, s: Service): string {
  const ages = agesText(s);
  return `For: ${s.communities.map((c) => label(vocab, 'communities', c)).join('; ')}.${ages ? ` ${ages}.` : ''}`;
}

function fees(vocab: Vocabularies, s: Service): string | undefined {
  if (!s.cost) return undefined;
  return joinText(`${label(vocab, 'costs', s.cost.type)}.`, s.cost.note);
}

function stateOf(dataset: Dataset, p: Provider, loc: Location): string | undefined {
  const area = loc.district ? findTerm(dataset.vocab, 'districts', loc.district)?.area : p.areas.length === 1 ? p.areas[0] : undefined;
  return area ? label(dataset.vocab, 'areas', area) : undefined;
}

function locationName(vocab: Vocabularies, loc: Location): string {
  const place = loc.name ?? loc.town ?? (loc.district ? label(vocab, 'districts', loc.district) : loc.postcode ?? 'Venue');
  if (loc.precision === 'town' && !loc.name) return `${place} (town only)`;
  return loc.precision === 'area-only' && !loc.name ? `${place} (area only)` : place;
}

interface Built {
  tables: HsdsTables;
  /** The HSDS service ids in export order, for services_full.json. */
  serviceOrder: string[];
}

function emptyTables(): HsdsTables {
  return Object.fromEntries(HSDS_TABLES.map((t) => [t.table, []])) as unknown as HsdsTables;
}

function build(dataset: Dataset, options: ExportOptions): Built {
  const { vocab } = dataset;
  const t = emptyTables();
  const serviceOrder: string[] = [];

  // Taxonomies and their terms.
  // Each term's id is hashed once: attributes name the same few terms hundreds of thousands of times.
  const termIds = new Map<string, string>();
  const termId = (v: VocabularyName, term: string) => {
    const key = `${v}/${term}`;
    let id = termIds.get(key);
    if (id === undefined) termIds.set(key, (id = ids.taxonomyTerm(v, term)));
    return id;
  };
  for (const { vocab: v } of HSDS_TAXONOMIES) {
    const taxonomyId = ids.taxonomy(v);
    t.taxonomies.push(clean({ id: taxonomyId, name: vocab[v].name, description: vocab[v].description, uri: pageUrl(options, `open-data/#vocabulary-${v}`), version: EXPORT_SCHEMA_VERSION }));
    for (const term of vocab[v].terms)
      t.taxonomy_terms.push(clean({ id: termId(v, term.id), code: term.id, name: term.label, description: term.description, taxonomy: vocab[v].name, language: 'en', taxonomy_id: taxonomyId }));
  }
  const attribute = (linkId: string, entity: 'service' | 'organization', v: VocabularyName, term: string, value?: string) => {
    if (!findTerm(vocab, v, term)) return;
    t.attributes.push(clean({ id: ids.attribute(linkId, v, term), link_id: linkId, taxonomy_term_id: termId(v, term), link_type: v, link_entity: entity, value }));
  };

  const contactAndPhone = (entry: ProviderEntry, holder: Provider | Service, owner: { organization_id?: string; service_id?: string }, serviceId?: string) => {
    let contactId: string | undefined;
    if (holder.contact_name) {
      contactId = ids.contact(entry.slug, serviceId);
      t.contacts.push(clean({ id: contactId, ...owner, name: holder.contact_name, title: holder.contact_role, email: holder.email }));
    }
    if (holder.phone) {
      const id = ids.phone(entry.slug, serviceId);
      t.phones.push(clean({ id, ...(owner.service_id ? { service_id: owner.service_id } : {}), ...(owner.organization_id ? { organization_id: owner.organization_id } : {}), contact_id: contactId, number: holder.phone, type: phoneType(holder.phone) }));
    }
  };

  for (const entry of sortedProviders(dataset)) {
    const p = entry.data;
    const orgId = ids.organization(entry.slug);
    t.organizations.push(clean({ id: orgId, name: p.name, description: joinText(p.summary, p.description), email: p.email, website: p.website, uri: providerUrl(options, entry.slug) }));
    attribute(orgId, 'organization', 'leaders', p.led_by);
    attribute(orgId, 'organization', 'verification-statuses', p.verification.status, sourcesText(p.verification.sources));
    const charter = charterStatus(dataset, entry.slug);
    if (charter) attribute(orgId, 'organization', 'signatory-statuses', charter, signatoryFor(dataset, entry.slug)?.data.signed);
    contactAndPhone(entry, p, { organization_id: orgId });

    for (const venue of providerVenues(entry)) {
      const loc = venue.location;
      const areaOnly = loc.precision === 'area-only';
      t.locations.push(
        clean({
          id: venue.id,
          location_type: 'physical',
          organization_id: orgId,
          name: locationName(vocab, loc),
          description: joinText(
            areaOnly ? 'The group does not publish its venue: this place only marks the town or area.' : loc.precision === 'town' ? `Only the town is known: this place marks the middle of ${loc.town ?? 'the town'}.` : undefined,
            loc.note,
          ),
          latitude: loc.latitude,
          longitude: loc.longitude,
        }),
      );
      const state = stateOf(dataset, p, loc);
      if (!areaOnly && loc.address && loc.town && loc.postcode && state)
        t.addresses.push(clean({ id: ids.address(venue.id), location_id: venue.id, address_1: loc.address, city: loc.town, state_province: state, postal_code: loc.postcode, country: 'GB', address_type: 'physical' }));
      for (const feature of loc.accessibility ?? [])
        t.accessibility.push(clean({ id: ids.accessibility(venue.id, feature), location_id: venue.id, description: label(vocab, 'accessibility', feature), details: findTerm(vocab, 'accessibility', feature)?.description }));
    }

    for (const s of p.services) {
      const serviceId = ids.service(entry.slug, s.id);
      serviceOrder.push(serviceId);
      t.services.push(
        clean({
          id: serviceId,
          organization_id: orgId,
          name: s.name,
          description: joinText(s.summary, s.description),
          url: s.website ?? providerUrl(options, entry.slug, s.id),
          email: s.email,
          status: HSDS_STATUS[s.status],
          application_process: sentenceList(vocab, 'access', s.access),
          fees_description: fees(vocab, s),
          eligibility_description: eligibility(vocab, s),
          minimum_age: s.age_range?.min,
          maximum_age: s.age_range?.max,
          // Only a date a person confirmed with the group; a source's date is not an assurance.
          assured_date: p.verification.last_checked,
          // Sources that disagree keep the service active (as the data does), with the disagreement as its alert.
          alert: s.status_unclear ? joinText(UNCLEAR_ALERT, s.status_note) : s.status_note,
        }),
      );
      for (const { vocab: v, entity } of HSDS_TAXONOMIES) {
        if (entity !== 'service') continue;
        const values: string[] =
          v === 'formality' ? (s.formality ? [s.formality] : []) : v === 'costs' ? (s.cost ? [s.cost.type] : []) : [...(((s as unknown as Record<string, unknown>)[v] as string[] | undefined) ?? [])];
        for (const value of values) attribute(serviceId, 'service', v, value);
      }
      contactAndPhone(entry, s, { service_id: serviceId }, s.id);

      const sessions = s.schedule?.sessions ?? [];
      sessions.forEach((session, i) => {
        const r = rruleFields(session);
        t.schedules.push(
          clean({
            id: ids.schedule(entry.slug, s.id, String(i)),
            service_id: serviceId,
            wkst: 'MO',
            freq: r.freq,
            interval: r.interval,
            byday: r.byday,
            description: `${formatSession(session)}.`,
            opens_at: session.start,
            closes_at: session.end,
            notes: joinText(session.note, s.schedule?.note, TIMES_NOTE),
          }),
        );
      });
      if (!sessions.length && s.schedule?.note) t.schedules.push(clean({ id: ids.schedule(entry.slug, s.id, 'note'), service_id: serviceId, description: s.schedule.note }));

      if (s.cost)
        t.cost_options.push(clean({ id: ids.costOption(entry.slug, s.id), service_id: serviceId, option: label(vocab, 'costs', s.cost.type), currency: 'GBP', amount: s.cost.type === 'free' ? 0 : undefined, amount_description: s.cost.note }));
      for (const code of s.languages ?? []) t.languages.push(clean({ id: ids.language(entry.slug, s.id, code), service_id: serviceId, name: label(vocab, 'languages', code), code }));

      const areas: [VocabularyName, string][] = p.districts?.length ? p.districts.map((d) => ['districts', d]) : p.areas.map((a) => ['areas', a]);
      if (!areasKnown(p)) t.service_areas.push(clean({ id: ids.serviceArea(entry.slug, s.id, 'sussex'), service_id: serviceId, name: 'Sussex', description: 'Works somewhere in Sussex; which areas is not known yet.' }));
      else
        for (const [v, place] of areas)
          t.service_areas.push(clean({ id: ids.serviceArea(entry.slug, s.id, place), service_id: serviceId, name: label(vocab, v, place), description: findTerm(vocab, v, place)?.description }));
    }
  }

  for (const r of serviceLocations(dataset)) {
    if (!r.venue || !r.serviceAtLocationId) continue;
    t.service_at_locations.push(clean({ id: r.serviceAtLocationId, service_id: ids.service(r.provider.slug, r.service.id), location_id: r.venue.id, description: r.venue.location.note }));
  }
  return { tables: t, serviceOrder };
}

/** Row counts of the tables last built for a dataset and options, for /open-data/. */
const rowCountsMemo = new WeakMap<Dataset, Map<string, Record<HsdsTableName, number>>>();

function optionsKey(options: ExportOptions): string {
  return `${options.buildDate}|${options.siteRoot}`;
}

// Not cached: at 10,000 providers the tables are hundreds of megabytes, and the build writes them once.
function built(dataset: Dataset, options: ExportOptions): Built {
  const b = build(dataset, options);
  let byOptions = rowCountsMemo.get(dataset);
  if (!byOptions) rowCountsMemo.set(dataset, (byOptions = new Map()));
  byOptions.set(optionsKey(options), Object.fromEntries(HSDS_TABLES.map((x) => [x.table, b.tables[x.table].length])) as Record<HsdsTableName, number>);
  return b;
}

/** How many rows each HSDS table has: remembered from the last time the tables were built, else counted now. */
export function hsdsRowCounts(dataset: Dataset, options: ExportOptions): Record<HsdsTableName, number> {
  return rowCountsMemo.get(dataset)?.get(optionsKey(options)) ?? (built(dataset, options), rowCountsMemo.get(dataset)!.get(optionsKey(options))!);
}

/** The rows of a table grouped by one of their fields, each group in table order. */
function groupBy<T extends HsdsObject>(rows: T[], key: string): (value: unknown) => T[] {
  const groups = new Map<unknown, T[]>();
  for (const r of rows) {
    const group = groups.get(r[key]);
    if (group) group.push(r);
    else groups.set(r[key], [r]);
  }
  return (value) => groups.get(value) ?? [];
}

/**
 * Each service fully nested, as HSDS 3.0's compiled service schema (service_with_definitions) describes it, one at
 * a time (at 10,000 providers the whole array is hundreds of megabytes). Every table is indexed once by the field
 * that links it, so this takes time in proportion to the rows.
 */
function* nestedServices({ tables: t, serviceOrder }: Built): Generator<HsdsObject> {
  const taxonomies = new Map(t.taxonomies.map((x) => [x.id, x]));
  const terms = new Map(t.taxonomy_terms.map((x) => [x.id, { ...x, taxonomy_detail: taxonomies.get(x.taxonomy_id) }]));
  const attributesByLink = groupBy(t.attributes, 'link_id');
  const attributesOf = (id: unknown) => attributesByLink(id).map((a) => ({ ...a, taxonomy_term: terms.get(a.taxonomy_term_id) }));
  const services = new Map(t.services.map((s) => [s.id, s]));
  const organizations = new Map<unknown, HsdsObject>();
  for (const o of t.organizations) if (!organizations.has(o.id)) organizations.set(o.id, o);
  const locations = new Map(t.locations.map((l) => [l.id, l]));
  const phonesOfService = groupBy(t.phones, 'service_id');
  const phonesOfOrganization = groupBy(t.phones, 'organization_id');
  const phonesOfContact = groupBy(t.phones, 'contact_id');
  const contactsOfService = groupBy(t.contacts, 'service_id');
  const contactsOfOrganization = groupBy(t.contacts, 'organization_id');
  const schedulesOf = groupBy(t.schedules, 'service_id');
  const serviceAreasOf = groupBy(t.service_areas, 'service_id');
  const serviceAtLocationsOf = groupBy(t.service_at_locations, 'service_id');
  const languagesOf = groupBy(t.languages, 'service_id');
  const costOptionsOf = groupBy(t.cost_options, 'service_id');
  const addressesOf = groupBy(t.addresses, 'location_id');
  const accessibilityOf = groupBy(t.accessibility, 'location_id');
  for (const id of serviceOrder) {
    const s = services.get(id) as HsdsObject;
    const org = organizations.get(s.organization_id) as HsdsObject;
    yield {
      ...s,
      phones: phonesOfService(id),
      schedules: schedulesOf(id),
      service_areas: serviceAreasOf(id),
      service_at_locations: serviceAtLocationsOf(id).map((sal) => {
        const loc = locations.get(sal.location_id) as HsdsObject;
        return { ...sal, location: { ...loc, addresses: addressesOf(loc.id), accessibility: accessibilityOf(loc.id) } };
      }),
      languages: languagesOf(id),
      organization: { ...org, phones: phonesOfOrganization(org.id), contacts: contactsOfOrganization(org.id), attributes: attributesOf(org.id) },
      cost_options: costOptionsOf(id),
      contacts: contactsOfService(id).map((c) => ({ ...c, phones: phonesOfContact(c.id) })),
      attributes: attributesOf(id),
    };
  }
}

/** hsds/index.json: what the files are, in the spirit of the HSDS API's "/" answer. */
export function hsdsIndex(options: ExportOptions): HsdsObject {
  return {
    version: HSDS_VERSION,
    profile: pageUrl(options, 'open-data/#hsds'),
    name: `${DATASET_NAME} in Open Referral HSDS ${HSDS_VERSION} form`,
    build_date: options.buildDate,
    licence: LICENCE.url,
    time_zone: TIME_ZONE,
    tables: Object.fromEntries(HSDS_TABLES.map((x) => [x.object, `${x.table}.json`])),
    services_full: 'services_full.json',
  };
}

export function hsdsFilePath(name: string): string {
  return `hsds/${name}.json`;
}

/** The paths of every HSDS file under /data/, in the order they are listed; nothing is computed. */
export function hsdsFileNames(): string[] {
  return [hsdsFilePath('index'), ...HSDS_TABLES.map((x) => hsdsFilePath(x.table)), hsdsFilePath('services_full')];
}

/** Every HSDS file as its path and pieces of text; the tables behind them are built once for all of them, and let go after. */
export function* hsdsFilesChunks(dataset: Dataset, options: ExportOptions): Generator<[string, Iterable<string>]> {
  const b = built(dataset, options);
  for (const file of hsdsFileNames()) yield [file, hsdsFileChunks(b, file, options)];
}

/** One HSDS file as pieces of text to write one after another (made only as they are read): services_full.json a service at a time. */
function* hsdsFileChunks(b: Built, file: string, options: ExportOptions): Generator<string> {
  if (file === hsdsFilePath('index')) return yield stableJson(hsdsIndex(options));
  if (file === hsdsFilePath('services_full')) return yield* jsonRowsChunks(nestedServices(b));
  const table = HSDS_TABLES.find((x) => hsdsFilePath(x.table) === file)!.table;
  yield* jsonRowsChunks(b.tables[table]);
}
