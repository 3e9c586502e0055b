// schema.org data for a provider page, so search engines and link previews understand it.
import { areasKnown, currentServices } from '../model/predicates.ts';
import { markdownToText } from '../text/markdown.ts';
import type { Provider } from '../model/types.ts';
import { label, type Vocabularies } from '../dataset/vocab.ts';

const DAY_URI: Record<string, string> = {
  monday: 'https://schema.org/Monday',
  tuesday: 'https://schema.org/Tuesday',
  wednesday: 'https://schema.org/Wednesday',
  thursday: 'https://schema.org/Thursday',
  friday: 'https://schema.org/Friday',
  saturday: 'https://schema.org/Saturday',
  sunday: 'https://schema.org/Sunday',
};

export function providerJsonLd(p: Provider, pageUrl: string, vocab: Vocabularies): Record<string, unknown> {
  const orgId = `${pageUrl}#organisation`;
  const areaServed = (areasKnown(p) ? p.areas.map((a) => label(vocab, 'areas', a)) : ['Sussex']).map((name) => ({ '@type': 'AdministrativeArea', name }));
  const organisation: Record<string, unknown> = {
    '@type': 'Organization',
    '@id': orgId,
    name: p.name,
    description: p.summary,
    url: p.website ?? pageUrl,
    mainEntityOfPage: pageUrl,
    areaServed,
    ...(p.email ? { email: p.email } : {}),
    ...(p.phone ? { telephone: p.phone } : {}),
  };
  const services = currentServices(p).map((s) => ({
    '@type': 'Service',
    '@id': `${pageUrl}#${s.id}`,
    name: s.name,
    ...(s.summary || s.description ? { description: s.summary ?? markdownToText(s.description ?? '') } : {}),
    serviceType: 'Mental health peer support',
    provider: { '@id': orgId },
    areaServed,
    audience: s.communities.map((c) => ({ '@type': 'Audience', audienceType: label(vocab, 'communities', c) })),
    ...(s.cost ? { isAccessibleForFree: s.cost.type !== 'fee' } : {}),
    ...(s.schedule?.sessions?.length
      ? {
          hoursAvailable: s.schedule.sessions.map((x) => ({
            '@type': 'OpeningHoursSpecification',
            dayOfWeek: DAY_URI[x.day],
            opens: x.start,
            closes: x.end,
          })),
        }
      : {}),
    ...(s.locations?.some((l) => l.precision === 'exact')
      ? {
          availableChannel: s.locations
            .filter((l) => l.precision === 'exact')
            .map((l) => ({
              '@type': 'ServiceChannel',
              serviceLocation: {
                '@type': 'Place',
                ...(l.name ? { name: l.name } : {}),
                address: {
                  '@type': 'PostalAddress',
                  ...(l.address ? { streetAddress: l.address } : {}),
                  ...(l.town ? { addressLocality: l.town } : {}),
                  ...(l.postcode ? { postalCode: l.postcode } : {}),
                  addressCountry: 'GB',
                },
                ...(typeof l.latitude === 'number' ? { geo: { '@type': 'GeoCoordinates', latitude: l.latitude, longitude: l.longitude } } : {}),
              },
            })),
        }
      : {}),
  }));
  return { '@context': 'https://schema.org', '@graph': [organisation, ...services] };
}

/** JSON safe to place inside a script element: "<" can never close the element early. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
