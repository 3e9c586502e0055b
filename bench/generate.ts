// npm run generate -- --count N --out DIR: a synthetic data folder for benchmarks (never data/).
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT, readDataSources } from '../src/lib/dataset/dataset-fs.ts';
import { DEFAULT_SEED, generateSynthetic, type SyntheticOptions } from './lib/synthetic.ts';
import { loadVocabularies } from '../src/lib/validate/index.ts';
import { readArgs } from '../scripts/cli.ts';

const HELP = `Usage: tsx bench/generate.ts --count N --out DIR [--seed S] [--today YYYY-MM-DD]

Writes a complete data folder of N made-up providers (and a few Charter
signatories) to DIR, with a copy of data/vocab (and data/gazetteer.yaml and data/postcodes.yaml), for
benchmarks and load tests:

  SPSD_DATA_DIR=DIR npm run build     builds the site from it
  npm run validate -- --data DIR      validates it

The same count, seed and date always give the same bytes.

  --count N            how many providers (required)
  --out DIR            where to write; must be empty or not exist, and not data/
  --seed S             the random seed (default ${DEFAULT_SEED})
  --today YYYY-MM-DD   "last checked" dates fall in the 10 months before this
                       (default: today, so nothing is stale)
  --help               show this help`;

/** Writes the synthetic data folder; returns the number of files written. */
export function writeSyntheticDataDir(out: string, options: Omit<SyntheticOptions, 'vocab'>): { providers: number; signatories: number } {
  const dir = path.resolve(out);
  const data = path.join(PROJECT_ROOT, 'data');
  if (dir === data || dir.startsWith(data + path.sep)) throw new Error(`will not write into ${path.relative(PROJECT_ROOT, data)}/: choose a folder outside it`);
  if (existsSync(dir) && readdirSync(dir).length) throw new Error(`${out} is not empty: choose a new or empty folder`);
  const sources = readDataSources(data);
  const { vocab, problems } = loadVocabularies(sources.vocab);
  if (problems.length) throw new Error(`the vocabularies in data/vocab have problems; run npm run validate first`);
  const generated = generateSynthetic({ ...options, vocab });
  mkdirSync(path.join(dir, 'providers'), { recursive: true });
  mkdirSync(path.join(dir, 'signatories'), { recursive: true });
  cpSync(path.join(data, 'vocab'), path.join(dir, 'vocab'), { recursive: true });
  // The map's place names, when the project has them.
  for (const name of ['gazetteer.yaml', 'postcodes.yaml']) if (existsSync(path.join(data, name))) cpSync(path.join(data, name), path.join(dir, name));
  for (const f of [...generated.providers, ...generated.signatories]) writeFileSync(path.join(dir, f.path), f.content);
  return { providers: generated.providers.length, signatories: generated.signatories.length };
}

function main(): void {
  const { values } = readArgs('generate', HELP, { options: { count: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, today: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  const count = Number(values.count);
  if (!values.count || !Number.isInteger(count) || count < 0) {
    console.error(`generate: --count must be a whole number\n\n${HELP}`);
    process.exit(2);
  }
  if (!values.out) {
    console.error(`generate: --out DIR is required\n\n${HELP}`);
    process.exit(2);
  }
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (!Number.isInteger(seed)) {
    console.error('generate: --seed must be a whole number');
    process.exit(2);
  }
  if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    console.error('generate: --today must be a date like 2026-03-31');
    process.exit(2);
  }
  try {
    const n = writeSyntheticDataDir(values.out, { count, seed, ...(values.today ? { today: values.today } : {}) });
    console.log(`Wrote ${n.providers} providers and ${n.signatories} signatories to ${values.out}`);
  } catch (error) {
    console.error(`generate: ${(error as Error).message}`);
    process.exit(2);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
