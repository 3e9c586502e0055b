// Every form of a short link people may type from a poster reaches the provider page: as printed, without the
// trailing slash, in any letter case, with a full stop after it. Checked on the test server (which serves
// folders and 404.html as GitHub Pages does) and under `astro preview`, which is what `npm start` serves.
import { spawn, type ChildProcess } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { PROJECT_ROOT } from './global-setup.ts';
import { newPage, runAxe, siteUrl } from './harness.ts';

const slugs = inject('providerSlugs');
// A real provider with a hyphen in its slug, so "Every-Word-Capitalised" differs from the slug in more than one place.
const slug = slugs.find((s) => s === 'capital-project-trust') ?? slugs.find((s) => s.includes('-')) ?? slugs[0]!;
const capitalised = slug.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase());

/** The forms of one short link, each with whether it needs JavaScript (the 404 page's script) to arrive. */
const FORMS: [form: string, needsScript: boolean][] = [
  [`/p/${slug}/`, false],
  [`/p/${slug}`, false],
  [`/P/${capitalised}/`, true],
  [`/P/${capitalised}`, true],
  [`/p/${slug.toUpperCase()}`, true],
  [`/p/${slug}.`, true],
];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let preview: ChildProcess | undefined;
let previewUrl = '';

beforeAll(async () => {
  const port = await freePort();
  const astro = realpathSync(path.join(PROJECT_ROOT, 'node_modules/.bin/astro'));
  preview = spawn(process.execPath, [astro, 'preview', '--ignore-lock', '--outDir', inject('distDir'), '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT_ROOT,
    // --ignore-lock: runs in the foreground beside any 'npm start' of this folder, and stops with the tests.
    env: { ...process.env, BASE_PATH: '/', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: 'ignore',
  });
  previewUrl = `http://127.0.0.1:${port}`;
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${previewUrl}/`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) throw new Error('astro preview did not start within 30 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}, 40_000);

afterAll(() => {
  preview?.kill();
});

const STATIC = 'the static test server (it serves folders and 404.html as GitHub Pages does)';
const origin = (server: string) => (server === STATIC ? siteUrl('/').replace(/\/$/, '') : previewUrl);

describe.each([STATIC, 'astro preview (npm start)'])('short links on %s', (server) => {
  test.each(FORMS)('%s reaches the provider page', async (form, needsScript) => {
    for (const javaScriptEnabled of needsScript ? [true] : [true, false]) {
      const page = await newPage({ javaScriptEnabled });
      try {
        await page.goto(`${origin(server)}${form}`);
        await page.waitForURL(`**/providers/${slug}/`, { timeout: 10_000 });
        await expect(page.locator('h1').textContent()).resolves.toBeTruthy();
      } finally {
        await page.close();
      }
    }
  });

  test('an address that matches no page in any case stays on the "not found" page, with status 404', async () => {
    const page = await newPage();
    try {
      const response = await page.goto(`${origin(server)}/P/No-Such-Group`);
      expect(response?.status()).toBe(404);
      await page.waitForTimeout(500);
      expect(new URL(page.url()).pathname).toBe('/P/No-Such-Group');
      await expect(page.locator('h1').textContent()).resolves.toMatch(/cannot find that page/);
    } finally {
      await page.close();
    }
  });
});

test('the printed short link on a provider page is the form with the trailing slash, and it opens the page', async () => {
  const page = await newPage();
  try {
    await page.goto(siteUrl(`/providers/${slug}/`));
    const printed = (await page.locator('.share-short a').textContent())!.trim();
    expect(printed).toMatch(new RegExp(`/p/${slug}/$`));
    await page.goto(siteUrl(printed.slice(printed.indexOf('/'))));
    await page.waitForURL(`**/providers/${slug}/`, { timeout: 10_000 });
  } finally {
    await page.close();
  }
});

test('axe finds nothing wrong on the "not found" page', async () => {
  const page = await newPage();
  try {
    await page.goto(siteUrl('/no-such-page/'));
    expect(await runAxe(page)).toEqual([]);
  } finally {
    await page.close();
  }
});
