// The search page in a real browser: synonyms from the vocabularies, filters with counts (loaded when the
// visitor reaches for the filters, not before the first results), state in the URL.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { collectConsole, gotoAndSettle, newPage, recordRequests } from './harness.ts';

async function resultNames(page: Page): Promise<string[]> {
  return page.locator('#search-results h3 a').allTextContents();
}

async function searchFor(page: Page, query: string): Promise<string[]> {
  await gotoAndSettle(page, `/search/?q=${encodeURIComponent(query)}`);
  await page.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.textContent ?? 'Searching'));
  return resultNames(page);
}

async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.textContent ?? 'Searching'));
}

/** The count beside a filter value, once it is there (the counts load when the filters are reached for). */
async function countFor(page: Page, facet: string, value: string): Promise<number> {
  const count = page.locator(`[data-count="${facet}:${value}"]`);
  await expect.poll(() => count.textContent()).toMatch(/^\(\d+\)$/);
  return Number(((await count.textContent()) ?? '').replace(/[()]/g, ''));
}

/** How many groups the status line says were found (the list shows at most the first 30). */
async function foundCount(page: Page): Promise<number> {
  const status = (await page.locator('#search-status').textContent()) ?? '';
  const n = /^(\d+) groups? found/.exec(status)?.[1];
  if (n === undefined) throw new Error(`no count in the status line: ${status}`);
  return Number(n);
}

const filterFiles = (urls: string[]) => urls.filter((u) => /\/pagefind\/filter\//.test(u));

describe('search forgives the words people use', () => {
  const cases: [string, string][] = [
    ['gay', 'Fixture Rainbow Peer Group'],
    ['queer', 'Fixture Rainbow Peer Group'],
    ['trans', 'Fixture Rainbow Peer Group'],
    ['BME', 'Fixture Together Peer Circle'],
    ['Black', 'Fixture Together Peer Circle'],
    ['Asian', 'Fixture Together Peer Circle'],
    ['voices', 'Fixture Hastings Hearing Voices Group'],
    ['ward', 'Fixture Ward Visits Peer Service'],
    ['hospital', 'Fixture Ward Visits Peer Service'],
  ];
  for (const [query, expected] of cases) {
    it(`finds ${expected} when someone searches for "${query}"`, async () => {
      const page = await newPage();
      expect(await searchFor(page, query)).toContain(expected);
      await page.close();
    });
  }

  it('does not find the LGBTQ+ group for an unrelated word', async () => {
    const page = await newPage();
    expect(await searchFor(page, 'voices')).not.toContain('Fixture Rainbow Peer Group');
    await page.close();
  });

  it('corrects a typo to a word the directory knows and says so', async () => {
    const page = await newPage();
    expect(await searchFor(page, 'voises')).toContain('Fixture Hastings Hearing Voices Group');
    await expect.poll(() => page.locator('#search-status').textContent()).toContain('we could not find "voises"');
    await page.close();
  });
});

describe('filters', () => {
  // "group" is in more than 30 groups' words, so the first 30 are checked as words and the rest counted as
  // Pagefind found them; "fixture" is in only the test groups' names, so every filter is worked out from the matches.
  for (const [query, many] of [['group', true], ['fixture', false]] as const) {
    it(`narrow the results to what the count beside the filter promised, with ${many ? 'many' : 'few'} matches ("${query}")`, async () => {
      const page = await newPage();
      await gotoAndSettle(page, `/search/?q=${query}`);
      await settled(page);
      const before = await foundCount(page);
      expect(before > 30).toBe(many);
      await page.locator('[data-filters]').hover();
      const promised = await countFor(page, 'area', 'east-sussex');
      expect(promised).toBeGreaterThan(0);
      expect(promised).toBeLessThan(before);
      await page.locator('input[name=area][value=east-sussex]').check();
      await expect.poll(async () => (await settled(page), await foundCount(page))).toBe(promised);
      expect((await resultNames(page)).length).toBe(Math.min(promised, 30));
      // The other areas' counts say what ticking them as well adds: the sum of both is what both show.
      const more = await countFor(page, 'area', 'west-sussex');
      await page.locator('input[name=area][value=west-sussex]').check();
      await expect.poll(async () => (await settled(page), await foundCount(page))).toBeGreaterThanOrEqual(Math.max(promised, more));
      await page.close();
    });
  }

  it('show counts for who runs it that add up to the number of results', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/search/?area=east-sussex');
    await settled(page);
    const results = (await resultNames(page)).length;
    let sum = 0;
    for (const leader of ['user-led', 'peer-led-group', 'voluntary-sector', 'statutory']) sum += await countFor(page, 'leader', leader);
    expect(results).toBeGreaterThan(0);
    expect(sum).toBe(results);
    await page.close();
  });

  it('tell user-led organisations and peer-led groups apart, and both kinds of result say "User-led"', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/search/?leader=peer-led-group');
    await settled(page);
    const names = await resultNames(page);
    expect(names).toEqual(expect.arrayContaining(['Fixture Rainbow Peer Group', 'Fixture Hastings Hearing Voices Group']));
    expect(names).not.toContain('Fixture Kemptown Peer Hub');
    await gotoAndSettle(page, '/search/?leader=user-led');
    await settled(page);
    const userLed = await resultNames(page);
    expect(userLed).toContain('Fixture Kemptown Peer Hub');
    expect(userLed).not.toContain('Fixture Rainbow Peer Group');
    await gotoAndSettle(page, '/search/?leader=user-led&leader=peer-led-group');
    await settled(page);
    const both = await page.locator('#search-results > li').evaluateAll((lis) => lis.map((li) => [...li.querySelectorAll('.badge')].map((b) => b.textContent?.trim())));
    expect(both.length).toBeGreaterThan(names.length);
    for (const badges of both) expect(badges).toContain('★ User-led');
    await page.close();
  });

  it('are titled in the words the service pages use: "How to join" and "Kind of place"', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/search/');
    const titles = await page.locator('[data-filters] summary').allInnerTexts();
    expect(titles).toEqual(expect.arrayContaining(['How to join', 'Kind of place']));
    expect(titles).not.toContain('How to start');
    expect(titles).not.toContain('Where it happens');
    await page.close();
  });

  it('combine across groups so that every result matches both', async () => {
    const page = await newPage();
    // Only the test groups have "fixture" in their words, so which real groups exist does not matter.
    await gotoAndSettle(page, '/search/?q=fixture&community=lgbtq&area=east-sussex');
    await settled(page);
    expect(await resultNames(page)).toEqual([]);
    await page.locator('input[name=area][value=west-sussex]').check();
    await expect.poll(() => resultNames(page)).toEqual(['Fixture Rainbow Peer Group']);
    await page.close();
  });
});

describe('results show the same badges as the lists', () => {
  /** Each result's name and its badges' words, in order. */
  const results = (page: Page) =>
    page.locator('#search-results > li').evaluateAll((lis) =>
      lis.map((li) => ({ name: li.querySelector('h3 a')?.textContent ?? '', badges: [...li.querySelectorAll('.badge')].map((b) => b.textContent?.trim() ?? '') })),
    );

  it('marks a group whose every service is closed "Closed", and lists it after the running groups', async () => {
    const page = await newPage();
    // "café" is in the closed café's name, so it is the best match; a running drop-in also has the word.
    await searchFor(page, 'café');
    const shown = await results(page);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.at(-1)).toEqual({ name: 'Fixture Harbour Café Group', badges: ['✕ Closed', '★ User-led', '! Not yet checked with the group'] });
    expect(shown.slice(0, -1).every((r) => !r.badges.includes('✕ Closed'))).toBe(true);
    await page.close();
  });

  it('says when a group has not been checked, with the same words as its page, and hides the icons from screen readers', async () => {
    const page = await newPage();
    await searchFor(page, 'ward');
    const ward = (await results(page)).find((r) => r.name === 'Fixture Ward Visits Peer Service');
    expect(ward?.badges).toEqual(['! Not yet checked with the group']);
    await expect(page.locator('#search-results .badge > span[aria-hidden="true"]').count()).resolves.toBeGreaterThan(0);
    await page.close();
  });
});

describe('filter counts wait for the filters', () => {
  it('the first results come without the filter files, and with few matches their counts come with them', async () => {
    const page = await newPage();
    const requests = await recordRequests(page);
    // Only the test groups have "fixture" in their words: few matches, whichever real groups exist.
    await gotoAndSettle(page, '/search/?q=fixture');
    await settled(page);
    expect((await resultNames(page)).length).toBeGreaterThan(0);
    expect(await foundCount(page)).toBeLessThanOrEqual(30);
    // Few matches: the counts are worked out from the matches themselves, so no filter file is needed at all.
    expect(filterFiles(requests.urls)).toEqual([]);
    expect(await countFor(page, 'area', 'east-sussex')).toBeGreaterThan(0);
    expect(requests.failures).toEqual([]);
    await page.close();
  });

  it('reaching a filter with the keyboard loads the counts too', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/search/?q=group');
    await settled(page);
    await page.locator('input[name=area][value=west-sussex]').focus();
    expect(await countFor(page, 'area', 'west-sussex')).toBeGreaterThan(0);
    await page.close();
  });

  it('with nothing to search for yet, the counts are there at once: every group, by filter', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/search/');
    const all = await countFor(page, 'area', 'west-sussex');
    expect(all).toBeGreaterThan(0);
    await page.locator('#search-input').fill('voices');
    await settled(page);
    await expect.poll(() => countFor(page, 'area', 'west-sussex')).toBeLessThan(all);
    await page.close();
  });
});

describe('a search for words shows its first results before the search engine has loaded', () => {
  /** Holds every request for Pagefind's files until `release` is called. */
  async function holdPagefind(page: Page): Promise<{ asked: string[]; release: () => void }> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const asked: string[] = [];
    await page.route('**/pagefind/**', async (route) => {
      asked.push(route.request().url());
      await held;
      await route.continue();
    });
    return { asked, release };
  }

  it('shows the groups with the words in their name first, from the site’s own small files, and they keep their places when all results come', async () => {
    const page = await newPage();
    const requests = await recordRequests(page);
    const { release } = await holdPagefind(page);
    await page.goto('/search/?q=peer');
    await page.locator('#search-results li').first().waitFor();
    const first = await resultNames(page);
    expect(first.length).toBeGreaterThan(1);
    expect(first).toContain('Fixture Rainbow Peer Group');
    expect(await page.locator('#search-status').textContent()).toMatch(/Searching/);
    // The list says it is still being filled in, for assistive technology, until every result is in.
    expect(await page.locator('#search-results').getAttribute('aria-busy')).toBe('true');
    expect(requests.urls.some((u) => /\/search-first\/w-pee\.json$/.test(u))).toBe(true);
    // Someone already on the first result by keyboard stays there when the rest come.
    await page.locator('#search-results h3 a').first().focus();
    release();
    await settled(page);
    expect(await page.evaluate(() => document.activeElement?.closest('#search-results li h3')?.textContent)).toBe(first[0]);
    const all = await resultNames(page);
    expect(await page.locator('#search-results').getAttribute('aria-busy')).toBeNull();
    expect(all.slice(0, first.length)).toEqual(first);
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(first.length);
    expect(await foundCount(page)).toBeGreaterThanOrEqual(first.length);
    expect(requests.failures).toEqual([]);
    await page.close();
  });

  it('a vocabulary word alone ("men") shows the groups named by it first, with its filter on show', async () => {
    const page = await newPage();
    const { release } = await holdPagefind(page);
    await page.goto('/search/?q=men');
    await page.locator('#search-results li').first().waitFor();
    const first = await resultNames(page);
    expect(first.length).toBeGreaterThan(0);
    // Groups naming the word come before those only with its filter.
    expect(await page.locator('#search-results li').first().textContent()).toMatch(/\bmen\b/i);
    await expect.poll(() => page.locator('#search-terms').textContent()).toMatch(/Showing groups for men/);
    release();
    await settled(page);
    expect((await resultNames(page)).slice(0, first.length)).toEqual(first);
    await page.close();
  });

  it('shows nothing early for words found only in groups’ descriptions, and then what the search finds', async () => {
    const page = await newPage();
    const { asked, release } = await holdPagefind(page);
    // "fictional" is only in a test group's description: no name or summary has it, so no word file is asked for.
    await page.goto('/search/?q=fictional');
    await expect.poll(() => asked.length).toBeGreaterThan(0);
    expect(await page.locator('#search-results li').count()).toBe(0);
    release();
    await settled(page);
    expect(await resultNames(page)).toContain('Fixture Rainbow Peer Group');
    await page.close();
  });
});

describe('a place search with a filter none of the place’s first results has', () => {
  it('shows the nearest groups with it from the place’s second file, without waiting for the record files nearby', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/search/');
    const config = await page.evaluate(() => JSON.parse(document.getElementById('search-config')!.textContent!) as { facets: string[]; districts: [string, string, number][] });
    const carers = config.facets.indexOf('community:carers-and-families');
    const worthing = config.districts.findIndex(([id]) => id === 'worthing');
    const counts = config.facets.map((_, i) => (i === carers ? 3 : 0));
    const at = (name: string, km: number, f: number[]) => ({ n: name, s: 'A made-up group for this test.', f, ar: [0], l: [[50.814 + km / 111, -0.372, 'Worthing', worthing]] });
    // Worthing, as at 10,000 groups: its first results have no carers' group, its second file lists the first of three.
    await page.route('**/search-places/at-worthing.json', (route) => route.fulfill({ json: { n: 60, m: 60, c: counts, r: [at('Fixture First Result', 0, [])] } }));
    await page.route('**/search-places/at-worthing-more.json', (route) => route.fulfill({ json: { r: [at('Fixture Carers Nearby', 1, [carers])], l: { [carers]: [3, 0] } } }));
    const held: string[] = [];
    await page.route(/\/search-places\/(?!at-worthing(-more)?\.json)[^/]+\.json$/, (route) => void held.push(route.request().url()));
    await page.goto('/search/?q=worthing&community=carers-and-families');
    await page.locator('#search-results li').first().waitFor();
    expect(await resultNames(page)).toEqual(['Fixture Carers Nearby']);
    expect(await page.locator('#search-results .why').first().textContent()).toMatch(/^Meets in Worthing/);
    expect(held.length).toBeGreaterThan(0);
    await page.close();
  });
});

describe('the URL holds the search', () => {
  it('writes the query and filters into the address', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/search/');
    await page.locator('#search-input').fill('peer');
    await page.locator('summary', { hasText: 'Who it is for' }).click();
    await page.locator('input[name=community][value=everyone]').check();
    await expect.poll(() => new URL(page.url()).searchParams.getAll('community')).toEqual(['everyone']);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('peer');
    await page.close();
  });

  it('restores a shared address: query, ticked filters and the same results', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/search/?q=group&area=west-sussex');
    await settled(page);
    const first = await resultNames(page);
    await page.reload();
    await settled(page);
    expect(await page.locator('#search-input').inputValue()).toBe('group');
    expect(await page.locator('input[name=area][value=west-sussex]').isChecked()).toBe(true);
    expect(await resultNames(page)).toEqual(first);
    await page.close();
  });

  it('goes back to the previous filters with the back button', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/search/?q=group');
    await settled(page);
    const unfiltered = await resultNames(page);
    await page.locator('input[name=area][value=east-sussex]').check();
    await expect.poll(async () => (await resultNames(page)).length).toBeLessThan(unfiltered.length);
    await page.goBack();
    await expect.poll(() => page.locator('input[name=area][value=east-sussex]').isChecked()).toBe(false);
    await expect.poll(() => resultNames(page)).toEqual(unfiltered);
    await page.close();
  });
});

describe('keyboard only', () => {
  it('goes from the home page to search, a filter, a provider page and "Suggest a correction"', async () => {
    const page = await newPage();
    await gotoAndSettle(page, '/');
    await page.locator('#q').focus();
    await page.keyboard.type('group');
    await page.keyboard.press('Enter');
    // The home page also sends its (empty) "Where?" field.
    await page.waitForURL(/\/search\/\?(?:near=&)?q=group/);
    await settled(page);
    // Tab forward until the "West Sussex" filter has focus, then tick it with the space bar.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value === 'west-sussex')) break;
    }
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.get('area')).toBe('west-sussex');
    await settled(page);
    // Shift+Tab back to the first result link and follow it.
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Shift+Tab');
      if (await page.evaluate(() => !!document.activeElement?.closest('#search-results a'))) break;
    }
    const target = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).href);
    await page.keyboard.press('Enter');
    await page.waitForURL(target);
    for (let i = 0; i < 120; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Suggest a correction')) break;
    }
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent?.trim(), href: (document.activeElement as HTMLAnchorElement).href }));
    expect(focused.text).toBe('Suggest a correction');
    expect(focused.href).toMatch(/\/contribute\/\?edit=[a-z0-9-]+$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/contribute\/\?edit=/);
    await expect.poll(() => page.locator('input[type=text], input:not([type])').first().inputValue()).not.toBe('');
    await page.close();
  });
});

describe('with the Content-Security-Policy enforced', () => {
  it('search still works and the console shows no policy violation', async () => {
    const page = await newPage({ bypassCSP: false });
    const console = collectConsole(page);
    expect(await searchFor(page, 'voices')).toContain('Fixture Hastings Hearing Voices Group');
    expect(console.cspViolations()).toEqual([]);
    expect(console.errors()).toEqual([]);
    await page.close();
  });
});
