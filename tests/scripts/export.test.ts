// `npm run export`: writes the same files as the site, byte-identical on a second run, and fails clearly.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/dataset/dataset-fs.ts';
import { exportFiles } from '../../src/lib/export/index.ts';
import { fixtureDataDir, fixtureDataset, TODAY } from '../lib/export/fixture-data.ts';

const work = mkdtempSync(path.join(os.tmpdir(), 'spsd-export-cli-'));
const data = fixtureDataDir();
afterAll(() => {
  data.remove();
  rmSync(work, { recursive: true, force: true });
});

function run(args: string[], extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const k of ['SITE_URL', 'BASE_PATH', 'SPSD_DATA_DIR', 'BUILD_DATE']) delete env[k];
  const r = spawnSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/export.ts', ...args], { cwd: PROJECT_ROOT, env: { ...env, ...extra }, encoding: 'utf8', timeout: 120_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? listFiles(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

const common = ['--data', data.root, '--date', TODAY];

describe('npm run export', () => {
  test('--help says how to use it and exits 0', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Usage: npm run export -- --format <format> --out <dir>');
    for (const f of ['json', 'csv', 'geojson', 'hsds', 'coverage', 'all']) expect(r.stdout).toContain(f);
  });

  for (const [format, expected] of [
    ['json', ['directory.json']],
    ['csv', ['services.csv']],
    ['geojson', ['services.geojson']],
  ] as const) {
    test(`--format ${format} writes ${expected.join(', ')}, the same bytes as the site's /data/`, () => {
      const out = path.join(work, format);
      const r = run(['--format', format, '--out', out, ...common]);
      expect(r.status, r.stderr).toBe(0);
      expect(listFiles(out)).toEqual(expected);
      const want = exportFiles(fixtureDataset(), format, { buildDate: TODAY, siteRoot: 'https://sussex-peer-support.example/' });
      for (const [name, content] of want) expect(readFileSync(path.join(out, name), 'utf8')).toBe(content);
      expect(r.stderr).toMatch(/wrote 1 file .* as of 2026-11-23/);
    });
  }

  test('--format hsds writes the HSDS folder; a second run is byte-identical', () => {
    const a = path.join(work, 'hsds-a');
    const b = path.join(work, 'hsds-b');
    expect(run(['--format', 'hsds', '--out', a, ...common]).status).toBe(0);
    expect(run(['--format', 'hsds', '--out', b, ...common]).status).toBe(0);
    const files = listFiles(a);
    expect(files).toContain('hsds/services.json');
    expect(files).toContain('hsds/services_full.json');
    expect(listFiles(b)).toEqual(files);
    for (const f of files) expect(readFileSync(path.join(b, f)).equals(readFileSync(path.join(a, f))), f).toBe(true);
  });

  test('--site sets the addresses in the files; SITE_URL and BASE_PATH work as for the site build', () => {
    const out = path.join(work, 'site');
    expect(run(['-f', 'json', '-o', out, ...common, '--site', 'https://example.org/peer/']).status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'directory.json'), 'utf8')).homepage).toBe('https://example.org/peer/');
    expect(run(['-f', 'json', '-o', out, ...common], { SITE_URL: 'https://someone.github.io', BASE_PATH: '/directory/' }).status).toBe(0);
    expect(JSON.parse(readFileSync(path.join(out, 'directory.json'), 'utf8')).homepage).toBe('https://someone.github.io/directory/');
  });

  test('--format all (or several formats) writes everything', () => {
    const out = path.join(work, 'all');
    const r = run(['--format', 'all', '--out', out, ...common]);
    expect(r.status, r.stderr).toBe(0);
    expect(listFiles(out)).toContain('coverage/gaps.csv');
    expect(listFiles(out)).toContain('directory.json');
    const two = path.join(work, 'two');
    expect(run(['--format', 'csv,geojson', '--out', two, ...common]).status).toBe(0);
    expect(listFiles(two)).toEqual(['services.csv', 'services.geojson']);
  });

  test('an unknown format is refused with the list of formats, exit 2', () => {
    const r = run(['--format', 'xml', '--out', path.join(work, 'x'), ...common]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown format "xml"');
    expect(r.stderr).toContain('json, csv, geojson, hsds, coverage, all');
  });

  test('a missing --format or --out is refused, exit 2', () => {
    const noOut = run(['--format', 'json', ...common]);
    expect(noOut.status).toBe(2);
    expect(noOut.stderr).toContain('--out is missing');
    const noFormat = run(['--out', path.join(work, 'y'), ...common]);
    expect(noFormat.status).toBe(2);
    expect(noFormat.stderr).toContain('--format is missing');
  });

  test('unknown options, bad dates, bad site addresses and a missing data folder are refused, exit 2', () => {
    expect(run(['--format', 'json', '--out', work, '--colour']).status).toBe(2);
    const date = run(['--format', 'json', '--out', work, '--data', data.root, '--date', '2026-02-30']);
    expect(date.status).toBe(2);
    expect(date.stderr).toContain('--date must be a date like');
    const site = run(['--format', 'json', '--out', work, ...common, '--site', 'ftp://example.org']);
    expect(site.status).toBe(2);
    expect(site.stderr).toContain('--site must be a web address');
    const missing = run(['--format', 'json', '--out', work, '--data', path.join(work, 'no-such-folder')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('does not exist');
  });

  test('a folder it cannot write to fails with the path and the reason, exit 1', () => {
    const blocker = path.join(work, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const r = run(['--format', 'json', '--out', path.join(blocker, 'out'), ...common]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`cannot write ${path.join(blocker, 'out', 'directory.json')}`);
    expect(r.stderr).toContain('is a file, not a folder');
    if (process.getuid?.() !== 0) {
      // Permissions only stop a user who is not root.
      const locked = path.join(work, 'locked');
      mkdirSync(locked, { mode: 0o555 });
      const p = run(['--format', 'json', '--out', locked, ...common]);
      expect(p.status).toBe(1);
      expect(p.stderr).toContain('permission denied');
    }
  });

  test('data with errors is refused with the problems, and nothing is written, exit 1', () => {
    const bad = fixtureDataDir();
    try {
      writeFileSync(path.join(bad.root, 'providers', 'broken.yaml'), 'name: Broken\n');
      const out = path.join(work, 'bad');
      const r = run(['--format', 'json', '--out', out, '--data', bad.root, '--date', TODAY]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('the data has errors, so nothing was written');
      expect(r.stderr).toMatch(/broken\.yaml:1:1: error: "areas" is missing/);
      expect(() => statSync(out)).toThrow();
    } finally {
      bad.remove();
    }
  });
});
