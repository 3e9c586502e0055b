// Addresses of the share kit: the short link, posters and calendar files. Every page and test uses these.
import { calendarPath, hasCalendar } from '../../lib/share/ics.ts';
import { absoluteUrl, joinBase } from '../../lib/site-url.ts';
import type { Service } from '../../lib/model/types.ts';
import { isRunning } from '../../lib/model/predicates.ts';

export { calendarPath, hasCalendar };

/** The short, stable link /p/<slug>/ that sends people on to the provider page. */
export function shortPath(base: string, slug: string): string {
  return joinBase(base, `p/${slug}/`);
}

export function shortUrl(site: string | URL | undefined, base: string, slug: string): string {
  return absoluteUrl(site, shortPath(base, slug));
}

/**
 * The id of a service's A4 poster on its provider page: the link `#poster--<service>` shows it, and printing
 * the page while it is shown prints only that poster. Ids never hold "--", so no service's own anchor is the same.
 */
export function posterId(serviceId: string): string {
  return `poster--${serviceId}`;
}

/** The id of the share kit's QR code, which the posters on the same page draw again. */
export const SHARE_QR_ID = 'share-qr';

/** Services that get a poster: the ones running now (not paused, not closed). */
export function hasPoster(service: Service): boolean {
  return isRunning(service);
}

/**
 * The short link without "https://", as people would type it from paper. A page keeps its trailing slash:
 * that form opens the page on every host without a redirect (only the bare domain drops it).
 */
export function typedLink(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/^([^/]*)\/$/, '$1');
}
