// npm run fmt's core: canonical order without losing comments, and never damaging a file.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../../src/lib/dataset/dataset-fs.ts';
import { entryFiles, formatFiles, formatText, writeAtomic, writeNewFileAtomic, yamlComments } from '../../../src/lib/upkeep/fmt-fs.ts';
import { SCHEMA_LINES } from '../../../src/lib/provider-yaml.ts';
import { FIXTURES, makeDataDir, type TempDataDir } from '../../helpers/data-dir.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';
import { mutate, random } from '../../helpers/mutations.ts';

const contrib = (...p: string[]) => readFileSync(path.join(FIXTURES, 'contrib', ...p), 'utf8');

describe('formatText', () => {
  it('puts fields in canonical order and keeps every comment where it belongs', () => {
    const outcome = formatText('out-of-order.yaml', contrib('fmt', 'out-of-order.yaml'), 'provider');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.changed).toBe(true);
    expect(outcome.text).toBe(contrib('fmt', 'out-of-order.expected.yaml'));
    // Same data, same comments (plus the schema line).
    expect(parse(outcome.text)).toEqual(parse(contrib('fmt', 'out-of-order.yaml')));
    const before = yamlComments(contrib('fmt', 'out-of-order.yaml')).map((c) => c.text);
    const after = yamlComments(outcome.text).map((c) => c.text);
    expect(after.sort()).toEqual([...before, SCHEMA_LINES.provider].sort());
  });

  it('is idempotent', () => {
    const once = formatText('x.yaml', contrib('fmt', 'out-of-order.yaml'), 'provider');
    if (!once.ok) throw new Error('expected ok');
    expect(formatText('x.yaml', once.text, 'provider')).toMatchObject({ ok: true, changed: false, text: once.text });
  });

  it('formats any file it can read to text that formats to itself and holds the same data, and refuses the rest with a reason', () => {
    // 400 valid fixtures broken at random (seeded): what the pre-commit hook may meet in a volunteer's file.
    const next = random(20261202);
    const valid = fixtureFiles('providers', 'valid').map((f) => new TextDecoder().decode(f.bytes as Uint8Array));
    let formatted = 0;
    for (let i = 0; i < 400; i++) {
      const input = mutate(valid[Math.floor(next() * valid.length)]!, next);
      const once = formatText('x.yaml', input, 'provider');
      if (!once.ok) {
        expect(once.problems.length, input).toBeGreaterThan(0);
        continue;
      }
      formatted++;
      expect(parse(once.text), input).toEqual(parse(input.replace(/^\uFEFF/, '')));
      expect(formatText('x.yaml', once.text, 'provider'), input).toMatchObject({ ok: true, changed: false, text: once.text });
    }
    // Enough of each outcome for the checks above to mean something.
    expect(formatted).toBeGreaterThan(40);
    expect(formatted).toBeLessThan(400);
  });

  it('leaves the seed data as it is (it is already canonical)', () => {
    for (const f of entryFiles(path.join(PROJECT_ROOT, 'data'))) {
      const outcome = formatText(f.display, readFileSync(f.full), f.kind);
      expect(outcome, f.display).toMatchObject({ ok: true, changed: false });
    }
  });

  it('adds the schema line when it is missing, and only once', () => {
    const outcome = formatText('x.yaml', contrib('fmt', 'no-schema-line.yaml'), 'provider');
    if (!outcome.ok) throw new Error('expected ok');
    expect(outcome.text).toBe(`${SCHEMA_LINES.provider}\n${contrib('fmt', 'no-schema-line.yaml')}`);
    const signatory = formatText('s.yaml', contrib('fmt', 'signatory-out-of-order.yaml'), 'signatory');
    if (!signatory.ok) throw new Error('expected ok');
    expect(signatory.text.split('\n').slice(0, 3)).toEqual([SCHEMA_LINES.signatory, '# A made-up signatory with its fields out of order. Not a real organisation.', 'name: Fixture Signatory']);
    expect(signatory.text.match(/yaml-language-server/g)).toHaveLength(1);
  });

  it('reports a file that does not parse with its line and column, and gives no text', () => {
    const outcome = formatText('data/providers/broken.yaml', contrib('fmt', 'syntax-error.yaml'), 'provider');
    expect(outcome.ok).toBe(false);
    expect(outcome.problems[0]).toMatchObject({ file: 'data/providers/broken.yaml', severity: 'error' });
    expect(outcome.problems[0]?.line).toBeGreaterThanOrEqual(3);
    expect(outcome.problems[0]?.message).toMatch(/^YAML syntax:/);
    expect('text' in outcome).toBe(false);
  });

  it('refuses when reordering would break an alias', () => {
    const outcome = formatText('a.yaml', contrib('fmt', 'alias-before-anchor.yaml'), 'provider');
    expect(outcome.ok).toBe(false);
    expect(outcome.problems[0]?.message).toMatch(/left as it is/);
  });

  it.each([
    ['empty', ''],
    ['only comments', '# nothing here\n'],
    ['a list', '- name: X\n'],
    ['two documents', 'name: A\n---\nname: B\n'],
    ['a duplicate key', 'name: A\nname: B\n'],
    ['tabs', 'name: A\nservices:\n\t- id: x\n'],
    ['invalid UTF-8', Buffer.from([0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0xfe, 0x0a])],
  ])('refuses %s', (_what, content) => {
    expect(formatText('x.yaml', content, 'provider')).toMatchObject({ ok: false });
  });

  it('reads CRLF and a byte-order mark, and writes plain LF UTF-8 with the same data', () => {
    const crlf = 'summary: S\r\nname: N # c\r\n';
    const outcome = formatText('x.yaml', `\uFEFF${crlf}`, 'provider');
    if (!outcome.ok) throw new Error('expected ok');
    expect(outcome.text).toBe(`${SCHEMA_LINES.provider}\nname: N # c\nsummary: S\n`);
  });

  it('keeps a comment above the first field of a nested map with that field', () => {
    const outcome = formatText('x.yaml', 'name: N\nverification:\n  # about source\n  source: s\n  status: unverified\n', 'provider');
    if (!outcome.ok) throw new Error('expected ok');
    expect(outcome.text).toContain('verification:\n  status: unverified\n  # about source\n  source: s\n');
  });
});

describe('formatFiles', () => {
  let dir: TempDataDir;
  beforeEach(() => {
    dir = makeDataDir({
      providers: {
        'out-of-order.yaml': contrib('fmt', 'out-of-order.yaml'),
        'broken.yaml': contrib('fmt', 'syntax-error.yaml'),
        'alias.yaml': contrib('fmt', 'alias-before-anchor.yaml'),
        'done.yaml': contrib('fmt', 'out-of-order.expected.yaml'),
      },
      signatories: { 'sig.yaml': contrib('fmt', 'signatory-out-of-order.yaml') },
    });
  });
  afterEach(() => dir.remove());

  const snapshot = () => Object.fromEntries(entryFiles(dir.root).map((f) => [f.full, readFileSync(f.full)]));

  it('with check, writes nothing and lists what is not formatted', () => {
    const before = snapshot();
    const report = formatFiles(entryFiles(dir.root), { check: true });
    expect(report.changed.map((c) => path.basename(c.file)).sort()).toEqual(['out-of-order.yaml', 'sig.yaml']);
    expect(report.changed.find((c) => c.file.endsWith('out-of-order.yaml'))?.line).toBe(1);
    expect(report.unchanged.map((f) => path.basename(f))).toEqual(['done.yaml']);
    expect(report.problems.map((p) => path.basename(p.file)).sort()).toEqual(['alias.yaml', 'broken.yaml']);
    expect(snapshot()).toEqual(before);
  });

  it('formats what it can, and leaves every file it cannot format byte for byte as it was', () => {
    const before = snapshot();
    const report = formatFiles(entryFiles(dir.root));
    expect(report.changed).toHaveLength(2);
    const after = snapshot();
    expect(after[dir.at('providers', 'broken.yaml')]).toEqual(before[dir.at('providers', 'broken.yaml')]);
    expect(after[dir.at('providers', 'alias.yaml')]).toEqual(before[dir.at('providers', 'alias.yaml')]);
    expect(after[dir.at('providers', 'done.yaml')]).toEqual(before[dir.at('providers', 'done.yaml')]);
    expect(readFileSync(dir.at('providers', 'out-of-order.yaml'), 'utf8')).toBe(contrib('fmt', 'out-of-order.expected.yaml'));
    // No temporary files left behind.
    expect(readdirSync(dir.at('providers')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(formatFiles(entryFiles(dir.root), { check: true }).changed).toEqual([]);
  });
});

describe('atomic writes', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'spsd-atomic-'));
  });
  afterEach(() => rmSync(tmp, { recursive: true, force: true }));

  it('replaces a file and keeps its permissions', () => {
    const file = path.join(tmp, 'a.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(file, 0o640);
    writeAtomic(file, 'new\n', readFileSync(file));
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(tmp)).toEqual(['a.yaml']);
  });

  it('writes nothing when the file changed since it was read', () => {
    const file = path.join(tmp, 'a.yaml');
    writeFileSync(file, 'edited meanwhile\n');
    expect(() => writeAtomic(file, 'new\n', Buffer.from('old\n'))).toThrow(/changed while/);
    expect(readFileSync(file, 'utf8')).toBe('edited meanwhile\n');
    expect(readdirSync(tmp)).toEqual(['a.yaml']);
  });

  it('fails cleanly when the folder cannot be written, leaving the file as it was', () => {
    if (process.getuid?.() === 0) return; // root can write anywhere
    const sub = path.join(tmp, 'ro');
    mkdirSync(sub);
    const file = path.join(sub, 'a.yaml');
    writeFileSync(file, 'old\n');
    chmodSync(sub, 0o500);
    try {
      expect(() => writeAtomic(file, 'new\n')).toThrow();
      expect(readFileSync(file, 'utf8')).toBe('old\n');
    } finally {
      chmodSync(sub, 0o700);
    }
  });

  it('creates a new file, and never replaces one that exists', () => {
    const file = path.join(tmp, 'new.yaml');
    writeNewFileAtomic(file, 'first\n');
    expect(readFileSync(file, 'utf8')).toBe('first\n');
    expect(() => writeNewFileAtomic(file, 'second\n')).toThrow(expect.objectContaining({ code: 'EEXIST' }) as Error);
    expect(readFileSync(file, 'utf8')).toBe('first\n');
    expect(readdirSync(tmp)).toEqual(['new.yaml']);
    expect(existsSync(path.join(tmp, 'missing', 'x.yaml'))).toBe(false);
  });
});
