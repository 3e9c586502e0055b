// Where the map's street pictures (tiles) come from: configuration, read at build.
// OpenStreetMap's standard tiles by default. Their tile usage policy asks for the attribution below and a
// Referer header: strict-origin-when-cross-origin sends the site's origin only (never the page address);
// no-referrer gets tiles refused. To use another tile server, set MAP_TILE_URL, MAP_TILE_ATTRIBUTION (HTML),
// MAP_TILE_PROVIDER (its name, shown to visitors) and MAP_TILE_MAX_ZOOM when building.
import { contentSecurityPolicy } from '../../lib/csp.ts';

export interface TileConfig {
  /** Leaflet URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png ({s} for subdomains a, b, c). */
  url: string;
  /** Attribution the tile server requires, as HTML. */
  attribution: string;
  /** The name visitors are told before they choose to load the pictures. */
  provider: string;
  maxZoom: number;
  referrerPolicy: ReferrerPolicy;
}

export function tileConfig(env: Record<string, string | undefined> = process.env): TileConfig {
  return {
    url: env.MAP_TILE_URL || 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
    attribution: env.MAP_TILE_ATTRIBUTION || '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap contributors</a>',
    provider: env.MAP_TILE_PROVIDER || 'OpenStreetMap',
    maxZoom: Number(env.MAP_TILE_MAX_ZOOM) || 19,
    referrerPolicy: 'strict-origin-when-cross-origin',
  };
}

/** The origin(s) tiles come from, for the Content-Security-Policy: https://tile.openstreetmap.org, or https://*.host for {s}. */
export function tileSource(url: string): string {
  const template = url.replace(/\{s\}/g, 'SUBDOMAIN').replace(/\{[^}]+\}/g, '0');
  const u = new URL(template);
  return `${u.protocol}//${u.host.replace(/^SUBDOMAIN\./i, '*.')}`;
}

/**
 * The site's Content-Security-Policy (src/lib/csp.ts) with the tile server added to
 * img-src, and nothing else. tests/browser/map.test.ts checks the two stay the same apart from that.
 */
export function mapCsp(tileUrl: string): string {
  return contentSecurityPolicy({ extraImgSources: [tileSource(tileUrl)] });
}
