// npm run issue-forms: regenerate the GitHub issue forms from the vocabularies (or check they are fresh).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir, PROJECT_ROOT, readDataSources } from '../src/lib/dataset/dataset-fs.ts';
import { allIssueFormProblems, issueFormFiles } from '../src/lib/issue-forms.ts';
import { formatProblem, hasErrors } from '../src/lib/validate/problems.ts';
import { loadVocabularies } from '../src/lib/validate/index.ts';
import { readArgs } from './cli.ts';

const HELP = `Usage: npm run issue-forms [-- [--check] [--data DIR] [--out DIR]]

Writes the GitHub issue forms .github/ISSUE_TEMPLATE/add-a-group.yml and
.github/ISSUE_TEMPLATE/report-a-problem.yml. Their dropdowns (areas,
districts, formats, who it is for, who runs it, cost, ways in, settings,
accessibility, status) are the labels of the terms in data/vocab/, so run
this after changing a vocabulary. .github/ISSUE_TEMPLATE/config.yml is
written by hand and left alone.

  --check      change nothing; exit 1 if a form is out of date
  --data DIR   the data folder to read vocabularies from (default: data/,
               or $SPSD_DATA_DIR)
  --out DIR    the repository folder to write into (default: this one)
  --help       show this help

Exit status: 0 when the forms are up to date (or were updated now), 1 when
--check finds one out of date or a vocabulary would make a broken form, 2
when the command was used wrongly.`;

const { values } = readArgs('issue-forms', HELP, { options: { check: { type: 'boolean' }, data: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });

const { vocab, problems } = loadVocabularies(readDataSources(values.data ? path.resolve(values.data) : dataDir()).vocab);
if (hasErrors(problems)) {
  for (const p of problems) console.error(formatProblem(p));
  console.error('issue-forms: fix the vocabularies first.');
  process.exit(1);
}
const broken = allIssueFormProblems(vocab);
if (broken.length) {
  for (const b of broken) console.error(`${b}`);
  console.error('issue-forms: GitHub would not show these forms; nothing was written.');
  process.exit(1);
}

const out = values.out ? path.resolve(values.out) : PROJECT_ROOT;
const read = (file: string) => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
};
const stale: string[] = [];
for (const [rel, content] of issueFormFiles(vocab)) {
  const full = path.join(out, rel);
  if (read(full) === content) continue;
  stale.push(rel);
  if (!values.check) {
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}
if (values.check) {
  for (const f of stale) console.error(`${f}: error: out of date with data/vocab/. Run "npm run issue-forms" and commit the result.`);
  process.exit(stale.length ? 1 : 0);
}
console.log(stale.length ? `Updated ${stale.join(', ')}.` : 'Issue forms are up to date.');
