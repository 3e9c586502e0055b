// What a visitor's browser downloads: the built site served gzipped (as static hosts do) on 127.0.0.1,
// pages loaded in headless Chromium, every response body counted on the server side (that includes what
// Pagefind's worker fetches, which the page's own resource timing does not see).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../tests/helpers/chromium.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(text\/|application\/(json|geo\+json|xml|javascript|wasm)|image\/svg)/;

export interface Served {
  path: string;
  bytes: number;
  /** performance.now() in this process when the response was sent. */
  at: number;
  /** The same moment as milliseconds since 1970, to compare with a time the page took. */
  sentAt: number;
}

export interface BenchServer {
  url: string;
  log: Served[];
  close(): Promise<void>;
}

/** Serves `root` gzipped where a host would (text types not already compressed), and logs every response. */
export async function startGzipServer(root: string): Promise<BenchServer> {
  const log: Served[] = [];
  const cache = new Map<string, Buffer>();
  const resolve = (pathname: string): string | undefined => {
    const file = path.join(root, pathname);
    if (!file.startsWith(root)) return undefined;
    if (existsSync(file) && statSync(file).isDirectory()) {
      const index = path.join(file, 'index.html');
      return existsSync(index) ? index : undefined;
    }
    return existsSync(file) ? file : undefined;
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    let pathname = '/';
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      /* keep / */
    }
    const file = resolve(pathname) ?? path.join(root, '404.html');
    const status = resolve(pathname) ? 200 : 404;
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    let body: Buffer = readFileSync(file);
    const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-store' };
    const already = body[0] === 0x1f && body[1] === 0x8b;
    if (COMPRESSIBLE.test(type) && !already) {
      let z = cache.get(file);
      if (!z) cache.set(file, (z = gzipSync(body, { level: 6 })));
      body = z;
      headers['Content-Encoding'] = 'gzip';
    }
    headers['Content-Length'] = String(body.length);
    res.writeHead(status, headers);
    res.end(body);
    const at = performance.now();
    log.push({ path: url.pathname, bytes: body.length, at, sentAt: performance.timeOrigin + at });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}


export const launch = launchChromium;

export interface PageLoad {
  url: string;
  /** Gzipped bytes of every response until the page was ready (load + network quiet, or the awaited element). */
  bytes: number;
  requests: number;
  /** ms from navigation start until the awaited element appeared (or until load). */
  readyMs: number;
  /** The largest responses, for the notes. */
  largest: { path: string; bytes: number }[];
  /** Bytes by response path, for working out marker data size. */
  byPath: Record<string, number>;
}

/**
 * Loads a page in a fresh browser context (empty cache) and counts what it downloads until `waitFor` appears
 * (timed from navigation start by a MutationObserver in the page), or until the network is quiet.
 */
export async function measurePage(browser: Browser, server: BenchServer, pagePath: string, waitFor?: string, timeoutMs = 60_000): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  if (waitFor) {
    // Plain text, not a function: tsx would wrap a named function in a __name() helper the page does not have.
    await page.addInitScript({
      content: `(() => {
        const selector = ${JSON.stringify(waitFor)};
        new MutationObserver(() => {
          if (window.__benchSeen === undefined && document.querySelector(selector)) window.__benchSeen = performance.now();
        }).observe(document, { childList: true, subtree: true, attributes: true });
      })();`,
    });
  }
  const from = server.log.length;
  await page.goto(`${server.url}${pagePath}`, { waitUntil: 'load', timeout: timeoutMs });
  let readyMs: number;
  let served: Served[];
  if (waitFor) {
    await page.waitForSelector(waitFor, { timeout: timeoutMs, state: 'attached' });
    const seen = await page.evaluate(() => {
      const at = (window as unknown as { __benchSeen?: number }).__benchSeen;
      return at === undefined ? undefined : { at, epoch: performance.timeOrigin + at };
    });
    if (seen === undefined) throw new Error(`${pagePath}: the page's observer never saw ${waitFor}, so its time is unknown`);
    readyMs = seen.at;
    // What was sent before the page showed it: not what the page went on to fetch while this process noticed.
    served = server.log.slice(from).filter((s) => s.sentAt <= seen.epoch);
  } else {
    await page.waitForLoadState('networkidle', { timeout: timeoutMs }).catch(() => undefined);
    const until = performance.now();
    readyMs = await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.loadEventEnd ?? performance.now());
    served = server.log.slice(from).filter((s) => s.at <= until);
  }
  await context.close();
  const byPath: Record<string, number> = {};
  for (const s of served) byPath[s.path] = (byPath[s.path] ?? 0) + s.bytes;
  return {
    url: pagePath,
    bytes: served.reduce((a, s) => a + s.bytes, 0),
    requests: served.length,
    readyMs: Math.round(readyMs),
    largest: Object.entries(byPath)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([p, bytes]) => ({ path: p, bytes })),
    byPath,
  };
}
