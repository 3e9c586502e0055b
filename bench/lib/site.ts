// Reading a finished build: Astro's log (time per page, by route), file sizes gzipped, and which pages grow.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** "743ms", "58.20s", "1m 8s" → milliseconds. */
export function duration(text: string): number {
  let ms = 0;
  for (const m of text.matchAll(/([\d.]+)\s*(ms|m|s)\b/g)) ms += Number(m[1]) * (m[2] === 'ms' ? 1 : m[2] === 's' ? 1000 : 60_000);
  return ms;
}

export interface AstroLog {
  /** Astro's "generating static routes … Completed in": collecting paths and rendering every page. */
  generateMs?: number;
  /** Astro's "N page(s) built in": the whole build, including integrations' build:done hooks. */
  totalMs?: number;
  pageCount?: number;
  /** Made in the integration's astro:build:start hook, before any page: the data loaded and validated, the search index, the open data files. */
  dataLoadMs?: number;
  searchIndexMs?: number;
  openDataMs?: number;
  /** Short-link pages, written by the integration after the pages (before this run's changes: calendars and correction data too). */
  shareFiles?: number;
  shareFilesMs?: number;
  /** Calendars and correction data, written by the integration while Pagefind indexes. */
  providerFiles?: number;
  providerFilesMs?: number;
  /** Link preview pictures after the pages: how many were drawn, how many came from the cache, and the time for all. */
  previewsDrawn?: number;
  previewsReused?: number;
  previewsMs?: number;
  /** Every page Astro logged, with the time it says that page took (from its start to its end: pages overlap). */
  pages: { path: string; ms: number }[];
}

export function parseAstroLog(log: string): AstroLog {
  // eslint-disable-next-line no-control-regex
  const text = log.replace(/\x1b\[[0-9;]*m/g, '');
  // With several pages built at once, Astro prints a page's path when it starts and a time, that page's own, when
  // one finishes, the next line's clock straight after a path: "├─ /a/10:00:01 ├─ /b/ (+9ms)". Pages are taken in
  // turn, so the k-th time is taken to be the k-th page's.
  const paths: string[] = [];
  const times: number[] = [];
  for (const m of text.matchAll(/[├└]─ (\/[^\s(]*?)(?=\d{2}:\d{2}:\d{2}\s|[\s(]|$)|\(\+(\d[\d.]*\s*(?:ms|s|m)(?:\s+[\d.]+\s*(?:ms|s))?)\)/g)) {
    if (m[1] !== undefined) paths.push(m[1]);
    else times.push(duration(m[2]!));
  }
  const pages: AstroLog['pages'] = paths.slice(0, times.length).map((p, k) => ({ path: p, ms: times[k]! }));
  const generated = /generating static routes[\s\S]*?✓ Completed in ([^.\n]+(?:\.\d+)?[a-z]*)\./.exec(text);
  const built = /(\d+) page\(s\) built in ([^\n]+)/.exec(text);
  const searchIndex = /Search index: \d+ providers in (\d+)ms/.exec(text);
  const dataLoad = /Data: \d+ providers loaded and validated in (\d+)ms/.exec(text);
  const openData = /Open data: \d+ files in (\d+)ms/.exec(text);
  const shareFiles = /Share files: (\d+) (?:files|short links) in (\d+)ms/.exec(text);
  const providerFiles = /Provider files: (\d+) calendars and correction data in (\d+)ms/.exec(text);
  const previews = /Link previews: (\d+) drawn, (\d+) from the cache in (\d+)ms/.exec(text);
  return {
    ...(generated ? { generateMs: duration(generated[1]!) } : {}),
    ...(searchIndex ? { searchIndexMs: Number(searchIndex[1]) } : {}),
    ...(dataLoad ? { dataLoadMs: Number(dataLoad[1]) } : {}),
    ...(openData ? { openDataMs: Number(openData[1]) } : {}),
    ...(shareFiles ? { shareFiles: Number(shareFiles[1]), shareFilesMs: Number(shareFiles[2]) } : {}),
    ...(providerFiles ? { providerFiles: Number(providerFiles[1]), providerFilesMs: Number(providerFiles[2]) } : {}),
    ...(previews ? { previewsDrawn: Number(previews[1]), previewsReused: Number(previews[2]), previewsMs: Number(previews[3]) } : {}),
    ...(built ? { pageCount: Number(built[1]), totalMs: duration(built[2]!) } : {}),
    pages,
  };
}

/** A page path as its route: provider slugs become [slug], the part after a slug [item], vocabulary ids [term]. */
export function routeOf(pagePath: string, slugs: Set<string>, terms: Set<string>): string {
  const parts = pagePath.split('/').filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const stem = part.replace(/\.[a-z]+$/, '');
    const ext = part.slice(stem.length);
    // Provider files are always in a folder (/providers/, /p/, /calendar/): a top-level page named like a slug is not one.
    if (i > 0 && slugs.has(stem)) out.push(`[slug]${ext}`);
    // A service's file in a flat folder: /calendar/<slug>--<service>.ics.
    else if (i > 0 && stem.includes('--') && slugs.has(stem.slice(0, stem.indexOf('--')))) out.push(`[slug]--[item]${ext}`);
    else if (i > 0 && out[i - 1]?.startsWith('[slug]') && part !== 'index.html') out.push(`[item]${ext}`);
    else if (terms.has(stem) && i > 0) out.push(`[term]${ext}`);
    else if (/^\d+$/.test(part) && i > 0) out.push('[page]');
    else out.push(part);
  }
  return `/${out.join('/')}`;
}

export interface RouteTime {
  route: string;
  pages: number;
  totalMs: number;
  /** Mean time per page, leaving out the route's first page (it also pays for loading the route's code). */
  meanMs: number;
  firstMs: number;
}

export function timeByRoute(pages: AstroLog['pages'], slugs: Set<string>, terms: Set<string>): RouteTime[] {
  const by = new Map<string, { pages: number; ms: number; first: number }>();
  for (const p of pages) {
    const r = routeOf(p.path, slugs, terms);
    const e = by.get(r) ?? { pages: 0, ms: 0, first: p.ms };
    e.pages++;
    e.ms += p.ms;
    by.set(r, e);
  }
  return [...by]
    .map(([route, e]) => ({
      route,
      pages: e.pages,
      totalMs: Math.round(e.ms),
      meanMs: Math.round(((e.pages > 1 ? e.ms - e.first : e.ms) / Math.max(1, e.pages - 1)) * 100) / 100,
      firstMs: e.first,
    }))
    .sort((a, b) => b.totalMs - a.totalMs);
}

export function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 6 }).length;
}

export function dirBytes(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  if (!existsSync(dir)) return { bytes, files };
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
    files++;
  }
  return { bytes, files };
}

/** The mean raw size of `name` in the first `limit` folders of `dir` (by name): e.g. the provider pages' index.html. */
export function meanFileBytes(dir: string, name: string, limit: number): number {
  const folders = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, name))).map((e) => e.name).sort().slice(0, limit) : [];
  if (!folders.length) return 0;
  return folders.reduce((sum, f) => sum + statSync(path.join(dir, f, name)).size, 0) / folders.length;
}

/** Every file in the build (relative path, raw size), for the route size survey. */
export function listOutput(dir: string): { rel: string; bytes: number }[] {
  const out: { rel: string; bytes: number }[] = [];
  if (!existsSync(dir)) return out;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = path.join(e.parentPath, e.name);
    const rel = `/${path.relative(dir, full).split(path.sep).join('/')}`;
    if (rel.startsWith('/.prerender/') || rel.startsWith('/pagefind/') || rel.startsWith('/_astro/')) continue;
    out.push({ rel, bytes: statSync(full).size });
  }
  return out;
}

export interface RouteSize {
  route: string;
  files: number;
  /** Largest file of the route, raw and gzipped, and which it is. */
  maxBytes: number;
  maxGzip: number;
  largest: string;
  totalBytes: number;
}

/** Sizes by route: the largest file of each route is gzipped (all of a route's files are counted raw). */
export function sizeByRoute(dir: string, slugs: Set<string>, terms: Set<string>): RouteSize[] {
  const by = new Map<string, { files: number; max: number; largest: string; total: number }>();
  for (const f of listOutput(dir)) {
    const r = routeOf(f.rel, slugs, terms);
    const e = by.get(r) ?? { files: 0, max: -1, largest: '', total: 0 };
    e.files++;
    e.total += f.bytes;
    if (f.bytes > e.max) [e.max, e.largest] = [f.bytes, f.rel];
    by.set(r, e);
  }
  return [...by]
    .map(([route, e]) => ({ route, files: e.files, maxBytes: e.max, maxGzip: gzipBytes(path.join(dir, e.largest)), largest: e.largest, totalBytes: e.total }))
    .sort((a, b) => b.maxGzip - a.maxGzip);
}
