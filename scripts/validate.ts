// npm run validate: check every data file (or only the ones named) and report every problem at once.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { dataDir, isInside, validateDataDir, validateFiles } from '../src/lib/dataset/dataset-fs.ts';
import { GAZETTEER_FILE, POSTCODES_FILE, readGazetteer, readPostcodes } from '../src/lib/places/gazetteer-fs.ts';
import { formatAnnotation, formatProblem, hasErrors, sortProblems, summary } from '../src/lib/validate/problems.ts';
import { readArgs } from './cli.ts';

const HELP = `Usage: npm run validate [-- [options] [files...]]

Checks the data files in data/ against the schema and the directory's rules,
and prints every problem at once as

  file:line:col: error: path: what is wrong and how to fix it

With file or folder names, only problems in those are shown (the rest of
data/ is still read, so links between files are checked). A folder means
the data files in it. A file from outside data/ is checked as if it were in
data/providers/ or data/signatories/ (by the folder it is in, or else by its
fields), in place of a file there with the same name; a file that is
neither is refused. A name that matches no data file is an error.

  --format text|json   how to print problems (default: text)
  --data DIR           the data folder (default: data/, or $SPSD_DATA_DIR)
  --today YYYY-MM-DD   the date to check against (default: today)
  --help               show this help

Exit status: 0 when there are no errors (warnings are allowed), 1 when
there is at least one error, 2 when the command itself was used wrongly.`;

const { values, positionals } = readArgs('validate', HELP, {
    allowPositionals: true,
    options: { format: { type: 'string' }, data: { type: 'string' }, today: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
const format = values.format ?? 'text';
if (format !== 'text' && format !== 'json') {
  console.error(`validate: --format must be text or json, not "${format}"`);
  process.exit(2);
}
if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
  console.error('validate: --today must be a date like 2026-03-31');
  process.exit(2);
}
const root = values.data ?? dataDir();
const options = { today: values.today };
// A mistyped or misplaced name is an error, never a silent pass (the pre-commit hook passes names through).
const result = positionals.length ? validateFiles(positionals, root, options) : validateDataDir(root, options);
// The list of places and of postcodes are data too: check each whenever it is there and asked for, by name or by its folder.
const gazetteer = path.join(root, GAZETTEER_FILE);
const postcodes = path.join(root, POSTCODES_FILE);
const wants = (file: string) => existsSync(file) && (!positionals.length || positionals.some((f) => isInside(path.resolve(file), path.resolve(f))));
if (wants(gazetteer) || wants(postcodes)) {
  const read = readGazetteer(root, result.dataset.vocab);
  const found = [...(wants(gazetteer) ? read.problems : []), ...(wants(postcodes) ? readPostcodes(root, read.places).problems : [])];
  result.problems = sortProblems([...result.problems, ...found]);
}

if (format === 'json') {
  console.log(JSON.stringify({ files: result.files, problems: result.problems }, null, 2));
} else {
  for (const p of result.problems) console.error(formatProblem(p));
  if (process.env.GITHUB_ACTIONS === 'true') for (const p of result.problems) console.log(formatAnnotation(p));
  console.error(summary(result.problems, result.files));
}
process.exit(hasErrors(result.problems) ? 1 : 0);
