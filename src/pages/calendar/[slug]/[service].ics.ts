// /calendar/<slug>/<service>.ics: an "add to calendar" file for each running service with regular sessions.
import type { APIRoute } from 'astro';
import { buildDate } from '../../../lib/build-info.ts';
import { loadDataset } from '../../../lib/dataset-fs.ts';
import { hasCalendar, serviceCalendar } from '../../../lib/ics.ts';
import { absoluteUrl, providerPath } from '../../../lib/site-url.ts';
import type { Entry, Provider, Service } from '../../../lib/validate.ts';

interface Props {
  entry: Entry<Provider>;
  service: Service;
}

export function getStaticPaths() {
  return loadDataset().providers.flatMap((entry) =>
    entry.data.services.filter(hasCalendar).map((service) => ({ params: { slug: entry.slug, service: service.id }, props: { entry, service } })),
  );
}

export const GET: APIRoute<Props> = ({ props, site }) => {
  const { entry, service } = props;
  const url = absoluteUrl(site, providerPath(import.meta.env.BASE_URL, entry.slug, service.id));
  const body = serviceCalendar({
    slug: entry.slug,
    provider: entry.data,
    service,
    vocab: loadDataset().vocab,
    url,
    buildDate: buildDate(),
    uidDomain: new URL(url).hostname,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
