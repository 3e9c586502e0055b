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

/** The address a build without SITE_URL links to; it must never go live. */
export const PLACEHOLDER_SITE = 'https://sussex-peer-support.example';

/**
 * The site's public address for the build: SITE_URL, else Netlify's main address (its build sets URL). Without
 * one, a build for a host (Netlify, Cloudflare Pages, or the deploy workflow, which sets REQUIRE_SITE_URL=1)
 * stops with how to set it, so links, shares and QR codes never point at the placeholder; other builds use it.
 */
export function siteAddress(env: Record<string, string | undefined>): string {
  const given = env.SITE_URL?.trim() || (env.NETLIFY === 'true' ? env.URL?.trim() : undefined);
  if (given) {
    let url: URL | undefined;
    try {
      url = new URL(given);
    } catch {
      url = undefined;
    }
    if (!url || !/^https?:$/.test(url.protocol)) {
      throw new Error(`SITE_URL="${given}" is not a web address. Set it to the site's address, for example SITE_URL=https://peer-support.example.org (a sub-path goes in BASE_PATH).`);
    }
    if (url.origin === PLACEHOLDER_SITE) throw new Error(`SITE_URL is the placeholder ${PLACEHOLDER_SITE}. Set it to the address the site is published at (README, "Publish it").`);
    return given;
  }
  const host = env.REQUIRE_SITE_URL === '1' ? 'this deployment' : env.CF_PAGES === '1' ? 'Cloudflare Pages' : env.NETLIFY === 'true' ? 'Netlify' : undefined;
  if (host) throw new Error(`SITE_URL is not set, so the pages built for ${host} would link, share and make QR codes to ${PLACEHOLDER_SITE}. Set SITE_URL to the site's public address, for example SITE_URL=https://peer-support.example.org (README, "Publish it").`);
  return PLACEHOLDER_SITE;
}
