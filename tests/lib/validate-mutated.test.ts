// Valid fixtures broken at random (seeded, so every run checks the same files): the validator never throws, never
// drops a file without saying why, and points every problem at a place inside the file.
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/problems.ts';
import { validateSources } from '../../src/lib/validate.ts';
import type { SourceFile } from '../../src/lib/yaml-source.ts';
import { TODAY, vocabSources } from '../helpers/data-dir.ts';
import { fixtureFiles } from '../helpers/fixtures.ts';

/** A small linear congruential generator: the same seed gives the same files. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
}

// What a volunteer's slip or a hostile file might put in a line: YAML syntax, odd scalars, markup, control characters.
const PIECES = ['', ' ', ':', '- ', '"', "'", '{', '}', '[', ']', '&a', '*a', '<<: *a', '!!binary', '!!str', '\t', '#', '|', '>', '~', 'null', '0', '-1', '1e999', '.inf', '0x10', '1_000', 'true', '2026-13-45', '24:00', '99:99', '\u0000', '\ufeff', '\r', '%', '@', '?', '💥', '<script>alert(1)</script>', 'javascript:alert(1)'];

/** One to three edits: a line dropped, repeated, cut short, re-indented, given a new value, or a piece put in it. */
function mutate(text: string, next: () => number): string {
  const pick = <T,>(items: T[]) => items[Math.floor(next() * items.length)]!;
  const lines = text.split('\n');
  for (let edits = 1 + Math.floor(next() * 3); edits > 0; edits--) {
    const i = Math.floor(next() * lines.length);
    const line = lines[i] ?? '';
    const at = Math.floor(next() * (line.length + 1));
    const colon = line.indexOf(': ');
    switch (Math.floor(next() * 6)) {
      case 0:
        lines.splice(i, 1);
        break;
      case 1:
        lines.splice(i, 0, pick(lines));
        break;
      case 2:
        lines[i] = line.slice(0, at) + pick(PIECES) + line.slice(at);
        break;
      case 3:
        lines[i] = ' '.repeat(Math.floor(next() * 4)) + line.trimStart();
        break;
      case 4:
        if (colon > 0) lines[i] = line.slice(0, colon + 2) + pick(PIECES);
        break;
      default:
        lines[i] = line.slice(0, at);
    }
  }
  return lines.join('\n');
}

const valid = fixtureFiles('providers', 'valid').map((f) => new TextDecoder().decode(f.bytes as Uint8Array));

describe('validating valid files broken at random', () => {
  const next = random(20261202);
  const files: SourceFile[] = Array.from({ length: 300 }, (_, i) => ({
    path: `data/providers/mutated-${String(i).padStart(3, '0')}.yaml`,
    bytes: new TextEncoder().encode(mutate(valid[Math.floor(next() * valid.length)]!, next)),
  }));
  const result = validateSources({ vocab: vocabSources(), providers: files, signatories: [], logos: [], stray: [] }, { today: TODAY });

  it('breaks most of the files, so the checks below are about broken files', () => {
    const broken = files.filter((f) => result.problems.some((p) => p.file === f.path && p.severity === 'error'));
    expect(broken.length).toBeGreaterThan(files.length / 2);
  });

  it('gives every file either an entry or at least one error saying what is wrong: none is dropped in silence', () => {
    const silent = files.filter((f) => !result.dataset.providers.some((e) => e.file === f.path) && !result.problems.some((p) => p.file === f.path && p.severity === 'error'));
    expect(silent.map((f) => f.path)).toEqual([]);
  });

  it('points every problem at a line and column inside its file, with a message', () => {
    const lineCounts = new Map(files.map((f) => [f.path, new TextDecoder().decode(f.bytes as Uint8Array).split('\n').length]));
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
