// npm run export -- --format json|csv|geojson|hsds|coverage|all --out <dir>: the site's /data/ files, from the command line.
import { statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildDate } from '../src/lib/build/build-info.ts';
import { dataDir, InvalidDataError, loadDataset } from '../src/lib/dataset/dataset-fs.ts';
import { formatProblem } from '../src/lib/validate/problems.ts';
import { EXPORT_FORMATS, isExportFormat, siteRootOf, type ExportFormat } from '../src/lib/export/index.ts';
import { ExportWriteError, writeExport } from '../src/lib/export/export-fs.ts';
import { DEFAULT_SITE } from '../src/lib/export/site-files.ts';

const HELP = `Usage: npm run export -- --format <format> --out <dir> [options]

Writes the directory's open data files, the same ones the site publishes
under /data/, into <dir>:

  json       directory.json     the whole dataset, with its vocabularies
  csv        services.csv       one row per service and venue
  geojson    services.geojson   every service with a place on the map
  hsds       hsds/*.json        Open Referral HSDS 3.0 tables and nested services
  coverage   coverage/*.csv     the tables behind the /coverage/ page, and the gaps
  all        every one of the above

  --format FORMAT      one of: ${[...EXPORT_FORMATS, 'all'].join(', ')} (may be given more than once)
  --out DIR            the folder to write into (created if missing)
  --data DIR           the data folder (default: data/, or $SPSD_DATA_DIR)
  --date YYYY-MM-DD    the build date written into the files (default: $BUILD_DATE, or today)
  --site URL           the site address used in links (default: $SITE_URL plus $BASE_PATH,
                       or https://sussex-peer-support.example/)
  --help               show this help

The same data, date and site address always give byte-identical files.

Exit status: 0 when the files were written, 1 when the data has errors or a
file could not be written, 2 when the command was used wrongly.`;

function usage(message: string): never {
  console.error(`export: ${message}\n\nRun "npm run export -- --help" to see how to use it.`);
  process.exit(2);
}

let values: { format?: string[]; out?: string; data?: string; date?: string; site?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    allowPositionals: false,
    options: {
      format: { type: 'string', multiple: true, short: 'f' },
      out: { type: 'string', short: 'o' },
      data: { type: 'string' },
      date: { type: 'string' },
      site: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  usage((error as Error).message);
}
if (values.help) {
  console.log(HELP);
  process.exit(0);
}

const requested = (values.format ?? []).flatMap((f) => f.split(',')).map((f) => f.trim().toLowerCase()).filter(Boolean);
if (!requested.length) usage(`--format is missing. Choose one of: ${[...EXPORT_FORMATS, 'all'].join(', ')}.`);
const unknown = requested.filter((f) => f !== 'all' && !isExportFormat(f));
if (unknown.length) usage(`unknown format ${unknown.map((f) => `"${f}"`).join(', ')}. Choose one of: ${[...EXPORT_FORMATS, 'all'].join(', ')}.`);
const formats: ExportFormat[] = requested.includes('all') ? [...EXPORT_FORMATS] : [...new Set(requested as ExportFormat[])];

if (!values.out) usage('--out is missing: say which folder to write the files into, e.g. --out exports/.');
const date = values.date ?? buildDate();
const realDate = (d: string) => /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
if (!realDate(date)) usage(`--date must be a date like 2026-03-31, not "${date}".`);

let siteRoot: string;
try {
  const site = values.site ?? process.env.SITE_URL ?? DEFAULT_SITE;
  const parsed = new URL(site);
  if (!/^https?:$/.test(parsed.protocol)) throw new Error('not http');
  siteRoot = values.site ? siteRootOf(parsed, parsed.pathname) : siteRootOf(parsed, process.env.BASE_PATH ?? '/');
} catch {
  usage(`--site must be a web address like https://example.org/ or https://example.org/directory/, not "${values.site ?? process.env.SITE_URL}".`);
}

const root = path.resolve(values.data ?? dataDir());
if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) usage(`the data folder ${root} does not exist or is not a folder (--data).`);
let dataset;
try {
  dataset = loadDataset(root);
} catch (error) {
  if (error instanceof InvalidDataError) {
    const errors = error.problems.filter((p) => p.severity === 'error');
    console.error(`export: the data has errors, so nothing was written:\n${errors.map(formatProblem).join('\n')}\nFix the data (npm run validate shows every problem), then export again.`);
    process.exit(1);
  }
  throw error;
}

try {
  const written = writeExport(dataset, formats, values.out, { buildDate: date, siteRoot });
  for (const name of written.keys()) {
    const file = path.join(values.out, ...name.split('/'));
    const rel = path.relative(process.cwd(), file);
    console.log(rel.startsWith('..') ? file : rel);
  }
  console.error(`export: wrote ${written.size} file${written.size === 1 ? '' : 's'} (${formats.join(', ')}) to ${values.out}, as of ${date}.`);
} catch (error) {
  if (error instanceof ExportWriteError) {
    console.error(`export: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
