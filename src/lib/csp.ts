// The one Content-Security-Policy. It travels in a meta tag, as GitHub Pages cannot send headers (hosts that can get _headers too);
// Pagefind needs wasm and a worker; the map page may add its tile server to img-src.

export function contentSecurityPolicy({ extraImgSources = [] as string[] } = {}): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    ["img-src 'self' data:", ...extraImgSources].join(' '),
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** What the site asks of browsers: no cameras or microphones; location only for "near me" on the map, on request. */
export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(self), payment=(), usb=(), serial=(), bluetooth=(), midi=(), browsing-topics=()';
/** The origin only, never the page address: OpenStreetMap's tiles need a Referer; links to groups send none (rel="noreferrer"). */
export const REFERRER_POLICY = 'strict-origin-when-cross-origin';

/**
 * The _headers file that Netlify and Cloudflare Pages read (GitHub Pages cannot send headers: see README). It
 * carries what a meta tag cannot: frame-ancestors, so no other site can frame these pages, and a policy for
 * files opened directly, such as a logo. Each page's own meta CSP still applies on top; this one adds the map's
 * tile server, as a second policy can only narrow what the first allows. Logos get a sandbox of their own.
 */
export function headersFile({ base = '/', extraImgSources = [] as string[] } = {}): string {
  const root = base.endsWith('/') ? base : `${base}/`;
  return [
    '# Security headers, written by the build (src/lib/csp.ts). Read by Netlify and Cloudflare Pages; GitHub Pages ignores it.',
    `${root}*`,
    `  Content-Security-Policy: ${contentSecurityPolicy({ extraImgSources })}; frame-ancestors 'none'`,
    '  X-Content-Type-Options: nosniff',
    '  X-Frame-Options: DENY',
    `  Referrer-Policy: ${REFERRER_POLICY}`,
    `  Permissions-Policy: ${PERMISSIONS_POLICY}`,
    `${root}logos/*`,
    "  Content-Security-Policy: default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
    '',
  ].join('\n');
}
