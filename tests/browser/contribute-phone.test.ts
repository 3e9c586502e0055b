// The entry form on a 360 px phone: the essentials (name, what it offers and for whom, where, when, how to get
// in touch, where the information comes from) come first and fit in under four screens, the rest waits under
// closed "More about …" parts, and a town or postcode fills in the place, so nobody types coordinates; at build,
// such a place gets its town's coordinates and reaches the map.
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadDataset } from '../../src/lib/dataset/dataset-fs.ts';
import { loadGazetteer } from '../../src/lib/places/gazetteer-fs.ts';
import { buildMapData } from '../../src/lib/map/map-data.ts';
import { placed } from '../../src/lib/places/place-coordinates.ts';
import { makeDataDir } from '../helpers/data-dir.ts';
import { gotoAndSettle, newPage, overflowingElements, recordRequests, runAxe } from './harness.ts';

const PHONE = { width: 360, height: 800 };
const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((f) => f()));

async function openForm(page: Page): Promise<void> {
  await gotoAndSettle(page, '/contribute/');
  await page.waitForSelector('form[data-ready="true"]', { timeout: 10_000 });
}

const yamlOf = async (page: Page) => parse((await page.locator('[data-yaml]').textContent()) ?? '') as Record<string, unknown>;

describe('/contribute/ on a 360 px phone', () => {
  it('shows every essential question in under four screens, with everything else closed', async () => {
    const page = await newPage({ viewport: PHONE });
    try {
      await openForm(page);
      const form = await page.locator('[data-contribute-form]').boundingBox();
      const screens = form!.height / PHONE.height;
      expect(screens, `the form is ${Math.round(form!.height)} px tall: ${screens.toFixed(2)} screens`).toBeLessThan(4);
      for (const label of ['Name of the organisation or group (required)', 'Summary (required)', 'Website', 'Email address', 'Phone number', 'Name of the service (required)', 'When it runs, in words', 'What the source is (required)', 'Web address of the source', 'Date the source shows (required)']) {
        await expect(page.getByLabel(label, { exact: true }).first().isVisible(), label).resolves.toBe(true);
      }
      for (const legend of [/^Who runs it/, /^Areas it serves/, /^Who it is for/, /^Online or by phone/]) await expect(page.getByRole('group', { name: legend }).isVisible(), String(legend)).resolves.toBe(true);
      await expect(page.getByRole('button', { name: 'Add a place' }).isVisible()).resolves.toBe(true);
      const closed = await page.locator('[data-fields] details.section').evaluateAll((ds) => ds.map((d) => [(d.querySelector('summary')?.textContent ?? '').trim(), (d as HTMLDetailsElement).open]));
      expect(closed).toEqual(expect.arrayContaining([['More about the group', false], ['More about this service', false], ['Regular days and times', false], ['More about the checks', false]]));
      expect(closed.every(([, open]) => !open)).toBe(true);
      expect(await overflowingElements(page, PHONE.width)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('fills the town, postcode and district from a postcode, by keyboard, and writes no coordinates', async () => {
    const page = await newPage({ viewport: PHONE });
    const requests = await recordRequests(page);
    try {
      await openForm(page);
      await page.getByRole('button', { name: 'Add a place' }).click();
      const finder = page.getByLabel('Town, village or postcode');
      await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-services-0-locations-0-find');
      await page.keyboard.type('bn43 5da');
      await page.keyboard.press('Enter');
      const status = page.locator('#f-services-0-locations-0-find-status');
      await expect.poll(() => status.textContent()).toMatch(/^Found: Shoreham-by-Sea, Adur\. The town, postcode and district are filled in below\./);
      await expect(page.locator('#f-services-0-locations-0-town').inputValue()).resolves.toBe('Shoreham-by-Sea');
      await expect(page.locator('#f-services-0-locations-0-postcode').inputValue()).resolves.toBe('BN43 5DA');
      await expect(page.locator('#f-services-0-locations-0-district').inputValue()).resolves.toBe('adur');
      // The status is announced: it is a live region tied to the box.
      expect((await finder.getAttribute('aria-describedby'))?.split(' ')).toContain('f-services-0-locations-0-find-status');
      await expect.poll(async () => ((await yamlOf(page)).services as { locations?: unknown[] }[])[0]?.locations).toEqual([{ town: 'Shoreham-by-Sea', postcode: 'BN43 5DA', district: 'adur', precision: 'exact' }]);
      expect(requests.urls.filter((u) => u.endsWith('/places.json'))).toHaveLength(1);
      expect(requests.foreign()).toEqual([]);
      expect(await runAxe(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('fills the town from a town name, and says so plainly when a place is outside Sussex or unknown', async () => {
    const page = await newPage({ viewport: PHONE });
    try {
      await openForm(page);
      await page.getByRole('button', { name: 'Add a place' }).click();
      const finder = page.getByLabel('Town, village or postcode');
      const status = page.locator('#f-services-0-locations-0-find-status');
      await finder.fill('Guildford');
      await page.getByRole('button', { name: 'Find the place' }).click();
      await expect.poll(() => status.textContent()).toMatch(/^Guildford is outside Sussex/);
      await expect(page.locator('#f-services-0-locations-0-town').inputValue()).resolves.toBe('');
      await finder.fill('Zzyzx');
      await finder.press('Enter');
      await expect.poll(() => status.textContent()).toMatch(/^We could not find “Zzyzx” in Sussex\./);
      await finder.fill('worthing');
      await finder.press('Tab');
      await expect.poll(() => page.locator('#f-services-0-locations-0-town').inputValue()).toBe('Worthing');
      await expect(page.locator('#f-services-0-locations-0-postcode').inputValue()).resolves.toBe('');
    } finally {
      await page.close();
    }
  });
});

describe('a place given only by postcode', () => {
  it("gets its town's coordinates at build, so the group reaches the map without a maintainer step", async () => {
    const page = await newPage({ viewport: PHONE });
    let yaml = '';
    try {
      await openForm(page);
      await page.getByLabel('Name of the organisation or group (required)').fill('Harbour Postcode Peer Group');
      await page.getByLabel('Summary (required)').fill('A made-up peer support group that meets by the harbour.');
      await page.getByRole('group', { name: /^Who runs it/ }).getByLabel('Peer-led group').check();
      await page.getByRole('group', { name: /^Areas it serves/ }).getByLabel('West Sussex').check();
      await page.getByLabel('Name of the service (required)').fill('Harbour group');
      await page.getByRole('group', { name: /^Who it is for/ }).getByLabel('Anyone with experience of mental distress').check();
      await page.getByRole('button', { name: 'Add a place' }).click();
      await page.keyboard.type('BN43 5DA');
      await page.keyboard.press('Enter');
      await expect.poll(() => page.locator('#f-services-0-locations-0-town').inputValue()).toBe('Shoreham-by-Sea');
      await page.getByLabel('What the source is (required)').fill('Phone call with the group');
      await page.getByLabel('Date the source shows (required)').fill('2026-12');
      await page.getByRole('button', { name: 'Check the answers' }).click();
      await expect(page.locator('[data-output-status]').textContent()).resolves.toBe('The file is ready.');
      yaml = (await page.locator('[data-yaml]').textContent()) ?? '';
    } finally {
      await page.close();
    }
    expect(yaml).not.toMatch(/latitude|longitude/);
    const d = makeDataDir({ providers: { 'harbour-postcode-peer-group.yaml': yaml } });
    cleanup.push(() => d.remove());
    const dataset = loadDataset(d.root);
    const loc = dataset.providers[0]!.data.services[0]!.locations![0]!;
    expect(placed(loc)).toMatchObject({ postcode: 'BN43 5DA', latitude: 50.834, longitude: -0.273 });
    // On the map, near the middle of Shoreham-by-Sea.
    const places = buildMapData(dataset, loadGazetteer(d.root)).places;
    expect(places.n.length).toBe(1);
  });
});
