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

/**
 * The address a mistyped one most likely meant: all lower case (every page address is), without punctuation a
 * sentence left at its end, and with the trailing slash of a folder. Undefined when that is the address itself.
 */
export function likelyPath(pathname: string, base = '/'): string | undefined {
  let path: string;
  try {
    path = decodeURI(pathname);
  } catch {
    path = pathname;
  }
  // The base path is the host's (a GitHub repository's name may have capitals); only what follows is ours.
  const root = joinBase(base);
  const inBase = `${path}/`.toLowerCase().startsWith(root.toLowerCase());
  const rest = inBase ? path.slice(root.length) : path.replace(/^\/+/, '');
  path = root + rest.trim().toLowerCase().replace(/[.,;:!?)\]'"’”]+$/u, '');
  const last = path.slice(path.lastIndexOf('/') + 1);
  if (!path.endsWith('/') && !/\.[a-z0-9]+$/.test(last)) path += '/';
  return path === pathname ? undefined : encodeURI(path);
}
