// Names written by the browser (search results, the map's list and popups) are isolated in <bdi>, as the
// pages' own headings and cards are, so a name written right to left cannot reorder the words around it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { gotoAndSettle, newPage } from './harness.ts';

let page: Page;
beforeAll(async () => {
  page = await newPage();
});
afterAll(() => page?.close());

/** Links to provider pages whose visible name is not wholly inside one <bdi>. */
const notIsolated = (selector: string) =>
  page.locator(selector).evaluateAll((links) => links.filter((a) => a.children.length !== 1 || a.firstElementChild?.tagName !== 'BDI' || a.firstElementChild.textContent !== a.textContent).map((a) => a.outerHTML));

test('search results isolate each group name', async () => {
  await gotoAndSettle(page, '/search/?q=worthing');
  await page.waitForFunction(() => !/Searching/.test(document.getElementById('search-status')?.textContent ?? 'Searching'));
  expect(await page.locator('#search-results > li h3 a').count()).toBeGreaterThan(0);
  expect(await notIsolated('#search-results > li h3 a')).toEqual([]);
});

test('the map list isolates each service name and the name of who runs it', async () => {
  await gotoAndSettle(page, '/map/');
  await page.waitForSelector('[data-in-view] > li h3 a');
  expect(await notIsolated('[data-in-view] > li h3 a')).toEqual([]);
  const runBy = await page.locator('[data-in-view] > li > p').filter({ hasText: /^Run by / }).evaluateAll((ps) => ps.map((p) => p.querySelector('bdi')?.textContent === p.textContent?.replace(/^Run by /, '')));
  expect(runBy.length).toBeGreaterThan(0);
  expect(runBy.every(Boolean)).toBe(true);
});
