// The checks that span files: duplicate ids and names, and links from signatories to providers.
import type { Dataset } from '../model/types.ts';
import type { Problem, Severity } from './problems.ts';
import { slugProblem } from './file-checks.ts';
import { suggestion } from './messages.ts';
import type { DataSources } from './index.ts';

/** Checks that span files: duplicate ids and names, and links from signatories to providers. */
export function crossChecks(dataset: Dataset, sources: DataSources, problems: Problem[], positions: Map<string, () => { line: number; col: number }>): void {
  const at = (file: string, line: number, col: number, path: string, message: string, severity: Severity = 'error') =>
    problems.push({ file, line, col, severity, path, message });
  /** Where the file's name (a provider) or provider (a signatory) is. */
  const of = (file: string) => positions.get(file)?.() ?? { line: 1, col: 1 };
  const providerSlugs = new Set(dataset.providers.map((p) => p.slug));
  for (const kind of ['providers', 'signatories'] as const) {
    const seen = new Map<string, string>();
    for (const f of sources[kind]) {
      const slug = slugProblem(f.path).slug.toLowerCase();
      const other = seen.get(slug);
      if (other) at(f.path, 1, 1, '', `has the same id as ${other}. Each entry needs its own file name.`);
      else seen.set(slug, f.path);
    }
  }
  const names = new Map<string, string>();
  for (const p of dataset.providers) {
    const name = typeof p.data.name === 'string' ? p.data.name.trim().toLowerCase() : '';
    if (!name) continue;
    const other = names.get(name);
    if (other) {
      const { line, col } = of(p.file);
      at(p.file, line, col, 'name', `"${p.data.name}" is also the name of ${other}. If it is the same organisation, merge the two files; if not, make the names distinct.`, 'warning');
    } else names.set(name, p.file);
  }
  const linked = new Map<string, string>();
  const providerFiles = new Set(sources.providers.map((f) => slugProblem(f.path).slug));
  for (const s of dataset.signatories) {
    const target = s.data.provider;
    if (typeof target !== 'string') continue;
    if (!providerSlugs.has(target)) {
      // A provider file that exists but could not be read has its own errors: the link to it is not the problem.
      if (providerFiles.has(target)) continue;
      const guess = suggestion(target, [...providerSlugs]);
      const { line, col } = of(s.file);
      at(s.file, line, col, 'provider', `"${target}" is not a provider: there is no data/providers/${target}.yaml${guess || '.'} Check the name, or remove this line.`);
    } else if (linked.has(target)) {
      const { line, col } = of(s.file);
      at(s.file, line, col, 'provider', `"${target}" is already linked from ${linked.get(target)}. A provider belongs to one signatory.`);
    } else linked.set(target, s.file);
  }
}
