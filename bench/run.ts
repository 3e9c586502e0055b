// npm run bench: how validation, the build, search and the pages scale to 10,000 providers, each figure beside
// a baseline measured in the same run on the same machine. See BENCHMARKS.md and `npm run bench -- --help`.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { writeSyntheticDataDir } from './generate.ts';
import { PROJECT_ROOT } from '../src/lib/dataset/dataset-fs.ts';
import { validateThreads } from '../src/lib/validate/validate-workers-fs.ts';
import { writeBaselineAstro } from './baseline-astro.ts';
import { launch } from './lib/browser.ts';
import { loadAverage, machine, median, runMeasured, type ChildResult } from './lib/proc.ts';
import { writeSummary, type BenchResults, type SizeResult } from './lib/report.ts';
import { dirBytes, meanFileBytes, parseAstroLog, timeByRoute } from './lib/site.ts';
import { summariseProfile } from './profile-summary.ts';
import { readArgs } from '../scripts/cli.ts';
import { browserFigures, check, describeData, pageWeights, meanPageMs, ms, overlap, previewFigures, summary } from './lib/figures.ts';

const HELP = `Usage: npm run bench [-- options]

Generates N synthetic providers (bench/lib/synthetic.ts) into a temporary folder
and measures, for each N, with the median of several runs:
  validate (the CLI) and a bare single-threaded YAML parse of the same files;
  astro build of the site and of a bare Astro project of N trivial pages;
  Pagefind indexing time and index size; page weights gzipped; what a browser
  downloads for the home page, a provider page, the map and a search; peak memory.
Writes bench/results/<date>-<largest N>.json and the summary in BENCHMARKS.md.

  --quick              N = 100 only, one run each: a smoke check (under a minute)
  --sizes 100,1000     the values of N (default 100,1000,10000)
  --runs R             runs of each measurement, median reported (default 3; --quick 1)
  --large-build-runs B builds of the site and the baseline at N >= 10000 (default 3)
  --profile            also profile validate and the build (node --cpu-prof) at the largest N
  --no-browser         skip the Chromium measurements
  --validate-only      only validate and the YAML baseline (no builds, no browser)
  --exclude-route F    build the site without src/pages/F (repeatable), from a copy of the project
                       under bench/tmp/; the results say so. For a route too slow to build at large N
  --build-timeout M    give up a build after M minutes (default 30) and record it as not finished
  --keep               keep the generated data and built sites (printed at the end)
  --no-write           print the results only: no results file, no BENCHMARKS.md
  --help               show this help`;

const { values } = readArgs('bench', HELP, {
  options: {
    quick: { type: 'boolean' },
    sizes: { type: 'string' },
    runs: { type: 'string' },
    'large-build-runs': { type: 'string' },
    profile: { type: 'boolean' },
    'no-browser': { type: 'boolean' },
    'validate-only': { type: 'boolean' },
    keep: { type: 'boolean' },
    'exclude-route': { type: 'string', multiple: true },
    'build-timeout': { type: 'string' },
    'no-write': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
const quick = !!values.quick;
const sizes = quick ? [100] : (values.sizes ?? '100,1000,10000').split(',').map((s) => Number(s.trim()));
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes must be whole numbers');
const runs = Number(values.runs ?? (quick ? 1 : 3));
const largeBuildRuns = Number(values['large-build-runs'] ?? 3);
const LARGE = 10_000;

const excluded = values['exclude-route'] ?? [];
const buildTimeoutMs = Number(values['build-timeout'] ?? 30) * 60_000;
const bin = (name: string) => path.join(PROJECT_ROOT, 'node_modules', '.bin', name);
const today = new Date().toISOString().slice(0, 10);
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
// Synthetic data goes to the system's temporary folder, never data/. Builds go under bench/tmp/ (ignored by
// git): an --outDir inside the project keeps Astro's .prerender folder beside it, away from other builds.
const dataRoot = path.join(os.tmpdir(), `spsd-bench-${stamp}`);
const workRoot = path.join(PROJECT_ROOT, 'bench', 'tmp', `run-${stamp}`);
mkdirSync(dataRoot, { recursive: true });
mkdirSync(workRoot, { recursive: true });

/**
 * Where the site is built from: the project itself, or a copy without the excluded routes (under bench/tmp/,
 * so it still finds the project's node_modules). The project's own files are never changed.
 */
function siteRoot(): string {
  if (!excluded.length) return PROJECT_ROOT;
  const copy = path.join(workRoot, 'project');
  for (const item of ['src', 'schema', 'data', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'public']) {
    if (existsSync(path.join(PROJECT_ROOT, item))) cpSync(path.join(PROJECT_ROOT, item), path.join(copy, item), { recursive: true });
  }
  for (const route of excluded) {
    const file = path.join(copy, 'src', 'pages', route);
    if (!existsSync(file)) throw new Error(`--exclude-route ${route}: there is no src/pages/${route}`);
    rmSync(file, { recursive: true });
  }
  return copy;
}
const buildRoot = siteRoot();

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.SPSD_DATA_DIR;
  delete env.SPSD_VALIDATE_THREADS;
  delete env.NODE_OPTIONS;
  delete env.GITHUB_ACTIONS;
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

function log(message: string): void {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)} load ${loadAverage().toFixed(2)}] ${message}`);
}

async function profileRun(n: number, dataDir: string, outDir: string) {
  // Kept after the run (bench/tmp/ is ignored by git), for `tsx bench/profile-summary.ts --focus …`.
  const dir = path.join(PROJECT_ROOT, 'bench', 'tmp', 'profiles', `${stamp}-${n}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'validate'), { recursive: true });
  mkdirSync(path.join(dir, 'build'), { recursive: true });
  log(`profiling validate (one thread) at N=${n}`);
  check(
    await runMeasured(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${path.join(dir, 'validate')}`, '--import', 'tsx', 'scripts/validate.ts', '--data', dataDir], {
      cwd: PROJECT_ROOT,
      env: childEnv({ SPSD_VALIDATE_THREADS: '1' }),
    }),
    'profiled validate',
  );
  log(`profiling astro build at N=${n}`);
  rmSync(outDir, { recursive: true, force: true });
  const build = check(
    await runMeasured(bin('astro'), ['build', '--outDir', outDir], {
        cwd: buildRoot,
      env: childEnv({ SPSD_DATA_DIR: dataDir, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(dir, 'build')}` }),
      timeoutMs: buildTimeoutMs,
    }),
    'profiled build',
  );
  const biggest = (d: string) =>
    readdirSync(d)
      .map((f) => path.join(d, f))
      .sort((a, b) => statSync(b).size - statSync(a).size)[0];
  const v = biggest(path.join(dir, 'validate'));
  const b = biggest(path.join(dir, 'build'));
  return {
    dir: path.relative(PROJECT_ROOT, dir),
    validate: v ? summariseProfile(v, 15) : undefined,
    build: b ? summariseProfile(b, 20) : undefined,
    buildWallMs: ms(build.wallMs),
  };
}


async function benchSize(n: number, isLargest: boolean, browser: Awaited<ReturnType<typeof launch>> | undefined): Promise<SizeResult> {
  const dataDir = path.join(dataRoot, `data-${n}`);
  log(`N=${n}: generating`);
  const g0 = performance.now();
  writeSyntheticDataDir(dataDir, { count: n, today });
  const generateMs = ms(performance.now() - g0);
  const data = describeData(dataDir);

  // validate and the bare parse, interleaved so that other work on the machine falls on both alike.
  const threads = validateThreads(n);
  const validate: ChildResult[] = [];
  const validate1: ChildResult[] = [];
  const yaml: ChildResult[] = [];
  const jsYaml: ChildResult[] = [];
  const yamlInner: number[] = [];
  for (let r = 0; r < runs; r++) {
    log(`N=${n}: validate run ${r + 1}/${runs}`);
    validate.push(check(await runMeasured(bin('tsx'), ['scripts/validate.ts', '--data', dataDir], { cwd: PROJECT_ROOT, env: childEnv() }), 'validate'));
    if (threads > 1) validate1.push(check(await runMeasured(bin('tsx'), ['scripts/validate.ts', '--data', dataDir], { cwd: PROJECT_ROOT, env: childEnv({ SPSD_VALIDATE_THREADS: '1' }) }), 'validate (one thread)'));
    const y = check(await runMeasured(bin('tsx'), ['bench/children/yaml-parse.ts', dataDir], { cwd: PROJECT_ROOT, env: childEnv() }), 'yaml parse');
    yaml.push(y);
    yamlInner.push((JSON.parse(y.stdout.trim().split('\n').pop()!) as { ms: number }).ms);
    jsYaml.push(check(await runMeasured(bin('tsx'), ['bench/children/yaml-parse.ts', dataDir, '--js-yaml'], { cwd: PROJECT_ROOT, env: childEnv() }), 'js-yaml parse'));
  }

  // The figures every kind of run reports: the data, validate and its baseline.
  const validateFigures = () => {
    const v = summary(validate);
    const y = summary(yaml);
    return {
      n,
      data: { ...data, generateMs },
      validate: { ...v, threads },
      ...(validate1.length ? { validateOneThread: summary(validate1) } : {}),
      yamlParse: { ...y, innerMs: ms(median(yamlInner)) },
      jsYamlParse: summary(jsYaml),
      validateRatio: Math.round((v.wallMs / y.wallMs) * 100) / 100,
    };
  };
  if (values['validate-only']) {
    rmSync(dataDir, { recursive: true, force: true });
    return validateFigures() as SizeResult;
  }

  // Pagefind on its own: the build's indexing step, timed alone; the index it writes is the build's.
  const pagefind: { ms: number; loadMs: number }[] = [];
  let index = { bytes: 0, files: 0 };
  for (let r = 0; r < runs; r++) {
    log(`N=${n}: Pagefind indexing run ${r + 1}/${runs}`);
    const out = path.join(workRoot, `pagefind-${n}`);
    rmSync(out, { recursive: true, force: true });
    const p = check(await runMeasured(bin('tsx'), ['bench/children/pagefind.ts', out], { cwd: PROJECT_ROOT, env: childEnv({ SPSD_DATA_DIR: dataDir }) }), 'pagefind');
    pagefind.push(JSON.parse(p.stdout.trim().split('\n').pop()!) as { ms: number; loadMs: number });
    index = dirBytes(out);
    rmSync(out, { recursive: true, force: true });
  }
  const pagefindResult = { ms: ms(median(pagefind.map((p) => p.ms))), runsMs: pagefind.map((p) => ms(p.ms)), indexBytes: index.bytes, indexFiles: index.files };

  // The site and the bare baseline, interleaved.
  const buildRuns = n >= LARGE ? largeBuildRuns : runs;
  const siteOut = path.join(workRoot, `site-${n}`);
  const previewCache = path.join(workRoot, `previews-${n}`);
  const bareDir = path.join(workRoot, `bare-astro-${n}`);
  writeBaselineAstro(bareDir, n);
  // The same bare project with pages as large as the site's provider pages, written once the first build shows their size.
  const sizedDir = path.join(workRoot, `bare-astro-sized-${n}`);
  let providerPageBytes: number | undefined;
  const site: ChildResult[] = [];
  const bare: ChildResult[] = [];
  const sized: ChildResult[] = [];
  let timedOut: SizeResult['buildTimedOut'];
  for (let r = 0; r < buildRuns; r++) {
    rmSync(siteOut, { recursive: true, force: true });
    log(`N=${n}: astro build of the site, run ${r + 1}/${buildRuns}`);
    // The first build draws every link preview into an empty cache; the later ones are rebuilds that find them all there.
    if (r === 0) rmSync(previewCache, { recursive: true, force: true });
    const built = await runMeasured(bin('astro'), ['build', '--outDir', siteOut], { cwd: buildRoot, env: childEnv({ SPSD_DATA_DIR: dataDir, SPSD_PREVIEW_CACHE: previewCache }), timeoutMs: buildTimeoutMs });
    if (built.status !== 0) {
      const reason = built.wallMs >= buildTimeoutMs - 1000 ? `did not finish in ${buildTimeoutMs / 60_000} minutes` : `failed (exit ${built.status})`;
      log(`N=${n}: the site build ${reason}`);
      timedOut = { reason, afterMs: ms(built.wallMs), cpuMs: ms(built.cpuMs ?? Number.NaN), peakTreeRssBytes: built.peakTreeRssBytes, lastLines: `${built.stdout}\n${built.stderr}`.trim().split('\n').slice(-8) };
      break;
    }
    site.push(built);
    rmSync(path.join(bareDir, 'dist'), { recursive: true, force: true });
    log(`N=${n}: astro build of the bare baseline, run ${r + 1}/${buildRuns}`);
    bare.push(check(await runMeasured(bin('astro'), ['build'], { cwd: bareDir, env: childEnv(), timeoutMs: 60 * 60 * 1000 }), 'bare astro build'));
    if (providerPageBytes === undefined) {
      providerPageBytes = meanFileBytes(path.join(siteOut, 'providers'), 'index.html', 500);
      writeBaselineAstro(sizedDir, n, { bodyBytes: providerPageBytes });
    }
    rmSync(path.join(sizedDir, 'dist'), { recursive: true, force: true });
    log(`N=${n}: astro build of the bare baseline with pages of ${Math.round(providerPageBytes)} bytes, run ${r + 1}/${buildRuns}`);
    sized.push(check(await runMeasured(bin('astro'), ['build'], { cwd: sizedDir, env: childEnv(), timeoutMs: 60 * 60 * 1000 }), 'sized bare astro build'));
  }
  if (timedOut) {
    // Still the baseline, so the figures that do not need the built site are there.
    rmSync(path.join(bareDir, 'dist'), { recursive: true, force: true });
    log(`N=${n}: astro build of the bare baseline`);
    bare.push(check(await runMeasured(bin('astro'), ['build'], { cwd: bareDir, env: childEnv(), timeoutMs: buildTimeoutMs }), 'bare astro build'));
    const b = summary(bare);
    const bareLogs = bare.map((r) => parseAstroLog(`${r.stdout}\n${r.stderr}`));
    if (!values.keep) for (const d of [siteOut, bareDir, sizedDir, dataDir]) rmSync(d, { recursive: true, force: true });
    return {
      ...validateFigures(),
      bare: { ...b, generateMs: ms(median(bareLogs.map((l) => l.generateMs ?? Number.NaN))), pages: n, pageMs: Math.round(median(bareLogs.map(meanPageMs)) * 1000) / 1000 },
      pagefind: pagefindResult,
      buildTimedOut: timedOut,
    } as SizeResult;
  }
  const siteLogs = site.map((r) => parseAstroLog(`${r.stdout}\n${r.stderr}`));
  const bareLogs = bare.map((r) => parseAstroLog(`${r.stdout}\n${r.stderr}`));
  const slugs = new Set(readdirSync(path.join(dataDir, 'providers')).map((f) => f.replace(/\.yaml$/, '')));
  const terms = new Set<string>();
  for (const f of readdirSync(path.join(dataDir, 'vocab'))) {
    const v = parse(readFileSync(path.join(dataDir, 'vocab', f), 'utf8')) as { terms?: { id: string }[] };
    for (const t of v.terms ?? []) terms.add(t.id);
  }
  const lastLog = siteLogs[siteLogs.length - 1]!;
  // Per-page times as wall time, so routes compare with the baseline whatever the build's concurrency.
  const lastOverlap = overlap(lastLog);
  const routes = timeByRoute(lastLog.pages, slugs, terms).map((r) => ({ ...r, totalMs: r.totalMs * lastOverlap, meanMs: r.meanMs * lastOverlap, firstMs: r.firstMs * lastOverlap }));
  const providerRoute = routes.find((r) => r.route === '/providers/[slug]/index.html');
  const perProviderRoutes = routes.filter((r) => r.route.includes('[slug]'));
  const barePageMs = median(bareLogs.map(meanPageMs));
  const sizedPageMs = median(sized.map((r) => meanPageMs(parseAstroLog(`${r.stdout}\n${r.stderr}`))));
  const sitePageSum = median(siteLogs.map((l) => l.pages.reduce((a, p) => a + p.ms, 0) * overlap(l)));


  log(`N=${n}: surveying page sizes`);
  const { pages, routeSizes, samples } = pageWeights(siteOut, data.firstSlug, slugs, terms);

  // In the browser.
  const browserResult = browser ? await browserFigures(browser, siteOut, data, runs, log, n) : undefined;

  const profile = values.profile && isLargest ? await profileRun(n, dataDir, siteOut) : undefined;

  if (!values.keep) {
    rmSync(siteOut, { recursive: true, force: true });
    rmSync(bareDir, { recursive: true, force: true });
    rmSync(sizedDir, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(previewCache, { recursive: true, force: true });
  }

  const s = summary(site);
  const b = summary(bare);
  return {
    ...validateFigures(),
    build: {
      ...s,
      generateMs: ms(median(siteLogs.map((l) => l.generateMs ?? Number.NaN))),
      astroTotalMs: ms(median(siteLogs.map((l) => l.totalMs ?? Number.NaN))),
      searchIndexMs: ms(median(siteLogs.map((l) => l.searchIndexMs ?? Number.NaN))),
      dataLoadMs: ms(median(siteLogs.map((l) => l.dataLoadMs ?? Number.NaN))),
      openDataMs: ms(median(siteLogs.map((l) => l.openDataMs ?? Number.NaN))),
      shareFiles: lastLog.shareFiles,
      shareFilesMs: ms(median(siteLogs.map((l) => l.shareFilesMs ?? Number.NaN))),
      ...(lastLog.providerFiles ? { providerFiles: lastLog.providerFiles, providerFilesMs: ms(median(siteLogs.map((l) => l.providerFilesMs ?? Number.NaN))) } : {}),
      ...(siteLogs[0]?.previewsMs !== undefined ? { previews: previewFigures(siteLogs) } : {}),
      pages: lastLog.pageCount ?? lastLog.pages.length,
      renderSumMs: ms(sitePageSum),
      providerPageMs: providerRoute?.meanMs,
      perProviderAllPagesMs: Math.round(((perProviderRoutes.reduce((a, r) => a + r.totalMs, 0) + (lastLog.shareFilesMs ?? 0) + (lastLog.providerFilesMs ?? 0)) / n) * 100) / 100,
      routes: routes.slice(0, 25),
    },
    bare: { ...b, generateMs: ms(median(bareLogs.map((l) => l.generateMs ?? Number.NaN))), pages: n, pageMs: Math.round(barePageMs * 1000) / 1000 },
    buildRatio: Math.round((s.wallMs / b.wallMs) * 100) / 100,
    providerPageRatio: providerRoute ? Math.round((providerRoute.meanMs / barePageMs) * 100) / 100 : undefined,
    ...(sized.length && providerPageBytes !== undefined
      ? {
          bareSized: { ...summary(sized), pageBytes: Math.round(providerPageBytes), pageMs: Math.round(sizedPageMs * 1000) / 1000 },
          providerPageRatioSameSize: providerRoute ? Math.round((providerRoute.meanMs / sizedPageMs) * 100) / 100 : undefined,
        }
      : {}),
    pagefind: pagefindResult,
    pages,
    routeSizes: routeSizes.slice(0, 40),
    samples,
    ...(browserResult ? { browser: browserResult } : {}),
    ...(profile ? { profile } : {}),
  };
}

const started = performance.now();
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: machine(),
  options: { sizes, runs, largeBuildRuns, quick, today, excludedRoutes: excluded },
  sizes: [],
};
log(`machine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, node ${results.machine.node}`);
const browser = values['no-browser'] || values['validate-only'] ? undefined : await launch();
try {
  for (const n of sizes) {
    results.sizes.push(await benchSize(n, n === Math.max(...sizes), browser));
    // What is done so far survives a later failure.
    if (!values['no-write'] && !values['validate-only']) {
      mkdirSync(path.join(PROJECT_ROOT, 'bench', 'results'), { recursive: true });
      writeFileSync(path.join(PROJECT_ROOT, 'bench', 'results', `${today}-${Math.max(...sizes)}.partial.json`), `${JSON.stringify(results, null, 2)}\n`);
    }
  }
} finally {
  await browser?.close();
}
results.machine.loadAverageEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
results.elapsedMs = ms(performance.now() - started);

const json = `${JSON.stringify(results, null, 2)}\n`;
if (values['validate-only']) {
  for (const s of results.sizes)
    log(
      `N=${s.n}: validate ${s.validate.wallMs} ms wall, ${s.validate.cpuMs} ms CPU on ${s.validate.threads} thread(s)` +
        `${s.validateOneThread ? ` (one thread: ${s.validateOneThread.wallMs} ms wall, ${s.validateOneThread.cpuMs} ms CPU)` : ''}; ` +
        `YAML parse ${s.yamlParse.wallMs} ms wall, ${s.yamlParse.cpuMs} ms CPU; ratio ${s.validateRatio}; runs ${JSON.stringify(s.validate.runs.map((r) => r.wallMs))} vs ${JSON.stringify(s.yamlParse.runs.map((r) => r.wallMs))}`,
    );
  rmSync(dataRoot, { recursive: true, force: true });
  rmSync(workRoot, { recursive: true, force: true });
  process.exit(0);
}
if (values['no-write']) console.log(json);
else {
  const dir = path.join(PROJECT_ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${today}-${Math.max(...sizes)}.json`);
  writeFileSync(out, json);
  rmSync(path.join(dir, `${today}-${Math.max(...sizes)}.partial.json`), { force: true });
  log(`wrote ${path.relative(PROJECT_ROOT, out)}`);
  if (!quick) {
    writeSummary(path.join(PROJECT_ROOT, 'BENCHMARKS.md'), results, path.relative(PROJECT_ROOT, out));
    log('updated the summary in BENCHMARKS.md');
  }
}
for (const s of results.sizes) {
  const b = s.browser;
  const build = s.build
    ? `build ${s.build.wallMs} ms for ${s.build.pages} pages (${s.buildRatio}× bare ${s.bare?.wallMs} ms); provider page ${s.build.providerPageMs} ms (${s.providerPageRatio}× bare ${s.bare?.pageMs} ms, ${s.providerPageRatioSameSize ?? '–'}× a bare page of its size); ` +
      `Pagefind ${s.pagefind?.ms} ms, ${s.pagefind?.indexBytes} B; peak ${(s.build.peakTreeRssBytes / 2 ** 20).toFixed(0)} MiB`
    : `build ${s.buildTimedOut?.reason} (after ${s.buildTimedOut?.afterMs} ms); bare ${s.bare?.wallMs} ms`;
  log(
    `N=${s.n}: validate ${s.validate.wallMs} ms (${s.validateRatio}× YAML parse ${s.yamlParse.wallMs} ms); ${build}` +
      (b ? `; home ${b.home.bytes} B, provider ${b.provider.bytes} B, search ${b.search.bytes} B in ${b.search.readyMs} ms${b.map ? `, map ${b.map.bytes} B, markers in ${b.map.readyMs} ms, ${b.map.markerBytesPerLocation} B/location` : ''}` : ''),
  );
}
if (values.keep) log(`kept: ${dataRoot} and ${workRoot}`);
else {
  rmSync(dataRoot, { recursive: true, force: true });
  rmSync(workRoot, { recursive: true, force: true });
}
log(`done in ${(results.elapsedMs / 1000).toFixed(1)} s`);
