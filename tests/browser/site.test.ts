// Site-wide checks in a real browser, on every page in the sitemap plus the 404 page.
// Each page is opened twice: once on a desktop with the CSP bypassed (so axe can be injected) and every
// request recorded, and once at 320 px wide with the CSP enforced, as a phone user would get it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Response } from 'playwright-core';
import { parse } from 'yaml';
import { AREAS_NOT_KNOWN } from '../../src/lib/model/predicates.ts';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { validateDataDir } from '../../src/lib/dataset/dataset-fs.ts';
import { districtSummaries } from '../../src/lib/area-layers.ts';
import { providersWithCommunity } from '../../src/lib/directory.ts';
import { readGazetteer } from '../../src/lib/places/gazetteer-fs.ts';
import {
  baseUrl,
  collectConsole,
  gotoAndSettle,
  headings,
  newPage,
  overflowingElements,
  recordRequests,
  runAxe,
  sitemapUrls,
  sitePath,
  siteUrl,
  type ConsoleLog,
  type RequestLog,
} from './harness.ts';

const providerSlugs = inject('providerSlugs');

let sitemapError: unknown;
let sitemapPages: string[] = [];
try {
  sitemapPages = (await sitemapUrls(baseUrl())).map(sitePath);
} catch (error) {
  sitemapError = error;
}
// Without a sitemap the per-page checks still run on the home page, so they can still fail for their own reasons.
const PAGES = [...new Set([...(sitemapPages.length ? sitemapPages : ['/']), '/404.html'])];

/** The map page loads tiles from a tile server, but only after "Show street map"; its own test covers that. */
const MAP_PAGE = '/map/';

const CRISIS_LINKS = [
  { name: 'NHS 111', href: /^tel:111$/ },
  { name: 'Samaritans 116 123', href: /^tel:116123$/ },
  { name: 'Shout, text 85258', href: /^sms:85258(?:[?&;].*)?$/ },
  { name: '999', href: /^tel:999$/ },
];

/** Provider slugs linked from the page (links to /providers/<slug>/ that are not hidden from everyone). */
async function linkedProviders(page: Page): Promise<Set<string>> {
  const paths = await page.locator('a[href]').evaluateAll((links) =>
    links
      .filter((a) => !a.closest('[hidden], [aria-hidden="true"], [inert]') && getComputedStyle(a).display !== 'none' && getComputedStyle(a).visibility !== 'hidden')
      .map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  );
  return new Set(paths.map((p) => /^\/providers\/([^/]+)\/$/.exec(p)?.[1]).filter((s): s is string => !!s));
}

test('the sitemap lists the home page and every provider page', () => {
  if (sitemapError) throw sitemapError;
  const listed = new Set(sitemapPages);
  const expected = ['/', ...providerSlugs.map((s) => `/providers/${s}/`)];
  expect(expected.filter((p) => !listed.has(p)), 'pages missing from /sitemap.xml').toEqual([]);
});

test('an address that does not exist gets the site’s 404 page with status 404', async () => {
  const res = await fetch(siteUrl('/no-such-page-for-the-browser-tests/'));
  expect(res.status).toBe(404);
  expect(res.headers.get('content-type'), 'dist/404.html should exist (the server fell back to plain text)').toMatch(/^text\/html/);
});

test('with JavaScript off, every provider is reachable from the home page, directly or through the A–Z pages', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  try {
    await gotoAndSettle(page, '/');
    const linked = await linkedProviders(page);
    // Home → A–Z → each letter → each page of a letter: plain links all the way.
    const toVisit: string[] = (await listLinks(page)).filter((p) => p === '/providers/');
    const visited = new Set(['/']);
    while (toVisit.length) {
      const path = toVisit.shift()!;
      if (visited.has(path)) continue;
      visited.add(path);
      await gotoAndSettle(page, path);
      for (const slug of await linkedProviders(page)) linked.add(slug);
      toVisit.push(...(await listLinks(page)).filter((p) => /^\/a-z\/[^/]+\/(?:\d+\/)?$/.test(p) && !visited.has(p)));
    }
    expect(providerSlugs.length, 'the build should include providers (at least the fixtures)').toBeGreaterThan(0);
    expect(providerSlugs.filter((s) => !linked.has(s)), `providers with no link from / or the A–Z pages (visited ${[...visited].join(', ')})`).toEqual([]);
  } finally {
    await page.close();
  }
});

test('by keyboard alone: A–Z, then a letter, then a group on that letter’s page', async () => {
  const page = await newPage();
  try {
    await gotoAndSettle(page, '/providers/');
    await expect(page.locator('nav[aria-label="Main"] a[aria-current="page"]').innerText()).resolves.toBe('A–Z');
    const letter = await tabUntil(page, 'nav[aria-label="Groups A to Z"] a');
    expect(letter.href).toMatch(/\/a-z\/[a-z]+\/$/);
    await Promise.all([page.waitForURL((u) => u.pathname === new URL(letter.href!).pathname), page.keyboard.press('Enter')]);
    await expect(page.locator('nav[aria-label="Groups A to Z"] a[aria-current="page"]').count()).resolves.toBe(1);
    // The main menu still shows where you are: in the A–Z section, though not on its first page.
    await expect(page.locator('nav[aria-label="Main"] a[aria-current]').evaluateAll((links) => links.map((a) => `${a.textContent} ${a.getAttribute('aria-current')}`))).resolves.toEqual(['A–Z true']);
    const group = await tabUntil(page, 'main .card-list a[href^="/providers/"]');
    await Promise.all([page.waitForURL((u) => u.pathname === new URL(group.href!).pathname), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').innerText()).resolves.toBe(group.text);
  } finally {
    await page.close();
  }
});

test('by keyboard alone: an area, then one of its districts, whose page lists what serves it, nearest first, under a heading for each kind', async () => {
  const page = await newPage();
  try {
    await gotoAndSettle(page, '/areas/west-sussex/');
    const district = await tabUntil(page, 'main nav a[href^="/areas/west-sussex/"]');
    await Promise.all([page.waitForURL((u) => u.pathname === new URL(district.href!).pathname), page.keyboard.press('Enter')]);
    await expect(page.locator('h1').innerText()).resolves.toContain(district.text);
    // Something serves West Sussex, so no district of it is empty.
    expect(await page.locator('main .card-list .card').count()).toBeGreaterThan(0);
    await expect(page.locator('main').innerText()).resolves.not.toContain('We do not know of any peer support based here yet');
    const layers = await page.locator('main section.layer h2').allInnerTexts();
    expect(layers.length).toBeGreaterThan(0);
    for (const h of layers) expect(h).toMatch(/^(Meets in |Covers |Covers all of West Sussex|Online or by phone|Somewhere in Sussex|Elsewhere in West Sussex)/);
  } finally {
    await page.close();
  }
});

test('an area with only one district (Brighton & Hove) has no district to choose: it links straight to the list', async () => {
  const page = await newPage();
  try {
    await gotoAndSettle(page, '/areas/brighton-and-hove/');
    await expect(page.locator('main').innerText()).resolves.not.toContain('Choose a district');
    const link = page.locator('main a[href="/areas/brighton-and-hove/brighton-and-hove/"]');
    await expect(link.innerText()).resolves.toMatch(/^See the \d+ services? for people in Brighton & Hove$/);
    await Promise.all([page.waitForURL('**/areas/brighton-and-hove/brighton-and-hove/'), link.click()]);
    await expect(page.locator('main .card-list .card').count()).resolves.toBeGreaterThan(0);
    await expect(page.locator('.breadcrumb a').innerText()).resolves.toBe('Peer support in Brighton & Hove');
  } finally {
    await page.close();
  }
});

test('a service card says who the service is for without splitting a label that holds a comma', async () => {
  const page = await newPage();
  try {
    await gotoAndSettle(page, '/areas/west-sussex/crawley/');
    const card = page.locator('main .card', { hasText: 'Fixture Together Peer Circle' });
    await expect(card.locator('p.muted').innerText()).resolves.toMatch(/^For: Black, Asian and racialised communities; faith communities\b/);
  } finally {
    await page.close();
  }
});

/** Texts with their white space made single spaces. */
const words = (texts: string[]) => texts.map((t) => t.replace(/\s+/g, ' ').trim());

describe('badges on cards', () => {
  const CLOSED = 'Fixture Harbour Café Group';
  /** The badges on the card of a provider, as their words. */
  const badgesOn = async (page: Page, name: string) => words(await page.locator('main .card', { has: page.locator(`h2 a, h3 a`, { hasText: name }) }).locator('.badge').allTextContents());

  test('on /, with more than 50 groups, no group is listed but the count is, with a link to each letter’s page, where the closed group says "Closed" last', async () => {
    const total = inject('providerSlugs').length;
    expect(total, 'the test site is meant to have more than 50 groups').toBeGreaterThan(50);
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/');
      await expect(page.locator('main .card').count()).resolves.toBe(0);
      await expect(page.locator('main').innerText()).resolves.toContain(`${total.toLocaleString('en-GB')} listed.`);
      const letters = await page.locator('main nav[aria-label="Groups A to Z"] a').evaluateAll((as) =>
        as.map((a) => ({ path: new URL((a as HTMLAnchorElement).href).pathname, count: Number(/(\d+) groups?$/.exec(a.textContent ?? '')?.[1]) })),
      );
      expect(letters.reduce((n, l) => n + l.count, 0)).toBe(total);
      const letter = letters.find((l) => l.path === `/a-z/${CLOSED[0]!.toLowerCase()}/`);
      expect(letter, `a link to the letter page of ${CLOSED}`).toBeDefined();
      await page.locator(`main nav[aria-label="Groups A to Z"] a[href$="${letter!.path}"]`).click();
      await page.waitForURL((u) => u.pathname === letter!.path);
      await expect(page.locator('main .card').count()).resolves.toBe(letter!.count);
      expect(await badgesOn(page, CLOSED)).toContain('✕ Closed');
      const names = await page.locator('main .card :is(h2, h3) a').allInnerTexts();
      expect(names.filter((n) => n.startsWith('Fixture')).at(-1)).toBe(CLOSED);
    } finally {
      await page.close();
    }
  });

  test.each(['/providers/', '/a-z/f/'])('on %s, a provider whose every service is closed says "Closed" and is listed after the running ones', async (path) => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, path);
      expect(await badgesOn(page, CLOSED)).toContain('✕ Closed');
      const names = await page.locator('main .card :is(h2, h3) a').allInnerTexts();
      const fixtures = names.filter((n) => n.startsWith('Fixture'));
      expect(fixtures.at(-1)).toBe(CLOSED);
      // A running group has no "Closed" badge.
      expect((await badgesOn(page, 'Fixture Kemptown Peer Hub')).join(' ')).not.toContain('Closed');
    } finally {
      await page.close();
    }
  });

  test('a card says "Sussex (which areas is not known yet)" for a provider whose areas are not known, and names the areas of the others', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/providers/');
      const where = (name: string) => page.locator('main .card', { has: page.locator('h2 a, h3 a', { hasText: name }) }).locator('p.muted').innerText();
      const unsure = inject('providerSlugs').map((slug) => parse(readFileSync(path.join(inject('dataDir'), 'providers', `${slug}.yaml`), 'utf8')) as { name: string; areas_unconfirmed?: boolean }).find((p) => p.areas_unconfirmed);
      expect(unsure, 'a provider with areas_unconfirmed: true').toBeDefined();
      await expect(where(unsure!.name)).resolves.toBe(AREAS_NOT_KNOWN);
      await expect(where('Fixture Kemptown Peer Hub')).resolves.toBe('Brighton & Hove');
    } finally {
      await page.close();
    }
  });

  test('a card marks a peer-led group as user-led, as the coverage page counts it, and says when the group has not been checked', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/providers/');
      // led_by: peer-led-group
      expect(await badgesOn(page, 'Fixture Rainbow Peer Group')).toEqual(['★ User-led', '! Not yet checked with the group']);
      // led_by: voluntary-sector
      expect(await badgesOn(page, 'Fixture Ward Visits Peer Service')).toEqual(['! Not yet checked with the group']);
      // The icon is decoration: a screen reader hears the words.
      await expect(page.locator('main .badge [aria-hidden="true"]').count()).resolves.toBeGreaterThan(0);
    } finally {
      await page.close();
    }
  });

  test('the provider page of a group whose every service is closed has a "Closed" badge', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/providers/fixture-harbour-cafe-group/');
      const badges = words(await page.locator('main ul.badges .badge').allTextContents());
      expect(badges).toEqual(['✕ Closed', '★ User-led', '! Not yet checked with the group']);
    } finally {
      await page.close();
    }
  });
});

describe('labels read as part of a sentence', () => {
  test.each([
    ['/communities/men/', 'Peer support for men'],
    ['/communities/everyone/', 'Peer support for anyone with experience of mental distress'],
    ['/communities/lgbtq/', 'Peer support for LGBTQ+ people'],
    ['/communities/racialised-communities/', 'Peer support for Black, Asian and racialised communities'],
  ])('%s is headed "%s", and its title says the same', async (path, heading) => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, path);
      await expect(page.locator('h1').innerText()).resolves.toBe(heading);
      await expect(page.title()).resolves.toBe(`${heading} | Sussex Peer Support Directory`);
    } finally {
      await page.close();
    }
  });

  test('a community page says how many groups it lists in a whole sentence, and links to the other communities', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/communities/everyone/');
      const summary = page.locator('main p', { has: page.locator('a[href="/communities/"]') });
      await expect(summary.innerText()).resolves.toMatch(/^\d+ (?:group or organisation|groups and organisations)\. You can also see support for other groups of people\.$/);
    } finally {
      await page.close();
    }
  });

  test('a service lists its labels with small letters after the first, and a language keeps its capital', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/providers/fixture-together-peer-circle/');
      const fact = (term: string) => page.locator('section.service dl.facts dt', { hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]').innerText();
      await expect(fact('Kind of support')).resolves.toBe('Group, shared meals');
      await expect(fact('Languages')).resolves.toBe('English, Urdu, Bengali');
      await gotoAndSettle(page, '/providers/fixture-ward-visits-peer-service/');
      await expect(fact('How to join')).resolves.toBe('Referral by a professional, contact them yourself');
      await expect(fact('Who supports you')).resolves.toBe('Paid peer support workers');
    } finally {
      await page.close();
    }
  });

  test('a service says "How to join" and tells "Where" apart from "Kind of place"', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/providers/fixture-online-peer-circle/');
      const terms = await page.locator('section.service dl.facts dt').allInnerTexts();
      expect(terms).toEqual(expect.arrayContaining(['Where', 'Kind of place', 'How to join']));
      expect(terms).not.toContain('Where it happens');
      expect(terms).not.toContain('How to start');
    } finally {
      await page.close();
    }
  });
});

describe('venues', () => {
  test('an address ends with a full stop, and access and notes are on lines of their own, in small letters after "Access:"', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/providers/fixture-kemptown-peer-hub/');
      const firstPlace = () => page.locator('section.service dl.facts dt', { hasText: /^Where$/ }).first().locator('xpath=following-sibling::dd[1]').locator('li').first().innerText();
      await expect(firstPlace()).resolves.toBe('Fixture Kemptown Community Hall, 3 Fixture Terrace, Brighton, BN2 1AA.\nAccess: step-free access, hearing loop, quiet space.');
      await gotoAndSettle(page, '/providers/fixture-ward-visits-peer-service/');
      await expect(firstPlace()).resolves.toBe('Fixture Ward Unit, Chichester, PO19 6AA.\nAsk the ward staff to call the peer worker.');
    } finally {
      await page.close();
    }
  });
});

describe('instructions lead somewhere', () => {
  const dataset = validateDataDir(inject('dataDir'), { today: '2100-01-01' }).dataset;
  const places = readGazetteer(inject('dataDir'), dataset.vocab).places;
  // A district where no group meets: its page asks for one.
  const emptyDistrict = dataset.vocab.areas.terms.flatMap((a) => districtSummaries(dataset, a.id, places).filter((d) => !d.meets).map((d) => `/areas/${a.id}/${d.district}/`))[0];
  const emptyCommunity = dataset.vocab.communities.terms.filter((c) => !providersWithCommunity(dataset, c.id).length).map((c) => `/communities/${c.id}/`)[0];

  test.each([
    [emptyDistrict ?? '(no district without a group meeting there)', 'tell us about it'],
    [emptyCommunity ?? '(no empty community)', 'tell us about it'],
    ['/coverage/', 'tell us about it'],
    ['/charter/', 'Add or correct a group'],
    ['/accessibility/', 'Add or correct a group'],
  ])('%s links "%s" to the page that explains how to add or correct a group', async (path, text) => {
    expect(path, 'the data should have a page with nothing listed').toMatch(/^\//);
    const page = await newPage();
    try {
      await gotoAndSettle(page, path);
      const hrefs = await page.locator('main a', { hasText: text }).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.length).toBeGreaterThan(0);
      expect(new Set(hrefs)).toEqual(new Set(['/contribute/']));
      await expect(page.locator('main').innerText()).resolves.not.toMatch(/please tell us\.|contact the Charter partners\./);
    } finally {
      await page.close();
    }
  });

  test('the about page names the community with its vocabulary label', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, '/about/');
      const label = dataset.vocab.communities.terms.find((c) => c.id === 'racialised-communities')!.label;
      await expect(page.locator('main').innerText()).resolves.toContain(`people from ${label}`);
    } finally {
      await page.close();
    }
  });
});

describe('screen-reader words for links', () => {
  test.each(['/providers/fixture-kemptown-peer-hub/', '/charter/'])('%s says whose website a link opens without a possessive', async (path) => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, path);
      const hidden = await page.locator('main a[rel~="external"] .visually-hidden').allTextContents();
      expect(hidden.length).toBeGreaterThan(0);
      for (const text of hidden) expect(text).not.toMatch(/'s\b/);
      expect(hidden.some((t) => /\(opens the website of |\(the website of /.test(t))).toBe(true);
    } finally {
      await page.close();
    }
  });
});

describe('crisis help', () => {
  test.each([320, 360, 800, 1024])('at %i px wide: numbers stay on one line, call links are at least 44 px high and within the bar, and the words after each are read out (shown from 48rem)', async (width) => {
    const page = await newPage({ viewport: { width, height: 800 } });
    try {
      await gotoAndSettle(page, '/');
      const bar = page.locator('.crisis');
      // Read out to everyone, on every width: the words are in the page's text.
      const text = (await bar.textContent())!.replace(/\s+/g, ' ');
      for (const words of ['Call NHS 111, option 2 for urgent mental health help, any time', 'Samaritans 116 123 free, any time', 'Text SHOUT to 85258 if you would rather not talk', 'Call 999 or go to A&E if a life is at risk']) expect(text).toContain(words);
      const notes = await bar.locator('.crisis-note').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
      expect(notes.length).toBe(4);
      // Shown from 48rem; on a phone only read out, so the bar stays small.
      for (const w of notes) width >= 768 ? expect(w).toBeGreaterThan(20) : expect(w).toBeLessThanOrEqual(1);
      const links = await bar.locator('a').evaluateAll((as) =>
        as.map((a) => {
          const box = a.getBoundingClientRect();
          const cell = a.closest('li')!.getBoundingClientRect();
          const numbers = [...a.querySelectorAll('.nowrap')].map((n) => ({ text: n.textContent, lines: n.getClientRects().length }));
          return { href: a.getAttribute('href'), left: Math.round(box.left), top: Math.round(box.top), height: box.height, right: box.right, overflow: box.right - cell.right, numbers };
        }),
      );
      expect(links.map((l) => l.href)).toEqual(['tel:111', 'tel:116123', 'sms:85258?body=SHOUT', 'tel:999']);
      for (const l of links) {
        expect(l.height, l.href!).toBeGreaterThanOrEqual(44);
        expect(l.overflow, `${l.href} is wider than its column`).toBeLessThanOrEqual(0.5);
        expect(l.right, `${l.href} goes off the screen`).toBeLessThanOrEqual(width);
        expect(l.numbers.length, l.href!).toBeGreaterThan(0);
        for (const n of l.numbers) expect(n.lines, `${n.text} in ${l.href}`).toBe(1);
      }
      const [nhs, samaritans, shout, emergency] = links as [(typeof links)[0], (typeof links)[0], (typeof links)[0], (typeof links)[0]];
      const barHeight = (await bar.boundingBox())!.height;
      if (width < 768) {
        // A compact block: at most three rows of links, in reading order, well under a fifth of the screen.
        expect(new Set(links.map((l) => l.top)).size).toBeLessThanOrEqual(3);
        for (let i = 1; i < links.length; i++) expect(links[i]!.top >= links[i - 1]!.top, links[i]!.href!).toBe(true);
        expect(barHeight).toBeLessThanOrEqual(160);
      } else if (width < 960) {
        // Two columns: 999 under Samaritans, beside Shout.
        expect(emergency.left).toBe(samaritans.left);
        expect(emergency.top).toBe(shout.top);
        expect(shout.left).toBe(nhs.left);
      } else {
        // One row.
        expect(new Set(links.map((l) => l.top)).size).toBe(1);
      }
    } finally {
      await page.close();
    }
  });
});

test('the Charter page says a note every signatory shares once, above the list, not on every card', async () => {
  const dir = path.join(inject('dataDir'), 'signatories');
  const active = readdirSync(dir).filter((f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(path.join(dir, f), 'utf8')) as { status: string; note?: string }).filter((s) => s.status === 'active');
  const notes = new Set(active.map((s) => s.note));
  expect(active.length > 1 && notes.size === 1 && [...notes][0], 'active signatories that share one note').toBeTruthy();
  const page = await newPage();
  try {
    await gotoAndSettle(page, '/charter/');
    const text = await page.locator('main').innerText();
    expect(text.split([...notes][0]!).length - 1).toBe(1);
    expect(await page.locator('main .card .muted').count()).toBe(0);
  } finally {
    await page.close();
  }
});

test('the booklet lets you print one district only, and that booklet has the crisis numbers on its front', async () => {
  const page = await newPage();
  try {
    await gotoAndSettle(page, '/print/');
    const booklets = await page.locator('.booklet-chooser a[href]').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(booklets.length).toBeGreaterThan(0);
    for (const path of booklets) expect(path).toMatch(/^\/print\/[a-z-]+\/[a-z-]+\/$/);
    await gotoAndSettle(page, booklets[0]!);
    await expect(page.locator('.booklet-crisis').innerText()).resolves.toContain('116 123');
    expect(await page.locator('.booklet-entry').count()).toBeGreaterThan(0);
  } finally {
    await page.close();
  }
});

test('without JavaScript, no button that needs it is shown (print, copy link, copy code)', async () => {
  const page = await newPage({ javaScriptEnabled: false });
  try {
    for (const path of ['/print/', `/providers/${providerSlugs[0]}/`]) {
      await gotoAndSettle(page, path);
      const shown = await page.locator('button[data-print-button], button[data-copy-link], button[data-copy-from]').evaluateAll((buttons) => buttons.filter((b) => (b as HTMLElement).offsetParent !== null).map((b) => b.outerHTML));
      expect(shown, path).toEqual([]);
    }
  } finally {
    await page.close();
  }
});

/** Same-site paths linked from the page's main content. */
function listLinks(page: Page): Promise<string[]> {
  return page.locator('main a[href]').evaluateAll((links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href)).filter((u) => u.origin === location.origin).map((u) => u.pathname),
  );
}

/** Presses Tab until the focused element matches `selector` (at most 200 times); returns its href and text. */
async function tabUntil(page: Page, selector: string): Promise<{ href: string | null; text: string }> {
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((sel) => {
      const el = document.activeElement;
      return el && el !== document.body && el.matches(sel) ? { href: (el as HTMLAnchorElement).href ?? null, text: (el.textContent ?? '').trim() } : null;
    }, selector);
    if (found) return found;
  }
  throw new Error(`Tab never reached ${selector}`);
}

describe.each(PAGES)('%s', (path) => {
  describe('on a desktop', () => {
    let page: Page;
    let requests: RequestLog;
    let response: Response | null;
    beforeAll(async () => {
      page = await newPage({ bypassCSP: true });
      requests = await recordRequests(page);
      response = await gotoAndSettle(page, path);
    });
    afterAll(() => page?.close());

    test('the page loads with status 200', () => {
      expect(response?.status()).toBe(200);
    });

    test('axe reports no accessibility violations', async () => {
      expect(await runAxe(page)).toEqual([]);
    });

    test.skipIf(path === MAP_PAGE)('the page makes no request to any host but the local server', () => {
      expect(requests.foreign()).toEqual([]);
    });

    test('every file the page asks for is served', () => {
      expect(requests.failures).toEqual([]);
    });

    test('crisis help links to NHS 111, Samaritans, Shout and 999', async () => {
      const hrefs = await page.locator('a[href]').evaluateAll((links) =>
        links.filter((a) => (a.textContent ?? '').trim() || a.getAttribute('aria-label')).map((a) => (a.getAttribute('href') ?? '').replace(/\s+/g, '')),
      );
      const missing = CRISIS_LINKS.filter((c) => !hrefs.some((h) => c.href.test(h))).map((c) => `${c.name} (${c.href.source})`);
      expect(missing, 'crisis links missing from the page').toEqual([]);
    });

    test('there is exactly one h1 and headings never skip a level', async () => {
      const outline = await headings(page);
      const shown = outline.map((h) => `h${h.level} ${h.text}`);
      expect(outline.filter((h) => h.level === 1).map((h) => h.text), `headings: ${JSON.stringify(shown, null, 1)}`).toHaveLength(1);
      const skips: string[] = [];
      let previous = 1;
      for (const h of outline) {
        if (h.level > previous + 1) skips.push(`h${previous} then h${h.level} "${h.text}"`);
        previous = h.level;
      }
      expect(skips, `headings: ${JSON.stringify(shown, null, 1)}`).toEqual([]);
    });
  });

  describe('at 320 px wide with the Content Security Policy enforced', () => {
    let page: Page;
    let consoleLog: ConsoleLog;
    beforeAll(async () => {
      page = await newPage({ viewport: { width: 320, height: 640 } });
      consoleLog = collectConsole(page);
      await gotoAndSettle(page, path);
    });
    afterAll(() => page?.close());

    // First, so nothing else has moved the focus.
    test('the first Tab from the top focuses a visible skip link to <main id="main">', async () => {
      expect(await page.locator('main#main').count(), 'the page needs exactly one <main id="main">').toBe(1);
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body) return null;
        const box = el.getBoundingClientRect();
        return { tag: el.tagName.toLowerCase(), href: el.getAttribute('href'), text: (el.textContent ?? '').trim(), width: box.width, height: box.height };
      });
      expect(focused, 'the first Tab focused nothing').not.toBeNull();
      expect({ tag: focused?.tag, href: focused?.href }, `the first Tab focused "${focused?.text}"`).toEqual({ tag: 'a', href: '#main' });
      expect(Math.min(focused?.width ?? 0, focused?.height ?? 0), 'the focused skip link should be visible, not clipped to 1 px').toBeGreaterThan(4);
    });

    test('no console message mentions the Content Security Policy', () => {
      expect(consoleLog.cspViolations()).toEqual([]);
    });

    test('there is no horizontal scroll at 320 px wide', async () => {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      const culprits = scrollWidth > 320 ? await overflowingElements(page, 320) : [];
      expect(scrollWidth, `wider than 320 px: ${culprits.join('; ')}`).toBeLessThanOrEqual(320);
    });
  });
});
