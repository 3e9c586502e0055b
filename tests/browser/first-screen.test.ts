// "What is there for me, near where I live?" on a 360×800 phone: the home page's where-and-what search is in
// the first screen, the crisis numbers and a one-line menu are on every page, the area page starts with a
// town-or-postcode box, and every district page lists what serves it, nearest first. CSP enforced throughout.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { validateDataDir } from '../../src/lib/dataset/dataset-fs.ts';
import type { Dataset } from '../../src/lib/model/types.ts';
import { baseUrl, gotoAndSettle, newPage, runAxe, sitemapUrls, sitePath } from './harness.ts';

const PHONE = { width: 360, height: 800 };
const PAGES = [...(await sitemapUrls(baseUrl())).map(sitePath), '/404.html'];
const CRISIS_HREFS = ['tel:111', 'tel:116123', 'sms:85258?body=SHOUT', 'tel:999'];

const dataset: Dataset = validateDataDir(inject('dataDir'), { today: '2100-01-01' }).dataset;

/** The names of providers with a running service that has a venue in `town` (by its town or district), once each unless `each`. */
function meetingIn(town: string, each = false): string[] {
  const district = town.toLowerCase().replace(/[^a-z]+/g, '-');
  const names = dataset.providers.flatMap((p) =>
    p.data.services
      .filter((s) => s.status === 'active' && (s.locations ?? []).some((l) => l.district === district || l.town?.toLowerCase() === town.toLowerCase()))
      .map(() => p.data.name),
  );
  return each ? names : [...new Set(names)];
}

/** How many services a district page lists in all, over all its pages, and how many under "Meets in". */
async function districtCounts(page: Page, path: string): Promise<{ total: number; meets: number }> {
  let total = 0;
  let meets = 0;
  for (let next: string | undefined = path; next; ) {
    await gotoAndSettle(page, next);
    const c = await page.locator('main section.layer').evaluateAll((sections) =>
      sections.map((s) => ({ meets: /^Meets in /.test(s.querySelector('h2')?.textContent?.trim() ?? ''), cards: s.querySelectorAll('.card').length })),
    );
    total += c.reduce((n, l) => n + l.cards, 0);
    meets += c.filter((l) => l.meets).reduce((n, l) => n + l.cards, 0);
    const nextLink = page.locator('main a[rel="next"]');
    next = (await nextLink.count()) ? new URL((await nextLink.first().getAttribute('href'))!, page.url()).pathname : undefined;
  }
  return { total, meets };
}

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

/** The search page, reached from a form, holds `words` in its one box and says what it found near `place`. */
async function searchedFor(page: Page, words: string, place: string): Promise<void> {
  await page.waitForURL((u) => u.pathname === '/search/');
  await expect.poll(() => page.locator('#search-input').inputValue()).toBe(words);
  await expect.poll(() => page.locator('#search-status').innerText(), { timeout: 15_000 }).toMatch(new RegExp(`found.* for ${place}\\b`, 'i'));
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
    const [sent] = await Promise.all([page.waitForRequest((r) => r.isNavigationRequest() && new URL(r.url()).pathname === '/search/'), page.keyboard.press('Enter')]);
    const url = new URL(sent.url());
    expect([url.searchParams.get('near'), url.searchParams.get('q')]).toEqual(['Crawley', 'hearing voices']);
    await searchedFor(page, 'hearing voices Crawley', 'Crawley');
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
      const [sent] = await Promise.all([page.waitForRequest((r) => r.isNavigationRequest() && new URL(r.url()).pathname === '/search/'), page.keyboard.press('Enter')]);
      expect(new URL(sent.url()).searchParams.get('near')).toBe('BN11 1AA');
      await searchedFor(page, 'BN11 1AA', 'BN11');
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
      // Each row's numbers are what its district page lists: every card, and the cards under "Meets in".
      const links = await page.locator('main nav .place-list li a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(links.length).toBe(7);
      for (const [i, link] of links.entries()) {
        const listed = await districtCounts(page, link);
        const meets = listed.meets ? `${listed.meets} ${listed.meets === 1 ? 'meets' : 'meet'} there` : 'none meets there yet';
        expect(rows[i], link).toMatch(new RegExp(` ${listed.total} services? · ${meets}$`));
      }
      // Crawley has at least the groups the data gives a venue there.
      const crawley = rows.find((r) => r.startsWith('Crawley'))!;
      expect(Number(/(\d+) meets? there$/.exec(crawley)?.[1])).toBeGreaterThanOrEqual(meetingIn('Crawley').length);
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
      expect(layers[0]![0]).toBe('Meets in Crawley');
      const meeting = layers[0]![1] as string[];
      expect(meetingIn('Crawley')).toContain('Fixture Together Peer Circle');
      // Each running service with a venue in Crawley has its own card there.
      const count = (names: string[], name: string) => names.filter((n) => n === name).length;
      for (const name of meetingIn('Crawley')) expect(count(meeting, name), name).toBeGreaterThanOrEqual(count(meetingIn('Crawley', true), name));
      const headings = layers.map((l) => l[0]);
      expect(headings).toContain('Online or by phone');
      expect(headings.indexOf('Covers all of West Sussex')).toBeLessThan(headings.indexOf('Online or by phone'));
      expect(layers.find((l) => l[0] === 'Online or by phone')![1]).toContain('Fixture Online Peer Circle');
    } finally {
      await page.close();
    }
  });
});
