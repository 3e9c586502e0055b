// iCalendar (.ics, RFC 5545) files for services with regular sessions, so people can add them to a calendar.
// Pure: the same data and build date give byte-identical files. No Astro, no file system, no clock.
import { formatSession, townOnlyText } from '../text/format.ts';
import type { Provider, Service, Session } from '../model/types.ts';
import { joinBase } from '../site-url.ts';
import { isolate } from '../text/text-safety.ts';
import { label, type Vocabularies } from '../dataset/vocab.ts';
import { isRunning } from '../model/predicates.ts';

export const TZID = 'Europe/London';

/**
 * Europe/London since 1996: British Summer Time (UTC+1) from 01:00 UTC on the last Sunday in March until
 * 01:00 UTC on the last Sunday in October; GMT (UTC+0) the rest of the year. Each DTSTART is the local
 * time, in the offset being left, of the first change in 1996 (31 March 01:00 GMT, 27 October 02:00 BST).
 */
export const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  `TZID:${TZID}`,
  `X-LIC-LOCATION:${TZID}`,
  'BEGIN:DAYLIGHT',
  'TZNAME:BST',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'DTSTART:19960331T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZNAME:GMT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

const DAY_NUMBER: Record<Session['day'], number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const DAY_CODE: Record<Session['day'], string> = { monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU' };
const WEEK_NUMBER: Record<NonNullable<Session['week_of_month']>, number> = { first: 1, second: 2, third: 3, fourth: 4, last: -1 };

/** Whether a service gets a calendar file: it is running and has at least one regular session. */
export function hasCalendar(service: Service): boolean {
  return isRunning(service) && (service.schedule?.sessions?.length ?? 0) > 0;
}

/**
 * The site path of a service's calendar file, under the base path: all in one folder, as a folder for each
 * provider was thousands of folders to make at every build. Ids never hold "--", so the name is unambiguous.
 */
export function calendarPath(base: string, slug: string, serviceId: string): string {
  return joinBase(base, `calendar/${slug}--${serviceId}.ics`);
}

/** The recurrence rule of a session: weekly, every two weeks, or the nth (or last) weekday of the month. */
export function rrule(session: Session): string {
  if (session.frequency === 'weekly') return 'FREQ=WEEKLY';
  if (session.frequency === 'fortnightly') return 'FREQ=WEEKLY;INTERVAL=2';
  const n = WEEK_NUMBER[session.week_of_month ?? 'first'];
  return `FREQ=MONTHLY;BYDAY=${n}${DAY_CODE[session.day]}`;
}

function parseDate(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new Error(`"${date}" is not a date written as YYYY-MM-DD`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * 86_400_000);
}

/** The nth (1–4) or last (-1) given weekday of a month, as a UTC date. */
function weekdayOfMonth(year: number, month: number, weekday: number, n: number): Date {
  if (n > 0) {
    const first = new Date(Date.UTC(year, month, 1));
    return addDays(first, ((weekday - first.getUTCDay() + 7) % 7) + (n - 1) * 7);
  }
  const last = new Date(Date.UTC(year, month + 1, 0));
  return addDays(last, -((last.getUTCDay() - weekday + 7) % 7));
}

/**
 * The date (YYYY-MM-DD) of the first session on or after `from`. For a session every two weeks the data
 * does not say which weeks, so this is the first matching weekday; the event tells people to check.
 */
export function firstOccurrence(session: Session, from: string): string {
  const start = parseDate(from);
  const weekday = DAY_NUMBER[session.day];
  if (session.frequency !== 'monthly') return isoDate(addDays(start, (weekday - start.getUTCDay() + 7) % 7));
  const n = WEEK_NUMBER[session.week_of_month ?? 'first'];
  for (let i = 0; ; i++) {
    const candidate = weekdayOfMonth(start.getUTCFullYear(), start.getUTCMonth() + i, weekday, n);
    if (candidate >= start) return isoDate(candidate);
  }
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and new lines. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** UTF-8 bytes of one character (a code point, as `for…of` gives them). */
function utf8Bytes(ch: string): number {
  const c = ch.codePointAt(0)!;
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
}

/** Folds a content line so no physical line is longer than 75 octets, never splitting a UTF-8 character. */
export function foldLine(line: string): string {
  // Most lines are ASCII: one octet a character, so they fold by length alone.
  if (!/[^\x00-\x7f]/.test(line)) {
    if (line.length <= 75) return line;
    const parts = [line.slice(0, 75)];
    for (let i = 75; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
    return parts.join('\r\n ');
  }
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const bytes = utf8Bytes(ch);
    // The first line may hold 75 octets; each continuation line starts with a space, leaving 74.
    const limit = parts.length === 0 ? 75 : 74;
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function localDateTime(date: string, time: string): string {
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

export interface CalendarInput {
  /** The provider's file name: part of every UID. */
  slug: string;
  provider: Provider;
  service: Service;
  vocab: Vocabularies;
  /** Absolute URL of the service on the provider page, with its #anchor. */
  url: string;
  /** The build date, YYYY-MM-DD: the first event is on or after it, and it is every DTSTAMP. */
  buildDate: string;
  /** Host name for the UIDs, for example the site's domain. */
  uidDomain: string;
}

function placeText(service: Service, vocab: Vocabularies): { location?: string; geo?: string; words: string[] } {
  const words: string[] = [];
  const locations = service.locations ?? [];
  const exact = locations.filter((l) => l.precision === 'exact');
  const one = exact.length === 1 && locations.length === 1 ? exact[0] : undefined;
  const address = (l: (typeof locations)[number]) => [l.name, l.address, l.town, l.postcode].filter(Boolean).join(', ');
  for (const l of locations) {
    if (l.precision === 'area-only') {
      const place = l.town ?? (l.district ? label(vocab, 'districts', l.district) : l.name);
      words.push(`In or near ${place}. The group tells you the exact place when you get in touch.`);
    } else if (l.precision === 'town') words.push(townOnlyText(l));
    else if (!one) words.push(`Place: ${address(l)}.`);
    if (l.note) words.push(l.note);
  }
  for (const d of service.delivery ?? []) words.push(`${label(vocab, 'delivery', d)}.`);
  if (!one) return { words };
  return {
    location: address(one),
    ...(typeof one.latitude === 'number' && typeof one.longitude === 'number' ? { geo: `${one.latitude};${one.longitude}` } : {}),
    words,
  };
}

/** The .ics file for one service: a VCALENDAR with the London time zone and one repeating VEVENT per session. */
export function serviceCalendar(input: CalendarInput): string {
  const { slug, provider, service, vocab, url, buildDate, uidDomain } = input;
  const sessions = service.schedule?.sessions ?? [];
  const stamp = `${buildDate.replace(/-/g, '')}T000000Z`;
  const place = placeText(service, vocab);
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Sussex Peer Support Directory//Calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${isolate(service.name)} (${isolate(provider.name)})`)}`,
    `X-WR-TIMEZONE:${TZID}`,
    ...LONDON_VTIMEZONE,
  ];
  sessions.forEach((session, index) => {
    const date = firstOccurrence(session, buildDate);
    const description = [
      service.summary,
      `${formatSession(session)}.`,
      session.note,
      service.schedule?.note,
      session.frequency === 'fortnightly' ? 'This happens every two weeks. Ask the group which weeks, then move the first date in your calendar if you need to.' : undefined,
      ...place.words,
      service.cost ? `Cost: ${label(vocab, 'costs', service.cost.type)}${service.cost.note ? `: ${service.cost.note}` : ''}.` : undefined,
      `Times can change. Check before you go: ${url}`,
    ].filter((s): s is string => !!s);
    lines.push(
      'BEGIN:VEVENT',
      `UID:${slug}.${service.id}.${index + 1}@${uidDomain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;TZID=${TZID}:${localDateTime(date, session.start)}`,
      `DTEND;TZID=${TZID}:${localDateTime(date, session.end)}`,
      `RRULE:${rrule(session)}`,
      `SUMMARY:${escapeText(`${isolate(service.name)} (${isolate(provider.name)})`)}`,
      `DESCRIPTION:${escapeText(description.join('\n\n'))}`,
      ...(place.location ? [`LOCATION:${escapeText(place.location)}`] : []),
      ...(place.geo ? [`GEO:${place.geo}`] : []),
      `URL:${url}`,
      'STATUS:CONFIRMED',
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  });
  lines.push('END:VCALENDAR');
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
