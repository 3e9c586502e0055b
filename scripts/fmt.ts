// npm run fmt: put provider and signatory files into the canonical key order, keeping comments.
import path from 'node:path';
import { dataDir } from '../src/lib/dataset/dataset-fs.ts';
import { displayPath, entryFiles, formatFiles, kindOf, type DataFile } from '../src/lib/upkeep/fmt-fs.ts';
import { formatProblem } from '../src/lib/validate/problems.ts';
import { readArgs } from './cli.ts';

const HELP = `Usage: npm run fmt [-- [--check] [--data DIR] [files...]]

Rewrites the files in data/providers/ and data/signatories/ so their fields
are in one order (the order of the schema, from src/lib/dataset/schema.ts), and adds
the "# yaml-language-server" schema line when it is missing. Comments, blank
lines, quoting and the layout of lists are kept; only the order changes.

A file that cannot be read as YAML is reported as file:line:col and left
exactly as it is. Every result is read back before it is written: if it
would change the data or lose a comment, the file is left as it is. Files
are replaced in one step, so a crash never leaves half a file.

With file names, only those files are formatted.

  --check      change nothing; list the files that are not formatted and
               exit 1 if there are any (CI runs this)
  --data DIR   the data folder (default: data/, or $SPSD_DATA_DIR)
  --help       show this help

Exit status: 0 when every file is formatted (or was formatted now), 1 when
--check finds an unformatted file or a file could not be formatted, 2 when
the command was used wrongly.`;

const { values, positionals } = readArgs('fmt', HELP, {
    allowPositionals: true,
    options: { check: { type: 'boolean' }, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });

let files: DataFile[];
if (positionals.length) {
  files = [];
  for (const f of positionals) {
    const kind = kindOf(f);
    if (!kind) {
      console.error(`fmt: ${f} is not in a providers/ or signatories/ folder, so it was skipped (fmt formats provider and signatory files only).`);
      continue;
    }
    if (!f.endsWith('.yaml')) {
      console.error(`fmt: ${f} does not end in .yaml, so it was skipped.`);
      continue;
    }
    files.push({ full: path.resolve(f), display: displayPath(path.resolve(f)), kind });
  }
} else files = entryFiles(values.data ? path.resolve(values.data) : dataDir());

const check = values.check ?? false;
const report = formatFiles(files, { check });
for (const p of report.problems) console.error(formatProblem(p));
for (const c of report.changed) {
  if (check) console.error(`${c.file}:${c.line}:1: error: not formatted (fields out of order, or no schema line). Run "npm run fmt" and commit the result.`);
  else console.log(`Formatted ${c.file}`);
}
const total = files.length;
const unformattable = new Set(report.problems.map((p) => p.file)).size;
const bad = unformattable ? ` ${unformattable === 1 ? '1 could not be formatted and was left as it is' : `${unformattable} could not be formatted and were left as they are`}.` : '';
if (check) console.error(`${total} file${total === 1 ? '' : 's'} checked: ${report.changed.length} not formatted.${bad}`);
else console.log(`${total} file${total === 1 ? '' : 's'} checked: ${report.changed.length} formatted now, ${report.unchanged.length} already formatted.${bad}`);
process.exit(report.problems.length || (check && report.changed.length) ? 1 : 0);
