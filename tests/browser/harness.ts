// Helpers for the real-browser tests: one Chromium per test file (launched on first use, closed after the
// file), a fresh browser context per page, and nothing ever allowed off the machine.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContextOptions, type Page, type Request, type Response } from 'playwright-core';
import { afterAll, inject } from 'vitest';
import { launchChromium } from '../helpers/chromium.ts';

const require = createRequire(import.meta.url);

/** Origin of the local server, e.g. http://127.0.0.1:41234 (no trailing slash). */
export function baseUrl(): string {
  return inject('baseUrl');
}

/** An absolute URL on the local server for a site path such as /providers/. */
export function siteUrl(path: string): string {
  return new URL(path, `${baseUrl()}/`).href;
}

/** The path and query of a local URL, for test names and messages. */
export function sitePath(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
}

let browserPromise: Promise<Browser> | undefined;

/** The test file's Chromium, launched on first use. */
export function browser(): Promise<Browser> {
  browserPromise ??= launchChromium();
  return browserPromise;
}

export async function closeBrowser(): Promise<void> {
  const b = browserPromise;
  browserPromise = undefined;
  if (b) await (await b).close();
}

// Every test file that imports the harness closes its browser when it finishes.
afterAll(closeBrowser);

/** True for requests that stay on this machine: the local server, or no network at all (data:, blob:). */
export function isLocalUrl(url: string): boolean {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return true;
  return u.hostname === '127.0.0.1';
}

export interface PageOptions {
  /** Ignore the page's Content-Security-Policy. Default false: enforced, as visitors get it. */
  bypassCSP?: boolean;
  /** Default 1280×800. */
  viewport?: { width: number; height: number };
  javaScriptEnabled?: boolean;
  colorScheme?: 'light' | 'dark' | 'no-preference';
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * A new page in its own browser context (closed with the page). Requests to any host other than the local
 * server are aborted. A test that needs to answer such a request (say, map tiles) can add its own
 * `page.route(…)` for that host: routes added later take precedence.
 */
export async function newPage(options: PageOptions = {}): Promise<Page> {
  const b = await browser();
  const contextOptions: BrowserContextOptions = {
    baseURL: baseUrl(),
    bypassCSP: options.bypassCSP ?? false,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'no-preference',
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    serviceWorkers: 'block',
  };
  const context = await b.newContext(contextOptions);
  await context.route((url) => !isLocalUrl(url.href), (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  page.once('close', () => void context.close().catch(() => {}));
  return page;
}

export async function closePage(page: Page): Promise<void> {
  await page.context().close();
}

export interface RequestLog {
  /** Every URL the page asked for, in order (including aborted ones and WebSocket URLs). */
  urls: string[];
  /** Local requests that failed or got an error status, as "404 http://…". */
  failures: string[];
  /** The URLs whose host is not the local server. */
  foreign(): string[];
}

/** Records every request the page makes; call before navigating. Non-local requests are aborted. */
export async function recordRequests(page: Page): Promise<RequestLog> {
  const log: RequestLog = { urls: [], failures: [], foreign: () => log.urls.filter((u) => !isLocalUrl(u)) };
  page.on('request', (r: Request) => log.urls.push(r.url()));
  page.on('websocket', (ws) => log.urls.push(ws.url()));
  page.on('requestfailed', (r: Request) => {
    if (isLocalUrl(r.url())) log.failures.push(`${r.failure()?.errorText ?? 'failed'} ${r.url()}`);
  });
  page.on('response', (r: Response) => {
    // The page itself may legitimately be /404.html or a 404 document; only its sub-resources count.
    if (r.status() >= 400 && isLocalUrl(r.url()) && r.request().resourceType() !== 'document') log.failures.push(`${r.status()} ${r.url()}`);
  });
  await page.route((url) => !isLocalUrl(url.href), (route) => route.abort('blockedbyclient'));
  return log;
}

/**
 * Goes to a site path and waits until the page has loaded and the network has been quiet for `quietMs`
 * (so scripts that fetch after load, such as search or the map, have run). Returns the document response.
 */
export async function gotoAndSettle(page: Page, path: string, { quietMs = 250, maxMs = 10_000 } = {}): Promise<Response | null> {
  let inflight = 0;
  let lastChange = Date.now();
  const up = () => {
    inflight++;
    lastChange = Date.now();
  };
  const down = () => {
    inflight = Math.max(0, inflight - 1);
    lastChange = Date.now();
  };
  page.on('request', up);
  page.on('requestfinished', down);
  page.on('requestfailed', down);
  try {
    const response = await page.goto(siteUrl(path), { waitUntil: 'load' });
    const deadline = Date.now() + maxMs;
    while (Date.now() < deadline && (inflight > 0 || Date.now() - lastChange < quietMs)) await page.waitForTimeout(50);
    return response;
  } finally {
    page.off('request', up);
    page.off('requestfinished', down);
    page.off('requestfailed', down);
  }
}

export interface ConsoleLog {
  /** Every console message and uncaught page error, as "type: text". */
  messages: string[];
  /** The messages that mention the Content Security Policy (violations and report-only warnings). */
  cspViolations(): string[];
  /** Console errors and uncaught exceptions. */
  errors(): string[];
}

/** Collects console messages and uncaught errors; call before navigating. */
export function collectConsole(page: Page): ConsoleLog {
  const log: ConsoleLog = {
    messages: [],
    cspViolations: () => log.messages.filter((m) => /Content[- ]Security[- ]Policy/i.test(m)),
    errors: () => log.messages.filter((m) => m.startsWith('error:') || m.startsWith('pageerror:')),
  };
  page.on('console', (m) => log.messages.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.messages.push(`pageerror: ${e.message}`));
  return log;
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact?: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core on the page (WCAG 2.0–2.2 A and AA plus best practice; target-size is in wcag22aa) and
 * returns its violations as readable lines: rule id, impact, help text, and every failing element's
 * selector with axe's summary of what to fix. An empty array means no violations.
 */
export async function runAxe(page: Page, { exclude = [] as string[] } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Through the DevTools protocol, as the DevTools console does, so the page's CSP does not block it.
    const cdp = await page.context().newCDPSession(page);
    try {
      const { exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: AXE_SOURCE });
      if (exceptionDetails) throw new Error(`axe-core failed to load: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    } finally {
      await cdp.detach();
    }
  }
  const violations = await page.evaluate(
    async ({ tags, exclude }) => {
      const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
      const context = exclude.length ? { exclude: exclude.map((s) => [s]) } : document;
      const result = await axe.run(context, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary ?? '' })),
      }));
    },
    { tags: AXE_TAGS, exclude },
  );
  return violations.map(formatViolation);
}

function formatViolation(v: AxeViolation): string {
  const nodes = v.nodes
    .slice(0, 10)
    .map((n) => {
      const summary = (n.failureSummary ?? '').split('\n').map((l) => l.trim()).filter(Boolean).slice(1, 4).join('; ');
      return `\n    - ${n.target.map(String).join(' >>> ')}${summary ? `: ${summary}` : ''}`;
    })
    .join('');
  const more = v.nodes.length > 10 ? `\n    … and ${v.nodes.length - 10} more` : '';
  return `${v.id} (${v.impact ?? 'no impact given'}): ${v.help} [${v.helpUrl.replace(/\?.*$/, '')}]${nodes}${more}`;
}

function decodeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? _);
}

/**
 * The pages listed in /sitemap.xml (following a sitemap index if it is one), mapped onto the local server:
 * each <loc> is an absolute URL on the configured site, so only its path and query are kept.
 * Returns absolute local URLs, without duplicates, in sitemap order.
 */
export async function sitemapUrls(base = baseUrl(), sitemap = '/sitemap.xml', seen = new Set<string>()): Promise<string[]> {
  const res = await fetch(new URL(sitemap, `${base}/`));
  if (!res.ok) throw new Error(`${sitemap} answered ${res.status}: the site has no sitemap, so the site-wide tests cannot list its pages.`);
  const xml = await res.text();
  const locs = [...xml.matchAll(/<loc>\s*([^<]*?)\s*<\/loc>/g)].map((m) => decodeXml(m[1] ?? ''));
  if (!locs.length) throw new Error(`${sitemap} lists no <loc> URLs.`);
  const urls: string[] = [];
  for (const loc of locs) {
    let parsed: URL;
    try {
      parsed = new URL(loc);
    } catch {
      throw new Error(`${sitemap} has <loc>${loc}</loc>, which is not an absolute URL (sitemaps need absolute URLs).`);
    }
    const local = new URL(`${parsed.pathname}${parsed.search}`, `${base}/`).href;
    if (/<sitemapindex[\s>]/.test(xml)) {
      if (!seen.has(local)) {
        seen.add(local);
        urls.push(...(await sitemapUrls(base, local, seen)));
      }
    } else if (!urls.includes(local)) urls.push(local);
  }
  return [...new Set(urls)];
}

export interface Heading {
  level: number;
  text: string;
}

/** The page's headings in document order (h1–h6 and role=heading), leaving out ones hidden from everyone. */
export function headings(page: Page): Promise<Heading[]> {
  return page.evaluate(() => {
    const hidden = (el: Element): boolean => {
      if (el.closest('[hidden], [aria-hidden="true"], [inert]')) return true;
      for (let e: Element | null = el; e; e = e.parentElement) if (getComputedStyle(e).display === 'none') return true;
      return false;
    };
    return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6, [role="heading"]')]
      .filter((el) => !hidden(el))
      .map((el) => {
        const aria = Number(el.getAttribute('aria-level'));
        const level = el.getAttribute('role') === 'heading' ? aria || 2 : aria || Number(el.tagName.slice(1));
        return { level, text: (el.textContent ?? '').replace(/\s+/g, ' ').trim() };
      });
  });
}

/** Elements whose right edge is beyond `width`, widest first, as short CSS-like descriptions. */
export function overflowingElements(page: Page, width: number): Promise<string[]> {
  return page.evaluate((width) => {
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 2).join('.')}` : '';
      const parent = el.parentElement && el.parentElement !== document.body ? `${el.parentElement.tagName.toLowerCase()} > ` : '';
      return `${parent}${el.tagName.toLowerCase()}${id}${cls}`;
    };
    return [...document.body.querySelectorAll('*')]
      .map((el) => ({ el, right: el.getBoundingClientRect().right + window.scrollX }))
      .filter(({ right }) => right > width + 0.5)
      .sort((a, b) => b.right - a.right)
      .slice(0, 8)
      .map(({ el, right }) => `${describe(el)} reaches ${Math.round(right)}px`);
  }, width);
}
