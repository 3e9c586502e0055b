// npm run geocode on disk: find locations without coordinates, look their postcodes up, and write
// each file only when every lookup for it succeeded (atomically, keeping comments).
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { dataDir } from '../dataset/dataset-fs.ts';
import { entryFiles, schemaFor, writeAtomic, yamlComments, type DataFile } from '../upkeep/fmt-fs.ts';
import { applyCoordinates, lookupPostcodes, missingCoordinates, type LookupOptions, type LookupResult, type MissingCoordinates } from './geocode.ts';
import { formatPath, type Problem } from '../validate/problems.ts';
import { YAML_OPTIONS } from '../provider-yaml.ts';
import { locate, parseSource, type ParsedFile } from '../dataset/yaml-source.ts';

export interface GeocodeOptions extends LookupOptions {
  /** The provider files to look at; default every file in <root>/providers/. */
  files?: DataFile[];
  root?: string;
  /** List what would be looked up, without any network. */
  dryRun?: boolean;
}

export interface PlannedLookup {
  file: string;
  line: number;
  col: number;
  path: string;
  postcode: string;
}

export interface GeocodeReport {
  /** Every location that needs coordinates. */
  planned: PlannedLookup[];
  /** Files written, with how many locations were filled in. */
  updated: { file: string; locations: number }[];
  /** Lookups that failed and files that could not be read or written; those files were left as they are. */
  problems: Problem[];
}

interface FileWork {
  file: DataFile;
  bytes: Buffer;
  parsed: ParsedFile;
  missing: MissingCoordinates[];
}

function problem(file: string, message: string, line = 1, col = 1, path = ''): Problem {
  return { file, line, col, severity: 'error', path, message };
}

function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** The data as it should be after the lookups: the original plus the new fields. */
function expectedData(value: unknown, missing: MissingCoordinates[], results: Map<string, LookupResult>): unknown {
  const copy = structuredClone(value) as Record<string, unknown>;
  for (const m of missing) {
    const r = results.get(m.postcode);
    if (!r?.ok) continue;
    let node: unknown = copy;
    for (const seg of m.path) node = (node as Record<string | number, unknown>)[seg];
    Object.assign(node as object, { latitude: r.latitude, longitude: r.longitude, geocoded: true });
  }
  return copy;
}

export async function geocodeFiles(options: GeocodeOptions = {}): Promise<GeocodeReport> {
  const files = options.files ?? entryFiles(options.root ?? dataDir()).filter((f) => f.kind === 'provider');
  const report: GeocodeReport = { planned: [], updated: [], problems: [] };
  const work: FileWork[] = [];
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file.full);
    } catch (error) {
      report.problems.push(problem(file.display, `could not be read: ${(error as Error).message}`));
      continue;
    }
    const parsed = parseSource({ path: file.display, bytes });
    const errors = parsed.problems.filter((p) => p.severity === 'error');
    if (errors.length || !parsed.doc || parsed.value === undefined) {
      report.problems.push(...(errors.length ? errors : [problem(file.display, 'could not be read as an entry, so it was left as it is.')]));
      continue;
    }
    const missing = missingCoordinates(parsed.doc);
    if (!missing.length) continue;
    for (const m of missing) {
      const { line, col } = locate(parsed, [...m.path, 'postcode']);
      report.planned.push({ file: file.display, line, col, path: formatPath([...m.path, 'postcode']), postcode: m.postcode });
    }
    work.push({ file, bytes, parsed, missing });
  }
  if (options.dryRun || !work.length) return report;

  // Network only from here on, and only for postcodes that need it.
  const results = await lookupPostcodes(work.flatMap((w) => w.missing.map((m) => m.postcode)), options);
  const schema = schemaFor('provider');
  for (const w of work) {
    const display = w.file.display;
    const failed = w.missing.filter((m) => !results.get(m.postcode)?.ok);
    if (failed.length) {
      for (const m of failed) {
        const r = results.get(m.postcode);
        const { line, col } = locate(w.parsed, [...m.path, 'postcode']);
        const message = r && !r.ok ? r.message : 'was not looked up.';
        report.problems.push(problem(display, `${message} The file was not changed.`, line, col, formatPath([...m.path, 'postcode'])));
      }
      continue;
    }
    const doc = w.parsed.doc;
    if (!doc) continue;
    let text: string;
    try {
      for (const m of w.missing) {
        const r = results.get(m.postcode);
        if (r?.ok) applyCoordinates(doc, m.path, r.latitude, r.longitude, schema);
      }
      text = doc.toString(YAML_OPTIONS);
    } catch (error) {
      report.problems.push(problem(display, `could not add the coordinates (${(error as Error).message}), so it was left as it is.`));
      continue;
    }
    // The safety net: the new text must read back as the old data plus the new fields, with every comment.
    const again = parseDocument(text, { uniqueKeys: true, strict: true });
    const same =
      !again.errors.length && canonicalJson(again.toJS({ maxAliasCount: 50 })) === canonicalJson(expectedData(w.parsed.value, w.missing, results));
    const before = yamlComments(new TextDecoder().decode(w.bytes)).map((c) => c.text).sort();
    const after = yamlComments(text).map((c) => c.text).sort();
    if (!same || before.join('\n') !== after.join('\n')) {
      report.problems.push(problem(display, 'adding the coordinates would change more than the coordinates, so the file was left as it is. Add them by hand.'));
      continue;
    }
    try {
      writeAtomic(w.file.full, text, w.bytes);
    } catch (error) {
      report.problems.push(problem(display, `could not be written, so it was left as it is: ${(error as Error).message}`));
      continue;
    }
    report.updated.push({ file: display, locations: w.missing.length });
  }
  return report;
}
