// The git pre-commit hook (.husky/pre-commit): check the data files you are about to commit.
import { spawnSync } from 'node:child_process';

const HELP = `Usage: npx tsx scripts/precommit.ts

Run by git before each commit. If any staged file is in data/, formats the
staged provider and signatory files (npm run fmt -- <files>) and stages the
result, then checks them with the validator (npm run validate -- <files>),
and if a vocabulary
in data/vocab/ is staged, also checks that the generated schema is up to date
(npm run schema -- --check). With no staged data files it does nothing.

The files are checked as they are on disk, so stage your latest edits first.
To skip the hook once (not recommended): git commit --no-verify

  --help   show this help

Exit status: 0 when the commit can go ahead, otherwise the failing check's status.`;

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(HELP);
  process.exit(0);
}
if (args.length) {
  console.error(`precommit: unexpected argument "${args[0]}"\n\n${HELP}`);
  process.exit(2);
}

function git(...gitArgs: string[]): string {
  const r = spawnSync('git', gitArgs, { encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`precommit: git ${gitArgs.join(' ')} failed: ${r.stderr || r.error?.message}`);
    process.exit(2);
  }
  return r.stdout;
}

/** Runs a TypeScript script with tsx under this same Node, from the repository root; returns its exit status. */
function tsx(root: string, script: string, scriptArgs: string[]): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...scriptArgs], { cwd: root, stdio: 'inherit' });
  if (r.error) console.error(`precommit: could not run ${script}: ${r.error.message}`);
  return r.status ?? 1;
}

const root = git('rev-parse', '--show-toplevel').trim();
const names = (out: string) => out.split('\0').filter(Boolean);
// Paths from git diff are relative to the repository root, wherever git commit was run.
const staged = names(git('-C', root, 'diff', '--cached', '--name-only', '-z', '--diff-filter=ACMR'));
const dataFiles = staged.filter((f) => f.startsWith('data/'));
if (!dataFiles.length) process.exit(0);

const vocabStaged = dataFiles.some((f) => /^data\/vocab\/[^/]+\.yaml$/.test(f));
// The checks read files on disk: say so when that differs from what will be committed.
for (const f of names(git('-C', root, 'diff', '--name-only', '-z')))
  if (dataFiles.includes(f) || (vocabStaged && /^(schema\/|src\/lib\/generated\/)/.test(f)))
    console.error(`precommit: note: ${f} has changes you have not staged; checking the file as it is on disk.`);

const unstaged = new Set(names(git('-C', root, 'diff', '--name-only', '-z')));
const entries = dataFiles.filter((f) => /^data\/(providers|signatories)\/[^/]+\.yaml$/.test(f));
// Format only files with no unstaged edits, so the hook never commits changes you did not stage.
const formattable = entries.filter((f) => !unstaged.has(f));
const checkOnly = entries.filter((f) => unstaged.has(f));
let status = 0;
if (formattable.length) {
  status = tsx(root, 'scripts/fmt.ts', formattable);
  if (status === 0) git('-C', root, 'add', '--', ...formattable);
}
if (checkOnly.length) status ||= tsx(root, 'scripts/fmt.ts', ['--check', ...checkOnly]);
const validateStatus = tsx(root, 'scripts/validate.ts', dataFiles);
status ||= validateStatus;
if (vocabStaged) {
  const schemaStatus = tsx(root, 'scripts/schema.ts', ['--check']);
  if (status === 0) status = schemaStatus;
}
if (status !== 0) console.error('precommit: fix the problems above, stage the files again (git add) and commit again.');
process.exit(status);
