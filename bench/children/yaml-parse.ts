// Baseline: read every data file in a folder and parse it on one thread, checking nothing. What validation would
// cost if the rules were free. With the yaml package (the budget's baseline, and the reader validate uses for
// messages), or with --js-yaml, the quick reader validate uses for well-formed files. Prints {"ms": …} as JSON.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { parse as yamlParse } from 'yaml';

const [root, flag] = process.argv.slice(2);
if (!root || (flag && flag !== '--js-yaml')) {
  console.error('usage: tsx bench/children/yaml-parse.ts DATA_DIR [--js-yaml]');
  process.exit(2);
}
const parse = flag ? (text: string) => load(text) : (text: string) => yamlParse(text);
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
