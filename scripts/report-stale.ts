// npm run report:stale: the upkeep report (entries whose facts are a year old, websites that do not answer).
import path from 'node:path';
import { dataDir } from '../src/lib/dataset/dataset-fs.ts';
import { stalenessReport, writeGithubOutput, writeReport } from '../src/lib/upkeep/staleness-fs.ts';
import { readArgs } from './cli.ts';

const HELP = `Usage: npm run report:stale [-- [options]]

Writes a Markdown report of what needs a person to look at it:
  - entries whose facts are 12 months old or more: counted from
    verification.last_checked when a person checked the entry with the
    group, else from the date its newest source shows;
  - websites that no longer answer. Each website is asked for its headers
    (HEAD), then, if that fails, for the page (GET), following redirects,
    with a time limit. Websites that answer but refuse robots (403, 429)
    are listed apart, to be checked in a browser.
The weekly workflow .github/workflows/staleness.yml puts it in one issue.

  --offline            do not check websites (no network at all)
  --output FILE        write the report to FILE (default: print it)
  --months N           how old the facts may be (default: 12)
  --timeout SECONDS    how long each website has to answer (default: 10)
  --concurrency N      how many websites to check at once (default: 4)
  --repo-url URL       link files to this repository, e.g.
                       https://github.com/owner/repo
  --branch NAME        the branch for those links (default: main)
  --github-output      add findings=<number> to the file in $GITHUB_OUTPUT
  --data DIR           the data folder (default: data/, or $SPSD_DATA_DIR)
  --today YYYY-MM-DD   the date to count from (default: today)
  --help               show this help

Exit status: 0 when the report was made (whatever it found), 2 when the
command was used wrongly.`;

const { values } = readArgs('report:stale', HELP, {
    options: {
      offline: { type: 'boolean' }, output: { type: 'string' }, months: { type: 'string' }, timeout: { type: 'string' },
      concurrency: { type: 'string' }, 'repo-url': { type: 'string' }, branch: { type: 'string' },
      'github-output': { type: 'boolean' }, data: { type: 'string' }, today: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
function usage(message: string): never {
  console.error(`report:stale: ${message}`);
  process.exit(2);
}
function positive(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) usage(`--${name} must be a number above 0, not "${raw}"`);
  return n;
}
if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) usage('--today must be a date like 2026-03-31');
if (values['repo-url'] && !/^https?:\/\//.test(values['repo-url'])) usage('--repo-url must start with https://');
const githubOutput = process.env.GITHUB_OUTPUT;
if (values['github-output'] && !githubOutput) usage('--github-output needs $GITHUB_OUTPUT (it is set in GitHub Actions)');

const run = await stalenessReport({
  root: values.data ? path.resolve(values.data) : dataDir(),
  today: values.today,
  months: Math.floor(positive('months', values.months, 12)),
  offline: values.offline ?? false,
  timeoutMs: positive('timeout', values.timeout, 10) * 1000,
  concurrency: Math.floor(positive('concurrency', values.concurrency, 4)),
  repoUrl: values['repo-url'],
  branch: values.branch,
});
if (values.output) {
  writeReport(values.output, run.markdown);
  console.error(`Wrote ${values.output}: ${run.findings} to check (${run.entries} entries, ${run.websites} websites${values.offline ? ' not checked' : ''}).`);
} else process.stdout.write(run.markdown);
if (values['github-output'] && githubOutput) writeGithubOutput(githubOutput, run.findings);
