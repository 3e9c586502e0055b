// Builds links that work whether the site is served from / or from a sub-path such as /repo/.

export function joinBase(base: string, path = ''): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/, '')}`;
}

export function providerPath(base: string, slug: string, serviceId?: string): string {
  return joinBase(base, `providers/${slug}/${serviceId ? `#${serviceId}` : ''}`);
}

export function absoluteUrl(site: string | URL | undefined, path: string): string {
  return new URL(path, site ?? 'http://localhost/').href;
}
