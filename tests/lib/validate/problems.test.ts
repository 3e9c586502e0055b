import { describe, expect, it } from 'vitest';
import { formatAnnotation, formatPath, formatProblem, hasErrors, sortProblems, summary, type Problem } from '../../../src/lib/validate/problems.ts';

const problem = (over: Partial<Problem> = {}): Problem => ({
  file: 'data/providers/mindout.yaml',
  line: 12,
  col: 5,
  severity: 'error',
  path: 'services[0].formats[1]',
  message: '"grup" is not a known format',
  ...over,
});

describe('formatProblem', () => {
  it('prints file:line:col: severity: path: message', () => {
    expect(formatProblem(problem())).toBe('data/providers/mindout.yaml:12:5: error: services[0].formats[1]: "grup" is not a known format');
  });

  it('leaves out the path for a problem with the whole file', () => {
    expect(formatProblem(problem({ path: '', line: 1, col: 1, message: 'the file is empty.' }))).toBe('data/providers/mindout.yaml:1:1: error: the file is empty.');
  });

  it('writes a line break or an escape character from a value or a file name as visible escapes, so no CI command line can be injected', () => {
    const printed = formatProblem(problem({ file: 'data/providers/x\n::error::y.yaml', message: '"a@example.org\n::error file=README.md,line=1::Injected\u001b[31m" is not an email address' }));
    expect(printed.split('\n')).toHaveLength(1);
    expect(printed).toBe('data/providers/x\\n::error::y.yaml:12:5: error: services[0].formats[1]: "a@example.org\\n::error file=README.md,line=1::Injected\\u001b[31m" is not an email address');
  });

  it('prints warnings as warnings', () => {
    expect(formatProblem(problem({ severity: 'warning' }))).toMatch(/^data\/providers\/mindout\.yaml:12:5: warning: /);
  });
});

describe('formatAnnotation', () => {
  it('prints a GitHub Actions error annotation with file, line and column', () => {
    expect(formatAnnotation(problem())).toBe('::error file=data/providers/mindout.yaml,line=12,col=5::services[0].formats[1]: "grup" is not a known format');
  });

  it('prints a warning annotation for a warning', () => {
    expect(formatAnnotation(problem({ severity: 'warning', path: '' }))).toBe('::warning file=data/providers/mindout.yaml,line=12,col=5::"grup" is not a known format');
  });

  it('escapes percent signs and line breaks in the message so one problem stays one annotation', () => {
    expect(formatAnnotation(problem({ path: '', message: '100% wrong\r\nsecond line' }))).toBe(
      '::error file=data/providers/mindout.yaml,line=12,col=5::100%25 wrong%0D%0Asecond line',
    );
  });

  it('escapes colons and commas in the file name, which would end the property', () => {
    expect(formatAnnotation(problem({ file: 'C:/data/a,b.yaml' }))).toMatch(/^::error file=C%3A\/data\/a%2Cb\.yaml,line=12,col=5::/);
  });
});

describe('sortProblems', () => {
  it('orders by file, then line, then column, then path, then message', () => {
    const input = [
      problem({ file: 'b.yaml', line: 1, col: 1 }),
      problem({ file: 'a.yaml', line: 10, col: 1 }),
      problem({ file: 'a.yaml', line: 2, col: 9 }),
      problem({ file: 'a.yaml', line: 2, col: 3, path: 'z', message: 'm' }),
      problem({ file: 'a.yaml', line: 2, col: 3, path: 'a', message: 'z' }),
      problem({ file: 'a.yaml', line: 2, col: 3, path: 'a', message: 'b' }),
    ];
    expect(sortProblems(input).map((p) => `${p.file}:${p.line}:${p.col}:${p.path}:${p.message}`)).toEqual([
      'a.yaml:2:3:a:b',
      'a.yaml:2:3:a:z',
      'a.yaml:2:3:z:m',
      'a.yaml:2:9:services[0].formats[1]:"grup" is not a known format',
      'a.yaml:10:1:services[0].formats[1]:"grup" is not a known format',
      'b.yaml:1:1:services[0].formats[1]:"grup" is not a known format',
    ]);
  });

  it('sorts line numbers as numbers, not as text', () => {
    expect(sortProblems([problem({ line: 10 }), problem({ line: 9 })]).map((p) => p.line)).toEqual([9, 10]);
  });

  it('returns a new list and leaves the given one alone', () => {
    const input = [problem({ line: 2 }), problem({ line: 1 })];
    const sorted = sortProblems(input);
    expect(sorted).not.toBe(input);
    expect(input.map((p) => p.line)).toEqual([2, 1]);
  });
});

describe('formatPath', () => {
  it('writes fields with dots and list positions in brackets', () => {
    expect(formatPath(['services', 0, 'schedule', 'sessions', 2, 'end'])).toBe('services[0].schedule.sessions[2].end');
  });

  it('writes nothing for the whole file', () => {
    expect(formatPath([])).toBe('');
  });
});

describe('hasErrors and summary', () => {
  it('counts only errors as failing', () => {
    expect(hasErrors([problem({ severity: 'warning' })])).toBe(false);
    expect(hasErrors([problem({ severity: 'warning' }), problem()])).toBe(true);
    expect(hasErrors([])).toBe(false);
  });

  it('summarises files, errors and warnings in words', () => {
    expect(summary([], 1)).toBe('1 file checked: 0 errors, 0 warnings.');
    expect(summary([problem(), problem({ severity: 'warning' }), problem({ severity: 'warning' })], 20)).toBe('20 files checked: 1 error, 2 warnings.');
  });
});
