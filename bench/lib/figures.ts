// The figures a benchmark run reports, from what its children printed and the files they wrote.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { parse } from 'yaml';
import type { Provider } from '../../src/lib/generated/data-types.ts';
import { measurePage, startGzipServer, type PageLoad } from './browser.ts';
import { median, type ChildResult } from './proc.ts';
import type { SizeResult } from './report.ts';
import { gzipBytes, sizeByRoute, type AstroLog, type parseAstroLog } from './site.ts';

/** A child that failed stops the run, with the end of what it printed. */
export function check(r: ChildResult, what: string): ChildResult {
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}):\n${(r.stderr || r.stdout).split('\n').slice(-30).join('\n')}`);
  return r;
}

export const ms = (x: number) => Math.round(x);
export const summary = (list: ChildResult[]) => ({
  wallMs: ms(median(list.map((r) => r.wallMs))),
  cpuMs: ms(median(list.map((r) => r.cpuMs ?? Number.NaN))),
  maxRssBytes: Math.max(...list.map((r) => r.maxRssBytes ?? 0)),
  peakTreeRssBytes: Math.max(...list.map((r) => r.peakTreeRssBytes)),
  runs: list.map((r) => ({ wallMs: ms(r.wallMs), cpuMs: ms(r.cpuMs ?? Number.NaN), load: r.load })),
});

/**
 * How much of Astro's per-page times is wall time: with several pages built at once (build.concurrency) each
 * page's time overlaps others', so the times add up to more than "generating static routes" took.
 */
export function overlap(log: ReturnType<typeof parseAstroLog>): number {
  const sum = log.pages.reduce((a, p) => a + p.ms, 0);
  return log.generateMs && sum > log.generateMs ? log.generateMs / sum : 1;
}

/** Mean wall time of a build's pages, leaving out the first (it also pays for loading the route's code). */
export function meanPageMs(log: ReturnType<typeof parseAstroLog>): number {
  return (log.pages.slice(1).reduce((a, p) => a + p.ms, 0) / Math.max(1, log.pages.length - 1)) * overlap(log);
}

/** What is in the generated data: counts the figures are divided by. */
export function describeData(dir: string) {
  let services = 0;
  let locations = 0;
  let mapLocations = 0;
  let bytes = 0;
  const files = readdirSync(path.join(dir, 'providers')).sort();
  for (const f of files) {
    const text = readFileSync(path.join(dir, 'providers', f), 'utf8');
    bytes += Buffer.byteLength(text);
    const p = parse(text) as Provider;
    for (const s of p.services) {
      services++;
      for (const l of s.locations ?? []) {
        locations++;
        if (s.status === 'active' && typeof l.latitude === 'number') mapLocations++;
      }
    }
  }
  return { providers: files.length, signatories: readdirSync(path.join(dir, 'signatories')).length, services, locations, mapLocations, bytes, firstSlug: files[0]!.replace(/\.yaml$/, '') };
}

/** The link previews: the first build drew them all (an empty cache); the median of the later builds, a rebuild, found them in the cache. */
export function previewFigures(logs: AstroLog[]): NonNullable<NonNullable<SizeResult['build']>['previews']> {
  const [first, ...rebuilds] = logs;
  return {
    drawn: first!.previewsDrawn ?? 0,
    drawnMs: ms(first!.previewsMs ?? Number.NaN),
    ...(rebuilds.length ? { reused: rebuilds[0]!.previewsReused ?? 0, rebuildDrawn: rebuilds[0]!.previewsDrawn ?? 0, rebuildMs: ms(median(rebuilds.map((l) => l.previewsMs ?? Number.NaN))) } : {}),
  };
}


/** Page loads in Chromium: home, a provider page, five searches and the map, each the median of `runs` loads. */
export async function browserFigures(browser: Browser, siteOut: string, data: { firstSlug: string; mapLocations: number }, runs: number, log: (message: string) => void, n: number): Promise<SizeResult['browser']> {
  const file = (rel: string) => path.join(siteOut, rel);
  const server = await startGzipServer(siteOut);
  try {
    const measure = async (p: string, waitFor?: string) => {
      const loads: PageLoad[] = [];
      for (let r = 0; r < Math.max(runs, 1); r++) loads.push(await measurePage(browser, server, p, waitFor));
      const mid = median(loads.map((l) => l.readyMs));
      const chosen = loads.find((l) => l.readyMs === mid) ?? loads[0]!;
      return { ...chosen, readyMsRuns: loads.map((l) => l.readyMs), readyMs: ms(mid) };
    };
    log(`N=${n}: Chromium: home, provider page, search${existsSync(file('map/index.html')) ? ', map' : ''}`);
    const home = await measure('/');
    const provider = await measure(`/providers/${data.firstSlug}/`);
    // A place (answered from the place files) and words with no place (first results from the site's own word
    // files, then Pagefind: the list is busy until every result is in).
    const search = await measure('/search/?q=hastings', '#search-results li');
    const searchWords = await measure('/search/?q=walking%20group', '#search-results li');
    const searchWordsAll = await measure('/search/?q=walking%20group', '#search-results:not([aria-busy]) li');
    // A vocabulary word alone, which becomes a filter.
    const searchTerm = await measure('/search/?q=men', '#search-results li');
    // What and where, as the home page's form sends them: a vocabulary word becomes a filter.
    const searchWhatWhere = await measure('/search/?q=anxiety&near=hastings', '#search-results li');
    // Brighton & Hove: the district most groups meet in or name, so the largest district file.
    const searchLargest = await measure('/search/?q=brighton', '#search-results li');
    const searchWhatWhereLargest = await measure('/search/?q=anxiety&near=brighton', '#search-results li');
    // A filter that none of Brighton's first results has: answered from the place's second file.
    const rare = rareFilterAt(siteOut, 'brighton');
    const searchRareFilter = rare ? await measure(`/search/?q=brighton&${rare}`, '#search-results li') : undefined;
    // Markers and clusters, not the town labels, which show before any data arrives.
    const map = existsSync(file('map/index.html')) ? await measure('/map/', '#map .map-marker, #map .map-cluster') : undefined;
    const strip = (l: PageLoad & { readyMsRuns: number[] }) => ({ url: l.url, bytes: l.bytes, requests: l.requests, readyMs: l.readyMs, readyMsRuns: l.readyMsRuns, largest: l.largest });
    // The places file the markers are drawn from; the names (/map-text.json) come after the markers show.
    const markerBytes = map ? Object.entries(map.byPath).filter(([p]) => p.endsWith('/map-data.json')).reduce((a, [, b]) => a + b, 0) : undefined;
    return {
      home: strip(home),
      provider: strip(provider),
      search: strip(search),
      searchWords: strip(searchWords),
      searchWordsAll: strip(searchWordsAll),
      searchTerm: strip(searchTerm),
      searchWhatWhere: strip(searchWhatWhere),
      searchLargest: strip(searchLargest),
      searchWhatWhereLargest: strip(searchWhatWhereLargest),
      ...(searchRareFilter ? { searchRareFilter: strip(searchRareFilter) } : {}),
      ...(map ? { map: { ...strip(map), markerDataBytes: markerBytes!, markerBytesPerLocation: Math.round((markerBytes! / Math.max(1, data.mapLocations)) * 100) / 100 } } : {}),
    };
  } finally {
    await server.close();
  }
}

/** Page weights, gzipped: the pages the budgets name, the largest file of every route, and the first provider's files. */
export function pageWeights(siteOut: string, firstSlug: string, slugs: Set<string>, terms: Set<string>) {
  // Page weights, gzipped: the pages the budgets name, and the largest file of every route.
  const file = (rel: string) => path.join(siteOut, rel);
  const gz = (rel: string) => (existsSync(file(rel)) ? gzipBytes(file(rel)) : undefined);
  const pages = {
    home: gz('index.html'),
    provider: gz(`providers/${firstSlug}/index.html`),
    providersIndex: gz('providers/index.html'),
    search: gz('search/index.html'),
    map: gz('map/index.html'),
    mapData: gz('map-data.json'),
    searchWords: gz('search-words.json'),
  };
  const routeSizes = sizeByRoute(siteOut, slugs, terms);
  // The same files at every N (the first providers are the same at every N): which of them grow.
  const samples: Record<string, number> = {};
  for (const r of routeSizes) {
    const rel = r.route.includes('[slug]') ? undefined : r.largest;
    if (rel) samples[rel] = gzipBytes(path.join(siteOut, rel));
  }
  for (const rel of readdirSync(siteOut, { recursive: true }) as string[]) {
    if (rel.split(path.sep).includes(firstSlug) && !rel.startsWith('.prerender')) {
      const full = path.join(siteOut, rel);
      if (statSync(full).isFile()) samples[`/${rel.split(path.sep).join('/')}`] = gzipBytes(full);
    }
  }
  return { pages, routeSizes, samples };
}

/** The filter ("key=id") the most groups of a place have while none of its first results does, from the built files; undefined when there is none. */
export function rareFilterAt(siteOut: string, placeId: string): string | undefined {
  const top = path.join(siteOut, 'search-places', `at-${placeId}.json`);
  const page = path.join(siteOut, 'search', 'index.html');
  if (!existsSync(top) || !existsSync(page)) return undefined;
  const config = /id="search-config"[^>]*>([\s\S]*?)<\/script>/.exec(readFileSync(page, 'utf8'))?.[1];
  if (!config) return undefined;
  const { facets } = JSON.parse(config) as { facets: string[] };
  const { c, r } = JSON.parse(readFileSync(top, 'utf8')) as { c: number[]; r: { f: number[] }[] };
  const rare = facets.map((facet, i) => ({ facet, n: c[i] ?? 0, first: r.filter((x) => x.f.includes(i)).length })).filter((x) => x.n > 0 && x.first === 0);
  const most = rare.sort((a, b) => b.n - a.n)[0];
  return most ? most.facet.replace(':', '=') : undefined;
}
