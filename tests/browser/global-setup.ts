// Runs once before the browser tests: builds the real site from a copy of data/ plus the fixture
// providers in tests/fixtures/browser/providers/, serves it on 127.0.0.1, and tells the tests where.
//
//   BROWSER_TEST_KEEP=1         keep the temporary folder (data copy, dist, build log) and print its path
//   BROWSER_TEST_DIST=<folder>  skip the build and serve this already-built site (e.g. a kept dist/)
import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { startStaticServer } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the local server, e.g. http://127.0.0.1:41234 (no trailing slash). */
    baseUrl: string;
    /** The built site being served. */
    distDir: string;
    /** The data folder the site was built from (data/ plus the fixtures). */
    dataDir: string;
    /** Slugs (file names without .yaml) of every provider the site was built from. */
    providerSlugs: string[];
  }
}

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_PROVIDERS = path.join(PROJECT_ROOT, 'tests/fixtures/browser/providers');

const yamlFiles = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort() : []);

/** A copy of data/ with the fixture providers added; refuses a fixture whose file name is already taken. */
export function makeDataDir(target: string): string {
  cpSync(path.join(PROJECT_ROOT, 'data'), target, { recursive: true });
  const providers = path.join(target, 'providers');
  for (const file of yamlFiles(FIXTURE_PROVIDERS)) {
    const dest = path.join(providers, file);
    if (existsSync(dest)) throw new Error(`The browser fixture ${file} has the same name as data/providers/${file}. Rename the fixture (fixture files start with "fixture-").`);
    cpSync(path.join(FIXTURE_PROVIDERS, file), dest);
  }
  return target;
}

function tail(file: string, lines = 60): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no build log)';
  }
}

export async function build(dataDir: string, outDir: string, log: string): Promise<void> {
  // node_modules/.bin/astro, run with this same Node so a PATH without Node 24 does not matter.
  const astro = realpathSync(path.join(PROJECT_ROOT, 'node_modules/.bin/astro'));
  const out = createWriteStream(log);
  const started = Date.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [astro, 'build', '--outDir', outDir], {
      cwd: PROJECT_ROOT,
      env: { BUILD_DATE: '2026-11-23', ...process.env, SPSD_DATA_DIR: dataDir, BASE_PATH: '/', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(out, { end: false });
    child.stderr.pipe(out, { end: false });
    child.once('error', reject);
    child.once('close', resolve);
  });
  await new Promise<void>((resolve) => out.end(resolve));
  if (code !== 0) throw new Error(`astro build failed (exit ${code}), so the browser tests cannot run. Last lines of ${log}:\n\n${tail(log)}`);
  if (!existsSync(path.join(outDir, 'index.html'))) throw new Error(`astro build wrote no index.html in ${outDir}. Build log: ${log}`);
  console.log(`[browser tests] built the site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const keep = process.env.BROWSER_TEST_KEEP === '1';
  const prebuilt = process.env.BROWSER_TEST_DIST;
  const work = mkdtempSync(path.join(tmpdir(), 'spsd-browser-'));
  const cleanUp = () => {
    if (!keep) rmSync(work, { recursive: true, force: true });
  };
  let distDir: string;
  let dataDir: string;
  try {
    dataDir = makeDataDir(path.join(work, 'data'));
    if (prebuilt) {
      distDir = path.resolve(prebuilt);
      if (!existsSync(path.join(distDir, 'index.html'))) throw new Error(`BROWSER_TEST_DIST=${prebuilt} has no index.html`);
      console.log(`[browser tests] serving the prebuilt site in ${distDir} (BROWSER_TEST_DIST)`);
    } else {
      distDir = path.join(work, 'dist');
      console.log('[browser tests] building the site from data/ plus tests/fixtures/browser/providers/ …');
      await build(dataDir, distDir, path.join(work, 'build.log'));
    }
  } catch (error) {
    cleanUp();
    throw error;
  }

  const server = await startStaticServer(distDir);
  console.log(`[browser tests] serving ${distDir} at ${server.url}${keep ? ` (kept: ${work})` : ''}`);
  project.provide('baseUrl', server.url);
  project.provide('distDir', distDir);
  project.provide('dataDir', dataDir);
  project.provide('providerSlugs', yamlFiles(path.join(dataDir, 'providers')).map((f) => f.replace(/\.yaml$/, '')));

  return async () => {
    await server.close();
    cleanUp();
  };
}
