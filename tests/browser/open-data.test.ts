// /coverage/ and /open-data/ in Chromium: no axe violations (light, dark, phone width), no charting script,
// every /data/ link they give answers with the file, and the coverage page keeps its tables when printed.
import { afterEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { closePage, gotoAndSettle, newPage, runAxe, type PageOptions } from './harness.ts';

const PAGES = ['/coverage/', '/open-data/'];
const VIEWS: [string, PageOptions][] = [
  ['desktop, light', { colorScheme: 'light' }],
  ['desktop, dark', { colorScheme: 'dark' }],
  ['320 px wide', { viewport: { width: 320, height: 720 } }],
];

let open: Page | undefined;
afterEach(async () => {
  if (open) await closePage(open);
  open = undefined;
});
async function visit(path: string, options: PageOptions = {}): Promise<Page> {
  open = await newPage(options);
  const response = await gotoAndSettle(open, path);
  expect(response?.status(), `${path} answers`).toBe(200);
  return open;
}

describe.each(PAGES)('%s', (path) => {
  test.each(VIEWS)('axe finds no violations (%s)', async (_name, options) => {
    const page = await visit(path, options);
    expect(await runAxe(page)).toEqual([]);
  });

  test('fits a 320 px screen: only the tables scroll sideways, each in a focusable region', async () => {
    const page = await visit(path, { viewport: { width: 320, height: 720 } });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const unreachable = await page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
        .filter((el) => el.getAttribute('tabindex') !== '0' || !el.getAttribute('role'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unreachable).toEqual([]);
  });

  test('every link to /data/ answers with the file', async () => {
    const page = await visit(path);
    const links = await page.locator('a[href*="/data/"]').evaluateAll((as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
    expect(links.length).toBeGreaterThan(path === '/coverage/' ? 6 : 20);
    for (const href of links) {
      const res = await fetch(href);
      expect(res.status, href).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      if (href.endsWith('.json') || href.endsWith('.geojson')) expect(() => JSON.parse(bytes.toString('utf8')), href).not.toThrow();
      // UTF-8 with a byte-order mark (fetch's text() would hide it).
      if (href.endsWith('.csv')) expect([...bytes.subarray(0, 3)], href).toEqual([0xef, 0xbb, 0xbf]);
    }
  });
});

describe('/coverage/', () => {
  test('sends no script beyond what every page has', async () => {
    const scripts = async (path: string) => {
      const page = await visit(path);
      const found = await page.evaluate(() => [...document.scripts].map((s) => s.src || 'inline'));
      await closePage(page);
      open = undefined;
      return found;
    };
    const plain = await scripts('/about/');
    expect((await scripts('/coverage/')).filter((s) => !plain.includes(s))).toEqual([]);
  });

  test('names the groups whose areas are not known, with links to their pages, and says they are in no area', async () => {
    const page = await visit('/coverage/');
    const note = page.locator('#areas-not-known');
    await expect(note.innerText()).resolves.toMatch(/somewhere in Sussex, but we do not know which areas yet, so (it is|they are) not counted in any area or district/);
    const links = await note.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^\/providers\/[a-z0-9-]+\/$/);
  });

  test('each chart is an image with a name, followed by its table and a CSV link', async () => {
    const page = await visit('/coverage/');
    const charts = await page.locator('figure.chart').evaluateAll((figures) =>
      figures.map((f) => {
        const img = f.querySelector('[role="img"]');
        const tableId = f.querySelector('a[href^="#table-"]')?.getAttribute('href')?.slice(1) ?? '';
        const table = document.getElementById(tableId);
        const csv = table?.closest('.table-scroll')?.nextElementSibling?.querySelector('a[href$=".csv"]');
        return { name: img?.getAttribute('aria-label') ?? '', table: !!table && table.tagName === 'TABLE', csv: csv?.getAttribute('href') ?? '' };
      }),
    );
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const c of charts) {
      expect(c.name.length).toBeGreaterThan(20);
      expect(c.table).toBe(true);
      expect(c.csv).toMatch(/\/data\/coverage\/[a-z]+\.csv$/);
    }
  });

  test('prints its gaps, charts and tables, without the contents list', async () => {
    const page = await visit('/coverage/');
    await page.emulateMedia({ media: 'print' });
    const shown = await page.evaluate(() => ({
      tables: [...document.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().height > 0).length,
      allTables: document.querySelectorAll('table').length,
      charts: [...document.querySelectorAll('figure.chart')].filter((f) => f.getBoundingClientRect().height > 0).length,
      gaps: (document.querySelector('.gaps') as HTMLElement | null)?.offsetHeight ?? 0,
      contents: (document.querySelector('nav[aria-labelledby="contents-title"]') as HTMLElement | null)?.offsetHeight ?? -1,
    }));
    expect(shown.tables).toBe(shown.allTables);
    expect(shown.charts).toBeGreaterThanOrEqual(4);
    expect(shown.gaps).toBeGreaterThan(0);
    expect(shown.contents).toBe(0);
  });
});
