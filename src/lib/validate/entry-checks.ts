// The checks a schema cannot express, on one provider or signatory: shared by the validator (`npm run
// validate`, the build) and the /contribute/ form in the browser, so both say the same. Pure and browser-safe.
import { checkPostcode, isMobile, looksPersonalEmail, normalisePhone } from './contact-checks.ts';
import { nearestTownNames, townCoordinates, type Place } from '../places/gazetteer.ts';
import { daysInMonth, inFuture, isDated, needsRecheck, newestSource, olderThan, RECHECK_AFTER_MONTHS, UNDATED, WARN_AFTER_YEARS, type Source } from '../model/source-age.ts';
import { pageIdClash } from '../model/page-ids.ts';
import type { Location, Provider, Service, Session, Signatory } from '../model/types.ts';
import { inBounds, SUSSEX_BOUNDS, type Vocabularies, type VocabTerm } from '../dataset/vocab.ts';


export type Segment = string | number;
type Json = Record<string, unknown>;

/** Where a check reports: a path in the entry, a message that says what to do, and how serious it is. */
export interface CheckReporter {
  add(path: Segment[], message: string, severity?: 'error' | 'warning'): void;
}

/** The vocabularies the checks need: which area each district is in, and each area's bounds. */
export type PlaceVocabularies = Pick<Vocabularies, 'areas' | 'districts'>;

/** A value as it appears in a message: strings quoted. */
export function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

const HOST_PART = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;

/**
 * What is wrong with a web address, in words that follow the value, or undefined when it is fine. Shared by
 * the validator and npm run new; stricter than JSON Schema's "uri", which accepts "https://" and "https:///x".
 */
export function webAddressProblem(value: string): string | undefined {
  if (/\s/.test(value)) return "has a space in it, and a web address cannot. Copy the address again from the browser's address bar (it writes a space as %20).";
  const rest = /^https?:\/\/(.*)$/i.exec(value)?.[1];
  if (rest === undefined) return 'must be a full web address starting with https://';
  if (rest.startsWith('/')) return 'has too many slashes: write two after "https:", like https://example.org.';
  const site = rest.split(/[/?#]/)[0] ?? '';
  if (!site) return 'has no site name after https://. Write the whole address, like https://example.org.';
  // https://nhs.uk@evil.example opens evil.example: what comes before "@" only looks like the site.
  const at = site.lastIndexOf('@');
  if (at >= 0) return `has "${site.slice(0, at + 1)}" before its site name, so it would open ${site.slice(at + 1) || 'nothing'}, not ${site.slice(0, at) || 'the site it seems to'}. Write the site's own address, with no "@" before the first "/".`;
  let host: string;
  try {
    host = new URL(value).hostname; // international names come back as letters, digits and hyphens
  } catch {
    host = '';
  }
  const parts = host.split('.');
  if (!parts.every((p) => HOST_PART.test(p)))
    return `has "${site}" as its site name, but a site name is letters, numbers and hyphens with dots between the parts, like example.org.`;
  if (parts.length < 2) return `has no dot in its site name "${site}". Write the whole name, like example.org.`;
  return undefined;
}

function checkWebAddress(value: unknown, path: Segment[], report: CheckReporter): void {
  const problem = typeof value === 'string' ? webAddressProblem(value) : undefined;
  if (problem) report.add(path, `${show(value)} ${problem}`);
}

function districtArea(places: PlaceVocabularies, district: string): string | undefined {
  return places.districts.terms.find((t) => t.id === district)?.area;
}

// The semantic checks run on files that may have broken the schema: they look only at values of the
// right type, so one wrong value never hides the problems in the rest of the file.
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The items of a list that are sets of fields, with their index; nothing when it is not a list. */
function records<T>(value: unknown): [T, number][] {
  return Array.isArray(value) ? value.flatMap((item, i) => (isRecord(item) ? [[item as T, i] as [T, number]] : [])) : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function notInFuture(value: unknown, path: Segment[], today: string, report: CheckReporter, what: string): void {
  // Only values in date form: the schema reports anything else, and "March 2019" > "2026" says nothing.
  if (typeof value === 'string' && /^\d{4}(?:-\d{2}){0,2}$/.test(value) && value > today.slice(0, value.length)) report.add(path, `${show(value)} is in the future. ${what}`);
}

/** A year, month or date (2019, 2019-03, 2019-03-31) that exists on the calendar. */
export function realPartialDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return true; // the schema's pattern reports the wrong form
  const [year, month, day] = [m[1], m[2], m[3]].map(Number) as [number, number, number];
  if (m[2] !== undefined && (month < 1 || month > 12)) return false;
  if (m[3] !== undefined && (day < 1 || day > daysInMonth(year, month))) return false;
  return true;
}

/** Each source: a title, an http(s) address if any, and the date it shows, real and not in the future. */
function checkSources(list: unknown, base: Segment[], today: string, report: CheckReporter): void {
  for (const [src, i] of records<Source>(list)) {
    const at = [...base, i];
    checkWebAddress(src.url, [...at, 'url'], report);
    const published = str(src.published);
    if (published === undefined || published === UNDATED) continue;
    if (isDated(published) && !realPartialDate(published))
      report.add([...at, 'published'], `"${published}" is not a real date. Write the date the source shows: a year ("2023"), a month ("2023-02") or a date ("2023-02-14"), or undated.`);
    else if (isDated(published) && inFuture(published, today))
      report.add([...at, 'published'], `"${published}" is in the future. Write the date the source itself shows, or undated if it shows none.`);
  }
}

function checkVerification(v: unknown, today: string, report: CheckReporter): void {
  if (!isRecord(v)) return;
  checkSources(v.sources, ['verification', 'sources'], today, report);
  const checked = str(v.last_checked);
  if (v.status === 'verified' && v.last_checked === undefined)
    report.add(['verification', 'status'], `is verified, so last_checked is needed: add the date a person confirmed the details with the group, like last_checked: ${today}. If nobody has, set status: unverified.`);
  notInFuture(checked, ['verification', 'last_checked'], today, report, 'Use the date the entry was actually checked.');
  if (checked && /^\d{4}-\d{2}-\d{2}$/.test(checked) && needsRecheck(checked, today))
    report.add(['verification', 'last_checked'], `was last checked on ${checked}, more than ${RECHECK_AFTER_MONTHS} months ago. Check the details with the group, then update last_checked.`, 'warning');
}

/** The newest dated source of the provider and all its services, for the warning about very old entries. */
function newestOfAll(p: Provider): string | undefined {
  const all: Source[] = [];
  const add = (list: unknown) => all.push(...records<Source>(list).map(([s]) => s).filter((s) => isDated(s.published) && realPartialDate(s.published)));
  if (isRecord(p.verification)) add(p.verification.sources);
  for (const [s] of records<Service>(p.services)) add(s.sources);
  const newest = newestSource(all);
  return newest && isDated(newest.published) ? newest.published : undefined;
}

function checkContacts(holder: Json, base: Segment[], today: string, report: CheckReporter): void {
  const personal: string[] = [];
  let first: Segment[] | undefined;
  const flag = (field: string, what: string) => {
    personal.push(what);
    first ??= [...base, field];
  };
  checkWebAddress(holder.website, [...base, 'website'], report);
  const phone = str(holder.phone);
  const email = str(holder.email);
  if (phone !== undefined) {
    const digits = normalisePhone(phone);
    if (!digits) report.add([...base, 'phone'], `${show(phone)} is not a UK phone number. Write it as it is dialled from the UK, like 01273 123456.`);
    else if (isMobile(digits)) flag('phone', `a mobile number (${phone})`);
  }
  if (email && looksPersonalEmail(email)) flag('email', `an email address that looks personal (${email})`);
  if (holder.contact_name) flag('contact_name', `a named person (${String(holder.contact_name)})`);
  if (first && !holder.personal_contact_consent) {
    report.add(
      first,
      `lists ${personal.join(' and ')}. Listing a person can reveal their own health history, so it needs their agreement: add personal_contact_consent with agreed: true and the date they agreed, or use the organisation's own contact details instead.`,
    );
  }
  const consent = holder.personal_contact_consent;
  if (isRecord(consent)) notInFuture(consent.date, [...base, 'personal_contact_consent', 'date'], today, report, 'Use the date the person agreed.');
}

function areaBounds(places: PlaceVocabularies, area: string): VocabTerm['bounds'] {
  return places.areas.terms.find((t) => t.id === area)?.bounds;
}

/** A town-only location: a town the gazetteer knows, and no coordinates (the build takes the town's). */
function checkTownPrecision(loc: Location, path: Segment[], places: readonly Place[] | undefined, report: CheckReporter): void {
  if (loc.precision !== 'town') return;
  const town = str(loc.town);
  if (town === undefined) report.add([...path, 'precision'], 'is town, but there is no town: add town: with the name of the town or village, like town: Worthing.');
  else if (places?.length && town.trim() && !townCoordinates(town, places)) {
    const near = nearestTownNames(town, places);
    report.add([...path, 'town'], `"${town}" is not in data/gazetteer.yaml, so the map cannot place it. Use a name from there${near.length ? `, such as ${near.map((n) => `"${n}"`).join(', ')}` : ''}; or add the place to data/gazetteer.yaml.`);
  }
  if (loc.latitude !== undefined || loc.longitude !== undefined)
    report.add([...path, loc.latitude !== undefined ? 'latitude' : 'longitude'], 'is given, but precision is town, so the map uses the middle of the town. Remove latitude and longitude, or set precision: exact if they are those of the venue.');
}

function checkLocation(loc: Location, path: Segment[], provider: Provider, vocab: PlaceVocabularies, report: CheckReporter): void {
  const claimed: string[] | undefined = Array.isArray(provider.areas) ? provider.areas.filter((a): a is typeof a => typeof a === 'string') : undefined;
  const postcode = str(loc.postcode);
  if (postcode) {
    const verdict = checkPostcode(postcode);
    if (!verdict.ok) report.add([...path, 'postcode'], verdict.message);
    else if (verdict.warning) report.add([...path, 'postcode'], verdict.warning, 'warning');
  }
  if (typeof loc.latitude === 'number' && typeof loc.longitude === 'number') {
    const { latitude: lat, longitude: lng } = loc;
    if (!inBounds(SUSSEX_BOUNDS, lat, lng)) {
      const swapped = inBounds(SUSSEX_BOUNDS, lng, lat) ? ' It looks as if latitude and longitude are swapped.' : '';
      report.add([...path, 'latitude'], `${lat}, ${lng} is outside Sussex.${swapped} Latitude in Sussex is about 50.7 to 51.2 and longitude about -1.0 to 0.9.`);
    } else if (claimed?.length) {
      const inClaimed = claimed.some((a) => {
        const b = areaBounds(vocab, a);
        return b ? inBounds(b, lat, lng) : true;
      });
      if (!inClaimed) {
        const actual = vocab.areas.terms.filter((t) => t.bounds && inBounds(t.bounds, lat, lng)).map((t) => t.id);
        report.add([...path, 'latitude'], `${lat}, ${lng} is not in ${claimed.join(' or ')}, the areas this provider serves${actual.length ? ` (it is in ${actual.join(' or ')})` : ''}. Check the coordinates, or add the area to "areas".`);
      }
    }
  }
  const district = str(loc.district);
  if (district) {
    const area = districtArea(vocab, district);
    if (area && claimed && !claimed.includes(area))
      report.add([...path, 'district'], `"${district}" is in ${area}, which is not in this provider's "areas". Add ${area} to areas, or correct the district.`);
  }
}

function checkSessions(service: Service, path: Segment[], report: CheckReporter): void {
  const schedule = isRecord(service.schedule) ? service.schedule : {};
  for (const [s, i] of records<Session>(schedule.sessions)) {
    const at = [...path, 'schedule', 'sessions', i];
    const time = (v: unknown) => (typeof v === 'string' && /^(?:[01][0-9]|2[0-3]):[0-5][0-9]$/.test(v) ? v : undefined);
    const start = time(s.start);
    const end = time(s.end);
    if (start && end && end <= start) report.add([...at, 'end'], `ends at ${end}, which is not after it starts (${start}). Use the 24-hour clock, like 18:00 to 20:00.`);
    if (s.week_of_month && s.frequency !== 'monthly') report.add([...at, 'week_of_month'], `only applies to monthly sessions. Remove it, or set frequency to monthly.`);
  }
}

/**
 * Everything about one provider that its schema cannot say. `places` is the gazetteer, for towns; without it
 * (the form in the browser) a town is not looked up.
 */
export function checkProvider(p: Provider, vocab: PlaceVocabularies, today: string, report: CheckReporter, places?: readonly Place[]): void {
  checkContacts(p as unknown as Json, [], today, report);
  checkVerification(p.verification, today, report);
  const newest = newestOfAll(p);
  const noted = records<Service>(p.services).some(([s]) => typeof s.status_note === 'string' && s.status_note.trim() !== '');
  if (newest && olderThan(newest, WARN_AFTER_YEARS, today) && !noted && isRecord(p.verification))
    report.add(
      ['verification', 'sources'],
      `the newest source is from ${newest.slice(0, 4)}, more than ${WARN_AFTER_YEARS} years ago. Look for something newer; if you find nothing, add a status_note to its services saying what the sources say and how old they are.`,
      'warning',
    );
  const areas: unknown[] | undefined = Array.isArray(p.areas) ? p.areas : undefined;
  if (areas && Array.isArray(p.districts))
    p.districts.forEach((d, i) => {
      const area = typeof d === 'string' ? districtArea(vocab, d) : undefined;
      if (area && !areas.includes(area)) report.add(['districts', i], `"${d}" is in ${area}, which is not in "areas". Add ${area} to areas, or remove the district.`);
    });
  const ids = new Map<string, number>();
  for (const [s, i] of records<Service>(p.services)) {
    const path: Segment[] = ['services', i];
    const id = str(s.id);
    if (id) {
      if (ids.has(id)) report.add([...path, 'id'], `"${id}" is already used by services[${ids.get(id)}]. Give each service its own id.`);
      else ids.set(id, i);
      const clash = pageIdClash(id);
      if (clash) report.add([...path, 'id'], `"${id}" would repeat an id the group's page uses for itself ("${clash}"), which breaks its links. Choose another id, such as "${id}-group".`);
    }
    checkContacts(s as unknown as Json, path, today, report);
    checkSessions(s, path, report);
    checkSources(s.sources, [...path, 'sources'], today, report);
    if (s.status_unclear === true && !str(s.status_note)?.trim())
      report.add([...path, 'status_unclear'], 'is true, but there is no status_note. Add a status_note that says which sources disagree, and what each says.');
    if (s.status_unclear === true && s.status !== 'active')
      report.add([...path, 'status_unclear'], `is true, but status is ${String(s.status)}. Keep status: active while sources disagree, or remove status_unclear if a source says it has ${s.status === 'closed' ? 'closed' : 'paused'}.`);
    const age = isRecord(s.age_range) ? s.age_range : {};
    if (typeof age.min === 'number' && typeof age.max === 'number' && age.min > age.max)
      report.add([...path, 'age_range'], `min (${age.min}) is more than max (${age.max}).`);
    for (const [loc, j] of records<Location>(s.locations)) {
      checkLocation(loc, [...path, 'locations', j], p, vocab, report);
      checkTownPrecision(loc, [...path, 'locations', j], places, report);
    }
  }
}

/** Everything about one Charter signatory that its schema cannot say. */
export function checkSignatory(s: Signatory, today: string, logos: Set<string>, report: CheckReporter): void {
  checkContacts(s as unknown as Json, [], today, report);
  checkVerification(s.verification, today, report);
  const signed = str(s.signed);
  const lapsed = str(s.lapsed);
  for (const [field, value] of [['signed', signed], ['lapsed', lapsed]] as const)
    if (value && !realPartialDate(value)) report.add([field], `"${value}" is not a real date. Write a year (2019), a month (2019-03) or a date (2019-03-31).`);
  notInFuture(signed, ['signed'], today, report, 'Use the year or date the Charter was signed.');
  notInFuture(lapsed, ['lapsed'], today, report, 'Use the year or date it lapsed.');
  if (lapsed && signed && lapsed < signed.slice(0, lapsed.length)) report.add(['lapsed'], `"${lapsed}" is before it signed (${signed}).`);
  if (s.lapsed && s.status !== 'lapsed') report.add(['lapsed'], 'is given but status is not lapsed. Set status: lapsed, or remove this line.');
  const logo = isRecord(s.logo) ? str(s.logo.file) : undefined;
  if (logo && !logos.has(logo)) report.add(['logo', 'file'], `"${logo}" is not in data/signatories/logos/. Add the image there, or remove the logo.`);
}
