// The benchmark's summary: the budget table, met or not, the figures by N, and writing it into BENCHMARKS.md between its markers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { summaryMarkdown, writeSummary, type BenchResults, type SizeResult } from '../../../bench/lib/report.ts';
import { PROJECT_ROOT } from '../../../src/lib/dataset/dataset-fs.ts';
import { tempDirs } from '../../helpers/temp-dirs.ts';

const temp = tempDirs('bench-report');
const MiB = 2 ** 20;
const START = '<!-- bench:summary:start (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:summary:end -->';
const RESULTS_FILE = 'bench/results/2026-11-23-10000.json';

function measured(wallMs: number, cpuMs = wallMs, load: [number, number] = [0.5, 0.6]) {
  return { wallMs, cpuMs, maxRssBytes: 300 * MiB, peakTreeRssBytes: 400 * MiB, runs: [{ wallMs, cpuMs, load }] };
}

/** A size with the figures every run has (data, validate and its baseline), and whatever else the test gives. */
function size(n: number, extra: Partial<SizeResult> = {}): SizeResult {
  return {
    n,
    data: { providers: n, signatories: 5, services: 2 * n, locations: 3 * n, mapLocations: 2 * n, bytes: 1500 * n, firstSlug: 'a', generateMs: 10 },
    validate: { ...measured(1200, 3000), threads: 4 },
    yamlParse: { ...measured(1500), innerMs: 1400 },
    validateRatio: 0.8,
    ...extra,
  };
}

function build(wallMs: number, peakTreeRssBytes: number, extra: Partial<NonNullable<SizeResult['build']>> = {}): SizeResult['build'] {
  return { ...measured(wallMs, wallMs + 9000), peakTreeRssBytes, generateMs: 20_000, astroTotalMs: 40_000, pages: 11_062, renderSumMs: 15_000, providerPageMs: 1.2, perProviderAllPagesMs: 2, routes: [], ...extra };
}

function load(bytes: number, readyMs: number) {
  return { url: 'http://127.0.0.1/', bytes, requests: 5, readyMs, readyMsRuns: [readyMs], largest: [] };
}

function results(sizes: SizeResult[], cores = 4): BenchResults {
  return {
    date: '2026-11-23T20:24:51.123Z',
    machine: { cpu: 'Test CPU', cores, memoryGiB: 16, node: 'v24.0.0', platform: 'Linux test', loadAverage: [0.5] },
    options: { sizes: sizes.map((x) => x.n), runs: 3, largeBuildRuns: 3, quick: false, today: '2026-11-23' },
    sizes,
  };
}

/** The cells of the budget row whose label begins with `label`. */
function budget(markdown: string, label: string): { limit: string; measured: string; ratio: string; verdict: string } {
  const rows = markdown.split('\n').filter((l) => l.startsWith(`| ${label}`));
  expect(rows, label).toHaveLength(1);
  const [, limit, figure, ratio, verdict] = rows[0]!.slice(2, -2).split(' | ');
  return { limit: limit!, measured: figure!, ratio: ratio!, verdict: verdict! };
}

/** The cells of the "every figure by N" row whose label is `label`, after the label. */
function figures(markdown: string, label: string): string[] {
  const row = markdown.split('\n').find((l) => l.startsWith(`| ${label} |`));
  expect(row, label).toBeDefined();
  return row!.slice(2, -2).split(' | ').slice(1);
}

describe('the budget table', () => {
  // Every budget inside its limit.
  const withinBudget = size(10_000, {
    validateRatio: 0.8,
    build: build(30_000, 1024 * MiB),
    bare: { ...measured(10_000), generateMs: 8000, pages: 10_000, pageMs: 1 },
    providerPageRatio: 1.2,
    pages: { home: 10_200, provider: 5000 },
    browser: { home: load(50_000, 300), provider: load(60_000, 300), search: load(144_000, 400), searchWhatWhere: load(120_000, 500), map: { ...load(400_000, 900), markerDataBytes: 360_000, markerBytesPerLocation: 18 } },
  });
  // Every budget over its limit.
  const overBudget = size(10_000, {
    validate: { ...measured(2100, 2500), threads: 1 },
    validateRatio: 1.4,
    build: build(50_000, 3 * 1024 * MiB),
    bare: { ...measured(10_000), generateMs: 8000, pages: 10_000, pageMs: 1 },
    providerPageRatio: 1.5,
    pages: { home: 11_000, provider: 5000 },
    browser: { home: load(50_000, 300), provider: load(60_000, 300), search: load(156_000, 400), searchWords: load(200_000, 600), searchTerm: load(20_000, 200), searchWordsAll: load(350_000, 900), searchRareFilter: { ...load(160_000, 300), url: '/search/?q=brighton&district=eastbourne' }, map: { ...load(400_000, 1600), markerDataBytes: 500_000, markerBytesPerLocation: 25 } },
  });
  const small = size(100, { pages: { home: 10_000, provider: 5000 } });

  it('shows validate against the bare YAML parse with both figures and the ratio, met when validate is no slower', () => {
    const met = budget(summaryMarkdown(results([small, withinBudget]), RESULTS_FILE), '`validate` of 10,000 files');
    expect(met).toEqual({ limit: '≤ 1.00×', measured: '1.2 s wall (4 threads; CPU 3.0 s) vs 1.5 s (CPU 1.5 s)', ratio: '0.80×', verdict: '**met**' });
    const notMet = budget(summaryMarkdown(results([small, overBudget]), RESULTS_FILE), '`validate` of 10,000 files');
    expect(notMet).toMatchObject({ measured: '2.1 s wall (1 thread; CPU 2.5 s) vs 1.5 s (CPU 1.5 s)', ratio: '1.40×', verdict: '**not met**' });
  });

  it("shows the whole build's wall time as a share of 45 s, met under it and not met over it", () => {
    const met = budget(summaryMarkdown(results([small, withinBudget]), RESULTS_FILE), 'Whole build');
    // 30 s of 45 s is 0.67 of the budget.
    expect(met).toEqual({ limit: '< 45 s', measured: '30.0 s wall, 39.0 s CPU, 11,062 pages', ratio: '0.67× of budget', verdict: '**met**' });
    const notMet = budget(summaryMarkdown(results([small, overBudget]), RESULTS_FILE), 'Whole build');
    // 50 s of 45 s is 1.11 of the budget.
    expect(notMet).toMatchObject({ measured: '50.0 s wall, 59.0 s CPU, 11,062 pages', ratio: '1.11× of budget', verdict: '**not met**' });
  });

  it("shows the build's peak memory against 2 GiB", () => {
    expect(budget(summaryMarkdown(results([small, withinBudget]), RESULTS_FILE), 'Build memory')).toEqual({ limit: '< 2 GiB', measured: '1024 MiB (largest process 300 MiB)', ratio: '0.50× of budget', verdict: '**met**' });
    expect(budget(summaryMarkdown(results([small, overBudget]), RESULTS_FILE), 'Build memory')).toMatchObject({ measured: '3072 MiB (largest process 300 MiB)', ratio: '1.50× of budget', verdict: '**not met**' });
  });

  it('shows a provider page against a bare page, met up to 1.3×', () => {
    const met = budget(summaryMarkdown(results([small, withinBudget]), RESULTS_FILE), '`astro build` per provider page');
    expect(met.measured).toContain('1.20 ms per /providers/[slug]/ page vs 1.00 ms');
    expect(met.ratio).toMatch(/^1\.20× /);
    expect(met.verdict).toBe('**met**');
    const notMet = budget(summaryMarkdown(results([small, overBudget]), RESULTS_FILE), '`astro build` per provider page');
    expect(notMet.ratio).toMatch(/^1\.50× /);
    expect(notMet.verdict).toBe('**not met**');
  });

  it('compares the home page at the largest N with the smallest, allowing 5% growth', () => {
    // 10.2 KB against 10.0 KB is 1.02×; 11.0 KB is 1.10×.
    expect(budget(summaryMarkdown(results([small, withinBudget]), RESULTS_FILE), 'Home page the same size')).toEqual({ limit: '1.00×', measured: '10.2 KB vs 10.0 KB', ratio: '1.02×', verdict: '**met**' });
    expect(budget(summaryMarkdown(results([small, overBudget]), RESULTS_FILE), 'Home page the same size')).toMatchObject({ ratio: '1.10×', verdict: '**not met**' });
  });

  it("shows the browser's figures: marker bytes per place, the map's time to its markers, and search's bytes", () => {
    const within = summaryMarkdown(results([small, withinBudget]), RESULTS_FILE);
    expect(budget(within, 'Map marker data per location')).toEqual({ limit: '≤ 20 B', measured: '18 B (360.0 KB for 20,000 places)', ratio: '0.90×', verdict: '**met**' });
    expect(budget(within, 'Map shows its markers')).toMatchObject({ ratio: '0.60×', verdict: '**met**' });
    expect(budget(within, 'Search with a place')).toMatchObject({ limit: '≤ 150 KB', measured: '144.0 KB in 5 requests, 400 ms', ratio: '0.96×', verdict: '**met**' });
    expect(budget(within, 'Search for what and where')).toMatchObject({ ratio: '0.80×', verdict: '**met**' });
    const over = summaryMarkdown(results([small, overBudget]), RESULTS_FILE);
    expect(budget(over, 'Map marker data per location')).toMatchObject({ ratio: '1.25×', verdict: '**not met**' });
    expect(budget(over, 'Map shows its markers')).toMatchObject({ measured: '1600 ms (runs: 1600 ms)', verdict: '**not met**' });
    expect(budget(over, 'Search with a place')).toMatchObject({ ratio: '1.04×', verdict: '**not met**' });
    expect(budget(over, 'Search for words')).toMatchObject({ measured: '200.0 KB in 5 requests, 600 ms', verdict: '**not met**' });
    expect(budget(over, 'Search for a vocabulary word')).toMatchObject({ measured: '20.0 KB in 5 requests, 200 ms', verdict: '**met**' });
    expect(budget(over, 'Every result of a search for words')).toMatchObject({ limit: '–', measured: '350.0 KB in 5 requests, 900 ms', verdict: '–' });
    expect(budget(over, 'A place and a filter none of its first results has (`?q=brighton&district=eastbourne`)')).toMatchObject({ measured: '160.0 KB in 5 requests, 300 ms', verdict: '**not met**' });
  });

  it('counts a figure exactly at an "at most" limit as met, and exactly at a "less than" limit as not met', () => {
    const edge = size(10_000, { validateRatio: 1, build: build(45_000, 2 * 1024 * MiB) });
    const markdown = summaryMarkdown(results([edge]), RESULTS_FILE);
    expect(budget(markdown, '`validate` of 10,000 files').verdict).toBe('**met**');
    expect(budget(markdown, 'Whole build').verdict).toBe('**not met**');
    expect(budget(markdown, 'Build memory').verdict).toBe('**not met**');
  });

  it('says "not measured" for the budgets a run without builds or a browser has no figure for', () => {
    const markdown = summaryMarkdown(results([size(10_000)]), RESULTS_FILE);
    expect(budget(markdown, 'Whole build')).toMatchObject({ measured: '–', verdict: 'not measured' });
    expect(budget(markdown, 'Build memory').verdict).toBe('not measured');
    expect(budget(markdown, 'Map marker data per location')).toMatchObject({ measured: 'no /map/ page in this build', verdict: 'not measured' });
    expect(budget(markdown, 'Search with a place').verdict).toBe('not measured');
    // validate is measured in every run.
    expect(budget(markdown, '`validate` of 10,000 files').verdict).toBe('**met**');
  });

  it('counts a build that did not finish as over budget, and takes the page figures from the largest N that built', () => {
    const built = size(1000, { build: build(9000, 800 * MiB), bare: { ...measured(3000), generateMs: 2000, pages: 1000, pageMs: 1 }, providerPageRatio: 1.1 });
    const stopped = size(10_000, { buildTimedOut: { reason: 'did not finish in 30 minutes', afterMs: 1_800_000, cpuMs: 2_000_000, peakTreeRssBytes: 2560 * MiB, lastLines: [] } });
    const markdown = summaryMarkdown(results([built, stopped]), RESULTS_FILE);
    expect(markdown).toContain('**At N = 10,000 the site build did not finish in 30 minutes**: stopped after 1800.0 s (2000.0 s CPU, 2560 MiB). Build, page and browser figures below are for N = 1,000.');
    expect(budget(markdown, 'Whole build')).toMatchObject({ measured: 'did not finish in 1800.0 s', ratio: '> 40.00× of budget', verdict: '**not met**' });
    expect(budget(markdown, 'Build memory')).toMatchObject({ measured: '2560 MiB before it was stopped', verdict: '**not met**' });
    expect(budget(markdown, '`astro build` per provider page vs bare-Astro page (at N = 1,000)')).toMatchObject({ verdict: '**met**' });
    // No growth from 1,000 to 10,000 either, since there is no figure at 10,000.
    expect(figures(markdown, '`astro build` wall (CPU)')).toEqual(['9.0 s (18.0 s)', 'did not finish', '–']);
  });
});

describe('the rest of the summary', () => {
  it('says when the load average shows other work on the machine, and not when it does not', () => {
    const busy = size(100, { validate: { ...measured(1200, 3000, [0.5, 3.5]), threads: 4 } });
    expect(summaryMarkdown(results([busy], 4), RESULTS_FILE)).toContain('Load average (1 min) during the measurements: 0.5 to 3.5 — **other work was running on the machine**');
    const quiet = summaryMarkdown(results([size(100)], 4), RESULTS_FILE);
    expect(quiet).toContain('Load average (1 min) during the measurements: 0.5 to 0.6. ');
    expect(quiet).not.toContain('other work was running');
  });

  it('links the results file and names the machine', () => {
    const markdown = summaryMarkdown(results([size(100)]), RESULTS_FILE);
    expect(markdown.split('\n')[0]).toMatch(/^Last full run: 2026-11-23 20:24 UTC, results in \[bench\/results\/2026-11-23-10000\.json\]\(bench\/results\/2026-11-23-10000\.json\)\. Test CPU, 4 cores, 16 GiB, Node v24\.0\.0, Linux test\./);
  });

  it('gives every figure a column for each N, and the growth from N = 1,000 to the largest', () => {
    const at = (n: number) => size(n, { validate: { ...measured(n, 2 * n), threads: 2 } });
    const markdown = summaryMarkdown(results([at(100), at(1000), at(10_000)]), RESULTS_FILE);
    expect(markdown).toContain('| | N = 100 | N = 1,000 | N = 10,000 | growth 1,000 → 10,000 |');
    // 10 s against 1 s: ten times.
    expect(figures(markdown, '`validate` wall (CPU)')).toEqual(['0.1 s (0.2 s), 2 threads', '1.0 s (2.0 s), 2 threads', '10.0 s (20.0 s), 2 threads', '10.00×']);
  });

  it("lists where the build's page time goes by route, and what Astro spent before the first page", () => {
    const routes = [
      { route: '/providers/[slug]/index.html', pages: 10_000, totalMs: 14_000, meanMs: 1.4, firstMs: 30 },
      { route: '/about/index.html', pages: 1, totalMs: 25, meanMs: 25, firstMs: 25 },
    ];
    const markdown = summaryMarkdown(results([size(10_000, { build: build(30_000, 1024 * MiB, { routes }) })]), RESULTS_FILE);
    expect(markdown).toContain("### Where the build's page time goes at N = 10,000");
    expect(markdown).toContain('| `/providers/[slug]/index.html` | 10,000 | 14.0 s | 1.40 ms |');
    expect(markdown).toContain('| `/about/index.html` | 1 | 0.0 s | 25 ms |');
    // 20 s generating, of which 15 s rendering pages.
    expect(markdown).toContain('| (collecting paths and other work before the first page) | | 5.0 s | |');
  });
});

describe('writeSummary', () => {
  const bench = results([size(100)]);
  const table = `${START}\n${summaryMarkdown(bench, RESULTS_FILE)}\n${END}`;

  it('replaces only what is between the markers, and keeps the findings around them', () => {
    const file = path.join(temp.make(), 'BENCHMARKS.md');
    writeFileSync(file, `# Benchmarks\n\nHow it is measured.\n\n${START}\nthe old table\n${END}\n\n## Findings\n\nWritten by people.\n`);
    writeSummary(file, bench, RESULTS_FILE);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(`# Benchmarks\n\nHow it is measured.\n\n${table}\n\n## Findings\n\nWritten by people.\n`);
    expect(text).not.toContain('the old table');
  });

  it('gives the same file when written twice with the same results', () => {
    const file = path.join(temp.make(), 'BENCHMARKS.md');
    writeFileSync(file, `# Benchmarks\n\n${START}\nold\n${END}\n\nFindings.\n`);
    writeSummary(file, bench, RESULTS_FILE);
    const once = readFileSync(file, 'utf8');
    writeSummary(file, bench, RESULTS_FILE);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('adds the summary, with its markers, after what is there when the file has no markers', () => {
    const file = path.join(temp.make(), 'BENCHMARKS.md');
    writeFileSync(file, '# Benchmarks\n\nNotes without markers.\n\n\n');
    writeSummary(file, bench, RESULTS_FILE);
    expect(readFileSync(file, 'utf8')).toBe(`# Benchmarks\n\nNotes without markers.\n\n${table}\n`);
  });

  it('adds the summary at the end, rather than cut the file between them, when the end marker comes before the start', () => {
    const file = path.join(temp.make(), 'BENCHMARKS.md');
    writeFileSync(file, `# Benchmarks\n\n${END}\nmiddle\n${START}\n`);
    writeSummary(file, bench, RESULTS_FILE);
    expect(readFileSync(file, 'utf8')).toBe(`# Benchmarks\n\n${END}\nmiddle\n${START}\n\n${table}\n`);
  });

  it('adds the summary at the end when only one of the markers is there, leaving that marker as it was', () => {
    const file = path.join(temp.make(), 'BENCHMARKS.md');
    writeFileSync(file, `# Benchmarks\n\n${START}\nhalf a summary\n`);
    writeSummary(file, bench, RESULTS_FILE);
    expect(readFileSync(file, 'utf8')).toBe(`# Benchmarks\n\n${START}\nhalf a summary\n\n${table}\n`);
  });

  it('makes the file, under a "# Benchmarks" heading, when there is none', () => {
    const file = path.join(temp.make(), 'BENCHMARKS.md');
    expect(existsSync(file)).toBe(false);
    writeSummary(file, bench, RESULTS_FILE);
    expect(readFileSync(file, 'utf8')).toBe(`# Benchmarks\n\n${table}\n`);
  });

  it("finds both markers, start before end, in the project's BENCHMARKS.md, so a run replaces its summary rather than adding another", () => {
    const text = readFileSync(path.join(PROJECT_ROOT, 'BENCHMARKS.md'), 'utf8');
    expect(text.split(START)).toHaveLength(2);
    expect(text.split(END)).toHaveLength(2);
    expect(text.indexOf(START)).toBeLessThan(text.indexOf(END));
  });
});

describe('the link previews in the summary', () => {
  it("shows the first build's drawing of every picture and a rebuild's use of the cache, each with its time per picture", () => {
    const big = size(10_000, { build: build(40_000, GiB(1), { previews: { drawn: 10_001, drawnMs: 400_040, reused: 10_001, rebuildDrawn: 0, rebuildMs: 3000 } }) });
    const md = summaryMarkdown(results([size(100), big]), RESULTS_FILE);
    expect(md).toContain('| (link previews, drawn by the first build into an empty cache: after the pages) | 10,001 |');
    expect(md).toMatch(/\| \(link previews on a rebuild: 10,001 from the cache, 0 drawn\) \| 10,001 \| [^|]+ \| 0\.3\d? ms \|/);
  });

  it('has no preview rows for results from before the previews', () => {
    const md = summaryMarkdown(results([size(100), size(10_000, { build: build(40_000, GiB(1)) })]), RESULTS_FILE);
    expect(md).not.toContain('link previews');
  });
});

function GiB(n: number): number {
  return n * 1024 * MiB;
}
