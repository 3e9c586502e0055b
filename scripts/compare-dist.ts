// npm run compare-dist: are two built sites the same, file by file, asset content hashes aside?
import fs from 'node:fs';
import path from 'node:path';
import { compareTrees, type Tree } from '../src/lib/build/compare-dist.ts';
import { readArgs, usageError } from './cli.ts';

const HELP = `Usage: npx tsx scripts/compare-dist.ts [--limit N] FIRST_DIST SECOND_DIST

Compares two built sites (two dist/ folders) file by file, and prints every
file that is only in one of them or differs between them. Asset file names
that differ only by their content hash (Astro's _astro/name.HASH.js, Pagefind's
en_HASH.pf_fragment) count as the same file, and such names inside text files
are replaced by the name without its hash before comparing. For text that
differs, the first line that differs is shown from each side.

  --limit N   show at most N differences (default: all)
  --help      show this help

Exit status: 0 when the two sites are the same, 1 when they differ, 2 when
the command itself was used wrongly.`;

const { values, positionals } = readArgs('compare-dist', HELP, {
  allowPositionals: true,
  options: { limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
});
if (positionals.length !== 2) usageError('compare-dist', `give two dist folders to compare, not ${positionals.length}\n\n${HELP}`);
const limit = values.limit === undefined ? Infinity : Number(values.limit);
if (values.limit !== undefined && (!Number.isInteger(limit) || limit < 0)) usageError('compare-dist', `--limit must be a whole number, not "${values.limit}"`);

function readTree(dir: string): Tree {
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) usageError('compare-dist', `${dir} is not a folder`);
  const tree: Tree = new Map();
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath, entry.name);
    tree.set(path.relative(dir, full).split(path.sep).join('/'), fs.readFileSync(full));
  }
  return tree;
}

const [firstDir, secondDir] = positionals as [string, string];
const first = readTree(firstDir);
const second = readTree(secondDir);
const differences = compareTrees(first, second);
for (const d of differences.slice(0, limit)) {
  if (d.kind === 'only-in-first') console.log(`only in ${firstDir}: ${d.file}`);
  else if (d.kind === 'only-in-second') console.log(`only in ${secondDir}: ${d.file}`);
  else {
    console.log(`differs: ${d.file}`);
    if (d.first !== undefined) console.log(`  ${firstDir} line ${d.first}\n  ${secondDir} line ${d.second}`);
  }
}
if (differences.length > limit) console.log(`…and ${differences.length - limit} more.`);
console.log(differences.length ? `${differences.length} difference${differences.length === 1 ? '' : 's'} between ${first.size} and ${second.size} files.` : `The same: ${first.size} files.`);
process.exit(differences.length ? 1 : 0);
