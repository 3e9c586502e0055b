// Plain words about one service for paper: the poster and the booklet. Only what the data says.
import { agesText, displayHost, formatSession, joinLabels, sentence, telHref, townOnlyText } from '../../lib/text/format.ts';
import type { Provider, Service } from '../../lib/model/types.ts';
import { label, sentenceLabels, type Vocabularies, type VocabularyName } from '../../lib/dataset/vocab.ts';

export function labels(vocab: Vocabularies, name: VocabularyName, ids: readonly string[] | undefined): string[] {
  return (ids ?? []).map((id) => label(vocab, name, id));
}

/** "LGBTQ+ people. Ages 18 to 25"; "Women; Black, Asian and racialised communities" (the first starts the sentence). */
export function whoText(service: Service, vocab: Vocabularies): string {
  const ages = agesText(service);
  return [joinLabels(sentenceLabels(vocab, 'communities', service.communities, { startsSentence: true })), ages].filter(Boolean).join('. ');
}

/**
 * One sentence per regular session ("Every Monday, 1pm to 3pm (not in August)."), then the schedule's note;
 * `asOf` ("as of 2024"), the year of the source, follows the times.
 */
export function whenLines(service: Service, asOf?: string): string[] {
  const sessions = (service.schedule?.sessions ?? []).map((s) => sentence(`${formatSession(s)}${s.note ? ` (${s.note})` : ''}`));
  const lines = [...sessions, ...(service.schedule?.note ? [sentence(service.schedule.note)] : [])];
  if (asOf && lines.length) lines.push(`(${asOf.charAt(0).toUpperCase()}${asOf.slice(1)}.)`);
  return lines;
}

/** One sentence or more per place, then each way it is given other than in person ("Online."). */
export function whereLines(service: Service, vocab: Vocabularies): string[] {
  const places = (service.locations ?? []).map((loc) => {
    const main =
      loc.precision === 'town'
        ? townOnlyText(loc)
        : loc.precision === 'area-only'
        ? `In or near ${loc.town ?? (loc.district ? label(vocab, 'districts', loc.district) : loc.name ?? 'the area')}. The group shares the exact venue when you get in touch.`
        : `${[loc.name, loc.address, loc.town, loc.postcode].filter(Boolean).join(', ')}.`;
    const access = loc.accessibility?.length ? `Access: ${sentenceLabels(vocab, 'accessibility', loc.accessibility).join(', ')}.` : '';
    return [main, access, loc.note ? sentence(loc.note) : ''].filter(Boolean).join(' ');
  });
  return [...places, ...labels(vocab, 'delivery', service.delivery).map(sentence)];
}

export function costText(service: Service, vocab: Vocabularies): string | undefined {
  if (!service.cost) return undefined;
  return `${label(vocab, 'costs', service.cost.type)}${service.cost.note ? `: ${service.cost.note}` : ''}`;
}

export interface Contact {
  kind: 'phone' | 'email' | 'website';
  /** As it should be printed: the number, the address, or the web address without https://. */
  text: string;
  href: string;
}

export interface Contacts {
  /** Whose details these are: the service's own, or else the organisation's. */
  whose: 'service' | 'provider';
  items: Contact[];
}

/** The service's own phone, email and website; if it has none, the organisation's. */
export function contactsFor(provider: Provider, service: Service): Contacts {
  const own = [service.phone, service.email, service.website].some(Boolean);
  const from = own ? service : provider;
  const items: Contact[] = [];
  if (from.phone) items.push({ kind: 'phone', text: from.phone, href: telHref(from.phone) });
  if (from.email) items.push({ kind: 'email', text: from.email, href: `mailto:${from.email}` });
  if (from.website) items.push({ kind: 'website', text: printableUrl(from.website), href: from.website });
  return { whose: own ? 'service' : 'provider', items };
}

/** A web address as people would type it from paper: no scheme, no "www.", no trailing slash. */
export function printableUrl(url: string): string {
  try {
    const u = new URL(url);
    const rest = `${u.pathname}${u.search}`.replace(/\/$/, '');
    return `${displayHost(url)}${rest}`;
  } catch {
    return url;
  }
}

export const CONTACT_WORDS: Record<Contact['kind'], string> = { phone: 'Phone', email: 'Email', website: 'Website' };
