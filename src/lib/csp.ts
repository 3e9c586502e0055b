// The one Content-Security-Policy. Static hosts cannot send headers, so it travels in a meta tag;
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
