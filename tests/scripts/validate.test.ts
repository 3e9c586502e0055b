// scripts/validate.ts as contributors, the pre-commit hook and CI run it.
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Problem } from '../../src/lib/validate/problems.ts';
import { makeDataDir, provider, readFixture, TODAY, type TempDataDir } from '../helpers/data-dir.ts';
import { runValidate } from '../helpers/run.ts';

const dirs: TempDataDir[] = [];
afterAll(() => dirs.forEach((d) => d.remove()));
function dir(spec: Parameters<typeof makeDataDir>[0] = {}): TempDataDir {
  const d = makeDataDir(spec);
  dirs.push(d);
  return d;
}

const typo = provider('Typo Group').replace('formats: [group]', 'formats: [grup]');
const stale = provider('Stale Group').replace('last_checked: 2026-06-01', 'last_checked: 2024-01-01');

describe('npm run validate', () => {
  it('prints every error as file:line:col: error: path: message, a summary, and exits 1', () => {
    const d = dir({ providers: { 'typo.yaml': typo, 'list.yaml': '- not a mapping\n', 'good.yaml': provider('Good') } });
    const r = runValidate(['--data', d.root, '--today', TODAY]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      `${d.at('providers', 'list.yaml')}:1:1: error: the file holds a list, but an entry must be a set of fields like "name: ...". Remove the leading "- " or start from a template in CONTRIBUTING.md.`,
      `${d.at('providers', 'typo.yaml')}:9:15: error: services[0].formats[0]: "grup" is not a known format — did you mean "group"? (see ${d.at('vocab', 'formats.yaml')})`,
      '23 files checked: 2 errors, 0 warnings.',
    ]);
    expect(r.stdout).toBe('');
  });

  it('exits 0 when there are only warnings, and prints them', () => {
    const d = dir({ providers: { 'stale.yaml': stale } });
    const r = runValidate(['--data', d.root, '--today', TODAY]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain(`${d.at('providers', 'stale.yaml')}:13:17: warning: verification.last_checked: was last checked on 2024-01-01`);
    expect(r.stderr).toContain('21 files checked: 0 errors, 1 warning.');
  });

  it('exits 0 and prints only the summary for valid data', () => {
    const d = dir({ providers: { 'every-field.yaml': readFixture('providers', 'valid', 'every-field.yaml') } });
    const r = runValidate(['--data', d.root, '--today', TODAY]);
    expect({ status: r.status, stderr: r.stderr.trim(), stdout: r.stdout }).toEqual({ status: 0, stderr: '21 files checked: 0 errors, 0 warnings.', stdout: '' });
  });

  it('uses --today to judge dates', () => {
    const d = dir({ providers: { 'p.yaml': provider('P').replace('last_checked: 2026-06-01', 'last_checked: 2026-11-24') } });
    expect(runValidate(['--data', d.root, '--today', '2026-11-23']).status).toBe(1);
    expect(runValidate(['--data', d.root, '--today', '2026-11-24']).status).toBe(0);
  });

  it('reads the data folder from SPSD_DATA_DIR when --data is not given', () => {
    const d = dir({ providers: { 'typo.yaml': typo } });
    const r = runValidate(['--today', TODAY], { SPSD_DATA_DIR: d.root });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${d.at('providers', 'typo.yaml')}:9:15: error:`);
  });

  it('prints machine-readable JSON with --format json', () => {
    const d = dir({ providers: { 'typo.yaml': typo, 'stale.yaml': stale } });
    const r = runValidate(['--data', d.root, '--today', TODAY, '--format', 'json']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { files: number; problems: Problem[] };
    expect(out.files).toBe(22);
    expect(out.problems).toEqual([
      expect.objectContaining({ file: d.at('providers', 'stale.yaml'), line: 13, col: 17, severity: 'warning', path: 'verification.last_checked' }),
      {
        file: d.at('providers', 'typo.yaml'),
        line: 9,
        col: 15,
        severity: 'error',
        path: 'services[0].formats[0]',
        message: `"grup" is not a known format — did you mean "group"? (see ${d.at('vocab', 'formats.yaml')})`,
      },
    ]);
  });

  it('prints GitHub annotations as well when run in GitHub Actions', () => {
    const d = dir({ providers: { 'typo.yaml': typo, 'stale.yaml': stale } });
    const r = runValidate(['--data', d.root, '--today', TODAY], { GITHUB_ACTIONS: 'true' });
    expect(r.status).toBe(1);
    expect(r.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(/^::warning file=.*stale\.yaml,line=13,col=17::verification\.last_checked: was last checked on 2024-01-01/),
      expect.stringMatching(/^::error file=.*typo\.yaml,line=9,col=15::services\[0\]\.formats\[0\]: "grup" is not a known format/),
    ]);
    expect(r.stderr).toContain(`${d.at('providers', 'typo.yaml')}:9:15: error:`);
  });

  it('prints no annotations outside GitHub Actions', () => {
    const d = dir({ providers: { 'typo.yaml': typo } });
    expect(runValidate(['--data', d.root, '--today', TODAY]).stdout).not.toContain('::error');
  });

  it('shows only the problems of the files named, and exits by their problems alone', () => {
    const d = dir({ providers: { 'typo.yaml': typo, 'stale.yaml': stale, 'good.yaml': provider('Good') } });
    const some = runValidate(['--data', d.root, '--today', TODAY, d.at('providers', 'stale.yaml')]);
    expect(some.status).toBe(0);
    expect(some.stderr).toContain('stale.yaml:13:17: warning:');
    expect(some.stderr).not.toContain('typo.yaml');
    const bad = runValidate(['--data', d.root, '--today', TODAY, d.at('providers', 'good.yaml'), d.at('providers', 'typo.yaml')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('typo.yaml:9:15: error:');
    expect(bad.stderr).not.toContain('stale.yaml');
  });

  it('checks data/postcodes.yaml, alone when it is named, with the line and column of each problem', () => {
    const postcodes = 'districts:\n  - {code: BN11, place: worthing}\n  - {code: BN12, place: goring}\n';
    const d = dir({ files: { 'postcodes.yaml': postcodes }, providers: { 'typo.yaml': typo } });
    const error = `${d.at('postcodes.yaml')}:3:25: error: districts[1].place: "BN12" has the place "goring", which is not an id in data/gazetteer.yaml.`;
    const all = runValidate(['--data', d.root, '--today', TODAY]);
    expect(all.status).toBe(1);
    expect(all.stderr).toContain(error);
    const named = runValidate(['--data', d.root, '--today', TODAY, d.at('postcodes.yaml')]);
    expect(named.status).toBe(1);
    expect(named.stderr).toContain(error);
    expect(named.stderr).not.toContain('typo.yaml');
  });

  it('refuses a file name that does not exist instead of passing it silently', () => {
    const d = dir({ providers: { 'good.yaml': provider('Good') } });
    const missing = d.at('providers', 'goood.yaml');
    const r = runValidate(['--data', d.root, '--today', TODAY, missing]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${missing}:1:1: error: there is no such file.`);
  });

  it('checks every data file in a folder it is given, and exits 1 for a broken provider in it', () => {
    const d = dir({ providers: { 'typo.yaml': typo, 'good.yaml': provider('Good') } });
    const r = runValidate(['--data', d.root, '--today', TODAY, `${d.at('providers')}/`]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/typo\.yaml:9:15: error: services\[0\]\.formats\[0\]: "grup" is not a known format/), '2 files checked: 1 error, 0 warnings.']);
  });

  it('checks a broken file from outside the data folder instead of passing it, and refuses one it cannot place', () => {
    const d = dir({ providers: { 'good.yaml': provider('Good') } });
    const broken = d.at('..', `${path.basename(d.root)}-my-group.yaml`);
    const unclear = d.at('..', `${path.basename(d.root)}-notes.yaml`);
    writeFileSync(broken, typo);
    writeFileSync(unclear, 'name: Just a name\n');
    try {
      const r = runValidate(['--data', d.root, '--today', TODAY, broken, unclear]);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`${broken}:9:15: error: services[0].formats[0]: "grup" is not a known format`);
      expect(r.stderr).toContain(`${unclear}:1:1: error: is outside the data folder`);
      expect(r.stderr).not.toContain('0 errors');
    } finally {
      rmSync(broken);
      rmSync(unclear);
    }
  });

  it('exits 1 when a folder it is given has no data files in it', () => {
    const d = dir({ files: { 'signatories/logos/': '' } });
    const r = runValidate(['--data', d.root, '--today', TODAY, d.at('signatories', 'logos')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${d.at('signatories', 'logos')}:1:1: error: has no data files in it to check.`);
  });

  it('prints its help with --help and -h, and exits 0', () => {
    for (const flag of ['--help', '-h']) {
      const r = runValidate([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^Usage: npm run validate/);
      expect(r.stdout).toContain('--format text|json');
      expect(r.stdout).toContain('Exit status: 0 when there are no errors');
    }
  });

  it.each([
    [['--format', 'xml'], /--format must be text or json, not "xml"/],
    [['--today', 'tomorrow'], /--today must be a date like 2026-03-31/],
    [['--bogus'], /Unknown option '--bogus'/],
    [['--data'], /argument missing/],
  ])('exits 2 with a message on bad usage: %j', (args, message) => {
    const r = runValidate(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^validate: /);
  });
});
