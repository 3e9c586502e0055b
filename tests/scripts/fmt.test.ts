// npm run fmt as a contributor and CI run it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryFiles } from '../../src/lib/upkeep/fmt-fs.ts';
import { FIXTURES, makeDataDir, type TempDataDir } from '../helpers/data-dir.ts';
import { runScript } from '../fixtures/contrib/harness.ts';

const contrib = (...p: string[]) => readFileSync(path.join(FIXTURES, 'contrib', ...p), 'utf8');

describe('npm run fmt', () => {
  let dir: TempDataDir;
  beforeAll(() => {
    dir = makeDataDir({
      providers: { 'out-of-order.yaml': contrib('fmt', 'out-of-order.yaml'), 'broken.yaml': contrib('fmt', 'syntax-error.yaml') },
      signatories: { 'sig.yaml': contrib('fmt', 'signatory-out-of-order.yaml') },
    });
  });
  afterAll(() => dir.remove());
  const bytes = () => Object.fromEntries(entryFiles(dir.root).map((f) => [path.basename(f.full), readFileSync(f.full).toString('base64')]));

  it('passes on the seed data: every file in data/ is already formatted', async () => {
    const r = await runScript('fmt.ts', ['--check']);
    expect(r.stderr).toMatch(/files checked: 0 not formatted\.\n$/);
    expect(r.status).toBe(0);
  });

  it('--check lists the unformatted files and the broken one, exits 1 and changes nothing', async () => {
    const before = bytes();
    const r = await runScript('fmt.ts', ['--check', '--data', dir.root]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/providers\/out-of-order\.yaml:1:1: error: not formatted .*Run "npm run fmt"/);
    expect(r.stderr).toMatch(/signatories\/sig\.yaml:1:1: error: not formatted/);
    expect(r.stderr).toMatch(/providers\/broken\.yaml:\d+:\d+: error: YAML syntax: /);
    expect(r.stderr).toContain('3 files checked: 2 not formatted. 1 could not be formatted and was left as it is.');
    expect(bytes()).toEqual(before);
  });

  it('formats the files it can, leaves the broken one byte for byte, and exits 1 because of it', async () => {
    const broken = readFileSync(dir.at('providers', 'broken.yaml'));
    const r = await runScript('fmt.ts', ['--data', dir.root]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/Formatted .*out-of-order\.yaml/);
    expect(readFileSync(dir.at('providers', 'out-of-order.yaml'), 'utf8')).toBe(contrib('fmt', 'out-of-order.expected.yaml'));
    expect(readFileSync(dir.at('providers', 'broken.yaml'))).toEqual(broken);
    const again = await runScript('fmt.ts', ['--check', '--data', dir.root]);
    expect(again.stderr).toContain('3 files checked: 0 not formatted.');
  });

  it('formats only the files it is given', async () => {
    const one = makeDataDir({ providers: { 'a.yaml': contrib('fmt', 'out-of-order.yaml'), 'b.yaml': contrib('fmt', 'out-of-order.yaml') } });
    try {
      const r = await runScript('fmt.ts', [one.at('providers', 'a.yaml'), one.at('vocab', 'areas.yaml')]);
      expect(r.status).toBe(0);
      expect(r.stderr).toMatch(/areas\.yaml is not in a providers\/ or signatories\/ folder, so it was skipped/);
      expect(readFileSync(one.at('providers', 'a.yaml'), 'utf8')).toBe(contrib('fmt', 'out-of-order.expected.yaml'));
      expect(readFileSync(one.at('providers', 'b.yaml'), 'utf8')).toBe(contrib('fmt', 'out-of-order.yaml'));
    } finally {
      one.remove();
    }
  });

  it('explains itself with --help and refuses unknown options', async () => {
    const help = await runScript('fmt.ts', ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run fmt/);
    const bad = await runScript('fmt.ts', ['--chekc']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option '--chekc'/);
  });
});
