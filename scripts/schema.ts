// npm run schema: regenerate schema/*.json and the TypeScript types from data/vocab/.
import { parseArgs } from 'node:util';
import { derivedFilesFromDisk, staleDerived, writeDerived } from '../src/lib/dataset/generated-fs.ts';
import { formatProblem } from '../src/lib/validate/problems.ts';

const HELP = `Usage: npm run schema [-- --check]

Regenerates schema/provider.schema.json, schema/signatory.schema.json,
schema/vocabulary.schema.json and src/lib/generated/data-types.ts from the
vocabularies in data/vocab/. Run it after changing a vocabulary.

  --check   change nothing; exit 1 if any generated file is out of date
  --help    show this help`;

const { values } = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log(HELP);
  process.exit(0);
}
const { files, problems } = await derivedFilesFromDisk();
if (problems.some((p) => p.severity === 'error')) {
  for (const p of problems) console.error(formatProblem(p));
  process.exit(1);
}
if (values.check) {
  const stale = staleDerived(files);
  for (const f of stale) console.error(`${f}: error: out of date. Run "npm run schema" and commit the result.`);
  process.exit(stale.length ? 1 : 0);
}
const changed = writeDerived(files);
console.log(changed.length ? `Updated ${changed.join(', ')}.` : 'Generated files are up to date.');
