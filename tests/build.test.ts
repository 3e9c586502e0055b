// The real `astro build` on temporary data folders: invalid data never becomes a site. Three builds, a few seconds each.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeDataDir, provider, readFixture, type TempDataDir } from './helpers/data-dir.ts';
import { fixtureFiles, logoFixtures } from './helpers/fixtures.ts';
import { runAstroBuild } from './helpers/run.ts';

const cleanup: (() => void)[] = [];
afterAll(() => cleanup.forEach((f) => f()));

function build(d: TempDataDir, env: Record<string, string> = {}) {
  const outDir = `${d.root}-site`;
  cleanup.push(() => d.remove(), () => rmSync(outDir, { recursive: true, force: true }));
  return { ...runAstroBuild(d.root, outDir, env), outDir };
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => path.join(e.parentPath, e.name));
}

const named = (files: { path: string; bytes: string | Uint8Array }[]) => Object.fromEntries(files.map((f) => [f.path.split('/').pop()!, f.bytes]));

describe('astro build', () => {
  it('fails, printing the validator\'s file:line:col: error: message, when one provider file is invalid', () => {
    const d = makeDataDir({
      providers: {
        'every-field.yaml': readFixture('providers', 'valid', 'every-field.yaml'),
        'typo.yaml': provider('Typo Group').replace('formats: [group]', 'formats: [grup]'),
      },
    });
    const r = build(d);
    expect(r.status, r.stdout).not.toBe(0);
    expect(`${r.stdout}\n${r.stderr}`).toContain(
      `${d.at('providers', 'typo.yaml')}:9:15: error: services[0].formats[0]: "grup" is not a known format — did you mean "group"? (see data/vocab/formats.yaml)`,
    );
    expect(existsSync(path.join(r.outDir, 'providers', 'typo', 'index.html'))).toBe(false);
  });

  it('makes exactly one page per provider file from valid data', () => {
    const providers = named(fixtureFiles('providers', 'valid'));
    const d = makeDataDir({ providers, signatories: named(fixtureFiles('signatories', 'valid')), logos: logoFixtures() });
    const r = build(d);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const dir = path.join(r.outDir, 'providers');
    const pages = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'index.html')))
      .map((e) => e.name)
      .sort();
    const slugs = Object.keys(providers).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(slugs.length).toBeGreaterThan(5);
    expect(pages).toEqual(slugs);
  });

  it('refuses a description containing <script> or other HTML, and builds nothing from it', () => {
    const d = makeDataDir({
      providers: {
        'script.yaml': provider('Script Group', 'description: Hello <script>alert(document.cookie)</script>\n'),
        'bold.yaml': provider('Bold Group').replace('    name: Weekly group\n', '    name: Weekly group\n    description: "<b onmouseover=alert(1)>Hi</b>"\n'),
      },
    });
    const r = build(d);
    const output = `${r.stdout}\n${r.stderr}`;
    expect(r.status, output).not.toBe(0);
    expect(output).toContain(`${d.at('providers', 'script.yaml')}:15:14: error: description: contains HTML, which is not allowed.`);
    expect(output).toContain(`${d.at('providers', 'bold.yaml')}:8:18: error: services[0].description: contains HTML, which is not allowed.`);
    expect(existsSync(path.join(r.outDir, 'providers', 'script', 'index.html'))).toBe(false);
  });

  it('deploys under a sub-path: every link, canonical URL and sitemap entry carries the base path', () => {
    const d = makeDataDir({ providers: { 'every-field.yaml': readFixture('providers', 'valid', 'every-field.yaml') } });
    const r = build(d, { BASE_PATH: '/directory/', SITE_URL: 'https://example.org' });
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const page = readFileSync(path.join(r.outDir, 'providers', 'every-field', 'index.html'), 'utf8');
    expect(page).toContain('<link rel="canonical" href="https://example.org/directory/providers/every-field/">');
    expect(readFileSync(path.join(r.outDir, 'index.html'), 'utf8')).toContain('href="/directory/providers/every-field/"');
    const sitemap = readFileSync(path.join(r.outDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>https://example.org/directory/providers/every-field/</loc>');
    expect(sitemap).not.toMatch(/<loc>https:\/\/example\.org\/(?!directory\/)/);
    for (const file of htmlFiles(r.outDir)) {
      const html = readFileSync(file, 'utf8');
      const rootLinks = [...html.matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)].map((m) => m[1]!).filter((u) => !u.startsWith('/directory/'));
      expect(rootLinks, path.relative(r.outDir, file)).toEqual([]);
    }
  });
});
