// The real `astro build` on temporary data folders: invalid data never becomes a site (three builds, a few seconds
// each), and a directory too big for one page per list still has every list page bounded (one build of 400).
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../src/lib/dataset/dataset-fs.ts';
import { bookletAreas, HOME_LIST_LIMIT } from '../src/lib/directory.ts';
import { PAGE_SIZE } from '../src/lib/pagination.ts';
import { generateSynthetic } from '../bench/lib/synthetic.ts';
import { loadVocabularies } from '../src/lib/validate/index.ts';
import { makeDataDir, provider, readFixture, vocabSources, type TempDataDir } from './helpers/data-dir.ts';
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
      `${d.at('providers', 'typo.yaml')}:9:15: error: services[0].formats[0]: "grup" is not a known format — did you mean "group"? (see ${d.at('vocab', 'formats.yaml')})`,
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
    // The security headers for hosts that read _headers, and only the logos a signatory names.
    expect(readFileSync(path.join(r.outDir, '_headers'), 'utf8')).toMatch(/^\/\*\n  Content-Security-Policy: default-src 'self';.*frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n/m);
    expect(readdirSync(path.join(r.outDir, 'logos'))).toEqual(logoFixtures());
    // Links to a group's website send it nothing about the visitor's page.
    expect(readFileSync(path.join(dir, 'every-field', 'index.html'), 'utf8')).toMatch(/<a class="button" href="https:[^"]+" rel="external noopener noreferrer">Website:/);
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

  it('says "We do not know of any peer support based here yet" only on the districts of an area nothing serves, with where else to look', () => {
    // every-field serves Brighton & Hove and East Sussex (in person in Lewes), and nothing in West Sussex.
    const d = makeDataDir({ providers: { 'every-field.yaml': readFixture('providers', 'valid', 'every-field.yaml') } });
    const r = build(d);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    const page = (p: string) => readFileSync(path.join(r.outDir, p, 'index.html'), 'utf8');
    const NONE = 'We do not know of any peer support based here yet';
    const adur = page('areas/west-sussex/adur');
    expect(adur).toContain(NONE);
    expect(links(adur)).toEqual(expect.arrayContaining(['/areas/west-sussex/whole-area/', '/contribute/', 'tel:111', 'tel:116123', 'tel:999']));
    expect(adur).not.toContain('<li class="card"');
    for (const served of ['areas/east-sussex/rother', 'areas/east-sussex/lewes', 'areas/brighton-and-hove/brighton-and-hove']) {
      expect(page(served), served).not.toContain(NONE);
      expect(page(served), served).toContain('<li class="card"');
    }
    expect(page('areas/east-sussex/lewes')).toMatch(/<h2[^>]*>Meets in Lewes<\/h2>/);
  });

  it('stops a build for a host without SITE_URL, saying what to set, so the placeholder domain never goes live', () => {
    const d = makeDataDir({ providers: { 'one.yaml': provider('One') } });
    for (const env of [{ REQUIRE_SITE_URL: '1' }, { CF_PAGES: '1' }] as Record<string, string>[]) {
      const r = build(d, env);
      expect(r.status).not.toBe(0);
      expect(`${r.stdout}\n${r.stderr}`).toMatch(/SITE_URL is not set, so the pages built for .* would link, share and make QR codes to https:\/\/sussex-peer-support\.example\. Set SITE_URL/);
      expect(existsSync(path.join(r.outDir, 'index.html'))).toBe(false);
    }
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

/** Links on a built page, as paths with the index.html left off. */
function links(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\shref="([^"#?]+)/g)].map((m) => m[1]!);
}

describe('astro build of a directory too big for one page per list (400 made-up providers)', () => {
  let out = '';
  let slugs: string[] = [];
  let dataRoot = '';
  const page = (p: string) => readFileSync(path.join(out, p.replace(/^\//, ''), 'index.html'), 'utf8');
  const LIST = /^\/(?:providers\/$|a-z\/|areas\/|communities\/|print\/)/;

  beforeAll(() => {
    const { vocab } = loadVocabularies(vocabSources());
    const files = Object.fromEntries(generateSynthetic({ count: 400, vocab }).providers.map((f) => [f.path, f.content]));
    const d = makeDataDir({ files });
    dataRoot = d.root;
    slugs = Object.keys(files).map((f) => path.basename(f, '.yaml'));
    const r = build(d);
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
    out = r.outDir;
  }, 240_000);

  it('shows the ways in on the home page instead of listing every provider', () => {
    expect(slugs.length).toBeGreaterThan(HOME_LIST_LIMIT);
    const home = links(page('/'));
    expect(home.filter((l) => /^\/providers\/[^/]+\/$/.test(l))).toEqual([]);
    expect(home).toContain('/providers/');
    expect(home).toContain('/a-z/s/');
  });

  it('reaches every provider through plain HTML list pages from the home page', () => {
    const seen = new Set(['/']);
    const queue = ['/'];
    const reached = new Set<string>();
    while (queue.length) {
      for (const link of links(page(queue.shift()!))) {
        const slug = /^\/providers\/([^/]+)\/$/.exec(link)?.[1];
        if (slug) reached.add(slug);
        else if (LIST.test(link) && !link.startsWith('/print/') && !seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    expect(slugs.filter((s) => !reached.has(s))).toEqual([]);
    expect([...seen]).toEqual(expect.arrayContaining(['/a-z/s/2/', '/areas/west-sussex/whole-area/2/']));
  });

  it('keeps every list page within 100 entries and 20 KB gzipped', () => {
    const lists = htmlFiles(out).filter((f) => LIST.test(`/${path.relative(out, path.dirname(f))}/`) || f === path.join(out, 'index.html'));
    expect(lists.length).toBeGreaterThan(40);
    for (const file of lists) {
      const html = readFileSync(file, 'utf8');
      const entries = (html.match(/<li class="(?:card|booklet-entry)"/g) ?? []).length;
      expect(entries, path.relative(out, file)).toBeLessThanOrEqual(PAGE_SIZE);
      expect(gzipSync(html).length, path.relative(out, file)).toBeLessThanOrEqual(20 * 1024);
    }
  });

  it('gives every district page of every area services under layer headings, never "We do not know of any peer support based here yet"', () => {
    const { vocab } = loadDataset(dataRoot);
    const districts = vocab.districts.terms.map((d) => `/areas/${d.area}/${d.id}/`);
    expect(districts.length).toBeGreaterThan(10);
    for (const d of districts) {
      const html = page(d);
      expect(html, d).not.toContain('We do not know of any peer support based here yet');
      expect((html.match(/<li class="card"/g) ?? []).length, d).toBeGreaterThan(0);
      expect(html, d).toMatch(/<section class="layer"[^>]*>\s*<h2[^>]*>(?:Meets in|Covers|Online or by phone|Somewhere in Sussex|Elsewhere in)/);
    }
  });

  it('links the pages of a long list with rel prev and next, marking the current page', () => {
    const first = page('/a-z/s/');
    const second = page('/a-z/s/2/');
    expect(first).toMatch(/<a href="\/a-z\/s\/2\/" rel="next"/);
    expect(first).not.toContain('rel="prev"');
    expect(second).toMatch(/<a href="\/a-z\/s\/" rel="prev"/);
    expect(second).toMatch(/<a href="\/a-z\/s\/2\/" aria-current="page"/);
    expect(second).toMatch(/<nav class="pagination[^"]*" aria-label="[^"]+"/);
    const last = readdirSync(path.join(out, 'a-z', 's')).filter((n) => /^\d+$/.test(n)).sort((a, b) => Number(b) - Number(a))[0]!;
    expect(page(`/a-z/s/${last}/`)).not.toContain('rel="next"');
  });

  it('makes /print/ an index of district booklets that together hold every running service of each area', () => {
    const index = links(page('/print/'));
    const booklets = index.filter((l) => /^\/print\/[^/]+\/[^/]+\/$/.test(l));
    expect(booklets.length).toBeGreaterThan(3);
    const areas = bookletAreas(loadDataset(dataRoot));
    for (const { area, groups } of areas) {
      const expected = groups.reduce((n, g) => n + g.items.length, 0);
      const dir = path.join(out, 'print', area);
      const printed = htmlFiles(dir).reduce((n, f) => n + (readFileSync(f, 'utf8').match(/<li class="booklet-entry"/g) ?? []).length, 0);
      expect(printed, area).toBe(expected);
    }
  });
});
