// The share kit and the booklet in a real browser: short links land on provider pages (even without
// JavaScript), QR codes on the page decode to the short link, calendar files parse, each poster on its
// provider page prints alone on one A4 sheet (from its link or its button, by keyboard) while the page printed
// as it is has none, and axe finds nothing wrong on /print/ and the posters.
import ICAL from 'ical.js';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { validateDataDir } from '../../src/lib/dataset/dataset-fs.ts';
import { bookletAreas, wholeBookletFits } from '../../src/lib/directory.ts';
import type { Dataset } from '../../src/lib/model/types.ts';
import { collectConsole, gotoAndSettle, newPage, runAxe, sitePath, siteUrl } from './harness.ts';

const dataset: Dataset = validateDataDir(inject('dataDir'), { today: '2100-01-01' }).dataset;
const providers = dataset.providers;
const SAMPLE = ['fixture-kemptown-peer-hub', 'fixture-hastings-hearing-voices', 'capital-project-trust'].filter((s) => providers.some((p) => p.slug === s));
const activeServices = providers.flatMap((p) => p.data.services.filter((s) => s.status === 'active').map((s) => ({ provider: p, service: s })));
const withSessions = activeServices.filter(({ service }) => (service.schedule?.sessions?.length ?? 0) > 0);

async function decodeQr(page: Page, selector: string): Promise<string | undefined> {
  const png = PNG.sync.read(await page.locator(selector).first().screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/** A URL on the configured site (as printed on paper), mapped onto the local test server. */
function local(url: string): string {
  const u = new URL(url);
  return `${u.pathname}${u.search}${u.hash}`;
}

describe('the short link /p/<slug>/', () => {
  test.each(providers.map((p) => [p.slug, p.data.name]))('/p/%s/ lands on the provider page, with JavaScript off', async (slug, name) => {
    const page = await newPage({ javaScriptEnabled: false });
    try {
      await page.goto(siteUrl(`/p/${slug}/`));
      await page.waitForURL(`**/providers/${slug}/`, { timeout: 10_000 });
      expect(sitePath(page.url())).toBe(`/providers/${slug}/`);
      await expect(page.locator('h1').textContent()).resolves.toBe(name);
    } finally {
      await page.close();
    }
  });

  test('the redirect page is not indexed, points search engines at the provider page, and shows a link', async () => {
    const slug = providers[0]!.slug;
    const html = await (await fetch(siteUrl(`/p/${slug}/`))).text();
    expect(html).toMatch(/<meta name="robots" content="noindex"/);
    expect(html).toMatch(new RegExp(`<meta http-equiv="refresh" content="0; url=/providers/${slug}/"`));
    expect(html).toMatch(new RegExp(`<link rel="canonical" href="https?://[^"]+/providers/${slug}/"`));
    expect(html).toMatch(new RegExp(`<a [^>]*href="/providers/${slug}/"`));
    expect(html).not.toMatch(/<script/);
  });

  test('short links are not in the sitemap (they are not pages of their own)', async () => {
    const xml = await (await fetch(siteUrl('/sitemap.xml'))).text();
    expect(xml).not.toMatch(/\/p\//);
    expect(xml).not.toMatch(/\.ics</);
  });
});

describe.each(SAMPLE)('the share kit on /providers/%s/', (slug) => {
  let page: Page;
  beforeAll(async () => {
    page = await newPage();
    await gotoAndSettle(page, `/providers/${slug}/`);
  });
  afterAll(() => page?.close());

  test('shows the short link, and the QR code decodes to it', async () => {
    const href = await page.locator('.share-short a').getAttribute('href');
    expect(href).toMatch(new RegExp(`^https?://[^/]+/(?:.+/)?p/${slug}/$`));
    expect(await decodeQr(page, '.share-qr-code svg')).toBe(href);
    await expect(page.getByRole('img', { name: /^QR code\. It opens the page about / }).count()).resolves.toBe(1);
  });

  test('the QR code, followed, lands on this page', async () => {
    const decoded = await decodeQr(page, '.share-qr-code svg');
    const other = await newPage({ javaScriptEnabled: false });
    try {
      await other.goto(siteUrl(local(decoded!)));
      await other.waitForURL(`**/providers/${slug}/`, { timeout: 10_000 });
    } finally {
      await other.close();
    }
  });

  test('links to a poster on this page for each running service, and a calendar file for each one with sessions', async () => {
    const p = providers.find((x) => x.slug === slug)!.data;
    const posters = await page.locator('.share-kit a[href*="poster"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(posters).toEqual(p.services.filter((s) => s.status === 'active').map((s) => `#poster--${s.id}`));
    const calendars = await page.locator('a[href$=".ics"]').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(calendars).toEqual(p.services.filter((s) => s.status === 'active' && s.schedule?.sessions?.length).map((s) => `/calendar/${slug}--${s.id}.ics`));
  });

  test('the embed code is a self-contained card linking back here, with no script or iframe', async () => {
    const code = await page.locator('textarea.embed-code').inputValue();
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    const parsed = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return {
        links: [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        scripts: doc.querySelectorAll('script, iframe, link, style, img').length,
        unstyled: [...doc.body.querySelectorAll('*')].filter((el) => !el.getAttribute('style') && el.tagName !== 'A').length,
      };
    }, code);
    expect(parsed).toEqual({ links: [canonical], scripts: 0, unstyled: 0 });
    // The preview on the page is the same HTML.
    await expect(page.locator('.embed-preview a').getAttribute('href')).resolves.toBe(canonical);
  });
});

test('without JavaScript the share kit offers no copy button that cannot work', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  try {
    await page.goto(siteUrl(`/providers/${SAMPLE[0] ?? providers[0]!.slug}/`));
    await expect(page.locator('textarea.embed-code').isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', { name: 'Copy the code' }).count()).resolves.toBe(0);
  } finally {
    await page.close();
  }
});

describe('printing the page itself', () => {
  const SLUG = 'fixture-kemptown-peer-hub';
  /** Replaces window.print with a recorder of what would print: the page, or the poster that is open. */
  const recordPrints = (page: Page) =>
    page.evaluate(() => {
      const w = window as unknown as { printed: string[] };
      w.printed = [];
      window.print = () => w.printed.push(document.querySelector('.poster:target')?.id ?? 'page');
    });
  const printed = (page: Page) => page.evaluate(() => (window as unknown as { printed: string[] }).printed);

  test('the share kit has a "Print this page" button that prints the page, even while a poster is open, and says the browser’s Print menu works too', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, `/providers/${SLUG}/`);
      await recordPrints(page);
      const button = page.locator('.share-kit').getByRole('button', { name: 'Print this page' });
      await expect(button.isVisible()).resolves.toBe(true);
      await button.click();
      expect(await printed(page)).toEqual(['page']);
      // With a poster open, the button still prints the page, not the poster.
      await page.locator('.share-kit a[href^="#poster--"]').first().click();
      await expect(page.locator('.poster:target').count()).resolves.toBe(1);
      await button.click();
      expect(await printed(page)).toEqual(['page', 'page']);
      await expect(page.locator('.share-kit').innerText()).resolves.toContain('The Print menu of your browser prints it just the same.');
    } finally {
      await page.close();
    }
  });

  test('without JavaScript there is no "Print this page" button, but the line about the Print menu is there', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    try {
      await page.goto(siteUrl(`/providers/${SLUG}/`));
      await expect(page.getByRole('button', { name: 'Print this page' }).count()).resolves.toBe(0);
      await expect(page.locator('.share-kit').innerText()).resolves.toContain('The Print menu of your browser prints it just the same.');
    } finally {
      await page.close();
    }
  });
});

/** One part of a printed booklet: its address, area, part number, the services it lists, and the count its cover gives. */
interface Booklet {
  path: string;
  /** The address of the booklet's first part. */
  first: string;
  area: string;
  part: number;
  entries: string[];
  /** How many services the chooser on /print/ says the whole booklet holds. */
  listed: number;
  /** How many services its first part's cover says the whole booklet holds. */
  total: number;
}

/** Every booklet linked from /print/, every part of each, with the services it lists. */
async function allBooklets(page: Page): Promise<Booklet[]> {
  await gotoAndSettle(page, '/print/');
  const links = await page.locator('.booklet-chooser li').evaluateAll((items) =>
    items.map((li) => ({ path: new URL(li.querySelector('a')!.href).pathname, listed: Number(/\((\d+) services?/.exec(li.textContent ?? '')?.[1]) })),
  );
  const out: Booklet[] = [];
  for (const { path, listed } of links) {
    const area = path.split('/')[2]!;
    let next: string | undefined = path;
    let total = NaN;
    for (let part = 1; next; part++) {
      await gotoAndSettle(page, next);
      const entries = await page.locator('.booklet-entry .booklet-entry-title').allInnerTexts();
      if (part === 1) total = Number(/lists (\d+) peer support services?/.exec(await page.locator('.booklet-cover .lead').innerText())?.[1]);
      out.push({ path: next, first: path, area, part, entries: entries.map((e) => e.trim()), listed, total });
      const nextLink = page.locator('main a[rel="next"]');
      const href = (await nextLink.count()) ? await nextLink.first().getAttribute('href') : null;
      next = href ? new URL(href, page.url()).pathname : undefined;
    }
  }
  return out;
}

describe('words on paper match the site', () => {
  test('a poster says "How to join", names who runs the group in small letters, and writes access features mid-sentence', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/providers/fixture-kemptown-peer-hub/#poster--monday-drop-in');
      const poster = page.locator('#poster--monday-drop-in');
      await expect(poster.locator('.poster-by').innerText()).resolves.toBe('Run by Fixture Kemptown Peer Hub (user-led organisation)');
      await expect(poster.locator('dt').allInnerTexts()).resolves.toContain('How to join');
      await expect(poster.innerText()).resolves.toContain('Access: step-free access, hearing loop, quiet space.');
    } finally {
      await page.close();
    }
  });

  test('the booklet says "Not yet checked with the group", as the site does, and "How to join"', async () => {
    const page = await newPage();
    try {
      // The booklets split by district at this size: the one that holds the fixture's group.
      const booklets = await allBooklets(page);
      const holding = booklets.find((b) => b.entries.includes('Saturday peer circle'));
      expect(holding, 'no booklet lists Saturday peer circle').toBeDefined();
      await gotoAndSettle(page, holding!.path);
      const text = await page.locator('main').innerText();
      expect(text).not.toMatch(/confirmed by the group/i);
      const entry = page.locator('.booklet-entry', { hasText: 'Saturday peer circle' }).first();
      await expect(entry.locator('.booklet-by').innerText()).resolves.toBe('Run by Fixture Together Peer Circle (user-led organisation). Not yet checked with the group.');
      await expect(entry.locator('dt').allInnerTexts()).resolves.toContain('How to join');
      const who = entry.locator('dt', { hasText: /^Who it is for$/ }).locator('xpath=following-sibling::dd[1]');
      await expect(who.innerText()).resolves.toBe('Black, Asian and racialised communities; faith communities');
      await expect(page.locator('.booklet-end').innerText()).resolves.toContain('"Not yet checked with the group"');
    } finally {
      await page.close();
    }
  });
});

describe('calendar files', () => {
  test.each(withSessions.map(({ provider, service }) => [`/calendar/${provider.slug}--${service.id}.ics`, service.schedule!.sessions!.length]))(
    '%s is served as text/calendar and parses, with one Europe/London event per session',
    async (path, sessions) => {
      const res = await fetch(siteUrl(path));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
      const root = new ICAL.Component(ICAL.parse(await res.text()));
      const events = root.getAllSubcomponents('vevent');
      expect(events).toHaveLength(sessions);
      for (const e of events) expect(e.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/London');
      expect(root.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe('Europe/London');
    },
  );
});

describe('posters', () => {
  const byProvider = providers
    .map((p) => ({ slug: p.slug, services: p.data.services.filter((s) => s.status === 'active').map((s) => s.id) }))
    .filter((p) => p.services.length > 0);
  const posterLinks = byProvider.flatMap(({ slug, services }) => services.map((id) => `/providers/${slug}/#poster--${id}`));
  const several = byProvider.filter((p) => p.services.length > 1);

  /** The pages of the PDF Chromium prints, and their size in points. */
  async function printed(page: Page): Promise<{ pages: number; size: number[] }> {
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    await page.emulateMedia({ media: 'screen' });
    const box = /\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/.exec(pdf);
    return { pages: pdf.match(/\/Type \/Page\b/g)?.length ?? 0, size: [Math.round(Number(box?.[1])), Math.round(Number(box?.[2]))] };
  }

  /** Which posters show, in the page's current media. */
  const shown = (page: Page) => page.locator('article.poster').evaluateAll((as) => as.filter((a) => getComputedStyle(a).display !== 'none').map((a) => a.id));

  test('every running service has a poster on its provider page, drawing the share kit’s QR code again, and no other service does', async () => {
    expect(posterLinks.length).toBeGreaterThan(byProvider.length);
    for (const p of providers) {
      const html = await (await fetch(siteUrl(`/providers/${p.slug}/`))).text();
      const services = byProvider.find((x) => x.slug === p.slug)?.services ?? [];
      expect([...html.matchAll(/<article class="poster"[^>]* id="poster--([^"]+)"/g)].map((m) => m[1]), p.slug).toEqual(services);
      // The code's squares are on the page once; each poster uses them with its own name.
      expect(html.match(/<path stroke=/g), p.slug).toHaveLength(1);
      expect(html.match(/<use href="#share-qr-code"\/>/g) ?? [], p.slug).toHaveLength(services.length);
      expect(html, p.slug).not.toMatch(/\/posters\//);
    }
    expect((await fetch(siteUrl(`/posters/${byProvider[0]!.slug}/`))).status).toBe(404);
  });

  test.each(posterLinks)('%s shows and prints only that poster, on one A4 sheet, with the QR code decoding to the short link', async (link) => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, link);
      const [, , slug] = link.split('/');
      const id = link.split('#')[1]!;
      expect(await shown(page)).toEqual([id]);
      await expect(page.locator(`#${id} .poster-link`).textContent()).resolves.toMatch(new RegExp(`/p/${slug}/$`));
      await expect(page.locator(`#${id}`).getByRole('img', { name: /^QR code\. It opens the page about / }).count()).resolves.toBe(1);
      // Printed, the share kit (where the code is defined) is hidden, and the poster's copy still decodes.
      await page.emulateMedia({ media: 'print' });
      expect(await shown(page)).toEqual([id]);
      expect(await decodeQr(page, `#${id} .poster-qr-code svg`)).toMatch(new RegExp(`^https?://[^/]+/(?:.+/)?p/${slug}/$`));
      // A4 is 595 × 842 points.
      expect(await printed(page)).toEqual({ pages: 1, size: [595, 842] });
    } finally {
      await page.close();
    }
  });

  test.each(several.map((p) => [p.slug, p.services.length]))(
    '/providers/%s/ printed as it is has none of its %i posters; by keyboard, a poster’s link and then its button print only that one',
    async (slug) => {
      const page = await newPage();
      try {
        await gotoAndSettle(page, `/providers/${slug}/`);
        expect(await shown(page)).toEqual([]);
        await page.emulateMedia({ media: 'print' });
        expect(await shown(page)).toEqual([]);
        await expect(page.locator('.share-kit').isVisible()).resolves.toBe(true);
        const pages = (await printed(page)).pages;
        await page.evaluate(() => {
          (window as unknown as { printedHash: string[] }).printedHash = [];
          window.print = () => (window as unknown as { printedHash: string[] }).printedHash.push(location.hash);
        });
        const id = `poster--${several.find((p) => p.slug === slug)!.services[1]}`;
        await page.locator(`.share-kit a[href="#${id}"]`).focus();
        await page.keyboard.press('Enter');
        expect(await shown(page)).toEqual([id]);
        await page.keyboard.press('Tab');
        await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('Print this poster');
        await page.keyboard.press('Enter');
        expect(await page.evaluate(() => (window as unknown as { printedHash: string[] }).printedHash)).toEqual([`#${id}`]);
        expect(await printed(page)).toEqual({ pages: 1, size: [595, 842] });
        // Closing the poster gives back the page as it prints normally.
        await page.locator(`#${id}`).getByRole('link', { name: 'Close the poster' }).click();
        expect(await shown(page)).toEqual([]);
        expect((await printed(page)).pages).toBe(pages);
      } finally {
        await page.close();
      }
    },
  );

  test('without JavaScript a poster has no print button, and its link still shows and prints only it', async () => {
    const link = posterLinks.find((l) => several.some((p) => l.startsWith(`/providers/${p.slug}/`))) ?? posterLinks[0]!;
    const page = await newPage({ javaScriptEnabled: false });
    try {
      await page.goto(siteUrl(link));
      await expect(page.getByRole('button', { name: 'Print this poster' }).count()).resolves.toBe(0);
      expect(await shown(page)).toEqual([link.split('#')[1]]);
      expect(await printed(page)).toEqual({ pages: 1, size: [595, 842] });
    } finally {
      await page.close();
    }
  });

  test.each(several.slice(0, 3).map((p) => `/providers/${p.slug}/#poster--${p.services[0]}`))('axe finds no violations on %s', async (path) => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, path);
      expect(await runAxe(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('the booklet /print/', () => {
  let page: Page;
  let consoleLog: ReturnType<typeof collectConsole>;
  let booklets: Booklet[];
  beforeAll(async () => {
    page = await newPage();
    consoleLog = collectConsole(page);
    booklets = await allBooklets(page);
    await gotoAndSettle(page, '/print/');
  });
  afterAll(() => page?.close());

  test('axe finds no violations', async () => {
    expect(await runAxe(page)).toEqual([]);
  });

  test('past 100 entries, /print/ links a booklet for each district and each area, with how many services each holds', async () => {
    expect(wholeBookletFits(bookletAreas(dataset), 100), 'the test site is meant to be past one booklet').toBe(false);
    await expect(page.locator('h1').innerText()).resolves.toBe('Booklets to print');
    await expect(page.locator('.booklet-entry').count()).resolves.toBe(0);
    const areas = await page.locator('.booklet-chooser h2').allInnerTexts();
    expect(areas).toEqual(dataset.vocab.areas.terms.map((a) => a.label));
    const firstParts = booklets.filter((b) => b.part === 1);
    expect(firstParts.length).toBeGreaterThan(dataset.vocab.areas.terms.length);
    for (const b of firstParts) {
      expect(b.listed, b.path).toBe(b.total);
      expect(booklets.filter((x) => x.first === b.path).flatMap((x) => x.entries).length, b.path).toBe(b.total);
    }
  });

  test('lists every running service under each area it serves, somewhere in that area’s booklets, and nothing that is not running', () => {
    for (const { provider, service } of activeServices) {
      for (const area of provider.data.areas) {
        const names = booklets.filter((b) => b.area === area).flatMap((b) => b.entries);
        expect(names, `${service.name} (${provider.slug}) in ${area}`).toContain(service.name);
      }
    }
    const shown = booklets.flatMap((b) => b.entries);
    const activeNames = new Set(activeServices.map((x) => x.service.name));
    const paused = providers.flatMap((p) => p.data.services.filter((s) => s.status !== 'active').map((s) => s.name));
    for (const name of paused.filter((n) => !activeNames.has(n))) expect(shown, `${name} is not running`).not.toContain(name);
    // No booklet part holds more than 100 services, and a booklet lists each service once.
    for (const b of booklets) {
      expect(b.entries.length, b.path).toBeGreaterThan(0);
      expect(b.entries.length, b.path).toBeLessThanOrEqual(100);
    }
  });

  test('when printed: each booklet has the crisis numbers on the front, its list on a new page, no site navigation, and the date', async () => {
    const p = await newPage();
    await p.emulateMedia({ media: 'print' });
    try {
      for (const b of booklets) {
        await gotoAndSettle(p, b.path);
        const printed = await p.evaluate(() => ({
          crisis: getComputedStyle(document.querySelector('.booklet-crisis')!).display,
          siteBar: getComputedStyle(document.querySelector('.crisis')!).display,
          header: getComputedStyle(document.querySelector('.site-header')!).display,
          listBreak: getComputedStyle(document.querySelector('.booklet-services')!).breakBefore,
          crisisBeforeList: !!(document.querySelector('.booklet-crisis')!.compareDocumentPosition(document.querySelector('.booklet-services')!) & Node.DOCUMENT_POSITION_FOLLOWING),
          printedOn: document.querySelector('[data-printed-on]')?.textContent ?? '',
        }));
        expect(printed, b.path).toMatchObject({ crisis: 'block', siteBar: 'none', header: 'none', listBreak: 'page', crisisBeforeList: true });
        expect(printed.printedOn, b.path).toMatch(/Printed on \d{1,2} [A-Z][a-z]+ \d{4}\./);
        const text = await p.locator('.booklet-crisis').innerText();
        for (const words of ['111', 'option 2', '116 123', 'SHOUT', '85258', '999']) expect(text, b.path).toContain(words);
        await expect(p.locator('.booklet-cover').innerText()).resolves.toMatch(/This list was made on \d{1,2} [A-Z][a-z]+ \d{4}\./);
      }
    } finally {
      await p.close();
    }
  });

  test('no console message mentions the Content Security Policy', () => {
    expect(consoleLog.cspViolations()).toEqual([]);
  });
});
