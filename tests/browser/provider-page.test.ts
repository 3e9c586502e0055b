// A provider page as a visitor, a link preview and a printer see it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { PROVIDER_PAGE_IDS } from '../../src/lib/model/page-ids.ts';
import { gotoAndSettle, newPage, runAxe, siteUrl } from './harness.ts';

const SLUG = 'fixture-kemptown-peer-hub';

/** The slugs of the built data's providers whose YAML passes the test, in order. */
function providersWhere(test: (provider: Record<string, unknown>) => boolean): string[] {
  return inject('providerSlugs').filter((slug) => test(parse(readFileSync(path.join(inject('dataDir'), 'providers', `${slug}.yaml`), 'utf8')) as Record<string, unknown>));
}

describe('sharing tags', () => {
  it('has a canonical URL, Open Graph and Twitter card tags that describe the provider', async () => {
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${SLUG}/`);
    const meta = (selector: string) => page.locator(selector).first().getAttribute('content');
    const canonical = await page.locator('link[rel=canonical]').getAttribute('href');
    expect(canonical).toMatch(new RegExp(`^https?://[^/]+/providers/${SLUG}/$`));
    expect(await meta('meta[property="og:url"]')).toBe(canonical);
    expect(await meta('meta[property="og:title"]')).toBe('Fixture Kemptown Peer Hub');
    const summary = await page.locator('.lead').textContent();
    expect(await meta('meta[property="og:description"]')).toBe(summary?.trim());
    expect(await meta('meta[property="og:type"]')).toBe('article');
    expect(await meta('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(new URL((await meta('meta[property="og:image"]'))!).pathname).toBe(`/previews/${SLUG}.png`);
    expect(await meta('meta[name="twitter:title"]')).toBe('Fixture Kemptown Peer Hub');
    await page.close();
  });

  it('has JSON-LD for the organisation and each of its services, matching the page', async () => {
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${SLUG}/`);
    const json = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
    const graph = json['@graph'] as Record<string, unknown>[];
    expect(json['@context']).toBe('https://schema.org');
    expect(graph[0]).toMatchObject({ '@type': 'Organization', name: 'Fixture Kemptown Peer Hub' });
    const serviceIds = await page.locator('section.service').evaluateAll((s) => s.filter((x) => !x.classList.contains('is-closed')).map((x) => x.id));
    const ldServices = graph.filter((g) => g['@type'] === 'Service').map((g) => String(g['@id']).split('#')[1]);
    expect(ldServices).toEqual(serviceIds);
    await page.close();
  });
});

describe('what the page shows', () => {
  it('gives each service its own anchor', async () => {
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${SLUG}/`);
    const ids = await page.locator('section.service').evaluateAll((s) => s.map((x) => x.id));
    expect(ids.length).toBeGreaterThan(1);
    for (const id of ids) expect(await page.locator(`#${id} h3`).count()).toBe(1);
    await page.close();
  });

  it('uses every id once, on every provider page: its own parts’ ids and ids made from its services’ ids', () => {
    const dataDir = inject('dataDir');
    for (const slug of inject('providerSlugs')) {
      const html = readFileSync(path.join(inject('distDir'), 'providers', slug, 'index.html'), 'utf8');
      const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i), slug).toEqual([]);
      const serviceIds = [...readFileSync(path.join(dataDir, 'providers', `${slug}.yaml`), 'utf8').matchAll(/^\s*- id: ([a-z0-9-]+)$/gm)].map((m) => m[1]!);
      const ownParts = ids.filter((id) => !serviceIds.some((s) => id === s || id.startsWith(`${s}-`) || id.startsWith(`poster--${s}`)));
      expect(ownParts.sort(), slug).toEqual([...PROVIDER_PAGE_IDS].sort());
    }
  });

  it('lists who it is for one group a line, so a label with a comma is not read as two', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/providers/fixture-together-peer-circle/');
    const expected = ['Black, Asian and racialised communities', 'Faith communities'];
    const section = page.locator('h2', { hasText: 'Who it is for' }).locator('xpath=following-sibling::ul[1]');
    expect((await section.locator('li').allTextContents()).map((t) => t.trim())).toEqual(expected);
    const service = page.locator('section.service dt', { hasText: 'Who it is for' }).locator('xpath=following-sibling::dd[1]');
    expect((await service.locator('li').allTextContents()).map((t) => t.trim())).toEqual(expected);
    await page.close();
  });

  it('says a provider whose areas are not known works somewhere in Sussex, not that it serves every area', async () => {
    const unsure = providersWhere((p) => p.areas_unconfirmed === true);
    expect(unsure.length, 'a provider with areas_unconfirmed: true').toBeGreaterThan(0);
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${unsure[0]}/`);
    const main = await page.locator('main').innerText();
    expect(main).toContain('We do not know yet which areas it serves.');
    expect(main).not.toMatch(/Serves West Sussex/);
    await page.close();
  });

  it('names the areas it serves without repeating an area as its own district', async () => {
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${SLUG}/`);
    await expect(page.locator('main').innerText()).resolves.toMatch(/Serves Brighton & Hove\.\n/);
    await page.close();
  });

  it('says so, with a way to suggest one, when there is no phone, email or website to get in touch', async () => {
    const silent = providersWhere((p) => ![p, ...(p.services as Record<string, unknown>[]).filter((s) => s.status !== 'closed')].some((x) => x.phone || x.email || x.website));
    const reachable = providersWhere((p) => Boolean(p.phone || p.email || p.website));
    expect(silent.length, 'a provider with no contact details').toBeGreaterThan(0);
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${silent[0]}/`);
    const note = page.locator('.no-contact');
    await expect(note.innerText()).resolves.toContain('We do not have a phone number, email or website for this group yet.');
    expect(await note.locator('a').getAttribute('href')).toBe(`/contribute/?edit=${silent[0]}`);
    await gotoAndSettle(page, `/providers/${reachable[0]}/`);
    expect(await page.locator('.no-contact').count()).toBe(0);
    await page.close();
  });

  it('ends with one "Suggest a correction" button; the GitHub edit link for volunteers is plain text', async () => {
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${SLUG}/`);
    expect(await page.locator('a.button', { hasText: 'Suggest a correction' }).getAttribute('href')).toBe(`/contribute/?edit=${SLUG}`);
    const github = page.getByRole('link', { name: 'edit this entry on GitHub' });
    expect(await github.getAttribute('href')).toMatch(new RegExp(`data/providers/${SLUG}\\.yaml$`));
    expect(await github.evaluate((a) => a.classList.contains('button'))).toBe(false);
    await page.close();
  });

  it('gives a service\'s facts in the order the design brief asks: cost, how to join and languages before the kind of support', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/providers/fixture-together-peer-circle/');
    const terms = (await page.locator('section.service dl.facts > dt').allInnerTexts()).map((t) => t.trim());
    expect(terms).toEqual(['Who it is for', 'When', 'Where', 'Cost', 'How to join', 'Languages', 'Kind of support', 'Kind of place', 'Who supports you', 'How it works']);
    await page.close();
  });

  it('puts a service\'s own ways to get in touch before its longer description', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/providers/fixture-hastings-hearing-voices/');
    const order = await page.locator('section.service').first().evaluate((section) => [...section.children].map((c) => (c.matches('ul.actions') ? 'contact' : c.matches('.prose') ? 'description' : '')).filter(Boolean));
    expect(order).toEqual(['contact', 'description']);
    await page.close();
  });

  it('sends no referrer to a group\'s own websites, and isolates the group\'s name in its heading', async () => {
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${SLUG}/`);
    // Not the site's own short links (at its public address) nor GitHub: only the links to other sites about the group.
    const own = new URL((await page.locator('link[rel=canonical]').getAttribute('href')) ?? '').host;
    const outbound = await page.locator('a[href^="http"]').evaluateAll(
      (links, own) => links.filter((a) => ![location.host, own, 'github.com'].includes(new URL((a as HTMLAnchorElement).href).host)).map((a) => `${a.getAttribute('href')} ${a.getAttribute('rel')}`),
      own,
    );
    expect(outbound.length, 'the fixture links to its website').toBeGreaterThan(0);
    for (const link of outbound) expect(link).toMatch(/ external noopener noreferrer$/);
    await expect(page.locator('h1 > bdi').textContent()).resolves.toBe('Fixture Kemptown Peer Hub');
    await page.close();
  });

  it('can be read with JavaScript turned off', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await gotoAndSettle(page, `/providers/${SLUG}/`);
    await expect(page.locator('h1').textContent()).resolves.toBe('Fixture Kemptown Peer Hub');
    expect(await page.locator('section.service').count()).toBeGreaterThan(0);
    await page.close();
  });

  it('shows a closed service as closed, after the running ones', async () => {
    const dataDir = inject('dataDir');
    const slugs = inject('providerSlugs');
    const withClosed = slugs.find((s) => /status:\s*closed/.test(readFileSync(path.join(dataDir, 'providers', `${s}.yaml`), 'utf8')));
    expect(withClosed, 'a fixture with a closed service').toBeTruthy();
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${withClosed}/`);
    const closed = page.locator('section.service.is-closed');
    expect(await closed.count()).toBeGreaterThan(0);
    await expect(closed.first().textContent()).resolves.toContain('Closed: this service no longer runs');
    const headings = await page.locator('h2').allTextContents();
    expect(headings.indexOf('Closed services')).toBeGreaterThan(headings.indexOf('When and where'));
    await page.close();
  });

  it('warns that an unverified entry has not been checked with the group', async () => {
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${SLUG}/`);
    await expect(page.locator('.notice').first().textContent()).resolves.toContain('has not confirmed them yet');
    await expect(page.locator('main').textContent()).resolves.toMatch(/Where this information comes from:\s*Test fixture, \w+ \d{4}\./);
    await page.close();
  });

  it('says where the facts come from and, for a group last heard of over 3 years ago, that it may have changed or stopped', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/providers/fixture-old-news-group/');
    await expect(page.locator('.source-age').first().textContent()).resolves.toBe('Source: Example news article about the group, May 2017.');
    await expect(page.locator('.old-notice').textContent()).resolves.toBe('We last heard of this group in 2017. It may have changed or stopped.');
    expect(await page.locator('.old-notice').getAttribute('role')).toBe('note');
    // Times as the source gave them, with its year; the place only as far as the source knows it.
    const when = page.locator('section.service dt', { hasText: 'When' }).locator('xpath=following-sibling::dd[1]');
    await expect(when.textContent()).resolves.toMatch(/^\s*Wednesday evenings, as of 2017\s*$/);
    const where = page.locator('section.service dt', { hasText: 'Where' }).locator('xpath=following-sibling::dd[1]');
    await expect(where.textContent()).resolves.toContain('In Eastbourne; the exact place is not known.');
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });

  it('gives a group with a recent source no such notice, and warns plainly when sources disagree about a service', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/providers/fixture-recent-news-group/');
    await expect(page.locator('.source-age').first().textContent()).resolves.toBe('Source: Example Lewes news page about the group, September 2026.');
    expect(await page.locator('.old-notice').count()).toBe(0);
    const service = page.locator('section.service#friday-cafe');
    await expect(service.locator('.unclear-notice').textContent()).resolves.toContain('We are not sure this is still running: our sources disagree, or say it may stop.');
    await expect(service.locator('.source-age').textContent()).resolves.toBe('Source: Example council directory entry, September 2026.');
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });

  it('lists a group last heard of long ago after the current ones, never hiding it', async () => {
    const page = await newPage();
    // The A–Z page of its letter lists every group whose name starts so, however many groups there are.
    await gotoAndSettle(page, '/a-z/f/');
    const cards = await page
      .locator('main li.card')
      .evaluateAll((els) => els.map((el) => ({ text: el.textContent ?? '', old: !!el.querySelector('.age-short.old'), closed: !!el.querySelector('.badge.closed') })));
    const mine = cards.find((c) => c.text.includes('Fixture Old News Group'));
    expect(mine, 'the old group is listed').toMatchObject({ old: true, closed: false });
    expect(mine?.text).toContain('Information from 2017');
    const open = cards.filter((c) => !c.closed);
    expect(open.some((c) => !c.old), 'a current group is listed too').toBe(true);
    // Every current card comes before every old one; closed groups come last of all.
    expect(open.map((c) => c.old)).toEqual([...open.map((c) => c.old)].sort((a, b) => Number(a) - Number(b)));
    expect(cards.map((c) => c.closed)).toEqual([...cards.map((c) => c.closed)].sort((a, b) => Number(a) - Number(b)));
    // Its district's page lists it too, under where it meets, with how old its facts are.
    await gotoAndSettle(page, '/areas/east-sussex/eastbourne/');
    const meets = page.locator('main section.layer').filter({ has: page.locator('h2', { hasText: /^Meets in Eastbourne$/ }) });
    const card = meets.locator('li.card', { hasText: 'Wednesday circle' });
    await expect(card.locator('.age-short.old').textContent()).resolves.toBe('Information from 2017');
    await page.close();
  });

  it('copies its short link with the copy-link button', async () => {
    const page = await newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: siteUrl('/') });
    await gotoAndSettle(page, `/providers/${SLUG}/`);
    await page.getByRole('button', { name: 'Copy link to this page' }).first().click();
    await expect.poll(() => page.locator('[data-copy-status]').first().textContent()).toBe('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`^https?://[^/]+/p/${SLUG}/$`));
    await page.close();
  });
});

describe('printing', () => {
  it('keeps the contact details and times and drops the navigation', async () => {
    const page = await newPage();
    await gotoAndSettle(page, `/providers/${SLUG}/`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-nav').isVisible()).toBe(false);
    expect(await page.locator('.crisis').isVisible()).toBe(false);
    const printed = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
    expect(printed).toMatch(/When/);
    expect(printed).toMatch(/Every \w+day|of the month/);
    const phone = await page.locator('main a[href^="tel:"]').first();
    if (await phone.count()) expect(await phone.isVisible()).toBe(true);
    await page.close();
  });
});
