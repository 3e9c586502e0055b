// Publishes the signatories' logos: only the files a signatory names, and only ordinary files that pass the
// logo checks, so nothing else put in data/signatories/logos/ ever reaches the site's domain.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileKind } from './file-kinds-fs.ts';
import { logoProblem } from './logo-check.ts';
import type { Dataset } from '../model/types.ts';

/** Copies each logo a signatory names from `from` to `to`; returns the names copied. */
export function publishLogos(dataset: Dataset, from: string, to: string): string[] {
  const names = [...new Set(dataset.signatories.flatMap((s) => (s.data.logo?.file ? [s.data.logo.file] : [])))].sort();
  mkdirSync(to, { recursive: true });
  const copied: string[] = [];
  for (const name of names) {
    // The validator refuses these already; checked again here, as the build copies exactly what it names.
    const source = path.join(from, name);
    if (path.basename(name) !== name || fileKind(source) !== 'file') throw new Error(`The logo ${name} is not an ordinary file in ${from}, so it was not published.`);
    const problem = logoProblem(name, readFileSync(source));
    if (problem) throw new Error(`The logo ${name} ${problem}`);
    copyFileSync(source, path.join(to, name));
    copied.push(name);
  }
  return copied;
}
