// Search over a small made-up directory with groups in known places (tests/fixtures/search/providers/), built
// into a site of its own: towns, neighbourhoods, postcodes, typos, vocabulary and everyday words, each with
// the group that must come first, and the page's new states checked with axe and the keyboard.
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, PROJECT_ROOT } from './global-setup.ts';
import { gotoAndSettle, newPage, recordRequests, runAxe } from './harness.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

const FIXTURES = path.join(PROJECT_ROOT, 'tests/fixtures/search/providers');
let work: string;
let server: StaticServer;
let page: Page;

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'spsd-search-'));
  const data = path.join(work, 'data');
  // The real vocabularies, gazetteer and postcodes; only the fixture groups.
  cpSync(path.join(PROJECT_ROOT, 'data'), data, { recursive: true, filter: (src) => !/[/\\](providers|signatories)[/\\].+/.test(path.relative(PROJECT_ROOT, src)) });
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml'))) cpSync(path.join(FIXTURES, f), path.join(data, 'providers', f));
  await build(data, path.join(work, 'dist'), path.join(work, 'build.log'));
  server = await startStaticServer(path.join(work, 'dist'));
  page = await newPage();
}, 300_000);

afterAll(async () => {
  await page?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const at = (p: string) => `${server.url}${p}`;

async function settled(p: Page): Promise<void> {
  await p.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.textContent ?? 'Searching'));
}

interface Shown {
  names: string[];
  whys: string[];
  status: string;
  terms: string[];
  none: boolean;
}

async function open(p: Page, query: string): Promise<Shown> {
  await gotoAndSettle(p, at(query.startsWith('?') ? `/search/${query}` : `/search/?q=${encodeURIComponent(query)}`));
  await settled(p);
  return p.evaluate(() => ({
    names: [...document.querySelectorAll('#search-results > li h3 a')].map((a) => a.textContent ?? ''),
    whys: [...document.querySelectorAll('#search-results > li')].map((li) => li.querySelector('.why')?.textContent ?? ''),
    status: document.getElementById('search-status')?.textContent ?? '',
    terms: [...document.querySelectorAll('#search-terms li')].map((li) => (li.textContent ?? '').replace(/\s+/g, ' ').trim()),
    none: !document.getElementById('search-none')?.hidden,
  }));
}

const W = 'Fixture Worthing Peer Group';
const ARUN = 'Fixture Arun Peer Network';
const ES = 'Fixture East Sussex Peer Support';
const ON = 'Fixture Online Circle';
const MEN = "Fixture Men's Circle Kemptown";
const CAR = 'Fixture Lewes Carers Group';
const BIP = 'Fixture Hastings Bipolar Group';
const HV = 'Fixture Crawley Voices Group';
const HEART = 'Fixture Heart Space Horsham';
const SHO = 'Fixture Shoreham Walking Group';
const BH = 'Fixture Burgess Hill Café';
const PH = 'Fixture West Sussex Phone Line';
const BOG = "Fixture Bognor Women's Group";
const CHI = 'Fixture Chichester Art Group';
const EB = 'Fixture Eastbourne Town Group';

interface Case {
  /** What the first result must be. */
  first: string;
  /** Why it is there, as its card says. */
  why?: RegExp;
  /** Groups that must not be in the results at all. */
  never?: string[];
  /** Words in the status line. */
  status?: RegExp;
  /** "Showing groups for …" notices. */
  terms?: RegExp;
}

const TABLE: [string, Case][] = [
  // Towns, as people write them
  ['worthing', { first: W, why: /^Meets in Worthing$/ }],
  ['WORTHING', { first: W }],
  ['bognor regis', { first: BOG, why: /^Meets in Bognor Regis$/ }],
  ['bognor', { first: BOG }],
  ['littlehampton', { first: BOG, why: /^Meets in Bognor Regis, \d+ km away$/ }],
  ['arundel', { first: BOG }],
  ['chichester', { first: CHI, why: /^Meets in Chichester$/ }],
  ['crawley', { first: HV }],
  ['horsham', { first: HEART }],
  ['shoreham', { first: SHO, why: /^Meets in Shoreham-by-Sea$/, never: [HEART] }],
  ['shoreham-by-sea', { first: SHO }],
  ['burgess hill', { first: BH, why: /^Meets in Burgess Hill(, 1 km away)?$/ }],
  ['haywards heath', { first: BH, why: /^Meets in Burgess Hill, \d km away$/ }],
  ['seaford', { first: CAR, why: /^Meets in Lewes, \d+ km away$/ }],
  ['newhaven', { first: CAR, why: /^Meets in Lewes/ }],
  ['crowborough', { first: ES, why: /^Covers all of East Sussex$/, never: [W, HV, BOG] }],
  ['hastings', { first: BIP, why: /^Meets in Hastings$/ }],
  ['bexhill', { first: BIP, why: /^Meets in Hastings, \d km away$/, never: [W, PH, BOG, HEART] }],
  ['eastbourne', { first: EB, why: /^Meets in Eastbourne$/ }],
  ['lewes', { first: CAR }],
  // Neighbourhoods
  ['kemptown', { first: MEN, why: /^Meets in Brighton$/ }],
  ['kemp town', { first: MEN }],
  ['st leonards', { first: BIP, why: /^Meets in Hastings/ }],
  // Postcodes, whole or the first half
  ['BN11 1AA', { first: W }],
  ['bn11', { first: W }],
  ['TN34 1AA', { first: BIP }],
  ['RH10', { first: HV }],
  ['BN7 2AA', { first: CAR }],
  ['PO21', { first: BOG }],
  // Outside Sussex: says so, and offers online and phone support
  ['guildford', { first: ON, why: /^Online or by phone$/, status: /Guildford is outside Sussex/ }],
  ['portsmouth', { first: ON, status: /Portsmouth is outside Sussex/ }],
  // Typos
  ['worthign', { first: W, status: /for Worthing \(we could not find "worthign"\)/ }],
  ['burgess hall', { first: BH }],
  ['hastngs', { first: BIP }],
  ['voises', { first: HV, status: /we could not find "voises"/ }],
  ['bipolr', { first: BIP }],
  // Vocabulary words: visible filters, whole words only
  ['men', { first: MEN, never: [HEART], terms: /Showing groups for men/ }],
  ['women', { first: BOG, terms: /Showing groups for women/ }],
  ['carers', { first: CAR }],
  ['carer', { first: CAR, never: [HEART] }],
  ['hearing voices', { first: HV, never: [HEART] }],
  ['bipolar', { first: BIP, never: [HEART] }],
  ['online', { first: ON }],
  // Everyday words reach the vocabulary through its synonyms
  ['depression', { first: expect.any(String) as unknown as string, terms: /anyone with experience of mental distress/, never: [MEN, HEART] }],
  ['lonely', { first: expect.any(String) as unknown as string, terms: /anyone with experience of mental distress/ }],
  // What and where together
  ['men brighton', { first: MEN }],
  ['carers lewes', { first: CAR }],
  ['bipolar hastings', { first: BIP }],
  ['women in bognor', { first: BOG }],
  ['walking shoreham', { first: SHO }],
  ['art chichester', { first: CHI }],
  ['groups in lewes', { first: CAR }],
  ['?q=men&near=brighton', { first: MEN }],
  ['?near=worthing', { first: W }],
  ['?q=carers&near=BN7', { first: CAR }],
];

describe('search finds the right group first', () => {
  it('has at least 40 queries in its table', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));
  for (const [query, want] of TABLE) {
    it(`"${query}" shows ${typeof want.first === 'string' ? want.first : 'a group'} first`, async () => {
      const shown = await open(page, query);
      expect(shown.names[0], `results: ${shown.names.join(' | ')}; status: ${shown.status}`).toEqual(want.first);
      if (want.why) expect(shown.whys[0]).toMatch(want.why);
      for (const name of want.never ?? []) expect(shown.names).not.toContain(name);
      if (want.status) expect(shown.status).toMatch(want.status);
      if (want.terms) expect(shown.terms.join(' ')).toMatch(want.terms);
    });
  }
});

describe('a place search', () => {
  it('labels every group with why it is there, in order: nearby, district, whole area, online', async () => {
    const shown = await open(page, 'littlehampton');
    const kinds = shown.whys.map((w) => (/^Meets in/.test(w) ? 0 : /^Covers all of Arun/.test(w) ? 1 : /^Covers all of/.test(w) ? 2 : /^Online or by phone$/.test(w) ? 4 : -1));
    expect(kinds).not.toContain(-1);
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    expect(shown.names).toEqual(expect.arrayContaining([ARUN, ON, PH]));
    expect(shown.names).not.toContain(ES);
  });

  it('never shows a group from another area as local: a Brighton group near Newhaven says it is for Brighton & Hove', async () => {
    const shown = await open(page, 'newhaven');
    const i = shown.names.indexOf(MEN);
    if (i >= 0) {
      expect(shown.whys[i]).toMatch(/for Brighton & Hove$/);
      expect(i).toBeGreaterThan(shown.names.indexOf(ES));
    }
  });

  it("loads no Pagefind file, and for a place alone only that place's own file", async () => {
    const p = await newPage();
    const requests = await recordRequests(p);
    const shown = await open(p, 'hastings');
    expect(shown.names[0]).toBe(BIP);
    expect(requests.urls.filter((u) => /\/pagefind\//.test(u))).toEqual([]);
    expect(requests.urls.filter((u) => /\/search-places\//.test(u)).map((u) => u.replace(/.*\//, ''))).toEqual(['at-hastings.json']);
    expect(requests.failures).toEqual([]);
    await p.close();
  });

  it('narrowed by a filter, shows the same groups as ranking every file nearby, and loads those files after the place\'s own', async () => {
    const p = await newPage();
    const requests = await recordRequests(p);
    const shown = await open(p, '?q=hastings&format=group');
    const files = requests.urls.filter((u) => /\/search-places\//.test(u)).map((u) => u.replace(/.*\//, ''));
    expect(files[0]).toBe('at-hastings.json');
    expect([...files].sort()).toEqual(['area-east-sussex.json', 'at-hastings.json', 'hastings.json', 'rother.json']);
    expect(shown.names[0]).toBe(BIP);
    expect(shown.names).not.toContain(PH);
    await p.close();
  });

  it('a word search loads no place file when no word is a place', async () => {
    const p = await newPage();
    const requests = await recordRequests(p);
    await open(p, 'walking');
    expect(requests.urls.filter((u) => /\/search-places\//.test(u))).toEqual([]);
    await p.close();
  });
});

describe('no dead ends', () => {
  it('with nothing found, offers nearby groups without the filters, online support, crisis numbers and "tell us about a group"', async () => {
    const shown = await open(page, 'men worthing');
    expect(shown.names).toEqual([]);
    expect(shown.none).toBe(true);
    const none = page.locator('#search-none');
    expect(await none.locator('#search-none-groups h3 a').first().textContent()).toBe(W);
    expect(await none.locator('a[href="/contribute/"]').textContent()).toBe('Tell us about a group');
    expect(await none.locator('a[href^="tel:111"]').count()).toBe(1);
    expect(await none.locator('a[href^="tel:116123"]').count()).toBe(1);
    expect(await none.locator('a[href*="delivery=online"]').count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);
  });

  it('a word that finds nothing still offers the other ways in', async () => {
    const shown = await open(page, 'xylophone');
    expect(shown.names).toEqual([]);
    expect(shown.none).toBe(true);
    // It may be a village the directory does not know: its town or postcode will be.
    expect(shown.status).toMatch(/No groups found for "xylophone"\. If it is a place, try the nearest town or your postcode\./);
  });
});

describe('vocabulary words as filters', () => {
  it('"Clear" takes the word out of the search, by keyboard, and the results widen', async () => {
    const shown = await open(page, 'men brighton');
    expect(shown.terms[0]).toMatch(/^Showing groups for men Clear/);
    await page.locator('#search-terms button').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#search-input').inputValue()).toBe('brighton');
    await settled(page);
    expect(await page.locator('#search-terms li').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    expect(new URL(page.url()).searchParams.get('q')).toBe('brighton');
  });
});

describe('filters', () => {
  it('in a place search, a count says what ticking the box lets through, after any tick', async () => {
    await open(page, 'worthing');
    const total = await page.locator('#search-results > li').count();
    const count = async (facet: string) => Number(((await page.locator(`[data-count="${facet}"]`).textContent()) ?? '').replace(/[()]/g, ''));
    const peer = await count('leader:peer-led-group');
    const userLed = await count('leader:user-led');
    await page.locator('summary', { hasText: 'Who runs it' }).click();
    await page.locator('input[name=leader][value=peer-led-group]').check();
    await expect.poll(() => page.locator('#search-results > li').count()).toBe(peer);
    // The sibling's count is unchanged by the first tick, and ticking it adds exactly that many.
    expect(await count('leader:user-led')).toBe(userLed);
    await page.locator('input[name=leader][value=user-led]').check();
    await expect.poll(() => page.locator('#search-results > li').count()).toBe(peer + userLed);
    expect(peer + userLed).toBeLessThanOrEqual(total);
  });

  it('in a word search, ticking one value leaves the counts of its siblings as they were', async () => {
    await open(page, '?q=walking');
    await open(page, '?area=west-sussex');
    await page.locator('[data-filters]').hover();
    const count = async (facet: string) => {
      const c = page.locator(`[data-count="${facet}"]`);
      await expect.poll(() => c.textContent()).toMatch(/^\(\d+\)$/);
      return Number(((await c.textContent()) ?? '').replace(/[()]/g, ''));
    };
    const userLed = await count('leader:user-led');
    await page.locator('summary', { hasText: 'Who runs it' }).click();
    const before = await page.locator('#search-results > li').count();
    await page.locator('input[name=leader][value=peer-led-group]').check();
    await settled(page);
    await expect.poll(() => count('leader:user-led')).toBe(userLed);
    await page.locator('input[name=leader][value=user-led]').check();
    await settled(page);
    const peer = await count('leader:peer-led-group');
    await expect.poll(() => page.locator('#search-results > li').count()).toBe(peer + userLed);
    expect(peer + userLed).toBeLessThanOrEqual(before);
  });

  it('after a vocabulary word, the counts of its siblings say what ticking them would add', async () => {
    await open(page, 'men');
    const count = async (facet: string) => Number(((await page.locator(`[data-count="${facet}"]`).textContent()) ?? '').replace(/[()]/g, ''));
    await expect.poll(() => count('community:men')).toBe(1);
    expect(await count('community:women')).toBe(1);
    await page.locator('summary', { hasText: 'Who it is for' }).click();
    await page.locator('input[name=community][value=women]').check();
    await expect.poll(() => page.locator('#search-results h3 a').allTextContents()).toEqual(expect.arrayContaining([MEN, BOG]));
  });

  it('never leave a count alone on a line, on a narrow phone', async () => {
    const p = await newPage({ viewport: { width: 320, height: 640 } });
    await gotoAndSettle(p, at('/search/'));
    await expect.poll(() => p.locator('[data-count="leader:peer-led-group"]').textContent()).toMatch(/^\(\d+\)$/);
    await p.locator('summary', { hasText: 'Who runs it' }).click();
    const lonely = await p.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[data-count]')]
        .filter((c) => c.offsetParent)
        .filter((c) => {
          const box = c.getBoundingClientRect();
          const word = c.parentElement!.firstChild!;
          const range = document.createRange();
          range.selectNodeContents(word);
          const rects = [...range.getClientRects()];
          const last = rects[rects.length - 1];
          return !last || Math.abs(last.top - box.top) > 2;
        })
        .map((c) => c.dataset.count),
    );
    expect(lonely).toEqual([]);
    await p.close();
  });
});

describe('the new states are accessible', () => {
  for (const query of ['worthing', 'guildford', 'men', '?q=carers&near=BN7']) {
    it(`axe finds nothing wrong with the results for "${query}"`, async () => {
      await open(page, query);
      expect(await runAxe(page)).toEqual([]);
    });
  }

  it('announces results in a status region without moving focus', async () => {
    await gotoAndSettle(page, at('/search/'));
    await page.locator('#search-input').focus();
    await page.keyboard.type('hastings');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#search-status').textContent()).toMatch(/groups? found for Hastings/);
    expect(await page.locator('#search-status').getAttribute('role')).toBe('status');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  });
});
