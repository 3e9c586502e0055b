// Checks on each data file beyond the schema: its name (the page address) and its text (no unsafe links,
// no hidden characters).
import { isSafeLink, markdownLinks, textProblem } from './contact-checks.ts';
import type { Segment } from './entry-checks.ts';
import { textSafetyProblem } from '../text/text-safety.ts';
import type { Reporter } from './messages.ts';

type Json = Record<string, unknown>;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Visits every string with its path; the path is one array, changed as the walk goes, so a visitor that keeps it must copy it. */
function walkStrings(value: unknown, path: Segment[], visit: (s: string, path: Segment[]) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkStrings(value[i], path, visit);
      path.pop();
    }
  else if (value && typeof value === 'object')
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      path.push(k);
      walkStrings((value as Json)[k], path, visit);
      path.pop();
    }
}

export function checkText(value: unknown, report: Reporter): void {
  walkStrings(value, [], (s, path) => {
    const last = path[path.length - 1];
    const problem = textProblem(s) ?? textSafetyProblem(s, last);
    if (problem) report.add(path, problem);
    if (last === 'description') {
      for (const target of markdownLinks(s))
        if (!isSafeLink(target)) report.add(path, `has a link to "${target}", which is not allowed. Links must start with https://, http://, mailto: or tel:.`);
    }
  });
}

export function slugProblem(file: string): { slug: string; problem?: string } {
  const name = file.split('/').pop() ?? file;
  const slug = name.replace(/\.ya?ml$/i, '');
  // The name to suggest is right in both ways at once, so renaming once is enough.
  const suggested = KEBAB.test(slug) ? slug : slug.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'my-group';
  if (!/\.yaml$/.test(name)) return { slug, problem: `data files must end in ".yaml" (lower case). Rename it to ${suggested}.yaml.` };
  // Right letters in the wrong places: say which place, not which letters.
  if (/^[a-z0-9-]+$/.test(slug) && !KEBAB.test(slug)) {
    const where = /^-|-$/.test(slug) ? 'cannot start or end with a hyphen' : 'cannot have two hyphens together';
    return { slug, problem: `the file name "${slug}" ${where} (it becomes the page address). Rename it to ${suggested}.yaml.` };
  }
  if (!KEBAB.test(slug))
    return {
      slug,
      problem: `the file name "${slug}" must be lower-case letters, numbers and hyphens (it becomes the page address). Rename it, for example to ${suggested}.yaml.`,
    };
  return { slug };
}

