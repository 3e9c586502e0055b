// Baseline: read every data file in a folder and parse it with the yaml package, on one thread, checking
// nothing. What validation would cost if the rules were free. Prints {"ms": …, "files": …} as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = process.argv[2];
if (!root) {
  console.error('usage: tsx bench/children/yaml-parse.ts DATA_DIR');
  process.exit(2);
}
const start = performance.now();
let files = 0;
let keys = 0;
for (const folder of ['vocab', 'providers', 'signatories']) {
  const dir = path.join(root, folder);
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const value = parse(readFileSync(path.join(dir, name), 'utf8')) as Record<string, unknown>;
    keys += Object.keys(value ?? {}).length;
    files++;
  }
}
console.log(JSON.stringify({ ms: performance.now() - start, files, keys }));
