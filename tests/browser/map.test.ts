// The map page in a real browser, on a site built from the browser fixtures alone
// (tests/fixtures/browser/providers/, with data/'s vocabularies and places): the real entries are too many to
// expand every cluster by hand, and tests/browser/real-data.test.ts checks that they reach the map. What the
// page should show is worked out here from the YAML files themselves, not from the map's own code: which
// places have running services, and how far they are.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import ts from 'typescript';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { build, FIXTURE_PROVIDERS, PROJECT_ROOT } from './global-setup.ts';
import { collectConsole, gotoAndSettle as gotoSitePath, isLocalUrl, newPage, recordRequests, runAxe, type PageOptions } from './harness.ts';
import { startStaticServer } from './static-server.ts';

const TILE_PNG = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/map/tile.png'));

// ---- what the data says ------------------------------------------------------------------------------------

interface YamlLocation {
  town?: string;
  latitude?: number;
  longitude?: number;
  precision: string;
}
interface YamlService {
  id: string;
  name: string;
  status: string;
  delivery?: string[];
  locations?: YamlLocation[];
}
interface YamlProvider {
  name: string;
  services: YamlService[];
}

// ---- the fixture site ---------------------------------------------------------------------------------------

const work = mkdtempSync(path.join(tmpdir(), 'spsd-map-'));
const dataDir = path.join(work, 'data');
cpSync(path.join(PROJECT_ROOT, 'data'), dataDir, { recursive: true, filter: (src) => !/[/\\](providers|signatories)[/\\].+/.test(path.relative(PROJECT_ROOT, src)) });
for (const f of readdirSync(FIXTURE_PROVIDERS).filter((f) => f.endsWith('.yaml'))) cpSync(path.join(FIXTURE_PROVIDERS, f), path.join(dataDir, 'providers', f));
await build(dataDir, path.join(work, 'dist'), path.join(work, 'build.log'));
const server = await startStaticServer(path.join(work, 'dist'));
afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});
/** Origin of this file's own server (no trailing slash). */
const baseUrl = (): string => server.url;
/** gotoAndSettle on this file's server. */
const gotoAndSettle = (page: Page, sitePath: string, options?: Parameters<typeof gotoSitePath>[2]) => gotoSitePath(page, new URL(sitePath, `${server.url}/`).href, options);

const providers = readdirSync(path.join(dataDir, 'providers'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ slug: f.replace(/\.yaml$/, ''), data: parse(readFileSync(path.join(dataDir, 'providers', f), 'utf8')) as YamlProvider }));
const gazetteer = (parse(readFileSync(path.join(dataDir, 'gazetteer.yaml'), 'utf8')) as { places: { name: string; id?: string; latitude: number; longitude: number }[] }).places;

interface Located {
  slug: string;
  service: YamlService;
  loc: YamlLocation & { latitude: number; longitude: number };
}
const running = providers.flatMap((p) => p.data.services.filter((s) => s.status === 'active').map((service) => ({ slug: p.slug, provider: p.data, service })));
/** A town-only place stands at its town's middle in the gazetteer (looked up here by name, as written). */
const withTownPoint = (l: YamlLocation): YamlLocation => {
  if (l.precision !== 'town') return l;
  const town = gazetteer.find((g) => g.name.toLowerCase() === l.town?.toLowerCase());
  return town ? { ...l, latitude: town.latitude, longitude: town.longitude } : l;
};
const located: Located[] = running.flatMap(({ slug, service }) =>
  (service.locations ?? [])
    .map(withTownPoint)
    .filter((l): l is Located['loc'] => typeof l.latitude === 'number' && typeof l.longitude === 'number')
    .map((loc) => ({ slug, service, loc })),
);
/** A place is a venue (to about 10 m), a town's middle, or an area-only spot (to about 1 km): services there share one marker. */
const placeKey = (l: Located['loc']) =>
  l.precision === 'area-only'
    ? `area ${l.latitude.toFixed(2)},${l.longitude.toFixed(2)}`
    : `${l.precision === 'town' ? 'town ' : ''}${l.latitude.toFixed(4)},${l.longitude.toFixed(4)}`;
const places = new Map<string, Located[]>();
for (const x of located) places.set(placeKey(x.loc), [...(places.get(placeKey(x.loc)) ?? []), x]);
const areaOnlyPlaces = [...places.keys()].filter((k) => k.startsWith('area '));
const remoteOnly = running.filter(({ service }) => service.delivery?.length && !service.locations?.length);

/** Great-circle distance in miles, written out here so the page's own formula is checked, not reused. */
function haversineMiles(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = (d: number) => (d * Math.PI) / 180;
  const R = 3958.7613; // mean Earth radius in miles
  const h = Math.sin(toRad(lat2 - lat1) / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(toRad(lon2 - lon1) / 2) ** 2;
  return 2 * R * Math.asin(Math.sqrt(h));
}

// ---- helpers ---------------------------------------------------------------------------------------------

const MARKERS = '.leaflet-marker-pane .map-marker';
const CLUSTERS = '.leaflet-marker-pane .map-cluster';

async function openMap(path = '/map/', options: PageOptions = {}): Promise<Page> {
  const page = await newPage({ reducedMotion: 'reduce', ...options });
  await gotoAndSettle(page, path);
  await waitForList(page);
  return page;
}

async function waitForList(page: Page): Promise<void> {
  await page.waitForFunction(() => !/Loading/.test(document.querySelector('#map-status')?.textContent ?? 'Loading'), undefined, { timeout: 10_000 });
  await page.waitForTimeout(250); // the list follows the map after a short pause
}

/** Accessible names of the markers and clusters in view, as the browser's accessibility tree gives them. */
async function buttonNames(page: Page): Promise<string[]> {
  // The snapshot is YAML: a list of entries such as 'button "Worthing: 1 group. …"'.
  const walk = (node: unknown): string[] =>
    typeof node === 'string'
      ? [node]
      : Array.isArray(node)
        ? node.flatMap(walk)
        : node && typeof node === 'object'
          ? Object.entries(node).flatMap(([k, v]) => [k, ...walk(v)])
          : [];
  const entries = walk(parse(await page.locator('.leaflet-marker-pane').ariaSnapshot()));
  return entries.map((e) => /^button "(.*)"$/.exec(e)?.[1]).filter((n): n is string => n !== undefined).map((n) => n.replace(/\\"/g, '"'));
}

async function visibleMarkerKeys(page: Page): Promise<string[]> {
  return page.locator(MARKERS).evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.location ?? '?'));
}

/** Clusters in view, left to right then top to bottom, so replaying the same clicks finds the same ones. */
async function clustersInOrder(page: Page): Promise<Locator[]> {
  const all = page.locator(CLUSTERS);
  const boxes = await all.evaluateAll((els) => els.map((e, i) => ({ i, ...e.getBoundingClientRect().toJSON() as DOMRect })));
  const mapBox = await page.locator('[data-map]').boundingBox();
  return boxes
    .filter((b) => mapBox && b.x + b.width / 2 > mapBox.x && b.x + b.width / 2 < mapBox.x + mapBox.width && b.y + b.height / 2 > mapBox.y && b.y + b.height / 2 < mapBox.y + mapBox.height)
    .sort((a, b) => a.x - b.x || a.y - b.y)
    .map((b) => all.nth(b.i));
}

async function resetView(page: Page): Promise<void> {
  await page.locator('[data-reset-view]').click();
  await page.waitForTimeout(300);
}

/** Every marker reachable by expanding clusters: click each cluster (replaying the path from the start view). */
async function expandAllClusters(page: Page): Promise<Set<string>> {
  const seen = new Set<string>();
  const visit = async (pathTaken: number[]): Promise<void> => {
    await resetView(page);
    for (const i of pathTaken) {
      const clusters = await clustersInOrder(page);
      await clusters[i]?.click();
      await page.waitForTimeout(400);
    }
    for (const k of await visibleMarkerKeys(page)) seen.add(k);
    if (pathTaken.length >= 6) return;
    const n = (await clustersInOrder(page)).length;
    for (let i = 0; i < n; i++) await visit([...pathTaken, i]);
  };
  await visit([]);
  await resetView(page);
  return seen;
}

function listItems(page: Page, which: 'in-view' | 'covering' | 'remote') {
  return page.locator(`[data-${which}] > li`);
}

// ---- tests -------------------------------------------------------------------------------------------------

test('the fixtures give the map what it needs to be tested', () => {
  expect(located.length, 'located running services').toBeGreaterThanOrEqual(4);
  expect(located.length - places.size, 'services that share a venue').toBeGreaterThanOrEqual(1);
  expect(areaOnlyPlaces.length, 'area-only places').toBeGreaterThanOrEqual(1);
  expect(remoteOnly.length, 'online or phone-only services').toBeGreaterThanOrEqual(1);
});

describe('the map on a desktop', () => {
  let page: Page;
  let consoleLog: ReturnType<typeof collectConsole>;
  beforeAll(async () => {
    page = await newPage({ reducedMotion: 'reduce' });
    consoleLog = collectConsole(page);
    await gotoAndSettle(page, '/map/');
    await waitForList(page);
  });
  afterAll(() => page?.close());

  test('loads with no errors and no Content-Security-Policy violations', () => {
    expect(consoleLog.errors()).toEqual([]);
    expect(consoleLog.cspViolations()).toEqual([]);
  });

  test('opening on the three areas, the markers and clusters hold every place with a running service', async () => {
    const inClusters = await page.locator(`${CLUSTERS} [aria-hidden="true"]`).allTextContents();
    const total = (await page.locator(MARKERS).count()) + inClusters.reduce((n, t) => n + Number(t), 0);
    expect(total).toBe(places.size);
  });

  test('after expanding every cluster, there is one marker per place: a venue shared by two services is one marker', async () => {
    const seen = await expandAllClusters(page);
    expect(seen.size).toBe(places.size);
    // Each marker names its groups; together they name every located running service once per place.
    const shared = [...places.values()].find((xs) => xs.length > 1)!;
    await page.locator(`[data-service="${shared[0]!.slug}#${shared[0]!.service.id}"] .map-show`).click();
    await page.waitForTimeout(500);
    const names = await buttonNames(page);
    const sharedName = names.find((n) => shared.every((x) => n.includes(x.service.name)));
    expect(sharedName, `a marker naming ${shared.map((x) => x.service.name).join(' and ')}`).toMatch(new RegExp(`: ${shared.length} groups\\.`));
    await page.keyboard.press('Escape');
    await resetView(page);
  });

  test('every marker has a name of its own, never Leaflet’s default "Marker"', async () => {
    const names = await buttonNames(page);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(name).not.toMatch(/^(Marker)?$/);
    expect(await page.locator('img[alt="Marker"], [aria-label="Marker"], [title="Marker"]').count()).toBe(0);
  });

  test('area-only places are drawn as approximate areas, never as pins, and say so', async () => {
    expect(await page.locator('path.map-area-circle').count()).toBe(areaOnlyPlaces.length);
    const areaMarkers = page.locator(`${MARKERS}.is-area`);
    const seen = await areaMarkers.count();
    expect(seen).toBeGreaterThan(0);
    for (let i = 0; i < seen; i++) expect(await areaMarkers.nth(i).textContent()).toMatch(/Approximate area/);
    const areaOnly = located.find((x) => x.loc.precision === 'area-only')!;
    await expect.poll(() => listItems(page, 'in-view').filter({ hasText: areaOnly.service.name }).textContent()).toMatch(/does not publish its venue/);
  });

  test('a place known only by its town is a hollow, dashed marker at the town that says the exact place is not known', async () => {
    const townOnly = located.filter((x) => x.loc.precision === 'town');
    expect(townOnly.length).toBeGreaterThan(0);
    const first = townOnly[0]!;
    const words = `In ${first.loc.town}; the exact place is not known`;
    await expect.poll(() => listItems(page, 'in-view').filter({ hasText: first.service.name }).textContent()).toContain(words);
    await page.locator(`[data-service="${first.slug}#${first.service.id}"] .map-show`).click();
    await page.waitForTimeout(500);
    await page.keyboard.press('Escape');
    const marker = page.locator(`${MARKERS}.is-town`).filter({ hasText: words });
    await expect.poll(() => marker.count()).toBe(1);
    // Drawn apart from exact venues: a dashed border on the page's background, not a filled pin, and no area circle.
    const look = await marker.evaluate((el) => {
      const style = getComputedStyle(el);
      const probe = document.createElement('div');
      probe.className = 'map-marker';
      document.body.append(probe);
      const venueBackground = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return { border: style.borderTopStyle, background: style.backgroundColor, venueBackground };
    });
    expect(look.border).toBe('dashed');
    expect(look.background).not.toBe(look.venueBackground);
    expect(await page.locator('path.map-area-circle').count()).toBe(areaOnlyPlaces.length);
    await marker.click();
    await expect.poll(() => page.locator('.leaflet-popup .map-popup-place').first().textContent()).toBe(words);
    await page.keyboard.press('Escape');
    await resetView(page);
  });

  test('online and phone-only services have no marker and are listed under "Online and by phone"', async () => {
    const names = (await buttonNames(page)).join('\n');
    const remoteList = (await listItems(page, 'remote').allTextContents()).join('\n');
    expect(await page.getByRole('heading', { name: 'Online and by phone' }).isVisible()).toBe(true);
    for (const { service } of remoteOnly) {
      expect(names).not.toContain(service.name);
      expect(remoteList).toContain(service.name);
    }
  });

  test('the list beside the map names every service in view, with links to its provider page', async () => {
    await resetView(page);
    const items = listItems(page, 'in-view');
    expect(await items.count()).toBe(new Set(located.map((x) => `${x.slug}#${x.service.id}`)).size);
    for (const x of located) {
      const link = items.locator(`h3 a[href="/providers/${x.slug}/#${x.service.id}"]`);
      expect(await link.textContent(), `${x.slug}#${x.service.id}`).toBe(x.service.name);
    }
  });

  test('the list follows the map: "Show on map" zooms in on a place, and the list keeps only what is in view', async () => {
    const one = located.find((x) => x.loc.precision === 'exact' && places.get(placeKey(x.loc))!.length === 1)!;
    await page.locator(`[data-service="${one.slug}#${one.service.id}"] .map-show`).click();
    await page.waitForSelector('.leaflet-popup');
    expect(await page.locator('.leaflet-popup .map-popup').textContent()).toContain(one.service.name);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
    const shown = await listItems(page, 'in-view').locator('h3').allTextContents();
    expect(shown).toContain(one.service.name);
    expect(shown.length).toBeLessThan(new Set(located.map((x) => `${x.slug}#${x.service.id}`)).size);
    // Zooming back out with the keyboard brings the others back.
    await page.locator('[data-map]').focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('Minus');
    await page.waitForTimeout(400);
    expect(await listItems(page, 'in-view').count()).toBe(new Set(located.map((x) => `${x.slug}#${x.service.id}`)).size);
    await resetView(page);
  });

  test('axe finds no violations, with the list and with a popup open', async () => {
    expect(await runAxe(page)).toEqual([]);
    await page.locator(MARKERS).first().press('Enter');
    await page.waitForSelector('.leaflet-popup');
    expect(await runAxe(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  test('nothing hidden from screen readers can take focus', async () => {
    const focusable = await page.evaluate(() =>
      [...document.querySelectorAll('[aria-hidden="true"] *, [aria-hidden="true"]')]
        .filter((el) => el.matches('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])'))
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(focusable).toEqual([]);
  });
});

describe('keyboard', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openMap();
  });
  afterAll(() => page?.close());

  /** Presses Tab until the focused element matches, or gives up after `max` presses. */
  async function tabTo(selector: string, max = 40): Promise<boolean> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return true;
    }
    return false;
  }

  test('Tab reaches every marker and cluster in view', async () => {
    await page.locator('[data-reset-view]').focus();
    const targets = await page.locator(`${MARKERS}, ${CLUSTERS}`).count();
    const reached = new Set<string>();
    for (let i = 0; i < 40 && reached.size < targets; i++) {
      await page.keyboard.press('Tab');
      const key = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el?.matches('.map-marker, .map-cluster') ? el.outerHTML : null;
      });
      if (key) reached.add(key);
    }
    expect(reached.size).toBe(targets);
  });

  test('Enter on a marker opens its popup, which names the provider and service, says when, and links to the service', async () => {
    await page.locator('[data-reset-view]').focus();
    expect(await tabTo('.map-marker:not(.is-area)')).toBe(true);
    await page.keyboard.press('Enter');
    const popup = page.locator('.leaflet-popup');
    await popup.waitFor();
    const link = popup.locator('.map-popup a').first();
    const href = (await link.getAttribute('href')) ?? '';
    const [, slug, id] = /^\/providers\/([^/]+)\/#(.+)$/.exec(href) ?? [];
    const x = located.find((l) => l.slug === slug && l.service.id === id);
    expect(x, href).toBeDefined();
    expect(await link.textContent()).toBe(x!.service.name);
    const text = (await popup.textContent()) ?? '';
    expect(text).toContain(providers.find((p) => p.slug === slug)!.data.name);
    // When it runs, as the source gave it, with the year of that source.
    expect(text).toMatch(/(Every|month|fortnight|other|evenings).*, as of \d{4}\./);
    // Focus moves into the popup, and Escape brings it back to the marker.
    expect(await page.evaluate(() => document.activeElement?.closest('.leaflet-popup') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.matches('.map-marker'))).toBe(true);
  });

  test('the space bar opens a popup too, as on any button', async () => {
    await resetView(page);
    await page.locator('[data-reset-view]').focus();
    expect(await tabTo('.map-marker')).toBe(true);
    await page.keyboard.press('Space');
    await page.locator('.leaflet-popup .map-popup').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.locator('.leaflet-popup').count()).toBe(0);
  });

  test('Enter on a cluster zooms in and moves focus to one of its places', async () => {
    await resetView(page);
    if (!(await page.locator(CLUSTERS).count())) return; // nothing clustered at this size
    await page.locator('[data-reset-view]').focus();
    expect(await tabTo('.map-cluster')).toBe(true);
    // Where the markers stand shows the zoom (Leaflet's zoom proxy exists only with animations on).
    const view = () => page.locator('[data-map]').evaluate((el) => [...el.querySelectorAll('.leaflet-marker-icon')].map((m) => (m as HTMLElement).style.transform).join(' '));
    const zoomBefore = await view();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(600);
    expect(await view()).not.toBe(zoomBefore);
    expect(await page.evaluate(() => !!document.activeElement?.matches('.map-marker, .map-cluster'))).toBe(true);
  });
});

describe('filters and the page address', () => {
  test('choosing a filter changes the markers, the list and the URL, with the same parameter as search', async () => {
    const page = await openMap();
    try {
      const before = await page.locator('[data-in-view] h3').allTextContents();
      await page.locator('details.facet', { hasText: 'Who it is for' }).locator('summary').click();
      await page.getByRole('checkbox', { name: /LGBTQ\+ people/ }).check();
      await waitForList(page);
      expect(new URL(page.url()).searchParams.getAll('community')).toEqual(['lgbtq']);
      const after = await page.locator('[data-in-view] h3').allTextContents();
      expect(after.length).toBeLessThan(before.length);
      expect(after).toContain('Thursday evening group');
      const names = await buttonNames(page);
      expect(names.join('\n')).toContain('Thursday evening group');
      expect(names.join('\n')).not.toContain('Monday drop-in');
      expect(await page.locator('[data-list-link]').getAttribute('href')).toBe('/search/?community=lgbtq');
      // Back undoes the filter.
      await page.goBack();
      await waitForList(page);
      expect(await page.locator('[data-in-view] h3').count()).toBe(before.length);
    } finally {
      await page.close();
    }
  });

  test('a search URL opens the map with the same filters checked', async () => {
    const page = await openMap('/map/?area=east-sussex&community=hearing-voices');
    try {
      expect(await page.getByRole('checkbox', { name: /^East Sussex/ }).isChecked()).toBe(true);
      expect(await page.locator('[data-in-view] h3').allTextContents()).toEqual(['Hearing voices group']);
    } finally {
      await page.close();
    }
  });

  test('?provider= focuses that provider’s places and lists only its services', async () => {
    const shared = [...places.values()].find((xs) => xs.length > 1)!;
    const slug = shared[0]!.slug;
    const page = await openMap(`/map/?provider=${slug}`);
    try {
      const mine = located.filter((x) => x.slug === slug);
      expect((await page.locator('[data-in-view] h3').allTextContents()).sort()).toEqual(mine.map((x) => x.service.name).sort());
      expect(await page.locator(CLUSTERS).count()).toBe(0);
      const keys = await visibleMarkerKeys(page);
      expect(keys.length).toBe(new Set(mine.map((x) => placeKey(x.loc))).size);
      // The map is zoomed in on them: the place is near the middle of the map.
      const box = (await page.locator('[data-map]').boundingBox())!;
      const marker = (await page.locator(MARKERS).first().boundingBox())!;
      expect(Math.abs(marker.x + marker.width / 2 - (box.x + box.width / 2))).toBeLessThan(box.width / 4);
      expect(await page.locator('[data-provider-note]').isVisible()).toBe(true);
      expect(await page.locator('[data-provider-note]').textContent()).toContain(providers.find((p) => p.slug === slug)!.data.name);
    } finally {
      await page.close();
    }
  });
});

describe('near me', () => {
  test('from a gazetteer place, the list is sorted by distance, with miles that match the haversine formula', async () => {
    const worthing = gazetteer.find((p) => p.name === 'Worthing')!;
    const page = await openMap('/map/?near=worthing');
    try {
      expect(await page.locator('[data-near-select]').inputValue()).toBe('worthing');
      await resetView(page); // every place in view, so every located service is in the list
      const items = await listItems(page, 'in-view').evaluateAll((lis) =>
        lis.map((li) => ({ service: (li as HTMLElement).dataset.service ?? '', miles: Number((li as HTMLElement).dataset.miles), text: li.querySelector('.map-distance')?.textContent ?? '' })),
      );
      expect(items.length).toBe(new Set(located.map((x) => `${x.slug}#${x.service.id}`)).size);
      const expected = items.map((item) => {
        const mine = located.filter((x) => `${x.slug}#${x.service.id}` === item.service);
        return Math.min(...mine.map((x) => haversineMiles(worthing.latitude, worthing.longitude, x.loc.latitude, x.loc.longitude)));
      });
      for (const [i, item] of items.entries()) {
        // Area-only places are rounded to about 1 km before they reach the browser.
        const areaOnly = located.some((x) => `${x.slug}#${x.service.id}` === item.service && x.loc.precision === 'area-only');
        expect(item.miles, item.service).toBeCloseTo(expected[i]!, areaOnly ? 0 : 1);
        // A place known only by its town, at the town chosen, is "close to where you chose", not "about less than 0.1 miles".
        const shown = /^close to where you chose$/.test(item.text) ? 0 : Number(/([\d.]+) miles?/.exec(item.text)?.[1]);
        expect(item.text).not.toMatch(/about less than/);
        expect(Math.abs(shown - expected[i]!), `${item.service}: "${item.text}"`).toBeLessThan(areaOnly ? 1 : expected[i]! >= 10 ? 0.51 : 0.06);
      }
      expect(expected).toEqual([...expected].sort((a, b) => a - b));
      expect(await page.locator('#map-status').textContent()).toContain('Nearest first, from Worthing');
      // Services that cover an area are listed as covering it, never with a distance.
      const covering = await listItems(page, 'covering').allTextContents();
      for (const text of covering) {
        expect(text).toMatch(/Covers /);
        expect(text).not.toMatch(/\bmiles?\b/);
      }
    } finally {
      await page.close();
    }
  });

  test('typing a postcode or a town finds it, by keyboard, and a place outside Sussex says so', async () => {
    const page = await openMap();
    const log = await recordRequests(page);
    const requests = log.urls;
    try {
      const message = page.locator('[data-near-message]');
      const box = page.getByLabel('Type a town, village or postcode');
      // The place list loads only when a visitor asks for a place.
      expect(requests.filter((u) => u.includes('places.json'))).toEqual([]);
      await box.fill('bn11 1aa');
      await box.press('Enter');
      await expect.poll(() => message.textContent()).toBe('Showing the groups nearest to Worthing (BN11) first.');
      await waitForList(page);
      expect(requests.filter((u) => u.includes('places.json')).length).toBe(1);
      // The page address keeps the town, never the postcode.
      expect(new URL(page.url()).searchParams.get('near')).toBe('worthing');
      expect(page.url()).not.toMatch(/bn11|1aa/i);
      expect(await page.locator('[data-near-select]').inputValue()).toBe('worthing');
      expect(await page.locator('#map-status').textContent()).toContain('Nearest first, from Worthing');

      await box.fill('St Leonards');
      await page.getByRole('button', { name: 'Find' }).click();
      await expect.poll(() => message.textContent()).toBe('Showing the groups nearest to St Leonards-on-Sea first.');
      expect(new URL(page.url()).searchParams.get('near')).toBe('st-leonards-on-sea');

      await box.fill('Guildford');
      await box.press('Enter');
      await expect.poll(() => message.textContent()).toBe('Guildford is outside Sussex, in Surrey. This directory covers West Sussex, East Sussex and Brighton & Hove.');
      await box.fill('GU1 1AA');
      await box.press('Enter');
      await expect.poll(() => message.textContent()).toMatch(/^GU1 1AA is in Guildford, outside Sussex\./);
      // An outside place leaves the chosen place as it was.
      expect(new URL(page.url()).searchParams.get('near')).toBe('st-leonards-on-sea');
      await box.fill('Narnia');
      await box.press('Enter');
      await expect.poll(() => message.textContent()).toMatch(/^We could not find "Narnia"/);
      expect(requests.filter((u) => u.includes('places.json')).length).toBe(1);
      expect(log.foreign()).toEqual([]);
      expect(log.failures).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('choosing a place puts it in the URL; the visitor’s own location never does', async () => {
    const page = await openMap();
    try {
      await page.locator('[data-near-select]').selectOption('hastings');
      await waitForList(page);
      expect(new URL(page.url()).searchParams.get('near')).toBe('hastings');
      expect(await listItems(page, 'in-view').first().locator('h3').textContent()).toBe('Hearing voices group');
      await page.context().grantPermissions(['geolocation']);
      await page.context().setGeolocation({ latitude: 50.8106, longitude: -0.3716 });
      await page.getByRole('button', { name: 'Use my location' }).click();
      await expect.poll(() => page.locator('[data-near-message]').textContent()).toMatch(/nearest to you/);
      await waitForList(page);
      expect(new URL(page.url()).searchParams.get('near')).toBeNull();
      expect(page.url()).not.toMatch(/50\.81|0\.37/);
      expect(await listItems(page, 'in-view').first().locator('h3').textContent()).toBe('Thursday evening group');
    } finally {
      await page.close();
    }
  });
});

describe('street map tiles', () => {
  let tileOrigin: string;

  async function mapWithTiles(answer: 'png' | 'abort') {
    const page = await newPage({ reducedMotion: 'reduce' });
    const requests = await recordRequests(page);
    await gotoAndSettle(page, '/map/');
    await waitForList(page);
    const template = (await page.locator('[data-map]').getAttribute('data-tile-url')) ?? '';
    tileOrigin = new URL(template.replace(/\{s\}/, 'a').replace(/\{[^}]+\}/g, '0')).origin;
    const referers: (string | undefined)[] = [];
    // Answered here, never by the real tile server.
    await page.route(
      (url) => !isLocalUrl(url.href) && url.origin === tileOrigin,
      async (route) => {
        referers.push(await route.request().headerValue('referer').catch(() => undefined) ?? undefined);
        if (answer === 'png') await route.fulfill({ status: 200, contentType: 'image/png', body: TILE_PNG });
        else await route.abort('blockedbyclient');
      },
    );
    return { page, requests, referers };
  }

  test('before "Show street map" the page asks nothing of any other host; after it, only the tile server, with the origin as Referer', async () => {
    const { page, requests, referers } = await mapWithTiles('png');
    try {
      // Use the page first: filters, near me, a popup. Still nothing leaves the machine.
      await page.locator('[data-near-select]').selectOption('lewes');
      await waitForList(page);
      await page.locator(MARKERS).first().press('Enter');
      await page.keyboard.press('Escape');
      expect(requests.foreign()).toEqual([]);
      // The button says, before it is pressed, where the pictures come from.
      const described = (await page.locator('[data-street-toggle]').getAttribute('aria-describedby')) ?? '';
      expect(await page.locator(`#${described}`).textContent()).toMatch(/Street map pictures come from OpenStreetMap/);
      await page.getByRole('button', { name: 'Show street map' }).click();
      await page.waitForSelector('.leaflet-tile-loaded');
      const foreign = requests.foreign();
      expect(foreign.length).toBeGreaterThan(0);
      expect(foreign.filter((u) => new URL(u).origin !== tileOrigin)).toEqual([]);
      const policies = await page.locator('img.leaflet-tile').evaluateAll((imgs) => [...new Set(imgs.map((i) => (i as HTMLImageElement).referrerPolicy))]);
      expect(policies).toEqual(['strict-origin-when-cross-origin']);
      // The Referer the tile server gets is the site's origin only, never the page address (which has ?near=…).
      expect(referers.length).toBeGreaterThan(0);
      expect([...new Set(referers)]).toEqual([`${baseUrl()}/`]);
      // The attribution OpenStreetMap requires, and the pictures really drew (the CSP lets them in).
      expect(await page.locator('.leaflet-control-attribution a[href="https://www.openstreetmap.org/copyright"]').isVisible()).toBe(true);
      expect(await page.locator('img.leaflet-tile-loaded').first().evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
      expect(requests.failures).toEqual([]);
      // Remembered for this visit: a filter change keeps the street map; so does a reload of the page.
      await page.getByRole('checkbox', { name: /^West Sussex/ }).check();
      await waitForList(page);
      expect(await page.getByRole('button', { name: 'Hide street map' }).count()).toBe(1);
      await page.reload();
      await waitForList(page);
      expect(await page.getByRole('button', { name: 'Hide street map' }).count()).toBe(1);
    } finally {
      await page.close();
    }
  });

  test('with every tile request blocked, markers, popups, the list and near me still work', async () => {
    const { page } = await mapWithTiles('abort');
    try {
      await page.getByRole('button', { name: 'Show street map' }).click();
      await expect.poll(() => page.locator('[data-street-status]').textContent()).toMatch(/could not load/);
      await resetView(page);
      expect((await page.locator(`${MARKERS}, ${CLUSTERS}`).count())).toBeGreaterThan(0);
      expect(await listItems(page, 'in-view').count()).toBe(new Set(located.map((x) => `${x.slug}#${x.service.id}`)).size);
      await page.locator(MARKERS).first().press('Enter');
      await page.waitForSelector('.leaflet-popup .map-popup a');
      await page.keyboard.press('Escape');
      await page.locator('[data-near-select]').selectOption('crawley');
      await waitForList(page);
      expect(await listItems(page, 'in-view').first().locator('h3').textContent()).toBe('Saturday peer circle');
    } finally {
      await page.close();
    }
  });
});

describe('the page itself', () => {
  test('its Content-Security-Policy is the site’s, with only the tile server added to img-src', async () => {
    const policy = async (path: string) => {
      const html = await (await fetch(new URL(path, `${baseUrl()}/`))).text();
      const content = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
      return new Map(content.split(/;\s*/).map((d) => [d.split(' ')[0] ?? '', d] as const));
    };
    const site = await policy('/');
    const map = await policy('/map/');
    expect([...map.keys()]).toEqual([...site.keys()]);
    for (const [name, directive] of site) if (name !== 'img-src') expect(map.get(name)).toBe(directive);
    expect(map.get('img-src')).toBe(`${site.get('img-src')} https://tile.openstreetmap.org`);
  });

  test('Leaflet loads on the map page only, and the markers come from a separate file', async () => {
    const page = await newPage();
    try {
      const scripts: string[] = [];
      page.on('response', async (r) => {
        if (r.request().resourceType() === 'script') scripts.push(await r.text().catch(() => ''));
      });
      await gotoAndSettle(page, '/');
      expect(scripts.some((s) => /leafletjs|L\.Map|markercluster/i.test(s))).toBe(false);
      const home = await (await fetch(`${baseUrl()}/`)).text();
      expect(home).not.toMatch(/leaflet/i);
      const map = await (await fetch(`${baseUrl()}/map/`)).text();
      expect(map).not.toContain(located[0]!.service.name);
      const data = await fetch(`${baseUrl()}/map-data.json`);
      expect(data.headers.get('content-type')).toMatch(/json/);
      // The marker file has places and towns, no names: they come from /map-text.json, after the markers.
      const markerFile = await data.text();
      const words = await (await fetch(`${baseUrl()}/map-text.json`)).text();
      for (const { service, slug } of located) {
        expect(markerFile).not.toContain(service.name);
        expect(words).toContain(service.name);
        expect(markerFile).not.toContain(slug);
      }
      expect(markerFile).toContain(located[0]!.loc.town ?? 'no town');
    } finally {
      await page.close();
    }
  });

  test('in the dark colour scheme, with animations on, axe finds no violations and Enter on a cluster still moves focus', async () => {
    const page = await newPage({ colorScheme: 'dark', reducedMotion: 'no-preference' });
    try {
      await gotoAndSettle(page, '/map/');
      await waitForList(page);
      expect(await runAxe(page)).toEqual([]);
      const cluster = page.locator(CLUSTERS).first();
      if (await cluster.count()) {
        await cluster.press('Enter');
        await expect.poll(() => page.evaluate(() => !!document.activeElement?.matches('.map-marker, .map-cluster')), { timeout: 3000 }).toBe(true);
      }
      // "Show on map" from the list zooms to the place (through any cluster) and moves focus into its popup.
      await resetView(page);
      const last = listItems(page, 'in-view').last();
      const name = (await last.locator('h3').textContent()) ?? '';
      await last.locator('.map-show').click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.leaflet-popup')?.textContent ?? ''), { timeout: 5000 }).toContain(name);
      // Let the popup finish fading in: half-way through, its text is faint by design.
      await page.waitForFunction(() => getComputedStyle(document.querySelector('.leaflet-popup')!).opacity === '1');
      expect(await runAxe(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the names are fetched after the markers are on the map, and then name the markers and fill the list', async () => {
    const page = await newPage({ reducedMotion: 'reduce' });
    try {
      const order: string[] = [];
      page.on('request', (r) => {
        const name = new URL(r.url()).pathname;
        if (/^\/map-(data|text)\.json$/.test(name)) order.push(name);
      });
      await page.exposeFunction('markersSeen', () => order.push('markers'));
      await page.addInitScript({ content: "new MutationObserver(function () { if (!window.__seen && document.querySelector('#map .map-marker, #map .map-cluster')) { window.__seen = true; window.markersSeen(); } }).observe(document, { childList: true, subtree: true });" });
      await gotoAndSettle(page, '/map/');
      await waitForList(page);
      expect(order).toEqual(['/map-data.json', 'markers', '/map-text.json']);
      expect((await buttonNames(page)).join('\n')).toContain(located[0]!.service.name);
    } finally {
      await page.close();
    }
  });

  test('on a small screen the list comes before the map', async () => {
    const page = await openMap('/map/', { viewport: { width: 375, height: 740 } });
    try {
      const list = (await page.locator('[data-map-list]').boundingBox())!;
      const map = (await page.locator('[data-map]').boundingBox())!;
      expect(list.y).toBeLessThan(map.y);
      expect(await runAxe(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

describe('long lists', () => {
  // The list beside the map shows a page of groups at a time. The fixtures have too few groups to fill a page,
  // so the list's own code (src/client/map/list-view.ts) runs here in a blank page with 75 made-up entries.
  const source = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/client/map/list-view.ts'), 'utf8');
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;

  test('show a page, then "Show more" adds the next page, moves focus to it, and goes when all are shown', async () => {
    const page = await newPage();
    try {
      await page.setContent('<ol id="list"></ol><p hidden><button type="button" id="more">Show more</button></p>');
      await page.addScriptTag({ type: 'module', content: `${js}\nwindow.PagedList = PagedList;` });
      await page.waitForFunction(() => 'PagedList' in window);
      await page.evaluate(() => {
        const w = window as unknown as { PagedList: new (...args: unknown[]) => { show(items: number[], first: number): void }; paged: unknown };
        const render = (n: number) => {
          const li = document.createElement('li');
          const a = document.createElement('a');
          a.href = `#item-${n}`;
          a.textContent = `Item ${n}`;
          li.append(a);
          return li;
        };
        const paged = new w.PagedList(document.getElementById('list'), document.getElementById('more'), render, (left: number, shown: number) => `Show more (${left} left, ${shown} shown)`, 30);
        paged.show(Array.from({ length: 75 }, (_, i) => i + 1), 30);
        w.paged = paged;
      });
      const items = page.locator('#list > li');
      const more = page.locator('#more');
      expect(await items.count()).toBe(30);
      expect(await more.isVisible()).toBe(true);
      expect(await more.textContent()).toBe('Show more (45 left, 30 shown)');
      await more.press('Enter');
      expect(await items.count()).toBe(60);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Item 31');
      await more.click();
      expect(await items.count()).toBe(75);
      expect(await items.last().textContent()).toBe('Item 75');
      expect(await more.isVisible()).toBe(false);
      // A fresh list starts again from the first page; a first page of none shows only the button.
      await page.evaluate(() => (window as unknown as { paged: { show(items: number[], first: number): void } }).paged.show([1, 2, 3, 4, 5], 0));
      expect(await items.count()).toBe(0);
      expect(await more.textContent()).toBe('Show more (5 left, 0 shown)');
      await more.click();
      expect(await items.count()).toBe(5);
      expect(await more.isVisible()).toBe(false);
    } finally {
      await page.close();
    }
  });
});
