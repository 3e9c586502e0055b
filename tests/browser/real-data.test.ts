// The directory's real entries (data/providers/, not the test fixtures) reach every way in that a visitor
// uses to ask "what is there near me?": the map has their markers, district pages list them in layers, and a
// search for a town finds the groups that meet there first. Names of real groups are read from data/ here, so
// the test follows the data; it fails when real entries stop reaching the site.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from './global-setup.ts';
import { gotoAndSettle, newPage } from './harness.ts';

interface YamlProvider {
  name: string;
  areas: string[];
  services: { status: string; locations?: { town?: string }[] }[];
}
const real = readdirSync(path.join(PROJECT_ROOT, 'data/providers'))
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => ({ slug: f.replace(/\.yaml$/, ''), data: parse(readFileSync(path.join(PROJECT_ROOT, 'data/providers', f), 'utf8')) as YamlProvider }));
/** Real groups with a running service that meets in the town. */
const meetingIn = (town: string) => real.filter((p) => p.data.services.some((s) => s.status === 'active' && (s.locations ?? []).some((l) => l.town === town)));
/** The provider page a link goes to, without the service anchor: "/providers/mindout/#peer-mentoring" → "/providers/mindout/". */
const pageOf = (href: string | null) => (href ?? '').replace(/#.*$/, '');
/** The real provider a link goes to, if any. */
const realOf = (href: string | null) => real.find((p) => pageOf(href) === `/providers/${p.slug}/`);

let page: Page;
beforeAll(async () => {
  page = await newPage({ viewport: { width: 360, height: 800 } });
});
afterAll(() => page?.close());

test('the real data has what these tests need: groups meeting in Bognor Regis and in Hastings', () => {
  expect(meetingIn('Bognor Regis').length).toBeGreaterThanOrEqual(1);
  expect(meetingIn('Hastings').length).toBeGreaterThanOrEqual(1);
});

describe('the map', () => {
  test('has markers for real groups, and its list names them', async () => {
    await gotoAndSettle(page, '/map/');
    await page.waitForSelector('[data-in-view] > li');
    const markers = await page.locator('.leaflet-marker-pane .map-marker, .leaflet-marker-pane .map-cluster').count();
    expect(markers).toBeGreaterThan(3);
    const listed = await page.locator('[data-in-view] > li a[href^="/providers/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const realListed = listed.filter((href) => realOf(href)).map(pageOf);
    expect(new Set(realListed).size).toBeGreaterThanOrEqual(10);
  });
});

describe('district pages', () => {
  test('Arun lists the real groups that meet there under "Meets in Arun"', async () => {
    await gotoAndSettle(page, '/areas/west-sussex/arun/');
    const section = page.locator('main section.layer').filter({ has: page.locator('h2', { hasText: /^Meets in Arun$/ }) });
    await expect(section.count()).resolves.toBe(1);
    const links = (await section.locator('a[href^="/providers/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map(pageOf);
    for (const p of meetingIn('Bognor Regis')) expect(links).toContain(`/providers/${p.slug}/`);
  });

  test('Hastings lists what meets there first, then what covers all of East Sussex', async () => {
    await gotoAndSettle(page, '/areas/east-sussex/hastings/');
    const headings = (await page.locator('main h2').allTextContents()).map((t) => t.trim());
    expect(headings[0]).toBe('Meets in Hastings');
    expect(headings).toContain('Covers all of East Sussex');
    const meets = page.locator('main section.layer').filter({ has: page.locator('h2', { hasText: /^Meets in Hastings$/ }) });
    const links = (await meets.locator('a[href^="/providers/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map(pageOf);
    for (const p of meetingIn('Hastings')) expect(links).toContain(`/providers/${p.slug}/`);
  });
});

describe('search by town', () => {
  test('"bognor" finds a group meeting in Bognor Regis first, saying so', async () => {
    await gotoAndSettle(page, '/search/?q=bognor');
    await page.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.textContent ?? 'Searching'));
    const first = page.locator('#search-results > li').first();
    const href = await first.locator('h3 a').getAttribute('href');
    expect(meetingIn('Bognor Regis').map((p) => `/providers/${p.slug}/`)).toContain(pageOf(href));
    expect(await first.locator('.why').textContent()).toMatch(/^Meets in Bognor Regis/);
    expect(await page.locator('#search-results > li').count()).toBeGreaterThan(meetingIn('Bognor Regis').length);
  });

  test('a postcode in Seaford finds East Sussex groups and none only for West Sussex or Brighton & Hove shown as local', async () => {
    await gotoAndSettle(page, '/search/?near=BN25%201AA');
    await page.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.textContent ?? 'Searching'));
    const whys = await page.locator('#search-results > li .why').allTextContents();
    expect(whys.length).toBeGreaterThan(0);
    const hrefs = await page.locator('#search-results > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toHaveLength(whys.length);
    let local = 0;
    hrefs.forEach((href, i) => {
      const p = realOf(href);
      if (!p || /^Online|for (West Sussex|Brighton & Hove)/.test(whys[i] ?? '')) return;
      // Shown as local (meets there, covers the district or the area): it must work in East Sussex.
      expect(p.data.areas, `${p.slug}: ${whys[i]}`).toContain('east-sussex');
      local += 1;
    });
    expect(local, 'real East Sussex groups are shown as local').toBeGreaterThan(0);
  });
});
