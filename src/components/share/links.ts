// Addresses of the share kit: the short link, posters and calendar files. Every page and test uses these.
import { calendarPath, hasCalendar } from '../../lib/ics.ts';
import { absoluteUrl, joinBase } from '../../lib/site-url.ts';
import type { Service } from '../../lib/validate.ts';

export { calendarPath, hasCalendar };

/** The short, stable link /p/<slug>/ that sends people on to the provider page. */
export function shortPath(base: string, slug: string): string {
  return joinBase(base, `p/${slug}/`);
}

export function shortUrl(site: string | URL | undefined, base: string, slug: string): string {
  return absoluteUrl(site, shortPath(base, slug));
}

/** The page of a provider's printable A4 posters, one for each running service, or one service's poster on it. */
export function posterPath(base: string, slug: string, serviceId?: string): string {
  return joinBase(base, `posters/${slug}/${serviceId ? `#${serviceId}` : ''}`);
}

/** Services that get a poster: the ones running now (not paused, not closed). */
export function hasPoster(service: Service): boolean {
  return service.status === 'active';
}

/** The short link without "https://", as people would type it from paper. */
export function typedLink(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
