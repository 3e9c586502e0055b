// "What is there for me, near where I live?" on a 360×800 phone: the home page's where-and-what search is in
// the first screen, the crisis numbers and a one-line menu are on every page, the area page starts with a
// town-or-postcode box, and every district page lists what serves it, nearest first. CSP enforced throughout.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { baseUrl, gotoAndSettle, newPage, runAxe, sitemapUrls, sitePath } from './harness.ts';

const PHONE = { width: 360, height: 800 };
const PAGES = [...(await sitemapUrls(baseUrl())).map(sitePath), '/404.html'];
const CRISIS_HREFS = ['tel:111', 'tel:116123', 'sms:85258?body=SHOUT', 'tel:999'];

/** Where an element is on the screen, scrolled to the top; null if the page has no such element. */
function box(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  }, selector);
}

/** Presses Tab until the focused element matches `selector` (at most `limit` times); returns how many presses it took. */
async function tabTo(page: Page, selector: string, limit = 40): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement?.matches(sel) ?? false, selector)) return i;
  }
  throw new Error(`Tab never reached ${selector} in ${limit} presses`);
}

describe('the home page on a 360×800 phone', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage({ viewport: PHONE });
    await gotoAndSettle(page, '/');
  });
  afterAll(() => page?.close());

  test('shows the "Where?" and "What kind of support?" fields and the search button without scrolling', async () => {
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (const sel of ['main input[name="near"]', 'main input[name="q"]', 'main form[action="/search/"] button[type="submit"]']) {
      const b = await box(page, sel);
      expect(b, sel).not.toBeNull();
      expect(b!.top, sel).toBeGreaterThanOrEqual(0);
      expect(b!.bottom, `${sel} ends below the first screen`).toBeLessThanOrEqual(PHONE.height);
      expect(b!.right, sel).toBeLessThanOrEqual(PHONE.width);
      expect(b!.height, `${sel} is too small to tap`).toBeGreaterThanOrEqual(44);
    }
  });

  test('labels the fields "Where? Town or postcode" and "What kind of support? (optional)", and sends them to /search/ by GET', async () => {
    const labels = await page.locator('main input[name="near"], main input[name="q"]').evaluateAll((inputs) =>
      inputs.map((i) => (i as HTMLInputElement).labels?.[0]?.textContent?.replace(/\s+/g, ' ').trim()),
    );
    expect(labels).toEqual(['Where? Town or postcode', 'What kind of support? (optional)']);
    const form = page.locator('main form:has(input[name="near"])');
    expect(await form.getAttribute('method')).toBe('get');
    expect(await form.getAttribute('action')).toBe('/search/');
  });

  test('by keyboard: skip to the main content, the next Tab is "Where?", then "What kind of support?", and Enter searches for both', async () => {
    await gotoAndSettle(page, '/');
    expect(await tabTo(page, '.skip-link', 1)).toBe(1);
    await page.keyboard.press('Enter');
    expect(await tabTo(page, 'main input[name="near"]', 1)).toBe(1);
    await page.keyboard.type('Crawley');
    expect(await tabTo(page, 'main input[name="q"]', 1)).toBe(1);
    await page.keyboard.type('hearing voices');
    await Promise.all([page.waitForURL((u) => u.pathname === '/search/'), page.keyboard.press('Enter')]);
    const url = new URL(page.url());
    expect([url.searchParams.get('near'), url.searchParams.get('q')]).toEqual(['Crawley', 'hearing voices']);
  });
});

describe('every page at 360×800', () => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage({ viewport: PHONE });
  });
  afterAll(() => page?.close());

  test.each(PAGES)('%s: crisis numbers in the first screen, menu on one line, no axe violations', async (path) => {
    await gotoAndSettle(page, path);
    const crisis = await page.locator('.crisis a').evaluateAll((links) =>
      links.map((a) => {
        const r = a.getBoundingClientRect();
        return { href: a.getAttribute('href'), top: r.top, bottom: r.bottom, right: r.right, height: r.height };
      }),
    );
    expect(crisis.map((c) => c.href)).toEqual(CRISIS_HREFS);
    for (const c of crisis) {
      expect(c.top, c.href!).toBeGreaterThanOrEqual(0);
      expect(c.bottom, `${c.href} is below the first screen`).toBeLessThanOrEqual(PHONE.height / 4);
      expect(c.right, c.href!).toBeLessThanOrEqual(PHONE.width);
      expect(c.height, c.href!).toBeGreaterThanOrEqual(44);
    }
    const menu = await page.locator('nav[aria-label="Main"] a').evaluateAll((links) => links.map((a) => ({ text: a.textContent, top: Math.round(a.getBoundingClientRect().top), right: a.getBoundingClientRect().right })));
    expect(menu.length).toBeGreaterThan(0);
    expect(new Set(menu.map((m) => m.top)).size, `menu lines: ${JSON.stringify(menu)}`).toBe(1);
    for (const m of menu) expect(m.right, m.text!).toBeLessThanOrEqual(PHONE.width);
    expect(await runAxe(page)).toEqual([]);
  });
});

describe('area pages', () => {
  test('/areas/west-sussex/ starts with "Find what is near you": a town or postcode box in the first screen that searches near it by keyboard', async () => {
    const page = await newPage({ viewport: PHONE });
    try {
      await gotoAndSettle(page, '/areas/west-sussex/');
      const headings = await page.locator('main h1, main h2').allInnerTexts();
      expect(headings.slice(0, 2)).toEqual(['Peer support in West Sussex', 'Find what is near you']);
      const b = await box(page, 'main form button[type="submit"]');
      expect(b!.bottom).toBeLessThanOrEqual(PHONE.height);
      await tabTo(page, 'main input[name="near"]');
      await page.keyboard.type('BN11 1AA');
      await Promise.all([page.waitForURL((u) => u.pathname === '/search/'), page.keyboard.press('Enter')]);
      expect(new URL(page.url()).searchParams.get('near')).toBe('BN11 1AA');
    } finally {
      await page.close();
    }
  });

  test('/areas/west-sussex/ lists each district with how many services reach it and how many meet there', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/areas/west-sussex/');
      const rows = (await page.locator('main nav .place-list li').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
      expect(rows.length).toBe(7);
      for (const row of rows) expect(row).toMatch(/^[A-Z][A-Za-z ]+ \d+ services? · (?:\d+ meets? there|none meets there yet)$/);
      expect(rows.find((r) => r.startsWith('Crawley'))).toMatch(/ 1 meets there$/);
    } finally {
      await page.close();
    }
  });
});

describe('district pages', () => {
  const DISTRICT_PAGES = PAGES.filter((p) => /^\/areas\/[^/]+\/[^/]+\/$/.test(p));
  /** The layers' headings, nearest first (src/lib/area-layers.ts layerText). */
  const ORDER = [/^Meets in /, /^Covers (?!all of )/, /^Covers all of /, /^Online or by phone/, /^Somewhere in Sussex/, /^Elsewhere in /];

  test('the sitemap lists every district page and each area’s whole-area page', () => {
    expect(DISTRICT_PAGES).toEqual(expect.arrayContaining(['/areas/west-sussex/adur/', '/areas/west-sussex/crawley/', '/areas/east-sussex/hastings/', '/areas/brighton-and-hove/brighton-and-hove/', '/areas/west-sussex/whole-area/']));
  });

  test.each(DISTRICT_PAGES)('%s lists what serves it in layers, each with a heading and at least one service, never saying there is none', async (path) => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, path);
      // Every area of the test site has something running, so no page of it may be empty.
      await expect(page.locator('main').innerText()).resolves.not.toContain('We do not know of any peer support based here yet');
      const layers = await page.locator('main section.layer').evaluateAll((sections) =>
        sections.map((s) => ({ heading: s.querySelector('h2')?.textContent?.trim() ?? '', cards: s.querySelectorAll('.card').length })),
      );
      expect(layers.length, path).toBeGreaterThan(0);
      for (const l of layers) expect(l.cards, l.heading).toBeGreaterThan(0);
      // Each heading is one of the layers', in their order: nearest first, each once.
      const order = layers.map((l) => ORDER.findIndex((r) => r.test(l.heading)));
      expect(order.filter((i) => i < 0), JSON.stringify(layers)).toEqual([]);
      expect(order, JSON.stringify(layers)).toEqual([...new Set(order)].sort((a, b) => a - b));
    } finally {
      await page.close();
    }
  });

  test('/areas/west-sussex/crawley/ lists the group meeting in Crawley first, and online support after the groups covering West Sussex', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/areas/west-sussex/crawley/');
      const layers = await page.locator('main section.layer').evaluateAll((sections) =>
        sections.map((s) => [s.querySelector('h2')?.textContent?.trim(), [...s.querySelectorAll('.card p:first-of-type')].map((p) => p.textContent?.replace(/\s*·.*$/, '').trim())]),
      );
      expect(layers[0]).toEqual(['Meets in Crawley', ['Fixture Together Peer Circle']]);
      const headings = layers.map((l) => l[0]);
      expect(headings).toContain('Online or by phone');
      expect(headings.indexOf('Covers all of West Sussex')).toBeLessThan(headings.indexOf('Online or by phone'));
      expect(layers.find((l) => l[0] === 'Online or by phone')![1]).toContain('Fixture Online Peer Circle');
    } finally {
      await page.close();
    }
  });
});
