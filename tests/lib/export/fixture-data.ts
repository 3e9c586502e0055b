// The made-up Sussex in tests/fixtures/coverage/, as a validated dataset or as a temporary data folder.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT, readDataSources } from '../../../src/lib/dataset/dataset-fs.ts';
import type { ExportOptions } from '../../../src/lib/export/meta.ts';
import { validateSources, type DataSources } from '../../../src/lib/validate/index.ts';
import type { Dataset } from '../../../src/lib/model/types.ts';
import type { SourceFile } from '../../../src/lib/dataset/yaml-source.ts';

export const TODAY = '2026-11-23';
export const FIXTURE_DIR = path.join(PROJECT_ROOT, 'tests', 'fixtures', 'coverage');
export const OPTIONS: ExportOptions = { buildDate: TODAY, siteRoot: 'https://example.org/directory/' };

function files(folder: string): SourceFile[] {
  const dir = path.join(FIXTURE_DIR, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `data/${folder}/${f}`, bytes: readFileSync(path.join(dir, f)) }));
}

export function fixtureSources(): DataSources {
  return { vocab: readDataSources(path.join(PROJECT_ROOT, 'data')).vocab, providers: files('providers'), signatories: files('signatories'), logos: [], stray: [] };
}

/** The fixture dataset, validated on the fixed date; throws if any fixture file has an error. */
export function fixtureDataset(sources = fixtureSources()): Dataset {
  const result = validateSources(sources, { today: TODAY });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`The coverage fixtures have errors:\n${errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('\n')}`);
  return result.dataset;
}

/** The real data folder, validated on the fixed date. */
export function realDataset(): Dataset {
  const result = validateSources(readDataSources(path.join(PROJECT_ROOT, 'data')), { today: TODAY });
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (errors.length) throw new Error(`data/ has errors: ${errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join('; ')}`);
  return result.dataset;
}

/**
 * A temporary data folder: a copy of data/ (vocabularies and anything else the build reads there, such as
 * a gazetteer) with the fixture providers and signatories in place of the real ones.
 */
export function fixtureDataDir(): { root: string; remove(): void } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'spsd-coverage-'));
  const data = path.join(PROJECT_ROOT, 'data');
  for (const name of readdirSync(data)) if (name !== 'providers' && name !== 'signatories') cpSync(path.join(data, name), path.join(root, name), { recursive: true });
  cpSync(path.join(FIXTURE_DIR, 'providers'), path.join(root, 'providers'), { recursive: true });
  cpSync(path.join(FIXTURE_DIR, 'signatories'), path.join(root, 'signatories'), { recursive: true });
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}
