// The .ics files round-trip through an iCalendar parser (ical.js) with the right recurrence and time zone.
import ICAL from 'ical.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { calendarPath, escapeText, firstOccurrence, foldLine, hasCalendar, LONDON_VTIMEZONE, rrule, serviceCalendar } from '../../../src/lib/share/ics.ts';
import type { Provider, Session } from '../../../src/lib/model/types.ts';
import { errorsIn, validate } from '../../helpers/data-dir.ts';

// A made-up provider, checked by the real validator so the test data has the shapes real data has.
const PROVIDER = `name: Fixture Calendar Group; with "quotes", commas \\ and a backslash
summary: A made-up group for the calendar tests.
led_by: user-led
areas: [brighton-and-hove]
services:
  - id: all-sessions
    name: Tea, talk & support; every week
    summary: Peer support with tea — and cake, sometimes. Everyone is welcome, whatever you are going through at the moment; just turn up.
    status: active
    communities: [everyone]
    cost: {type: donation, note: "£2 if you can"}
    schedule:
      note: Not on bank holidays.
      sessions:
        - {day: monday, start: "13:00", end: "15:00", frequency: weekly}
        - {day: saturday, start: "11:00", end: "13:00", frequency: fortnightly}
        - {day: tuesday, start: "18:30", end: "20:00", frequency: monthly, week_of_month: first}
        - {day: tuesday, start: "10:00", end: "11:30", frequency: monthly, week_of_month: last, note: not in August}
    locations:
      - name: Fixture Hall
        address: 1 Fixture Road, Upper Floor
        town: Brighton
        postcode: BN1 1AA
        district: brighton-and-hove
        precision: exact
  - id: no-sessions
    name: Phone line
    status: active
    communities: [everyone]
    delivery: [phone]
  - id: paused
    name: Paused group
    status: temporarily-closed
    communities: [everyone]
    schedule:
      sessions:
        - {day: friday, start: "10:00", end: "12:00", frequency: weekly}
verification:
  status: unverified
  last_checked: 2026-06-01
  sources: [{title: Test fixture, published: "2026-06"}]
`;

const result = validate({ providers: { 'fixture-calendar-group.yaml': PROVIDER } });
const provider = result.dataset.providers[0]?.data as Provider;
const vocab = result.dataset.vocab;
const service = provider.services[0]!;
const URL_ = 'https://sussex-peer-support.example/providers/fixture-calendar-group/#all-sessions';

function calendar(buildDate: string, s = service): string {
  return serviceCalendar({ slug: 'fixture-calendar-group', provider, service: s, vocab, url: URL_, buildDate, uidDomain: 'sussex-peer-support.example' });
}

/** Parses an .ics file with ical.js, using only its own VTIMEZONE for Europe/London. */
function parse(ics: string) {
  const root = new ICAL.Component(ICAL.parse(ics));
  ICAL.TimezoneService.reset();
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

const london = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

/** The next `n` starts of an event, as UTC instants. */
function starts(event: ICAL.Event, n: number): Date[] {
  const it = event.iterator();
  const out: Date[] = [];
  for (let next = it.next(); next && out.length < n; next = it.next()) out.push(next.toJSDate());
  return out;
}

/** "Monday 13:00" in Europe/London. */
function localDayTime(d: Date): string {
  const parts = Object.fromEntries(london.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.weekday} ${parts.hour}:${parts.minute}`;
}

function localDate(d: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
}

beforeEach(() => ICAL.TimezoneService.reset());

it('the fixture is valid data', () => {
  expect(errorsIn(result)).toEqual([]);
  expect(provider.services).toHaveLength(3);
});

describe('which services get a calendar file', () => {
  it('only running services with regular sessions', () => {
    expect(provider.services.map(hasCalendar)).toEqual([true, false, false]);
  });
  it('lives at /calendar/<slug>--<service>.ics under the base path', () => {
    expect(calendarPath('/', 'a', 'b')).toBe('/calendar/a--b.ics');
    expect(calendarPath('/dir/', 'a', 'b')).toBe('/dir/calendar/a--b.ics');
  });
});

describe('the file as text', () => {
  const ics = calendar('2027-03-01');

  it('uses CRLF line endings only, and ends with one', () => {
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line to at most 75 octets, without splitting a character', () => {
    const lines = ics.split('\r\n');
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(' ')), 'the long DESCRIPTION should have been folded').toBe(true);
    expect(ics).not.toContain('\uFFFD');
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain('£2 if you can');
  });

  it('is the same, byte for byte, every time', () => {
    expect(calendar('2027-03-01')).toBe(ics);
  });

  it('has one VEVENT per session, with stable UIDs and DTSTAMP from the build date', () => {
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded.match(/^BEGIN:VEVENT$/gm)).toHaveLength(4);
    expect(unfolded.match(/^UID:.*$/gm)).toEqual([1, 2, 3, 4].map((i) => `UID:fixture-calendar-group.all-sessions.${i}@sussex-peer-support.example`));
    expect(unfolded.match(/^DTSTAMP:.*$/gm)).toEqual(Array(4).fill('DTSTAMP:20270301T000000Z'));
    expect(calendar('2027-05-01').match(/^UID:.*$/gm)).toEqual(unfolded.match(/^UID:.*$/gm));
  });

  it('writes the recurrence rules', () => {
    const events = ics.slice(ics.indexOf('BEGIN:VEVENT'));
    expect(events.match(/^RRULE:.*$/gm)).toEqual(['RRULE:FREQ=WEEKLY', 'RRULE:FREQ=WEEKLY;INTERVAL=2', 'RRULE:FREQ=MONTHLY;BYDAY=1TU', 'RRULE:FREQ=MONTHLY;BYDAY=-1TU']);
  });

  it('gives times in Europe/London with its VTIMEZONE', () => {
    expect(ics).toContain(LONDON_VTIMEZONE.join('\r\n'));
    expect(ics.match(/^DTSTART;TZID=Europe\/London:\d{8}T\d{6}$/gm)).toHaveLength(4);
  });
});

describe('after parsing with ical.js', () => {
  it('round-trips the text fields, escaping included', () => {
    const { root, events } = parse(calendar('2027-03-01'));
    const e = events[0]!;
    expect(e.summary).toBe(`${service.name} (${provider.name})`);
    expect(e.location).toBe('Fixture Hall, 1 Fixture Road, Upper Floor, Brighton, BN1 1AA');
    expect(e.description).toContain('Every Monday, 1pm to 3pm.');
    expect(e.description).toContain('Not on bank holidays.');
    expect(e.description).toContain(URL_);
    expect(events[3]!.description).toContain('not in August');
    expect(events[1]!.description).toContain('Ask the group which weeks');
    expect(e.component.getFirstPropertyValue('url')).toBe(URL_);
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    expect(String(e.component.getFirstPropertyValue('dtstamp'))).toBe('2027-03-01T00:00:00Z');
  });

  it('its VTIMEZONE gives GMT and BST at the right moments', () => {
    parse(calendar('2027-03-01'));
    const zone = ICAL.TimezoneService.get('Europe/London')!;
    const offset = (local: string) => zone.utcOffset(ICAL.Time.fromDateTimeString(local)) / 3600;
    // Clocks go forward at 01:00 GMT on the last Sunday in March, and back at 02:00 BST on the last Sunday in October.
    expect([offset('2027-03-28T00:30:00'), offset('2027-03-28T02:30:00'), offset('2027-07-01T12:00:00')]).toEqual([0, 1, 1]);
    expect([offset('2027-10-31T00:30:00'), offset('2027-10-31T02:30:00'), offset('2027-12-25T12:00:00')]).toEqual([1, 0, 0]);
    expect([offset('2030-03-31T02:30:00'), offset('2030-10-27T00:30:00'), offset('2030-10-27T03:00:00')]).toEqual([1, 1, 0]);
  });

  it('a weekly Monday session lands on Monday at 1pm London time on both sides of the change to BST', () => {
    // BST starts on Sunday 28 March 2027.
    const { events } = parse(calendar('2027-03-01'));
    const e = events[0]!;
    expect(e.startDate.zone?.tzid).toBe('Europe/London');
    const next = starts(e, 6);
    expect(next.map(localDayTime)).toEqual(Array(6).fill('Monday 13:00'));
    expect(next.map(localDate)).toEqual(['2027-03-01', '2027-03-08', '2027-03-15', '2027-03-22', '2027-03-29', '2027-04-05']);
    // The same wall-clock time is a different instant once the clocks go forward.
    expect(next.map((d) => d.toISOString().slice(11, 16))).toEqual(['13:00', '13:00', '13:00', '13:00', '12:00', '12:00']);
    expect((e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime()) / 60_000).toBe(120);
  });

  it('and on the change back to GMT in October', () => {
    // BST ends on Sunday 31 October 2027.
    const { events } = parse(calendar('2027-10-18'));
    const next = starts(events[0]!, 3);
    expect(next.map(localDate)).toEqual(['2027-10-18', '2027-10-25', '2027-11-01']);
    expect(next.map(localDayTime)).toEqual(Array(3).fill('Monday 13:00'));
    expect(next.map((d) => d.toISOString().slice(11, 16))).toEqual(['12:00', '12:00', '13:00']);
  });

  it('a fortnightly Saturday session repeats every 14 days', () => {
    const { events } = parse(calendar('2027-03-01'));
    const next = starts(events[1]!, 4);
    expect(next.map(localDate)).toEqual(['2027-03-06', '2027-03-20', '2027-04-03', '2027-04-17']);
    expect(next.map(localDayTime)).toEqual(Array(4).fill('Saturday 11:00'));
  });

  it('a first-Tuesday session lands on the first Tuesday of each month', () => {
    const { events } = parse(calendar('2027-03-03'));
    const next = starts(events[2]!, 4);
    // 2 March 2027 is before the build date, so the first one is in April.
    expect(next.map(localDate)).toEqual(['2027-04-06', '2027-05-04', '2027-06-01', '2027-07-06']);
    expect(next.map(localDayTime)).toEqual(Array(4).fill('Tuesday 18:30'));
  });

  it('a last-Tuesday session lands on the last Tuesday of each month, across a new year', () => {
    const { events } = parse(calendar('2027-11-30'));
    const next = starts(events[3]!, 4);
    expect(next.map(localDate)).toEqual(['2027-11-30', '2027-12-28', '2028-01-25', '2028-02-29']);
    expect(next.map(localDayTime)).toEqual(Array(4).fill('Tuesday 10:00'));
  });

  it('the first DTSTART is the first real session on or after the build date', () => {
    for (const buildDate of ['2027-01-01', '2027-03-28', '2027-06-15', '2027-12-31', '2028-02-29']) {
      const { events } = parse(calendar(buildDate));
      for (const [i, e] of events.entries()) {
        const session = service.schedule!.sessions![i]!;
        const first = localDate(e.startDate.toJSDate());
        const what = `${session.frequency} ${session.week_of_month ?? ''} ${session.day} from ${buildDate}`;
        expect(isSessionDay(session, first), `${what}: ${first} is not a session day`).toBe(true);
        for (let d = buildDate; d < first; d = nextDay(d)) expect(isSessionDay(session, d), `${what}: ${d} comes before ${first}`).toBe(false);
        // ical.js agrees that the rule's next occurrence after DTSTART is a session day too.
        expect(isSessionDay(session, localDate(starts(e, 2)[1]!)), what).toBe(true);
      }
    }
  });
});

const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Whether a session (fortnightly taken as weekly: the data does not say which weeks) can fall on a date. */
function isSessionDay(session: Session, date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  if (DAYS[d.getUTCDay()] !== session.day) return false;
  if (session.frequency !== 'monthly') return true;
  const day = d.getUTCDate();
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  const nth = { first: 1, second: 2, third: 3, fourth: 4 } as Record<string, number>;
  return session.week_of_month === 'last' ? day + 7 > daysInMonth : Math.ceil(day / 7) === nth[session.week_of_month ?? 'first'];
}

describe('firstOccurrence', () => {
  const weekly = (day: Session['day']): Session => ({ day, start: '10:00', end: '11:00', frequency: 'weekly' });
  const monthly = (day: Session['day'], week_of_month: NonNullable<Session['week_of_month']>): Session => ({ day, start: '10:00', end: '11:00', frequency: 'monthly', week_of_month });

  it('is the build date itself when the session is that day', () => expect(firstOccurrence(weekly('monday'), '2027-03-01')).toBe('2027-03-01'));
  it('is the next matching weekday otherwise', () => expect(firstOccurrence(weekly('sunday'), '2027-03-01')).toBe('2027-03-07'));
  it('finds the nth weekday of this month or the next', () => {
    expect(firstOccurrence(monthly('monday', 'first'), '2027-03-01')).toBe('2027-03-01');
    expect(firstOccurrence(monthly('monday', 'first'), '2027-03-02')).toBe('2027-04-05');
    expect(firstOccurrence(monthly('friday', 'fourth'), '2027-12-25')).toBe('2028-01-28');
    expect(firstOccurrence(monthly('wednesday', 'second'), '2027-03-01')).toBe('2027-03-10');
  });
  it('finds the last weekday of the month, in a month of four or five of them', () => {
    expect(firstOccurrence(monthly('wednesday', 'last'), '2027-03-01')).toBe('2027-03-31');
    expect(firstOccurrence(monthly('sunday', 'last'), '2027-02-01')).toBe('2027-02-28');
    expect(firstOccurrence(monthly('sunday', 'last'), '2027-03-29')).toBe('2027-04-25');
  });
});

describe('text helpers', () => {
  it('escapes backslashes, semicolons, commas and new lines', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
  it('folds at 75 octets and continuation lines start with one space', () => {
    const line = `DESCRIPTION:${'é'.repeat(100)}`;
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(1);
    for (const [i, l] of folded.entries()) {
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(' ')).toBe(true);
    }
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
    expect(foldLine('SHORT:line')).toBe('SHORT:line');
  });
  it.each([
    ['plain ASCII', `DESCRIPTION:${'abcdefghij'.repeat(30)}`],
    ['exactly 75 octets', `X:${'a'.repeat(73)}`],
    ['characters of four octets (emoji)', `SUMMARY:Tea 🫖 and talk ${'🫖'.repeat(40)} end`],
  ])('folds %s into lines of at most 75 octets that join back to the line', (_, line) => {
    const folded = foldLine(line).split('\r\n');
    for (const [i, l] of folded.entries()) {
      expect(Buffer.byteLength(l, 'utf8')).toBeLessThanOrEqual(75);
      if (i > 0) expect(l.startsWith(' ')).toBe(true);
      // Nothing is folded early: a line ends short of 75 octets only where the next character would not fit.
      if (i < folded.length - 1) expect(Buffer.byteLength(l, 'utf8')).toBeGreaterThan(71);
    }
    expect(folded.map((l, i) => (i ? l.slice(1) : l)).join('')).toBe(line);
    expect(folded.length).toBe(Math.max(1, Math.ceil((Buffer.byteLength(line, 'utf8') - 1) / 74)));
  });
  it('gives each frequency its rule', () => {
    expect(rrule({ day: 'sunday', start: '10:00', end: '11:00', frequency: 'monthly', week_of_month: 'fourth' })).toBe('FREQ=MONTHLY;BYDAY=4SU');
  });
});

it('a service with a single area-only place gives no LOCATION, and says the group shares the venue', () => {
  const areaOnly = { ...service, locations: [{ town: 'Hastings', district: 'hastings' as const, precision: 'area-only' as const }] };
  const ics = calendar('2027-03-01', areaOnly);
  expect(ics).not.toMatch(/^LOCATION/m);
  const { events } = parse(ics);
  expect(events[0]!.description).toContain('In or near Hastings');
});

describe('names in the calendar', () => {
  it('isolates a right-to-left name in SUMMARY and the calendar name, so it cannot reorder the text around it', () => {
    const rtl = { ...provider, name: 'مجموعة دعم' };
    const ics = serviceCalendar({ slug: 'fixture-calendar-group', provider: rtl, service, vocab, url: URL_, buildDate: '2027-03-01', uidDomain: 'sussex-peer-support.example' }).replace(/\r\n /g, '');
    expect(ics.match(/^SUMMARY:.*$/m)?.[0]).toBe(`SUMMARY:${escapeText(service.name)} (\u2068مجموعة دعم\u2069)`);
    expect(ics).toContain(`X-WR-CALNAME:${escapeText(service.name)} (\u2068مجموعة دعم\u2069)`);
  });
});
