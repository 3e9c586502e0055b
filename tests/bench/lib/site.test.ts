// Reading a finished build for the benchmark: Astro's log, pages grouped by route, and the sizes of the files.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dirBytes, duration, gzipBytes, listOutput, meanFileBytes, parseAstroLog, routeOf, sizeByRoute, timeByRoute } from '../../../bench/lib/site.ts';
import { tempDirs } from '../../helpers/temp-dirs.ts';

const temp = tempDirs('bench-site');

// Astro's terminal colours, as it writes them when colour is on.
const dim = (s: string) => `\x1b[2m${s}\x1b[22m`;
const blue = (s: string) => `\x1b[34m${s}\x1b[39m`;
const green = (s: string) => `\x1b[32m${s}\x1b[39m`;
const red = (s: string) => `\x1b[31m${s}\x1b[39m`;
const bold = (s: string) => `\x1b[1m${s}\x1b[22m`;
const line = (time: string, label: string, text: string) => `${dim(time)} ${blue(`[${label}]`)} ${text}`;
const page = (time: string, tree: string, file: string, took: string, slow = false) => `${dim(time)}   ${blue(tree)} ${dim(file)} ${(slow ? red : dim)(`(+${took})`)} `;
/** Pages with their times, as parseAstroLog lists them: [path, ms] pairs. */
const timed = (...list: [string, number][]) => list.map(([path, ms]) => ({ path, ms }));
const BANNER = `\x1b[42m\x1b[30m generating static routes \x1b[39m\x1b[49m`;

/** A build of the site at 10,000 providers, shortened to a few pages: the integration's lines and Astro's own. */
const SITE_LOG = [
  line('02:03:41', 'types', `Generated ${dim('58ms')}`),
  line('02:03:41', 'sussex-directory-build', 'Data: 10000 providers loaded and validated in 4985ms.'),
  line('02:03:41', 'sussex-directory-build', 'Provider files: 12260 calendars and correction data in 10432ms, while Pagefind indexed.'),
  line('02:04:04', 'sussex-directory-build', 'Search index: 10000 providers in 22966ms.'),
  line('02:04:23', 'sussex-directory-build', 'Open data: 27 files in 19218ms.'),
  line('02:04:23', 'build', 'Collecting build info...'),
  line('02:04:24', 'build', green('✓ Completed in 1.03s.')),
  line('02:04:24', 'build', 'Building static entrypoints...'),
  line('02:04:30', 'vite', green('✓ built in 5.61s')),
  BANNER,
  page('02:04:31', '├─', '/404.html', '12ms'),
  page('02:04:32', '├─', '/about/index.html', '743ms', true),
  page('02:05:23', '├─', '/providers/hove-peer-support/index.html', '7ms'),
  page('02:05:23', '├─', '/providers/lewes-walk-and-talk/index.html', '1.2s', true),
  page('02:05:23', '├─', '/communities/lgbtq/index.html', '58.20s', true),
  page('02:05:24', '└─', '/index.html', '1.2s', true),
  `${dim('02:05:24')} ${green('✓ Completed in 41.24s.\n')}`,
  line('02:05:25', 'build', green('✓ Completed in 44.80s.')),
  line('02:05:26', 'sussex-directory-build', 'Share files: 10000 short links in 1533ms.'),
  line('02:05:40', 'sussex-directory-build', 'Link previews: 12 drawn, 9989 from the cache in 2874ms.'),
  line('02:05:55', 'build', `11062 page(s) built in ${bold('1m 31s')}`),
  line('02:05:55', 'build', bold('Complete!')),
].join('\n');

/** A bare Astro project's build: Astro's lines only, none of the site's integration. */
const BARE_LOG = [
  line('02:06:01', 'build', 'Collecting build info...'),
  BANNER,
  page('02:06:02', '├─', '/page-1/index.html', '31ms'),
  page('02:06:02', '├─', '/page-2/index.html', '2ms'),
  `${dim('02:06:02')} ${green('✓ Completed in 790ms.\n')}`,
  line('02:06:03', 'build', `2 page(s) built in ${bold('2.09s')}`),
].join('\n');

describe('duration', () => {
  it.each([
    ['743ms', 743],
    ['58.20s', 58_200],
    ['1m 8s', 68_000],
    ['2m 0s', 120_000],
    ['0ms', 0],
  ])('reads Astro\'s "%s" as %i milliseconds', (text, ms) => {
    expect(duration(text)).toBe(ms);
  });

  it('reads text with no duration in it as no time at all', () => {
    expect(duration('')).toBe(0);
    expect(duration('Complete!')).toBe(0);
  });
});

describe('parseAstroLog', () => {
  it("reads the time of every page from Astro's log, in milliseconds, without its colour codes", () => {
    expect(parseAstroLog(SITE_LOG).pages).toEqual(
      timed(
        ['/404.html', 12],
        ['/about/index.html', 743],
        ['/providers/hove-peer-support/index.html', 7],
        ['/providers/lewes-walk-and-talk/index.html', 1200],
        ['/communities/lgbtq/index.html', 58_200],
        ['/index.html', 1200],
      ),
    );
  });

  it('gives each time to the page it belongs to when pages are built four at a time, and keeps the times printed last on lines of their own', () => {
    // Astro prints a path when its page starts, with no line break, and a time when a page ends: the first pages
    // share a line, and the last times come on lines without a path.
    const started = (time: string, file: string) => `${dim(time)}   ${blue('├─')} ${dim(file)}`;
    const ended = (took: string) => ` ${dim(`(+${took})`)} `;
    const log = [
      BANNER,
      started('10:00:01', '/404.html') + started('10:00:01', '/a-z/a/index.html') + started('10:00:01', '/a-z/b/index.html') + started('10:00:01', '/a-z/c/index.html') + ended('40ms'),
      started('10:00:01', '/providers/a/index.html') + ended('41ms'),
      started('10:00:01', '/providers/b/index.html') + ended('1m 2s'),
      `${dim('10:01:04')}   ${blue('└─')} ${dim('/index.html')}${ended('3ms')}`,
      ended('4ms'),
      ended('5ms'),
      ended('6ms'),
    ].join('\n');
    expect(parseAstroLog(log).pages).toEqual(
      timed(['/404.html', 40], ['/a-z/a/index.html', 41], ['/a-z/b/index.html', 62_000], ['/a-z/c/index.html', 3], ['/providers/a/index.html', 4], ['/providers/b/index.html', 5], ['/index.html', 6]),
    );
  });

  it('takes the time of "generating static routes" from its own "Completed in", not from the steps before or after it', () => {
    // 1.03 s is "Collecting build info" and 44.80 s the static build as a whole: neither is page generation.
    expect(parseAstroLog(SITE_LOG).generateMs).toBe(41_240);
  });

  it('reads the page count and the whole build\'s time from "N page(s) built in", not from Vite\'s "built in"', () => {
    const log = parseAstroLog(SITE_LOG);
    expect(log.pageCount).toBe(11_062);
    expect(log.totalMs).toBe(91_000);
  });

  it("reads the integration's own lines: data, search index, open data, short links, provider files and link previews", () => {
    const log = parseAstroLog(SITE_LOG);
    expect(log).toMatchObject({
      previewsDrawn: 12,
      previewsReused: 9989,
      previewsMs: 2874,
      dataLoadMs: 4985,
      searchIndexMs: 22_966,
      openDataMs: 19_218,
      shareFiles: 10_000,
      shareFilesMs: 1533,
      providerFiles: 12_260,
      providerFilesMs: 10_432,
    });
  });

  it('reads the older wording of the short-link line ("N files") too', () => {
    const log = parseAstroLog(line('02:05:26', 'sussex-directory-build', 'Share files: 20350 files in 3021ms.'));
    expect(log.shareFiles).toBe(20_350);
    expect(log.shareFilesMs).toBe(3021);
  });

  it("leaves out the integration's figures when the log has none of its lines, rather than giving NaN", () => {
    const log = parseAstroLog(BARE_LOG);
    for (const field of ['dataLoadMs', 'searchIndexMs', 'openDataMs', 'shareFiles', 'shareFilesMs', 'providerFiles', 'providerFilesMs']) expect(log, field).not.toHaveProperty(field);
    expect(log).toEqual({
      generateMs: 790,
      pageCount: 2,
      totalMs: 2090,
      pages: timed(['/page-1/index.html', 31], ['/page-2/index.html', 2]),
    });
  });

  it('gives only an empty list of pages for a build that stopped before it generated any', () => {
    expect(parseAstroLog(`${line('02:07:00', 'build', 'Collecting build info...')}\n[ERROR] Cannot find module`)).toEqual({ pages: [] });
  });
});

describe('routeOf', () => {
  const slugs = new Set(['hove-peer-support', 'lewes-walk-and-talk']);
  const terms = new Set(['lgbtq', 'women']);
  it.each([
    ['/providers/hove-peer-support/index.html', '/providers/[slug]/index.html'],
    ['/p/lewes-walk-and-talk/index.html', '/p/[slug]/index.html'],
    ['/calendar/hove-peer-support.ics', '/calendar/[slug].ics'],
    ['/calendar/hove-peer-support--tuesday-group.ics', '/calendar/[slug]--[item].ics'],
    ['/providers/hove-peer-support/calendar.ics', '/providers/[slug]/[item].ics'],
    ['/providers/hove-peer-support/share/index.html', '/providers/[slug]/[item]/index.html'],
    ['/communities/lgbtq/index.html', '/communities/[term]/index.html'],
    ['/print/women.html', '/print/[term].html'],
    ['/providers/page/2/index.html', '/providers/page/[page]/index.html'],
  ])('names %s by its route, %s', (page, route) => {
    expect(routeOf(page, slugs, terms)).toBe(route);
  });

  it.each(['/index.html', '/about/index.html', '/404.html', '/map-data.json', '/communities/index.html'])('leaves the page %s, which is no slug, term or number, as it is', (page) => {
    expect(routeOf(page, slugs, terms)).toBe(page);
  });

  it('keeps a top-level page that happens to share a provider\'s slug, since provider files are always in a folder', () => {
    expect(routeOf('/hove-peer-support/index.html', slugs, terms)).toBe('/hove-peer-support/index.html');
    expect(routeOf('/hove-peer-support--x.ics', slugs, terms)).toBe('/hove-peer-support--x.ics');
  });

  it('keeps a top-level folder that happens to share a vocabulary term\'s name, since terms are only ever below a folder', () => {
    expect(routeOf('/women/index.html', slugs, terms)).toBe('/women/index.html');
  });
});

describe('timeByRoute', () => {
  const slugs = new Set(['a', 'b', 'c']);
  const terms = new Set(['lgbtq', 'women']);
  const routes = timeByRoute(
    timed(
      ['/providers/a/index.html', 10],
      ['/about/index.html', 3],
      ['/communities/lgbtq/index.html', 5],
      ['/providers/b/index.html', 4],
      ['/communities/women/index.html', 7],
      ['/providers/c/index.html', 6],
    ),
    slugs,
    terms,
  );

  it('adds up the pages of each route, the route with the most time first', () => {
    expect(routes.map((r) => [r.route, r.pages, r.totalMs])).toEqual([
      ['/providers/[slug]/index.html', 3, 20],
      ['/communities/[term]/index.html', 2, 12],
      ['/about/index.html', 1, 3],
    ]);
  });

  it("leaves each route's first page out of its mean, since that page also pays for loading the route's code", () => {
    const providers = routes.find((r) => r.route === '/providers/[slug]/index.html')!;
    // 10 ms first, then 4 and 6: a mean of 5.
    expect(providers.firstMs).toBe(10);
    expect(providers.meanMs).toBe(5);
    expect(routes.find((r) => r.route === '/communities/[term]/index.html')!.meanMs).toBe(7);
  });

  it('gives a route of one page that page\'s time as its mean', () => {
    expect(routes.find((r) => r.route === '/about/index.html')).toMatchObject({ pages: 1, meanMs: 3, firstMs: 3 });
  });

  it('gives no routes for no pages', () => {
    expect(timeByRoute([], slugs, terms)).toEqual([]);
  });
});

/** Bytes that gzip hardly shrinks, the same every time (a linear congruential sequence). */
function noise(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = 12_345;
  for (let i = 0; i < length; i++) {
    x = (x * 1_103_515_245 + 12_345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

/** A small build: two routes of pages, and the folders the survey leaves out. */
function smallBuild(): string {
  return temp.tree({
    'index.html': 'h'.repeat(100),
    'about/index.html': noise(50),
    'providers/index.html': 'l'.repeat(70),
    'providers/a/index.html': 'a'.repeat(300),
    'providers/b/index.html': 'b'.repeat(100),
    'providers/c/index.html': 'c'.repeat(500),
    'providers/c/calendar.ics': 'i'.repeat(40),
    'providers/d/calendar.ics': 'i'.repeat(40),
    '_astro/app.js': 'x'.repeat(1000),
    'pagefind/pagefind.js': 'x'.repeat(500),
    '.prerender/chunks/page.mjs': 'x'.repeat(700),
  });
}

describe('the sizes of the files', () => {
  it('counts every file under a folder, whatever it is, and its bytes', () => {
    expect(dirBytes(smallBuild())).toEqual({ bytes: 100 + 50 + 70 + 300 + 100 + 500 + 40 + 40 + 1000 + 500 + 700, files: 11 });
  });

  it('counts nothing in a folder that is not there', () => {
    expect(dirBytes(path.join(temp.make(), 'missing'))).toEqual({ bytes: 0, files: 0 });
  });

  it('takes the mean size of one file over the first folders by name that have it', () => {
    const providers = path.join(smallBuild(), 'providers');
    // a (300) and b (100); with room for more, c (500) too. d has no index.html, and providers/index.html is no folder.
    expect(meanFileBytes(providers, 'index.html', 2)).toBe(200);
    expect(meanFileBytes(providers, 'index.html', 10)).toBe(300);
    expect(meanFileBytes(providers, 'calendar.ics', 10)).toBe(40);
  });

  it('gives a mean size of 0 when no folder has the file, or there is no folder', () => {
    const root = smallBuild();
    expect(meanFileBytes(path.join(root, 'providers'), 'nothing.html', 10)).toBe(0);
    expect(meanFileBytes(path.join(root, 'missing'), 'index.html', 10)).toBe(0);
  });

  it('lists nothing for a build folder that is not there, as the other sizes count nothing', () => {
    expect(listOutput(path.join(smallBuild(), 'missing'))).toEqual([]);
  });

  it("lists the build's pages with their sizes, leaving out Astro's .prerender/ and _astro/ folders and Pagefind's index", () => {
    const listed = listOutput(smallBuild());
    expect(Object.fromEntries(listed.map((f) => [f.rel, f.bytes]))).toEqual({
      '/index.html': 100,
      '/about/index.html': 50,
      '/providers/index.html': 70,
      '/providers/a/index.html': 300,
      '/providers/b/index.html': 100,
      '/providers/c/index.html': 500,
      '/providers/c/calendar.ics': 40,
      '/providers/d/calendar.ics': 40,
    });
    expect(listed).toHaveLength(8);
  });

  it('gives each route its files, their total, and its largest file raw and gzipped, the largest gzipped first', () => {
    const root = smallBuild();
    const routes = sizeByRoute(root, new Set(['a', 'b', 'c', 'd']), new Set());
    const providers = routes.find((r) => r.route === '/providers/[slug]/index.html')!;
    expect(providers).toEqual({ route: '/providers/[slug]/index.html', files: 3, maxBytes: 500, largest: '/providers/c/index.html', totalBytes: 900, maxGzip: gzipBytes(path.join(root, 'providers/c/index.html')) });
    expect(routes.find((r) => r.route === '/providers/[slug]/[item].ics')).toMatchObject({ files: 2, totalBytes: 80, maxBytes: 40 });
    expect(routes.map((r) => r.route).sort()).toEqual(['/about/index.html', '/index.html', '/providers/[slug]/[item].ics', '/providers/[slug]/index.html', '/providers/index.html']);
    // The about page is the smallest raw, but its bytes do not compress: it comes first.
    expect(routes[0]!.route).toBe('/about/index.html');
    for (let i = 1; i < routes.length; i++) expect(routes[i - 1]!.maxGzip).toBeGreaterThanOrEqual(routes[i]!.maxGzip);
  });

  it("picks a route's largest file by its raw size, even when another of its files is larger gzipped", () => {
    const root = temp.tree({ 'providers/a/index.html': 'a'.repeat(1000), 'providers/b/index.html': noise(600) });
    const [route] = sizeByRoute(root, new Set(['a', 'b']), new Set());
    expect(route).toMatchObject({ largest: '/providers/a/index.html', maxBytes: 1000, totalBytes: 1600 });
    expect(route!.maxGzip).toBeLessThan(gzipBytes(path.join(root, 'providers/b/index.html')));
  });

  it('measures a file gzipped: repeated text shrinks to a few bytes, bytes without pattern do not shrink', () => {
    const root = temp.tree({ 'same.html': 'a'.repeat(10_000), 'noise.bin': noise(1000), 'empty.html': '' });
    expect(gzipBytes(path.join(root, 'same.html'))).toBeLessThan(100);
    expect(gzipBytes(path.join(root, 'noise.bin'))).toBeGreaterThanOrEqual(1000);
    // An empty file still costs gzip's header and trailer (18 bytes at least).
    expect(gzipBytes(path.join(root, 'empty.html'))).toBeGreaterThanOrEqual(18);
  });
});
