// Checks the checkers: the static server, and each harness helper the site-wide tests rely on, against a
// small deliberately broken site (tests/fixtures/browser/site/). If one of these fails, a passing site-wide
// test would not mean what it says.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectConsole, gotoAndSettle, headings, newPage, overflowingElements, recordRequests, runAxe, sitemapUrls } from './harness.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

const SITE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/browser/site');

let server: StaticServer;
beforeAll(async () => {
  server = await startStaticServer(SITE);
});
afterAll(() => server?.close());

const at = (p: string) => `${server.url}${p}`;

describe('the static server', () => {
  test.each([
    ['/', 'text/html; charset=utf-8'],
    ['/style.css', 'text/css; charset=utf-8'],
    ['/pagefind/pagefind.js', 'text/javascript; charset=utf-8'],
    ['/pagefind/pagefind-entry.json', 'application/json; charset=utf-8'],
    ['/sitemap.xml', 'application/xml; charset=utf-8'],
    ['/picture.svg', 'image/svg+xml'],
    ['/pagefind/test.wasm', 'application/wasm'],
    ['/pagefind/test.pf_meta', 'application/octet-stream'],
  ])('serves %s as %s', async (p, type) => {
    const res = await fetch(at(p));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
  });

  test('redirects a folder asked for without its trailing slash, keeping the query', async () => {
    const res = await fetch(at('/sub?x=1'), { redirect: 'manual' });
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/sub/?x=1');
  });

  test('answers a missing page with 404.html and status 404', async () => {
    for (const p of ['/nowhere/', '/nowhere', '/style.css/', '/sub/missing.html']) {
      const res = await fetch(at(p));
      expect(res.status, p).toBe(404);
      expect(await res.text(), p).toContain('Page not found');
    }
  });

  test('never serves a file outside the site folder', async () => {
    for (const p of ['/../harness.test.ts', '/%2e%2e/%2e%2e/browser/harness.test.ts', '/..%2f..%2fbrowser%2fharness.test.ts']) {
      const res = await fetch(at(p));
      expect(res.status, p).toBe(404);
    }
  });
});

test('sitemapUrls maps each absolute <loc> onto the local server, once each', async () => {
  expect(await sitemapUrls(server.url)).toEqual([at('/'), at('/sub/'), at('/sub/?a=1&b=2')]);
});

describe('on a deliberately broken page', () => {
  let page: Page;
  let requests: Awaited<ReturnType<typeof recordRequests>>;
  let blocked: string[];
  beforeAll(async () => {
    page = await newPage({ bypassCSP: true, viewport: { width: 320, height: 640 } });
    requests = await recordRequests(page);
    blocked = [];
    page.on('requestfailed', (r) => blocked.push(`${r.failure()?.errorText} ${r.url()}`));
    await gotoAndSettle(page, at('/'));
  });
  afterAll(() => page?.close());

  test('recordRequests lists the request to another host, and it never left the machine', () => {
    expect(requests.foreign()).toEqual(['https://tiles.example.org/1/2/3.png']);
    expect(blocked.filter((b) => b.includes('tiles.example.org'))).toEqual([expect.stringMatching(/^net::ERR_BLOCKED_BY_CLIENT\b.* https:\/\/tiles\.example\.org\/1\/2\/3\.png$/)]);
  });

  test('recordRequests lists the missing stylesheet', () => {
    // Chromium may drop a 404 stylesheet (served as HTML) before a response event, so either form counts.
    expect(requests.failures).toHaveLength(1);
    expect(requests.failures[0]).toMatch(new RegExp(`^(404|net::ERR_ABORTED) ${at('/missing.css')}$`));
  });

  test('runAxe reports the image without alt text and the skipped heading level, readably', async () => {
    const violations = await runAxe(page);
    const ids = violations.map((v) => v.split(' ')[0]);
    expect(ids).toContain('image-alt');
    expect(ids).toContain('heading-order');
    expect(violations.find((v) => v.startsWith('image-alt'))).toMatch(/image-alt \(critical\): Images must have alternative text \[https:\/\/dequeuniversity\.com\/.*\]\n {4}- img\[src\$="picture\.svg"\]/);
  });

  test('headings shows the two h1s and the skipped level', async () => {
    expect(await headings(page)).toEqual([
      { level: 1, text: 'First main heading' },
      { level: 1, text: 'Second main heading' },
      { level: 3, text: 'A heading that skips a level' },
    ]);
  });

  test('the page is wider than 320 px, and overflowingElements says why', async () => {
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeGreaterThan(320);
    expect((await overflowingElements(page, 320))[0]).toBe('main > div.too-wide reaches 608px');
  });

  test('the first Tab focuses the first link, which is not a skip link', async () => {
    const page2 = await newPage();
    try {
      await gotoAndSettle(page2, at('/'));
      await page2.keyboard.press('Tab');
      expect(await page2.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/sub/');
    } finally {
      await page2.close();
    }
  });
});

describe('collectConsole', () => {
  test('reports the inline script the Content Security Policy blocks', async () => {
    const page = await newPage();
    try {
      const log = collectConsole(page);
      await gotoAndSettle(page, at('/'));
      expect(log.cspViolations()).toHaveLength(1);
      expect(log.cspViolations()[0]).toMatch(/^error: .*inline script.*Content Security Policy/);
      expect(await page.title()).toBe('A deliberately broken page');
    } finally {
      await page.close();
    }
  });

  test('sees nothing when the policy is bypassed, and the inline script runs', async () => {
    const page = await newPage({ bypassCSP: true });
    try {
      const log = collectConsole(page);
      await gotoAndSettle(page, at('/'));
      expect(log.cspViolations()).toEqual([]);
      expect(await page.title()).toBe('inline scripts are blocked by the CSP');
    } finally {
      await page.close();
    }
  });
});

test('runAxe also works with the Content Security Policy enforced', async () => {
  const page = await newPage();
  try {
    await gotoAndSettle(page, at('/'));
    expect((await runAxe(page)).map((v) => v.split(' ')[0])).toContain('image-alt');
  } finally {
    await page.close();
  }
});
