// "Send by email": with CORRECTIONS_EMAIL set, a group's page, the form and the privacy page offer a mailto:
// link carrying the correction (the page, the file, or the removal request); without it (the shared test
// build), no page shows "Send by email" or any promise of email. The site with the setting is built here.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { runAstroBuild } from '../helpers/run.ts';
import { gotoAndSettle, newPage, runAxe } from './harness.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

const EMAIL = 'corrections@example.org';
const slug = 'fixture-kemptown-peer-hub';
let server: StaticServer;
let work: string;

beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'spsd-email-'));
  const r = runAstroBuild(inject('dataDir'), path.join(work, 'dist'), { BASE_PATH: '/', CORRECTIONS_EMAIL: EMAIL });
  if (r.status !== 0) throw new Error(`The build with CORRECTIONS_EMAIL failed:\n${r.stdout}\n${r.stderr}`);
}, 240_000);
beforeAll(async () => {
  server = await startStaticServer(path.join(work, 'dist'));
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

/** The address, subject and body of a mailto: link as a mail program reads them. */
function mail(href: string | null): { to: string; subject: string; body: string } {
  expect(href).toMatch(/^mailto:/);
  const u = new URL(href!);
  return { to: decodeURIComponent(u.pathname), subject: u.searchParams.get('subject') ?? '', body: (u.searchParams.get('body') ?? '').replace(/\r\n/g, '\n') };
}

async function emailHref(page: Page, name: string | RegExp): Promise<string | null> {
  return page.getByRole('link', { name }).getAttribute('href');
}

describe('with CORRECTIONS_EMAIL set', () => {
  test('a group page offers "Send by email" beside "Suggest a correction", carrying the group and its page address', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, `${server.url}/providers/${slug}/`);
      const name = (await page.locator('h1').textContent())!;
      const m = mail(await emailHref(page, 'Send by email'));
      expect(m.to).toBe(EMAIL);
      expect(m.subject).toBe(`Correction: ${name}`);
      expect(m.body).toMatch(new RegExp(`^Page: https?://[^\\s]+/providers/${slug}/\\n`));
      await expect(page.getByText(`a message to ${EMAIL}`).isVisible()).resolves.toBe(true);
      expect(await runAxe(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('the form, correcting a group, sends the corrected file by email', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, `${server.url}/contribute/?edit=${slug}`);
      await page.waitForSelector('form[data-ready="true"]', { timeout: 10_000 });
      await page.getByLabel('Summary (required)').fill('A corrected summary for the email test, in plain words.');
      await page.getByRole('button', { name: 'Check the answers' }).click();
      const link = page.getByRole('link', { name: 'Send by email' });
      await expect(link.isVisible()).resolves.toBe(true);
      const m = mail(await link.getAttribute('href'));
      expect(m.to).toBe(EMAIL);
      expect(m.subject).toMatch(/^Correction: /);
      expect(m.body).toContain(`File: data/providers/${slug}.yaml`);
      expect(m.body).toContain('A corrected summary for the email test, in plain words.');
      expect(await runAxe(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });

  test('a file too long for a mailto: link is copied into the message by hand, with a button to copy it', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, `${server.url}/contribute/?edit=${slug}`);
      await page.waitForSelector('form[data-ready="true"]', { timeout: 10_000 });
      const more = page.locator('details.section > summary', { hasText: 'More about the group' }).first();
      if ((await more.locator('xpath=..').getAttribute('open')) === null) await more.click();
      await page.getByLabel(/^More about it/).fill('We meet every week to talk, listen and share what helps. '.repeat(150).trim());
      await page.getByRole('button', { name: 'Check the answers' }).click();
      const m = mail(await emailHref(page, 'Send by email'));
      expect(m.body).toContain('(Paste the text of the file here.)');
      await expect(page.locator('[data-email-long]').isVisible()).resolves.toBe(true);
      await expect(page.locator('[data-email-long]').getByRole('button', { name: 'copy the text of the file' }).isVisible()).resolves.toBe(true);
    } finally {
      await page.close();
    }
  });

  test('the privacy page offers an email for removal requests, and the contribute page a way without GitHub', async () => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, `${server.url}/privacy/`);
      const m = mail(await emailHref(page, `send an email to ${EMAIL}`));
      expect(m.subject).toBe('Please remove personal details');
      expect(await runAxe(page)).toEqual([]);
      await gotoAndSettle(page, `${server.url}/contribute/`);
      expect(mail(await emailHref(page, `Email us at ${EMAIL}`)).to).toBe(EMAIL);
    } finally {
      await page.close();
    }
  });
});

describe('without CORRECTIONS_EMAIL (the shared test build)', () => {
  test.each([`/providers/${slug}/`, '/privacy/', '/contribute/', `/contribute/?edit=${slug}`])('%s neither offers nor mentions sending by email', async (where) => {
    const page = await newPage();
    try {
      await gotoAndSettle(page, where);
      if (where.includes('edit=')) {
        await page.waitForSelector('form[data-ready="true"]', { timeout: 10_000 });
        await page.getByRole('button', { name: 'Check the answers' }).click();
      }
      await expect(page.locator('[data-send-email], [data-send-email-box], [data-email-link]').count()).resolves.toBe(0);
      await expect(page.locator('main').textContent()).resolves.not.toMatch(/send (it )?by email|email us/i);
    } finally {
      await page.close();
    }
  });
});
