// npm run geocode: fill in missing coordinates from postcodes, using postcodes.io.
import path from 'node:path';
import { dataDir } from '../src/lib/dataset/dataset-fs.ts';
import { displayPath, entryFiles, kindOf, type DataFile } from '../src/lib/upkeep/fmt-fs.ts';
import { geocodeFiles } from '../src/lib/places/geocode-fs.ts';
import { DEFAULT_API } from '../src/lib/places/geocode.ts';
import { formatProblem } from '../src/lib/validate/problems.ts';
import { readArgs } from './cli.ts';

const HELP = `Usage: npm run geocode [-- [options] [files...]]

Finds locations in data/providers/ that have a postcode but no latitude and
longitude, looks the postcodes up on postcodes.io, and writes the
coordinates with "geocoded: true" (so a person can tell they came from a
tool). Nothing else in the file changes; comments stay.

A file is written only when every lookup for it succeeded, in one step, so
a failure never leaves a file half-changed. Invalid or unknown postcodes
(404), time-outs and rate limits (429, with its Retry-After) are reported
as file:line:col. This is the only command that uses the network, and only
when you run it.

With file names, only those files are looked at.

  --dry-run            list the postcodes that would be looked up; no network
  --api URL            a postcodes.io-compatible service
                       (default: ${DEFAULT_API}, or $POSTCODES_IO_URL)
  --timeout SECONDS    how long each lookup may take (default: 10)
  --max-wait SECONDS   the longest Retry-After to wait for when rate limited;
                       longer ones are reported instead (default: 30)
  --data DIR           the data folder (default: data/, or $SPSD_DATA_DIR)
  --help               show this help

Exit status: 0 when every location found has coordinates now (or nothing
needed them), 1 when a lookup failed or a file could not be read or
written, 2 when the command was used wrongly.`;

const { values, positionals } = readArgs('geocode', HELP, {
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean' }, api: { type: 'string' }, timeout: { type: 'string' }, 'max-wait': { type: 'string' },
      data: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
  });
function usage(message: string): never {
  console.error(`geocode: ${message}`);
  process.exit(2);
}
function seconds(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) usage(`--${name} must be a number of seconds, not "${raw}"`);
  return n;
}
const api = values.api ?? process.env.POSTCODES_IO_URL ?? DEFAULT_API;
try {
  if (!/^https?:$/.test(new URL(api).protocol)) throw new Error();
} catch {
  usage(`--api must be a web address like ${DEFAULT_API}, not "${api}"`);
}

let files: DataFile[] | undefined;
if (positionals.length) {
  files = [];
  for (const f of positionals) {
    if (kindOf(f) !== 'provider') {
      console.error(`geocode: ${f} is not in a providers/ folder, so it was skipped.`);
      continue;
    }
    files.push({ full: path.resolve(f), display: displayPath(path.resolve(f)), kind: 'provider' });
  }
} else files = entryFiles(values.data ? path.resolve(values.data) : dataDir()).filter((f) => f.kind === 'provider');

const report = await geocodeFiles({
  files,
  dryRun: values['dry-run'] ?? false,
  api,
  timeoutMs: seconds('timeout', values.timeout, 10) * 1000,
  maxWaitMs: seconds('max-wait', values['max-wait'], 30) * 1000,
});

if (values['dry-run']) {
  for (const p of report.planned) console.log(`${p.file}:${p.line}:${p.col}: ${p.path}: ${p.postcode} would be looked up`);
  console.log(report.planned.length ? `${report.planned.length} location${report.planned.length === 1 ? '' : 's'} without coordinates. Run npm run geocode to look them up.` : 'Every location with a postcode has coordinates.');
} else {
  for (const u of report.updated) console.log(`Added coordinates to ${u.locations} location${u.locations === 1 ? '' : 's'} in ${u.file}`);
  if (!report.planned.length && !report.problems.length) console.log('Every location with a postcode has coordinates. Nothing to do.');
  else if (report.updated.length) console.log('Check the new coordinates with npm run validate, and on the map, before you commit.');
}
for (const p of report.problems) console.error(formatProblem(p));
process.exit(report.problems.length ? 1 : 0);
