// How old an entry's facts are, and the words that say so: the one place the age thresholds live.
// Pure and browser-safe; "today" is always passed in, so tests never depend on the clock.
import { formatDate } from '../text/format.ts';

/** A source older than this many years gets a notice on the page ("It may have changed or stopped."). */
export const NOTICE_AFTER_YEARS = 3;
/** A provider whose newest source is older than this, with no status_note, gets a validator warning. */
export const WARN_AFTER_YEARS = 10;
/** A date a person confirmed (last_checked) wants checking again after this many months. */
export const RECHECK_AFTER_MONTHS = 12;
/** The word for a source that shows no date. */
export const UNDATED = 'undated';

export interface Source {
  title: string;
  url?: string;
  /** "YYYY", "YYYY-MM", "YYYY-MM-DD" or "undated". */
  published: string;
}

/** What an entry's age is worked out from: its verification, and a service's own sources. */
export interface AgeInput {
  verification?: { status?: string; last_checked?: string; sources?: readonly Source[] } | undefined;
  /** A service's own sources, which speak for it before the provider's. */
  sources?: readonly Source[] | undefined;
}

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

export function isDated(published: unknown): published is string {
  return typeof published === 'string' && PARTIAL_DATE.test(published);
}

/** The sources that speak for a service: its own when it has any, else its provider's. */
export function sourcesFor(input: AgeInput): Source[] {
  const own = Array.isArray(input.sources) ? input.sources : [];
  const provider = Array.isArray(input.verification?.sources) ? input.verification.sources : [];
  return (own.length ? own : provider).filter((s): s is Source => !!s && typeof s === 'object');
}

/** The source with the newest date; an undated one only when none has a date. */
export function newestSource(sources: readonly Source[] | undefined): Source | undefined {
  let best: Source | undefined;
  for (const s of sources ?? []) {
    if (!s || typeof s !== 'object') continue;
    if (!best) best = s;
    else if (isDated(s.published) && (!isDated(best.published) || endOfPeriod(s.published) > endOfPeriod(best.published))) best = s;
  }
  return best;
}

/** How many days a month (1–12) of a year has. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The last day a year, month or date could mean, as YYYY-MM-DD: a source from "2023" may be from December. */
export function endOfPeriod(published: string): string {
  const [y = 0, m, d] = published.split('-').map(Number);
  if (d) return published;
  const month = m ?? 12;
  const last = daysInMonth(y, month);
  return `${String(y).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/** Whether a year, month or date is more than `years` years before today, giving it the benefit of the doubt. */
export function olderThan(published: string, years: number, today: string): boolean {
  const end = endOfPeriod(published);
  const [y = 0, rest = ''] = [Number(end.slice(0, 4)), end.slice(4)];
  return `${String(y + years).padStart(4, '0')}${rest}` < today.slice(0, 10);
}

/** Whether a year, month or date is later than today (a source cannot be from the future). */
export function inFuture(published: string, today: string): boolean {
  return published > today.slice(0, published.length);
}

export interface Age {
  /** "checked": a person confirmed it with the group; "source": the newest source's date; "unknown": no dated source. */
  kind: 'checked' | 'source' | 'unknown';
  /** YYYY-MM-DD for checked, the source's own year/month/date for source. */
  date?: string;
  /** The source the age comes from, when it comes from one. */
  source?: Source;
  /** Older than NOTICE_AFTER_YEARS: the page says it may have changed or stopped. */
  old: boolean;
}

/**
 * How old an entry's (or a service's) facts are: a date a person confirmed with the group counts when it is
 * newer than every source; otherwise the newest source's date.
 */
export function ageOf(input: AgeInput, today: string): Age {
  const sources = sourcesFor(input);
  const source = newestSource(sources);
  const checked = input.verification?.last_checked;
  const sourceDate = source && isDated(source.published) ? source.published : undefined;
  if (typeof checked === 'string' && isDated(checked) && (!sourceDate || checked >= endOfPeriod(sourceDate).slice(0, checked.length)))
    return { kind: 'checked', date: checked, old: olderThan(checked, NOTICE_AFTER_YEARS, today) };
  if (sourceDate) return { kind: 'source', date: sourceDate, ...(source ? { source } : {}), old: olderThan(sourceDate, NOTICE_AFTER_YEARS, today) };
  return { kind: 'unknown', ...(source ? { source } : {}), old: false };
}

function year(date: string): string {
  return date.slice(0, 4);
}

/** "March 2024" for a month or a date, "2021" for a year: a source's date as the page shows it. */
export function monthYear(date: string): string {
  return formatDate(date.slice(0, 7));
}

/** "Source: West Sussex Mind news, February 2023"; an undated source says so. */
export function sourceText(source: Source): string {
  return isDated(source.published) ? `Source: ${source.title}, ${monthYear(source.published)}` : `Source: ${source.title} (no date shown)`;
}

/** The notice for old facts, or undefined when the facts are recent enough to need none. */
export function oldNotice(age: Age, what: 'group' | 'service' = 'group'): string | undefined {
  return age.old && age.date ? `We last heard of this ${what} in ${year(age.date)}. It may have changed or stopped.` : undefined;
}

/** What the page says about how old its facts are: the source and its date, or when a person checked them. */
export function ageText(age: Age): string | undefined {
  if (age.kind === 'checked' && age.date) return `Checked with the group in ${monthYear(age.date)}`;
  return age.source ? sourceText(age.source) : undefined;
}

/** The short form for lists, search results, the map and the booklet: "Information from 2017", "Checked in 2026". */
export function shortAgeText(age: Age): string | undefined {
  if (!age.date) return undefined;
  return age.kind === 'checked' ? `Checked with the group in ${year(age.date)}` : `Information from ${year(age.date)}`;
}

/** "as of 2024": put beside times, which change most. */
export function asOfText(age: Age): string | undefined {
  return age.date ? `as of ${year(age.date)}` : undefined;
}

/** Whole months from a year, month or date to today. */
export function monthsSince(date: string, today: string): number {
  const [y1 = 0, m1 = 1, d1 = 1] = date.split('-').map(Number);
  const [y2 = 0, m2 = 1, d2 = 1] = today.split('-').map(Number);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** Whether a date a person confirmed is due to be checked again. */
export function needsRecheck(lastChecked: string, today: string): boolean {
  return monthsSince(lastChecked, today) >= RECHECK_AFTER_MONTHS;
}

/** Sorts current entries before old ones of the same kind; the order is otherwise kept (a stable sort). */
export function currentFirst<T>(items: readonly T[], age: (item: T) => Age): T[] {
  return items
    .map((item, i) => ({ item, i, old: age(item).old ? 1 : 0 }))
    .sort((a, b) => a.old - b.old || a.i - b.i)
    .map((x) => x.item);
}

interface ProviderLike {
  verification: NonNullable<AgeInput['verification']>;
  services: readonly { sources?: readonly Source[] | undefined }[];
}

/** A provider's age: the newest of its own sources, its services' sources and the date a person confirmed it. */
export function providerAge(p: ProviderLike, today: string): Age {
  const all = [...(p.verification.sources ?? []), ...p.services.flatMap((s) => s.sources ?? [])];
  return ageOf({ verification: p.verification, sources: all }, today);
}

/** Each service's age as last worked out, with what it was worked out from: a build shows a service on many pages. */
const serviceAges = new WeakMap<object, { verification: object | undefined; today: string; age: Age }>();

/** A service's age: its own sources when it has any, else its provider's; and the date a person confirmed it. */
export function serviceAge(s: { sources?: readonly Source[] | undefined }, p: Pick<ProviderLike, 'verification'>, today: string): Age {
  const known = serviceAges.get(s);
  if (known && known.verification === p.verification && known.today === today) return known.age;
  const age = ageOf({ verification: p.verification, sources: s.sources }, today);
  serviceAges.set(s, { verification: p.verification, today, age });
  return age;
}
