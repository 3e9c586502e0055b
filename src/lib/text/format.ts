// Plain-English wording for dates, times and sessions, shared by every page.
import type { Service, Session } from '../model/types.ts';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS: Record<string, string> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};
const ORDINALS: Record<string, string> = { first: 'first', second: 'second', third: 'third', fourth: 'fourth', last: 'last' };

/** "2026-06-01" → "1 June 2026"; "2019-03" → "March 2019"; "2019" → "2019". */
function dateParts(value: string): [number, number | undefined, number | undefined] {
  const [y = 0, m, d] = value.split('-').map(Number);
  return [y, m, d];
}

export function formatDate(value: string): string {
  const [y, m, d] = dateParts(value);
  if (!m) return String(y);
  if (!d) return `${MONTHS[m - 1] ?? m} ${y}`;
  return `${d} ${MONTHS[m - 1] ?? m} ${y}`;
}

/** "18:00" → "6pm", "10:30" → "10:30am", "12:00" → "12 noon". */
export function formatTime(value: string): string {
  const [h = 0, min = 0] = value.split(':').map(Number);
  if (h === 12 && min === 0) return '12 noon';
  if (h === 0 && min === 0) return 'midnight';
  const suffix = h < 12 ? 'am' : 'pm';
  const hour = h % 12 === 0 ? 12 : h % 12;
  return min ? `${hour}:${String(min).padStart(2, '0')}${suffix}` : `${hour}${suffix}`;
}

export function formatSession(s: Session): string {
  const day = DAYS[s.day] ?? s.day;
  const when =
    s.frequency === 'weekly'
      ? `Every ${day}`
      : s.frequency === 'fortnightly'
        ? `Every other ${day}`
        : `The ${ORDINALS[s.week_of_month ?? 'first']} ${day} of the month`;
  return `${when}, ${formatTime(s.start)} to ${formatTime(s.end)}`;
}

/** Digits for a tel: link: "01243 869662" → "+441243869662". */
export function telHref(phone: string): string {
  const digits = phone.replace(/[^0-9+]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  if (digits.startsWith('0')) return `tel:+44${digits.slice(1)}`;
  return `tel:${digits}`;
}

/** "https://www.example.org/path/" → "example.org", for link text that says where it goes. */
export function displayHost(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Joins labels into one line of text, with semicolons when a label holds a comma of its own. */
export function joinLabels(labels: readonly string[]): string {
  return labels.join(labels.some((l) => l.includes(',')) ? '; ' : ', ');
}

/** "Ages 18 to 25", "Ages 50 and over", "Up to age 25"; nothing when the service sets no ages. */
export function agesText(service: Pick<Service, 'age_range'>): string | undefined {
  const a = service.age_range;
  if (!a) return undefined;
  if (a.min !== undefined && a.max !== undefined) return `Ages ${a.min} to ${a.max}`;
  if (a.min !== undefined) return `Ages ${a.min} and over`;
  if (a.max !== undefined) return `Up to age ${a.max}`;
  return undefined;
}

/** A town-only place in words: "Example Hall, in Worthing; the exact place is not known." */
export function townOnlyText(loc: { name?: string | undefined; address?: string | undefined; town?: string | undefined }): string {
  const named = [loc.name, loc.address].filter(Boolean).join(', ');
  return `${named ? `${named}, in` : 'In'} ${loc.town ?? 'a town we know'}; the exact place is not known.`;
}

/** Ends a piece of text with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?)]$/.test(t) ? t : `${t}.`;
}
