// /contribute/ in a real browser, as a volunteer uses it: fill the form (several services, a place, a session),
// see the mistakes next to the fields, fix them, and get a file that the validator accepts and the site builds
// into a provider page. Also: the GitHub link, the copy/download fallback for long files, correcting a group
// (?edit=<slug>), the page without JavaScript, accessibility, and that nothing is sent off the machine.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { parse } from 'yaml';
import { readDataSources, validateDataDir } from '../../src/lib/dataset/dataset-fs.ts';
import { BRANCH, editFileUrl, REPOSITORY } from '../../src/lib/site-config.ts';
import { validateSources } from '../../src/lib/validate/index.ts';
import { makeDataDir } from '../helpers/data-dir.ts';
import { runAstroBuild } from '../helpers/run.ts';
import { collectConsole, gotoAndSettle, newPage, recordRequests, runAxe } from './harness.ts';

const dataDir = inject('dataDir');
const CHECKED = new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((f) => f()));

async function openForm(page: Page, query = ''): Promise<void> {
  await gotoAndSettle(page, `/contribute/${query}`);
  await page.waitForSelector('form[data-ready="true"]', { timeout: 10_000 });
}

const group = (page: Page, name: RegExp | string) => page.getByRole('group', { name });
const service = (page: Page, n: number) => page.locator(`#f-services-${n - 1}`);

/** Opens a closed "More details" part by its title, as a person does, so the fields in it can be filled in. */
async function openPart(scope: Page | ReturnType<Page['locator']>, title: string): Promise<void> {
  const summary = scope.locator('details.section > summary', { hasText: title }).first();
  if ((await summary.locator('xpath=..').getAttribute('open')) === null) await summary.click();
}

/** Leaves a field the way a person does (Tab), which is when its message appears. */
async function fillAndLeave(page: Page, label: string | RegExp, value: string, scope: Page | ReturnType<Page['locator']> = page): Promise<void> {
  const input = scope.getByLabel(label, { exact: typeof label === 'string' });
  await input.fill(value);
  await input.press('Tab');
}

async function errorFor(page: Page, id: string): Promise<string | null> {
  const slot = page.locator(`#${id}-error`);
  return (await slot.isVisible()) ? slot.textContent() : null;
}

/** The required answers for a group, with one service; the caller adds the rest. */
async function fillRequired(page: Page, name: string): Promise<void> {
  await fillAndLeave(page, 'Name of the organisation or group (required)', name);
  await fillAndLeave(page, 'Summary (required)', 'A made-up weekly peer support café by the harbour, for anyone who has lived with mental distress.');
  await group(page, /^Who runs it/).getByLabel('Peer-led group').check();
  await group(page, /^Areas it serves/).getByLabel('West Sussex').check();
  const first = service(page, 1);
  await fillAndLeave(page, 'Name of the service (required)', 'Tuesday café', first);
  await openPart(first, 'More about this service');
  await first.getByRole('group', { name: /^Kind of support/ }).getByLabel('Drop-in').check();
  await first.getByRole('group', { name: /^Who it is for/ }).getByLabel('Anyone with experience of mental distress').check();
  await fillAndLeave(page, 'What the source is (required)', 'Phone call with the group');
  // A date safely in the past keeps the file valid wherever the validator's "today" falls.
  await fillAndLeave(page, 'Date the source shows (required)', CHECKED);
}

describe('/contribute/ without JavaScript', () => {
  it('explains the other two ways, with working links, and hides the form', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await gotoAndSettle(page, '/contribute/');
    expect(await page.locator('h1').textContent()).toBe('Add or correct a group');
    const issue = page.getByRole('link', { name: 'Add a group on GitHub' });
    expect(await issue.getAttribute('href')).toBe(`https://github.com/${REPOSITORY}/issues/new?template=add-a-group.yml`);
    expect(await page.getByRole('link', { name: 'Read the guide to editing the files' }).getAttribute('href')).toBe(`https://github.com/${REPOSITORY}/blob/${BRANCH}/CONTRIBUTING.md`);
    // (Playwright's text search skips <noscript>, so the notice is found by its place.)
    const notice = page.locator('noscript .notice');
    await expect(notice.isVisible()).resolves.toBe(true);
    expect(await notice.textContent()).toMatch(/^The form needs JavaScript, which is turned off in your browser\. You can still use the other two ways above\.$/);
    await expect(page.locator('[data-contribute]').isVisible()).resolves.toBe(false);
    await expect(page.getByRole('link', { name: 'Go to the form' }).isVisible()).resolves.toBe(false);
    await page.close();
  });
});

describe('/contribute/ as a volunteer fills it in', () => {
  const name = 'Shoreham Harbour Peer Café';
  const slug = 'shoreham-harbour-peer-cafe';
  let yaml = '';

  it('shows mistakes next to their fields, sums them up, and makes a file once they are fixed', async () => {
    const page = await newPage();
    const requests = await recordRequests(page);
    const console = collectConsole(page);
    await openForm(page);
    expect(await page.locator('#form-title').textContent()).toBe('Add a group with the form');

    await fillRequired(page, name);
    // A wrong email address: the message appears next to the field when the volunteer moves on.
    await page.locator('#f-email').fill('hello at harbour');
    await page.locator('#f-email').press('Tab');
    expect(await errorFor(page, 'f-email')).toBe('Error: Email address must be an email address like name@example.org.');
    const email = page.locator('#f-email');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect((await email.getAttribute('aria-describedby'))?.split(' ')).toContain('f-email-error');

    // A place, added with the keyboard: focus goes to its first field.
    const first = service(page, 1);
    await first.getByRole('button', { name: 'Add a place' }).focus();
    await page.keyboard.press('Enter');
    // The first field of a new place is the box that finds it from a town or postcode.
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-services-0-locations-0-find');
    const place = page.locator('#f-services-0-locations-0');
    await fillAndLeave(page, 'Name of the venue', 'Harbour Hall', place);
    await fillAndLeave(page, 'Town or village', 'Shoreham-by-Sea', place);
    await fillAndLeave(page, 'Postcode', 'SW1A 1AA', place);
    expect(await errorFor(page, 'f-services-0-locations-0-postcode')).toMatch(/^Error: "SW1A 1AA" is not a Sussex postcode/);
    expect(await page.locator('#f-services-0-locations-0-postcode').getAttribute('aria-invalid')).toBe('true');

    // A session.
    await openPart(first, 'Regular days and times');
    await first.getByRole('button', { name: 'Add a session' }).click();
    const session = page.locator('#f-services-0-schedule-sessions-0');
    await session.getByLabel(/^Day/).selectOption({ label: 'Tuesday' });
    await fillAndLeave(page, /^Starts at/, '18:00', session);
    await fillAndLeave(page, /^Ends at/, '20:00', session);
    await session.getByLabel('Every week').check();

    // A second service, and a third that is removed again.
    await page.getByRole('button', { name: 'Add another service' }).click();
    const second = service(page, 2);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-services-1-name');
    await fillAndLeave(page, 'Name of the service (required)', 'Peer phone line', second);
    await second.getByRole('group', { name: /^Who it is for/ }).getByLabel('Anyone with experience of mental distress').check();
    await second.getByRole('group', { name: /^Online or by phone/ }).getByLabel('By phone or text').check();
    await page.getByRole('button', { name: 'Add another service' }).click();
    expect(await page.locator('[data-list="services"] > ol > li').count()).toBe(3);
    await page.getByRole('button', { name: 'Remove service 3' }).click();
    expect(await page.locator('[data-list="services"] > ol > li').count()).toBe(2);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-services-1--title');
    await expect.poll(() => page.locator('[data-announce]').textContent()).toBe('Service 3 removed.');

    // Checking: the summary at the top lists both mistakes, and takes the volunteer to each field.
    await page.getByRole('button', { name: 'Check the answers' }).click();
    const summary = page.locator('[data-error-summary]');
    await expect(summary.isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary'))).resolves.toBe(true);
    const items = await summary.locator('li').allTextContents();
    expect(items).toEqual([
      'Email address must be an email address like name@example.org.',
      expect.stringMatching(/^Service 1, place 1: "SW1A 1AA" is not a Sussex postcode/),
    ]);
    expect(await page.locator('[data-send-github]').isVisible()).toBe(false);
    expect(await runAxe(page)).toEqual([]);
    await summary.getByRole('link', { name: /^Email address/ }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('f-email');

    // Fixing them clears the messages as the volunteer types.
    await page.locator('#f-email').fill('hello@harbour-cafe.example.org');
    await page.locator('#f-services-0-locations-0-postcode').fill('BN43 5DA');
    await page.locator('#f-services-0-locations-0-postcode').press('Tab');
    await expect.poll(() => errorFor(page, 'f-email')).toBeNull();
    expect(await errorFor(page, 'f-services-0-locations-0-postcode')).toBeNull();
    await expect(summary.isVisible()).resolves.toBe(false);
    await page.getByRole('button', { name: 'Check the answers' }).click();
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('output-title');
    await expect(page.locator('[data-output-status]').textContent()).resolves.toBe('The file is ready.');

    // The file, and the link that opens it on GitHub.
    yaml = (await page.locator('[data-yaml]').textContent()) ?? '';
    expect(yaml.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/provider.schema.json');
    expect(await page.locator('[data-file-name]').textContent()).toBe(`data/providers/${slug}.yaml`);
    const link = page.getByRole('link', { name: 'Open on GitHub' });
    await expect(link.isVisible()).resolves.toBe(true);
    const url = new URL((await link.getAttribute('href')) ?? '');
    expect(`${url.origin}${url.pathname}`).toBe(`https://github.com/${REPOSITORY}/new/${BRANCH}`);
    expect(url.searchParams.get('filename')).toBe(`data/providers/${slug}.yaml`);
    expect(url.searchParams.get('value')).toBe(yaml);
    expect(url.href.length).toBeLessThanOrEqual(8000);
    await expect(page.locator('[data-send-copy]').isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-send-edit]').isVisible()).resolves.toBe(false);

    const data = parse(yaml);
    expect(data).toMatchObject({
      name,
      led_by: 'peer-led-group',
      email: 'hello@harbour-cafe.example.org',
      areas: ['west-sussex'],
      services: [
        {
          id: 'tuesday-cafe',
          name: 'Tuesday café',
          status: 'active',
          schedule: { sessions: [{ day: 'tuesday', start: '18:00', end: '20:00', frequency: 'weekly' }] },
          locations: [{ name: 'Harbour Hall', town: 'Shoreham-by-Sea', postcode: 'BN43 5DA', precision: 'exact' }],
        },
        { id: 'peer-phone-line', name: 'Peer phone line', delivery: ['phone'] },
      ],
      verification: { status: 'unverified', sources: [{ title: 'Phone call with the group', published: CHECKED }] },
    });
    expect(await runAxe(page)).toEqual([]);
    expect(requests.foreign()).toEqual([]);
    expect(requests.failures).toEqual([]);
    expect(console.errors()).toEqual([]);
    expect(console.cspViolations()).toEqual([]);
    await page.close();
  });

  it('checks what the validator checks beyond the schema, such as a session that ends before it starts', async () => {
    const page = await newPage();
    await openForm(page);
    await fillRequired(page, 'Bexhill Evening Circle');
    const first = service(page, 1);
    await openPart(first, 'Regular days and times');
    await first.getByRole('button', { name: 'Add a session' }).click();
    const session = page.locator('#f-services-0-schedule-sessions-0');
    await session.getByLabel(/^Day/).selectOption({ label: 'Thursday' });
    await fillAndLeave(page, /^Starts at/, '20:00', session);
    await fillAndLeave(page, /^Ends at/, '18:00', session);
    await session.getByLabel('Every week').check();
    await page.getByRole('button', { name: 'Check the answers' }).click();
    const items = await page.locator('[data-error-summary] li').allTextContents();
    expect(items).toEqual([expect.stringMatching(/^Service 1, session 1: .*ends at 18:00, which is not after it starts \(20:00\)/)]);
    expect(await errorFor(page, 'f-services-0-schedule-sessions-0-end')).toMatch(/ends at 18:00, which is not after it starts/);
    await page.close();
  });

  it('records that the areas are not known when the volunteer ticks the box, and leaves the field out when not', async () => {
    const page = await newPage();
    await openForm(page);
    await fillRequired(page, 'Somewhere Peer Circle');
    await page.getByRole('button', { name: 'Check the answers' }).click();
    await expect(page.locator('[data-output-status]').textContent()).resolves.toBe('The file is ready.');
    expect(await page.locator('[data-yaml]').textContent()).not.toContain('areas_unconfirmed');
    await openPart(page, 'More about the group');
    await page.getByLabel('We only know it works somewhere in Sussex, not which areas').check();
    await page.getByRole('button', { name: 'Check the answers' }).click();
    await expect.poll(() => page.locator('[data-yaml]').textContent()).toMatch(/\nareas_unconfirmed: true\n/);
    await page.close();
  });

  it('makes a file that passes the validator and builds into a provider page', () => {
    expect(yaml).not.toBe('');
    const d = makeDataDir({ providers: { [`${slug}.yaml`]: yaml } });
    const outDir = `${d.root}-site`;
    cleanup.push(() => d.remove(), () => rmSync(outDir, { recursive: true, force: true }));
    const inMemory = validateSources(readDataSources(d.root));
    expect(inMemory.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const onDisk = validateDataDir(d.root);
    expect(onDisk.problems).toEqual([]);
    expect(onDisk.dataset.providers.map((p) => p.slug)).toEqual([slug]);

    const r = runAstroBuild(d.root, outDir);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const page = path.join(outDir, 'providers', slug, 'index.html');
    expect(existsSync(page)).toBe(true);
    const html = readFileSync(page, 'utf8');
    // A name from a file is isolated with <bdi>, so a right-to-left name cannot reorder the text around it.
    expect(html).toContain(`<h1><bdi>${name}</bdi></h1>`);
    expect(html).toContain('Peer phone line');
  });
});

describe('/contribute/ with a long file', () => {
  it('offers Copy and Download, with instructions, instead of a link that would be too long', async () => {
    const page = await newPage();
    const requests = await recordRequests(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await openForm(page);
    await fillRequired(page, 'Long Description Peer Group');
    const words = 'We meet every week to talk, listen and share what helps, with tea and biscuits for everyone. ';
    await openPart(page, 'More about the group');
    await page.getByLabel(/^More about it/).fill(words.repeat(70).trim());
    await page.getByRole('button', { name: 'Check the answers' }).click();
    await expect(page.locator('[data-output-status]').textContent()).resolves.toBe('The file is ready.');
    await expect(page.getByRole('link', { name: 'Open on GitHub' }).isVisible()).resolves.toBe(false);
    const copyPart = page.locator('[data-send-copy]');
    await expect(copyPart.isVisible()).resolves.toBe(true);
    await expect(copyPart.textContent()).resolves.toMatch(/too long to open on GitHub in one step/);
    const yaml = (await page.locator('[data-yaml]').textContent()) ?? '';
    expect(encodeURIComponent(yaml).length).toBeGreaterThan(8000);

    await copyPart.getByRole('button', { name: 'Copy the text of the file' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(yaml);
    const [download] = await Promise.all([page.waitForEvent('download'), copyPart.getByRole('button', { name: 'Download the file' }).click()]);
    expect(download.suggestedFilename()).toBe('long-description-peer-group.yaml');
    expect(readFileSync(await download.path(), 'utf8')).toBe(yaml);

    const newPageLink = new URL((await copyPart.getByRole('link', { name: /new file/ }).getAttribute('href')) ?? '');
    expect(`${newPageLink.origin}${newPageLink.pathname}`).toBe(`https://github.com/${REPOSITORY}/new/${BRANCH}`);
    expect(newPageLink.searchParams.get('filename')).toBe('data/providers/long-description-peer-group.yaml');
    expect(newPageLink.searchParams.has('value')).toBe(false);
    expect(requests.foreign()).toEqual([]);
    await page.close();
  });
});

describe('/contribute/?edit=<slug>', () => {
  const slug = 'fixture-kemptown-peer-hub';
  const file = `data/providers/${slug}.yaml`;
  const original = parse(readFileSync(path.join(dataDir, 'providers', `${slug}.yaml`), 'utf8')) as { name: string; services: unknown[] };

  it('fills the form with the group’s current details and offers the GitHub edit link', async () => {
    const page = await newPage();
    const requests = await recordRequests(page);
    const console = collectConsole(page);
    await openForm(page, `?edit=${slug}`);
    expect(await page.locator('#form-title').textContent()).toBe(`Correct ${original.name}`);
    expect(await page.locator('#f-name').inputValue()).toBe(original.name);
    expect(await page.locator('[data-list="services"] > ol > li').count()).toBe(original.services.length);
    expect(await page.locator('#f-services-0-locations-0-postcode').inputValue()).toBe('BN2 1AA');
    expect(await page.locator('#f-services-0-schedule-sessions-0-start').inputValue()).toBe('13:00');
    await expect(page.locator('[data-output-status]').textContent()).resolves.toBe('The corrected file is ready.');
    // Untouched, the form gives back the same data, under the same file name.
    expect(parse((await page.locator('[data-yaml]').textContent()) ?? '')).toEqual(original);
    expect(await page.locator('[data-file-name]').textContent()).toBe(file);
    const edit = page.locator('[data-send-edit]');
    await expect(edit.isVisible()).resolves.toBe(true);
    expect(await edit.getByRole('link', { name: /Open the group's file on GitHub/ }).getAttribute('href')).toBe(editFileUrl(file));
    await expect(page.getByRole('link', { name: 'Open on GitHub' }).isVisible()).resolves.toBe(false);
    await expect(page.locator('[data-send-copy]').isVisible()).resolves.toBe(false);
    await expect(edit.getByRole('button', { name: 'Copy the text of the file' }).isVisible()).resolves.toBe(true);
    // The fixture's file has a note of its own ("A made-up provider…") that the form cannot keep: it says so.
    await expect(page.locator('[data-edit-inexact]').isVisible()).resolves.toBe(true);
    await expect(edit.getByRole('button', { name: 'Download the file' }).isVisible()).resolves.toBe(true);

    // A correction shows in the file.
    await page.locator('#f-summary').fill('A corrected summary.');
    await expect.poll(async () => parse((await page.locator('[data-yaml]').textContent()) ?? '').summary).toBe('A corrected summary.');
    expect(await runAxe(page)).toEqual([]);
    expect(requests.urls.filter((u) => u.includes('/contribute/providers/'))).toEqual([expect.stringMatching(/\/contribute\/providers\/\d+\.json$/)]);
    expect(requests.foreign()).toEqual([]);
    expect(console.errors()).toEqual([]);
    await page.close();
  });

  it('gives back a group’s file exactly as it is, when nothing is changed (so a correction changes only what it should)', async () => {
    const dir = path.join(dataDir, 'providers');
    // The directory's own files (not the browser fixtures, which carry a note of their own): each has the
    // schema line, and either the schema's comments (as `npm run new` writes) or no comments at all.
    const plain = readdirSync(dir)
      .filter((f) => f.endsWith('.yaml') && !f.startsWith('fixture-'))
      .filter((f) => readFileSync(path.join(dir, f), 'utf8').split('\n').slice(1).every((l) => !l.startsWith('#')));
    expect(plain.length).toBeGreaterThan(0);
    const page = await newPage();
    for (const f of plain) {
      await openForm(page, `?edit=${f.replace(/\.yaml$/, '')}`);
      await expect(page.locator('[data-output-status]').textContent()).resolves.toBe('The corrected file is ready.');
      expect(await page.locator('[data-yaml]').textContent(), f).toBe(readFileSync(path.join(dir, f), 'utf8'));
      await expect(page.locator('[data-edit-inexact]').isVisible()).resolves.toBe(false);
    }
    await page.close();
  });

  it('says so when there is no such group, and offers the empty form', async () => {
    const page = await newPage();
    await openForm(page, '?edit=no-such-group');
    await expect(page.locator('[data-edit-note]').textContent()).resolves.toMatch(/There is no group called “no-such-group”/);
    expect(await page.locator('#f-name').inputValue()).toBe('');
    await page.close();
  });
});
