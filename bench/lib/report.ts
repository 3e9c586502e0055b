// The results file's shape, and the summary tables it writes into BENCHMARKS.md (between the markers; the
// rest of that file, the findings, is written by people).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { ProfileSummary } from '../profile-summary.ts';
import type { RouteSize, RouteTime } from './site.ts';

interface Measured {
  wallMs: number;
  cpuMs: number;
  maxRssBytes: number;
  peakTreeRssBytes: number;
  runs: { wallMs: number; cpuMs: number; load: [number, number] }[];
}

interface BrowserLoad {
  url: string;
  bytes: number;
  requests: number;
  readyMs: number;
  readyMsRuns: number[];
  largest: { path: string; bytes: number }[];
}

export interface SizeResult {
  n: number;
  data: { providers: number; signatories: number; services: number; locations: number; mapLocations: number; bytes: number; firstSlug: string; generateMs: number };
  validate: Measured & { threads: number };
  validateOneThread?: Measured;
  yamlParse: Measured & { innerMs: number };
  /** The same parse with js-yaml, the quick reader; absent in results from before validate used it. */
  jsYamlParse?: Measured;
  validateRatio: number;
  build?: Measured & {
    generateMs: number;
    astroTotalMs: number;
    /** Absent in results from before these moved to astro:build:start. */
    searchIndexMs?: number;
    dataLoadMs?: number;
    openDataMs?: number;
    shareFiles?: number;
    shareFilesMs?: number;
    providerFiles?: number;
    providerFilesMs?: number;
    /** Link preview pictures: all drawn by the first build (empty cache); found in the cache by the rebuilds. */
    previews?: { drawn: number; drawnMs: number; reused?: number; rebuildDrawn?: number; rebuildMs?: number };
    pages: number;
    renderSumMs: number;
    providerPageMs: number | undefined;
    perProviderAllPagesMs: number;
    routes: RouteTime[];
  };
  bare?: Measured & { generateMs: number; pages: number; pageMs: number };
  /** The bare project again, each page carrying as many bytes as a provider page of the site (mean raw size). */
  bareSized?: Measured & { pageBytes: number; pageMs: number };
  buildRatio?: number;
  providerPageRatio?: number | undefined;
  /** A provider page against a bare page of the same size: what the site's own rendering adds. */
  providerPageRatioSameSize?: number | undefined;
  pagefind?: { ms: number; runsMs: number[]; indexBytes: number; indexFiles: number };
  pages?: Record<string, number | undefined>;
  routeSizes?: RouteSize[];
  samples?: Record<string, number>;
  browser?: {
    home: BrowserLoad;
    provider: BrowserLoad;
    search: BrowserLoad;
    /** A search for words with no place in them (its first results), optional in older results. */
    searchWords?: BrowserLoad;
    /** The same search until every result and the count are in (Pagefind), and a vocabulary word alone (`?q=men`); optional in older results. */
    searchWordsAll?: BrowserLoad;
    searchTerm?: BrowserLoad;
    /** A place with the filter most of its groups have while none of its first results does (`?q=brighton&…`); optional in older results. */
    searchRareFilter?: BrowserLoad;
    /** What and where (`?q=anxiety&near=hastings`), optional in older results. */
    searchWhatWhere?: BrowserLoad;
    /** The same two for Brighton, the district most groups meet in or name, optional in older results. */
    searchLargest?: BrowserLoad;
    searchWhatWhereLargest?: BrowserLoad;
    map?: BrowserLoad & { markerDataBytes: number; markerBytesPerLocation: number };
  };
  profile?: { dir: string; validate?: ProfileSummary; build?: ProfileSummary; buildWallMs: number };
  /** Set when the site build did not finish in time: then there is no build, page or browser figure. */
  buildTimedOut?: { reason: string; afterMs: number; cpuMs: number; peakTreeRssBytes: number; lastLines: string[] };
}

export interface BenchResults {
  date: string;
  machine: { cpu: string; cores: number; memoryGiB: number; node: string; platform: string; loadAverage: number[]; loadAverageEnd?: number[] };
  options: { sizes: number[]; runs: number; largeBuildRuns: number; quick: boolean; today: string; excludedRoutes?: string[] };
  sizes: SizeResult[];
  elapsedMs?: number;
}

const START = '<!-- bench:summary:start (written by npm run bench; edit outside these markers) -->';
const END = '<!-- bench:summary:end -->';

const s = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : (x / 1000).toFixed(1) + ' s');
const msf = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : x < 10 ? `${x.toFixed(2)} ms` : `${Math.round(x)} ms`);
const kb = (x: number | undefined) => (x === undefined ? '–' : x >= 1e6 ? `${(x / 1e6).toFixed(2)} MB` : `${(x / 1000).toFixed(1)} KB`);
const mib = (x: number | undefined) => (x === undefined ? '–' : `${Math.round(x / 2 ** 20)} MiB`);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined || !b ? '–' : `${(a / b).toFixed(2)}×`);
const yes = (ok: boolean | undefined) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
const n = (x: number) => x.toLocaleString('en-GB');

export function summaryMarkdown(r: BenchResults, resultsFile: string): string {
  const big = r.sizes[r.sizes.length - 1]!;
  const small = r.sizes[0]!;
  // The largest N with a finished build, for the figures that need one.
  const built = [...r.sizes].reverse().find((x) => x.build) ?? big;
  const k = r.sizes.find((x) => x.n === 1000);
  const loads = r.sizes.flatMap((x) => [...x.validate.runs, ...(x.build?.runs ?? [])].flatMap((run) => run.load));
  const out: string[] = [];
  out.push(
    `Last full run: ${r.date.slice(0, 16).replace('T', ' ')} UTC, results in [${resultsFile}](${resultsFile}). ` +
      `${r.machine.cpu}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, Node ${r.machine.node}, ${r.machine.platform}. ` +
      `Load average (1 min) during the measurements: ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}` +
      `${Math.max(...loads) > r.machine.cores * 0.75 ? ` — **other work was running on the machine**, so wall times are inflated; CPU times (user + system) are given beside them and are less affected` : ''}. ` +
      `Median of ${r.options.runs} run(s); builds at N ≥ 10,000: ${r.options.largeBuildRuns} run(s).` +
      (r.options.excludedRoutes?.length ? ` **The site was built without ${r.options.excludedRoutes.map((x) => `src/pages/${x}`).join(', ')}** (see the findings).` : ''),
  );
  for (const x of r.sizes)
    if (x.buildTimedOut) out.push('', `**At N = ${n(x.n)} the site build ${x.buildTimedOut.reason}**: stopped after ${s(x.buildTimedOut.afterMs)} (${s(x.buildTimedOut.cpuMs)} CPU, ${mib(x.buildTimedOut.peakTreeRssBytes)}). Build, page and browser figures below are for N = ${n(built.n)}.`);
  out.push('');
  out.push(`### Budgets at N = ${n(big.n)}`);
  out.push('');
  out.push('| Budget (issue 7) | Limit | Measured | Ratio | |');
  out.push('|---|---|---|---|---|');
  out.push(`| \`validate\` of ${n(big.n)} files vs bare single-threaded YAML parse | ≤ 1.00× | ${s(big.validate.wallMs)} wall (${big.validate.threads} thread${big.validate.threads > 1 ? 's' : ''}; CPU ${s(big.validate.cpuMs)}) vs ${s(big.yamlParse.wallMs)} (CPU ${s(big.yamlParse.cpuMs)}) | ${big.validateRatio.toFixed(2)}× | ${yes(big.validateRatio <= 1)} |`);
  const at = built === big ? '' : ` (at N = ${n(built.n)})`;
  const b = built.build;
  const bare = built.bare;
  out.push(
    `| \`astro build\` per provider page vs bare-Astro page${at} | ≤ 1.3× | ${b ? `${msf(b.providerPageMs)} per /providers/[slug]/ page vs ${msf(bare?.pageMs)}; all of a provider's pages: ${msf(b.perProviderAllPagesMs)}${built.bareSized ? `; a bare page as large as a provider page (${kb(built.bareSized.pageBytes)}): ${msf(built.bareSized.pageMs)}` : ''}` : '–'} | ${built.providerPageRatio?.toFixed(2) ?? '–'}× (all pages: ${ratio(b?.perProviderAllPagesMs, bare?.pageMs)}${built.providerPageRatioSameSize !== undefined ? `; against the bare page of the same size: ${built.providerPageRatioSameSize.toFixed(2)}×` : ''}) | ${yes(built.providerPageRatio === undefined ? undefined : built.providerPageRatio <= 1.3)} |`,
  );
  out.push(
    `| Whole build incl. search index, ${n(big.n)} providers | < 45 s | ${big.build ? `${s(big.build.wallMs)} wall, ${s(big.build.cpuMs)} CPU, ${n(big.build.pages)} pages` : big.buildTimedOut ? `did not finish in ${s(big.buildTimedOut.afterMs)}` : '–'} | ${big.build ? ratio(big.build.wallMs, 45_000) : big.buildTimedOut ? `> ${ratio(big.buildTimedOut.afterMs, 45_000)}` : '–'} of budget | ${yes(big.build ? big.build.wallMs < 45_000 : big.buildTimedOut ? false : undefined)} |`,
  );
  const peak = big.build?.peakTreeRssBytes ?? big.buildTimedOut?.peakTreeRssBytes;
  out.push(`| Build memory (peak RSS of the process tree) | < 2 GiB | ${mib(peak)}${big.build ? ` (largest process ${mib(big.build.maxRssBytes)})` : big.buildTimedOut ? ' before it was stopped' : ''} | ${ratio(peak, 2 ** 31)} of budget | ${yes(peak === undefined ? undefined : peak < 2 ** 31)} |`);
  const homeGrowth = built.pages?.home && small.pages?.home ? built.pages.home / small.pages.home : undefined;
  out.push(`| Home page the same size at ${n(built.n)} as at ${n(small.n)} (gzipped) | 1.00× | ${kb(built.pages?.home)} vs ${kb(small.pages?.home)} | ${homeGrowth?.toFixed(2) ?? '–'}× | ${yes(homeGrowth === undefined ? undefined : homeGrowth <= 1.05)} |`);
  const provGrowth = built.pages?.provider && small.pages?.provider ? built.pages.provider / small.pages.provider : undefined;
  out.push(`| A provider page the same size (same provider, gzipped) | 1.00× | ${kb(built.pages?.provider)} vs ${kb(small.pages?.provider)} | ${provGrowth?.toFixed(2) ?? '–'}× | ${yes(provGrowth === undefined ? undefined : provGrowth <= 1.05)} |`);
  const lists = (built.routeSizes ?? []).filter((x) => !x.route.includes('[slug]') && x.largest.endsWith('.html')).slice(0, 4);
  out.push(`| List pages paginate or split (largest HTML pages${at}, gzipped) | – | ${lists.map((x) => `${x.largest} ${kb(x.maxGzip)}`).join('; ') || '–'} | – | ${yes(lists.length ? lists.every((x) => x.maxGzip < 100_000) : undefined)} |`);
  const map = built.browser?.map;
  out.push(`| Map marker data per location (gzipped)${at} | ≤ 20 B | ${map ? `${map.markerBytesPerLocation} B (${kb(map.markerDataBytes)} for ${n(built.data.mapLocations)} places)` : 'no /map/ page in this build'} | ${map ? ratio(map.markerBytesPerLocation, 20) : '–'} | ${yes(map ? map.markerBytesPerLocation <= 20 : undefined)} |`);
  out.push(`| Map shows its markers, headless Chromium${at} | < 1.5 s | ${map ? `${msf(map.readyMs)} (runs: ${map.readyMsRuns.join(', ')} ms)` : '–'} | ${map ? ratio(map.readyMs, 1500) : '–'} | ${yes(map ? map.readyMs < 1500 : undefined)} |`);
  const search = built.browser?.search;
  out.push(`| Search with a place (\`?q=hastings\`): bytes until the first result shows${at} | ≤ 150 KB | ${search ? `${kb(search.bytes)} in ${search.requests} requests, ${msf(search.readyMs)}` : '–'} | ${search ? ratio(search.bytes, 150_000) : '–'} | ${yes(search ? search.bytes <= 150_000 : undefined)} |`);
  const words = built.browser?.searchWords;
  const whatWhere = built.browser?.searchWhatWhere;
  if (whatWhere) out.push(`| Search for what and where (\`?q=anxiety&near=hastings\`): bytes until the first result shows${at} | ≤ 150 KB | ${kb(whatWhere.bytes)} in ${whatWhere.requests} requests, ${msf(whatWhere.readyMs)} | ${ratio(whatWhere.bytes, 150_000)} | ${yes(whatWhere.bytes <= 150_000)} |`);
  const largest = built.browser?.searchLargest;
  const whatWhereLargest = built.browser?.searchWhatWhereLargest;
  if (largest) out.push(`| Search with the place most groups meet in (\`?q=brighton\`): bytes until the first result shows${at} | ≤ 150 KB | ${kb(largest.bytes)} in ${largest.requests} requests, ${msf(largest.readyMs)} | ${ratio(largest.bytes, 150_000)} | ${yes(largest.bytes <= 150_000)} |`);
  if (whatWhereLargest) out.push(`| Search for what and where there (\`?q=anxiety&near=brighton\`): bytes until the first result shows${at} | ≤ 150 KB | ${kb(whatWhereLargest.bytes)} in ${whatWhereLargest.requests} requests, ${msf(whatWhereLargest.readyMs)} | ${ratio(whatWhereLargest.bytes, 150_000)} | ${yes(whatWhereLargest.bytes <= 150_000)} |`);
  if (words) out.push(`| Search for words (\`?q=walking group\`): bytes until the first result shows${at} | ≤ 150 KB | ${kb(words.bytes)} in ${words.requests} requests, ${msf(words.readyMs)} | ${ratio(words.bytes, 150_000)} | ${yes(words.bytes <= 150_000)} |`);
  const rare = built.browser?.searchRareFilter;
  if (rare) out.push(`| A place and a filter none of its first results has (\`${rare.url.replace('/search/', '')}\`): bytes until the first result shows${at} | ≤ 150 KB | ${kb(rare.bytes)} in ${rare.requests} requests, ${msf(rare.readyMs)} | ${ratio(rare.bytes, 150_000)} | ${yes(rare.bytes <= 150_000)} |`);
  const term = built.browser?.searchTerm;
  if (term) out.push(`| Search for a vocabulary word (\`?q=men\`): bytes until the first result shows${at} | ≤ 150 KB | ${kb(term.bytes)} in ${term.requests} requests, ${msf(term.readyMs)} | ${ratio(term.bytes, 150_000)} | ${yes(term.bytes <= 150_000)} |`);
  const wordsAll = built.browser?.searchWordsAll;
  if (wordsAll) out.push(`| Every result of a search for words and their count (\`?q=walking group\`, Pagefind): bytes until they are in${at} | – | ${kb(wordsAll.bytes)} in ${wordsAll.requests} requests, ${msf(wordsAll.readyMs)} | – | – |`);
  out.push('');

  out.push('### Every figure by N, with its baseline');
  out.push('');
  const growth = k && big !== k;
  out.push(`| | ${r.sizes.map((x) => `N = ${n(x.n)}`).join(' | ')} |${growth ? ` growth ${n(k.n)} → ${n(big.n)} |` : ''}`);
  out.push(`|---|${r.sizes.map(() => '---').join('|')}|${growth ? '---|' : ''}`);
  // Rows marked `site` need the built site: "did not finish" where the build was stopped.
  const row = (label: string, f: (x: SizeResult) => string, g?: (x: SizeResult) => number | undefined, site = false) =>
    out.push(`| ${label} | ${r.sizes.map((x) => (site && x.buildTimedOut ? 'did not finish' : f(x))).join(' | ')} |${growth ? ` ${g ? ratio(g(big), g(k)) : ''} |` : ''}`);
  row('data: provider files, MB', (x) => `${n(x.data.providers)}, ${(x.data.bytes / 1e6).toFixed(1)} MB`, (x) => x.data.bytes);
  row('`validate` wall (CPU)', (x) => `${s(x.validate.wallMs)} (${s(x.validate.cpuMs)}), ${x.validate.threads} thread${x.validate.threads > 1 ? 's' : ''}`, (x) => x.validate.wallMs);
  row('`validate` on one thread', (x) => (x.validateOneThread ? `${s(x.validateOneThread.wallMs)} (${s(x.validateOneThread.cpuMs)})` : 'same'), (x) => x.validateOneThread?.wallMs ?? x.validate.wallMs);
  row('baseline: bare YAML parse (CPU)', (x) => `${s(x.yamlParse.wallMs)} (${s(x.yamlParse.cpuMs)})`, (x) => x.yamlParse.wallMs);
  row('ratio validate / YAML parse', (x) => `${x.validateRatio.toFixed(2)}×`);
  row('the same parse with js-yaml, validate’s quick reader (CPU)', (x) => (x.jsYamlParse ? `${s(x.jsYamlParse.wallMs)} (${s(x.jsYamlParse.cpuMs)})` : '–'), (x) => x.jsYamlParse?.wallMs);
  row('ratio validate / js-yaml parse', (x) => (x.jsYamlParse ? `${(x.validate.wallMs / x.jsYamlParse.wallMs).toFixed(2)}×` : '–'));
  row('validate peak memory', (x) => mib(x.validate.maxRssBytes), (x) => x.validate.maxRssBytes);
  row('`astro build` wall (CPU)', (x) => `${s(x.build?.wallMs)} (${s(x.build?.cpuMs)})`, (x) => x.build?.wallMs, true);
  row('baseline: bare Astro, N pages (CPU)', (x) => `${s(x.bare?.wallMs)} (${s(x.bare?.cpuMs)})`, (x) => x.bare?.wallMs);
  row('ratio build / bare', (x) => `${x.buildRatio?.toFixed(2) ?? '–'}×`, undefined, true);
  row('pages built', (x) => (x.build ? n(x.build.pages) : '–'), (x) => x.build?.pages, true);
  row('Astro "generating static routes"', (x) => s(x.build?.generateMs), (x) => x.build?.generateMs, true);
  row('… of which page rendering (sum of per-page times)', (x) => s(x.build?.renderSumMs), (x) => x.build?.renderSumMs, true);
  row('provider page (mean) / bare page (mean)', (x) => `${msf(x.build?.providerPageMs)} / ${msf(x.bare?.pageMs)} = ${x.providerPageRatio?.toFixed(2) ?? '–'}×`, (x) => x.build?.providerPageMs, true);
  row('baseline: a bare page as large as a provider page (mean)', (x) => (x.bareSized ? `${msf(x.bareSized.pageMs)} for ${kb(x.bareSized.pageBytes)}` : '–'), (x) => x.bareSized?.pageMs);
  row('provider page / bare page of the same size', (x) => (x.providerPageRatioSameSize !== undefined ? `${x.providerPageRatioSameSize.toFixed(2)}×` : '–'));
  row("all of one provider's pages / bare page", (x) => `${msf(x.build?.perProviderAllPagesMs)} = ${ratio(x.build?.perProviderAllPagesMs, x.bare?.pageMs)}`, (x) => x.build?.perProviderAllPagesMs, true);
  row('Pagefind indexing (alone)', (x) => s(x.pagefind?.ms), (x) => x.pagefind?.ms);
  row('Pagefind index size, files', (x) => (x.pagefind ? `${kb(x.pagefind.indexBytes)}, ${n(x.pagefind.indexFiles)}` : '–'), (x) => x.pagefind?.indexBytes);
  row('build peak memory (tree; largest process)', (x) => `${mib(x.build?.peakTreeRssBytes)}; ${mib(x.build?.maxRssBytes)}`, (x) => x.build?.peakTreeRssBytes, true);
  row('bare Astro peak memory', (x) => mib(x.bare?.peakTreeRssBytes), (x) => x.bare?.peakTreeRssBytes);
  row('home page, gzipped file', (x) => kb(x.pages?.home), (x) => x.pages?.home, true);
  row('provider page, gzipped file', (x) => kb(x.pages?.provider), (x) => x.pages?.provider, true);
  row('A–Z page /providers/, gzipped', (x) => kb(x.pages?.providersIndex), (x) => x.pages?.providersIndex, true);
  row('map-data.json, gzipped', (x) => kb(x.pages?.mapData), (x) => x.pages?.mapData, true);
  row('browser: home page, all downloads', (x) => (x.browser ? kb(x.browser.home.bytes) : '–'), (x) => x.browser?.home.bytes, true);
  row('browser: provider page, all downloads', (x) => (x.browser ? kb(x.browser.provider.bytes) : '–'), (x) => x.browser?.provider.bytes, true);
  row('browser: map page until markers show', (x) => (x.browser?.map ? `${kb(x.browser.map.bytes)}, ${msf(x.browser.map.readyMs)}` : '–'), (x) => x.browser?.map?.bytes, true);
  row('browser: marker data per place on the map', (x) => (x.browser?.map ? `${x.browser.map.markerBytesPerLocation} B × ${n(x.data.mapLocations)}` : '–'), (x) => x.browser?.map?.markerBytesPerLocation, true);
  row('browser: search with a place until the first result', (x) => (x.browser ? `${kb(x.browser.search.bytes)}, ${msf(x.browser.search.readyMs)}` : '–'), (x) => x.browser?.search.bytes, true);
  row('browser: search for what and where until the first result', (x) => (x.browser?.searchWhatWhere ? `${kb(x.browser.searchWhatWhere.bytes)}, ${msf(x.browser.searchWhatWhere.readyMs)}` : '–'), (x) => x.browser?.searchWhatWhere?.bytes, true);
  row('browser: search from Brighton until the first result', (x) => (x.browser?.searchLargest ? `${kb(x.browser.searchLargest.bytes)}, ${msf(x.browser.searchLargest.readyMs)}` : '–'), (x) => x.browser?.searchLargest?.bytes, true);
  row('browser: what and where, in Brighton, until the first result', (x) => (x.browser?.searchWhatWhereLargest ? `${kb(x.browser.searchWhatWhereLargest.bytes)}, ${msf(x.browser.searchWhatWhereLargest.readyMs)}` : '–'), (x) => x.browser?.searchWhatWhereLargest?.bytes, true);
  row('browser: search for words until the first result', (x) => (x.browser?.searchWords ? `${kb(x.browser.searchWords.bytes)}, ${msf(x.browser.searchWords.readyMs)}` : '–'), (x) => x.browser?.searchWords?.bytes, true);
  row('browser: search from Brighton with a rare filter until the first result', (x) => (x.browser?.searchRareFilter ? `${kb(x.browser.searchRareFilter.bytes)}, ${msf(x.browser.searchRareFilter.readyMs)}` : '–'), (x) => x.browser?.searchRareFilter?.bytes, true);
  row('browser: search for a vocabulary word until the first result', (x) => (x.browser?.searchTerm ? `${kb(x.browser.searchTerm.bytes)}, ${msf(x.browser.searchTerm.readyMs)}` : '–'), (x) => x.browser?.searchTerm?.bytes, true);
  row('browser: search for words until every result', (x) => (x.browser?.searchWordsAll ? `${kb(x.browser.searchWordsAll.bytes)}, ${msf(x.browser.searchWordsAll.readyMs)}` : '–'), (x) => x.browser?.searchWordsAll?.bytes, true);
  out.push('');

  if (built.build) {
    out.push(`### Where the build's page time goes at N = ${n(built.n)} (Astro's per-page times, summed by route)`);
    out.push('');
    out.push('| Route | Pages | Total | Mean per page |');
    out.push('|---|---|---|---|');
    for (const x of built.build.routes.slice(0, 12)) out.push(`| \`${x.route}\` | ${n(x.pages)} | ${s(x.totalMs)} | ${msf(x.meanMs)} |`);
    out.push(`| (collecting paths and other work before the first page) | | ${s(built.build.generateMs - built.build.renderSumMs)} | |`);
    out.push(`| (before the pages: loading and validating the data) | | ${s(built.build.dataLoadMs)} | |`);
    out.push(`| (before the pages: the search index, Pagefind) | | ${s(built.build.searchIndexMs)} | |`);
    if (built.build.providerFiles) out.push(`| (calendars and correction data: written while Pagefind indexes, so not added to the total) | ${n(built.build.providerFiles)} | ${s(built.build.providerFilesMs)} | ${msf((built.build.providerFilesMs ?? 0) / built.build.providerFiles)} |`);
    out.push(`| (before the pages: the open data files under /data/) | | ${s(built.build.openDataMs)} | |`);
    if (built.build.shareFiles) out.push(`| (short links${built.build.providerFiles ? '' : ', calendars, correction data'}: written after the pages) | ${n(built.build.shareFiles)} | ${s(built.build.shareFilesMs)} | ${msf((built.build.shareFilesMs ?? 0) / built.build.shareFiles)} |`);
    const pv = built.build.previews;
    if (pv) out.push(`| (link previews, drawn by the first build into an empty cache: after the pages) | ${n(pv.drawn)} | ${s(pv.drawnMs)} | ${msf(pv.drawnMs / Math.max(1, pv.drawn))} |`);
    if (pv?.rebuildMs !== undefined) out.push(`| (link previews on a rebuild: ${n(pv.reused ?? 0)} from the cache, ${n(pv.rebuildDrawn ?? 0)} drawn) | ${n((pv.reused ?? 0) + (pv.rebuildDrawn ?? 0))} | ${s(pv.rebuildMs)} | ${msf(pv.rebuildMs / Math.max(1, (pv.reused ?? 0) + (pv.rebuildDrawn ?? 0)))} |`);
    out.push(`| (the rest of Astro's total: bundling, sitemap, moving the index in) | | ${s(built.build.astroTotalMs - built.build.generateMs - (built.build.searchIndexMs || 0) - (built.build.dataLoadMs || 0) - (built.build.openDataMs || 0) - (built.build.shareFilesMs || 0))} | |`);
    out.push('');
  }

  if (built.samples && small.samples && built !== small) {
    out.push(`### Files that grow with N (gzipped; the same file at N = ${n(small.n)} and N = ${n(built.n)})`);
    out.push('');
    out.push(`| File | N = ${n(small.n)} | N = ${n(built.n)} | Growth |`);
    out.push('|---|---|---|---|');
    const grown = Object.keys(built.samples)
      .filter((f) => small.samples![f] !== undefined)
      .map((f) => ({ f, a: small.samples![f]!, b: built.samples![f]! }))
      .filter((x) => x.b > x.a * 1.1)
      .sort((x, y) => y.b - x.b);
    for (const x of grown.slice(0, 20)) out.push(`| \`${x.f}\` | ${kb(x.a)} | ${kb(x.b)} | ${(x.b / x.a).toFixed(1)}× |`);
    if (!grown.length) out.push('| (none) | | | |');
    const steady = Object.keys(built.samples).filter((f) => small.samples![f] !== undefined && built.samples![f]! <= small.samples![f]! * 1.1).length;
    out.push('');
    out.push(`${steady} other sampled files (every non-provider page, and every file of the first provider) stay within 10%.`);
  }
  return out.join('\n');
}

export function writeSummary(file: string, results: BenchResults, resultsFile: string): void {
  const table = `${START}\n${summaryMarkdown(results, resultsFile)}\n${END}`;
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n\n';
  const [start, end] = [current.indexOf(START), current.indexOf(END, Math.max(0, current.indexOf(START)))];
  const next = start >= 0 && end > start ? current.slice(0, start) + table + current.slice(end + END.length) : `${current.trimEnd()}\n\n${table}\n`;
  writeFileSync(file, next);
}
