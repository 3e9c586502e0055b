// Valid fixtures broken at random (seeded, so every run checks the same files): the validator never throws, never
// drops a file without saying why, and points every problem at a place inside the file.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../src/lib/validate/problems.ts';
import type { SourceFile } from '../../../src/lib/dataset/yaml-source.ts';
import { sourcesOf, validate } from '../../helpers/data-dir.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';
import { mutate, random } from '../../helpers/mutations.ts';

const valid = fixtureFiles('providers', 'valid').map((f) => new TextDecoder().decode(f.bytes as Uint8Array));

describe('validating valid files broken at random', () => {
  const next = random(20261202);
  const names = Array.from({ length: 300 }, (_, i) => `mutated-${String(i).padStart(3, '0')}.yaml`);
  const providers = Object.fromEntries(names.map((name) => [name, mutate(valid[Math.floor(next() * valid.length)]!, next)]));
  const files: SourceFile[] = sourcesOf({ providers }).providers;
  const result = validate({ providers });

  it('breaks most of the files, so the checks below are about broken files', () => {
    const broken = files.filter((f) => result.problems.some((p) => p.file === f.path && p.severity === 'error'));
    expect(broken.length).toBeGreaterThan(files.length / 2);
  });

  it('gives every file either an entry or at least one error saying what is wrong: none is dropped in silence', () => {
    const silent = files.filter((f) => !result.dataset.providers.some((e) => e.file === f.path) && !result.problems.some((p) => p.file === f.path && p.severity === 'error'));
    expect(silent.map((f) => f.path)).toEqual([]);
  });

  it('points every problem at a line and column inside its file, with a message', () => {
    const lineCounts = new Map(files.map((f) => [f.path, String(f.bytes).split('\n').length]));
    const misplaced = result.problems.filter((p) => {
      const lines = lineCounts.get(p.file);
      return lines === undefined || p.line < 1 || p.line > lines || p.col < 1 || !p.message.trim();
    });
    expect(misplaced.map(formatProblem)).toEqual([]);
  });

  it('writes each problem as file:line:col: severity: path: message on one line', () => {
    for (const p of result.problems) expect(formatProblem(p)).toMatch(/^data\/providers\/mutated-\d{3}\.yaml:\d+:\d+: (error|warning): [^\n]+$/);
  });
});
