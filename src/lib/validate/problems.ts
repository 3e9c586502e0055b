// One shape for every problem the validator finds, and the ways to print it.
import { escapeControls } from '../text/text-safety.ts';
import { plural } from '../text/words.ts';

export type Severity = 'error' | 'warning';

export interface Problem {
  file: string;
  line: number;
  col: number;
  severity: Severity;
  /** Where in the entry, e.g. services[0].formats[1]; empty for the whole file. */
  path: string;
  message: string;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.col - b.col ||
      a.path.localeCompare(b.path) ||
      a.message.localeCompare(b.message),
  );
}

export function formatProblem(p: Problem): string {
  const where = p.path ? `${p.path}: ` : '';
  // Values and file names come from contributors: a line break in one must not start a line of its own.
  return escapeControls(`${p.file}:${p.line}:${p.col}: ${p.severity}: ${where}${p.message}`);
}

/** GitHub Actions annotation, so the problem shows on the pull request diff. */
export function formatAnnotation(p: Problem): string {
  const escape = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const prop = (s: string) => escape(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
  const where = p.path ? `${p.path}: ` : '';
  return `::${p.severity} file=${prop(p.file)},line=${p.line},col=${p.col}::${escape(where + p.message)}`;
}

export function formatPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}

export function hasErrors(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

export function summary(problems: Problem[], files: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(files, 'file')} checked: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}.`;
}
