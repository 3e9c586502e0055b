// The one validator: JSON Schema (Ajv) first, then the checks a schema cannot express.
// Used by `npm run validate`, the pre-commit hook and the Astro build alike.
import type { ValidateFunction } from 'ajv';
import type { Dataset, Entry, Provider, Signatory } from '../model/types.ts';
import { checkGazetteer, type Place } from '../places/gazetteer.ts';
import { checkProvider, checkSignatory, isRecord } from './entry-checks.ts';
import { hasErrors, sortProblems, type Problem } from './problems.ts';
import { providerSchema, signatorySchema } from '../dataset/schema.ts';
import { locate, parseSource, quickParse, type ParsedFile, type SourceFile } from '../dataset/yaml-source.ts';
import { compile } from './ajv.ts';
import { crossChecks } from './cross-file.ts';
import { checkText, slugProblem } from './file-checks.ts';
import { Reporter, runSchema } from './messages.ts';
import { entryKind, KIND_NAMES, loadVocabularies, type EntryKind } from './vocabularies.ts';

export { MAX_SCHEMA_PROBLEMS } from './messages.ts';
export { emptyVocabularies, entryKind, loadVocabularies, type EntryKind } from './vocabularies.ts';

type Json = Record<string, unknown>;

export interface DataSources {
  vocab: SourceFile[];
  providers: SourceFile[];
  signatories: SourceFile[];
  /** Logo files present in data/signatories/logos/. */
  logos: string[];
  /** Anything under data/ that is not a data file, with the reason. */
  stray: { path: string; reason: string }[];
  /** The vocabulary folder as problems name it (a missing file, an unknown term): data/vocab unless checking another folder. */
  vocabDir?: string;
  /** data/gazetteer.yaml, to look up the towns of town-only locations; without it towns are not looked up. */
  gazetteer?: SourceFile;
}

export interface ValidateOptions {
  /** Today's date as YYYY-MM-DD; fixed in tests so results never depend on the clock. */
  today?: string;
}

export interface ValidationResult {
  dataset: Dataset;
  problems: Problem[];
  files: number;
}

export function validateSources(sources: DataSources, options: ValidateOptions = {}): ValidationResult {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { vocab, problems } = loadVocabularies(sources.vocab, sources.vocabDir);
  const validateProvider = compile(providerSchema(vocab) as Json);
  const validateSignatory = compile(signatorySchema(vocab) as Json);
  // The gazetteer's own problems are npm run validate's to report (gazetteer-fs.ts); here only its sound places count.
  const places: Place[] | undefined = sources.gazetteer ? checkGazetteer(quickParse(sources.gazetteer)?.value ?? parseSource(sources.gazetteer).value, vocab).places : undefined;
  const dataset: Dataset = { vocab, providers: [], signatories: [] };
  const logos = new Set(sources.logos);
  // Where each file's name (providers) or provider (signatories) is, for the checks across files: only the
  // positions are kept, not the parsed documents, which would hold every file's syntax tree until the end. A file
  // read the quick way has no positions: they are worked out only if a check across files needs them.
  const positions = new Map<string, () => { line: number; col: number }>();

  for (const s of sources.stray) problems.push({ file: s.path, line: 1, col: 1, severity: 'error', path: '', message: s.reason });

  function checkParsed<T>(file: SourceFile, kind: EntryKind, parsed: ParsedFile, validate: ValidateFunction, semantic: (value: T, report: Reporter) => void): { entry?: Entry<T>; problems: Problem[] } {
    const report = new Reporter(parsed, sources.vocabDir, vocab);
    const { slug, problem } = slugProblem(file.path);
    if (problem) report.add([], problem);
    let entry: Entry<T> | undefined;
    // Only a set of fields is an entry: a reader that gives null (a file of only "---") must not reach the checks.
    const other: EntryKind = kind === 'providers' ? 'signatories' : 'providers';
    if (!isRecord(parsed.value)) {
      if (!hasErrors(parsed.problems)) report.add([], 'the file is empty. Fill it in (see CONTRIBUTING.md) or delete it.');
    } else if (entryKind(parsed.value) === other) {
      // One message in place of an unknown-field error for each of its fields.
      report.add([], `this looks like ${KIND_NAMES[other]}, not ${KIND_NAMES[kind]}: move it to data/${other}/.`);
    } else {
      runSchema(validate, parsed.value, report);
      checkText(parsed.value, report);
      try {
        semantic(parsed.value as T, report);
      } catch (error) {
        // Semantic checks assume the schema's shapes; a file that breaks them has its schema errors reported already.
        if (!report.problems.length) report.add([], `could not be checked: ${(error as Error).message}`);
      }
      entry = { slug, file: file.path, data: parsed.value as T };
    }
    return { entry, problems: [...parsed.problems, ...report.problems] };
  }

  function check<T>(file: SourceFile, kind: EntryKind, validate: ValidateFunction, field: string, semantic: (value: T, report: Reporter) => void): Entry<T> | undefined {
    // Most files are fine: read the quick way, checked, and done. One with anything to report is read again in
    // full, so that every problem has its line and column.
    const quick = quickParse(file);
    if (quick) {
      const { entry, problems: found } = checkParsed(file, kind, quick, validate, semantic);
      if (!found.length) {
        positions.set(file.path, () => locate(parseSource(file), [field]));
        return entry;
      }
    }
    const parsed = parseSource(file);
    const at = locate(parsed, [field]);
    positions.set(file.path, () => at);
    const { entry, problems: found } = checkParsed(file, kind, parsed, validate, semantic);
    problems.push(...found);
    return entry;
  }

  for (const file of sources.providers) {
    const entry = check<Provider>(file, 'providers', validateProvider, 'name', (p, r) => checkProvider(p, vocab, today, r, places));
    if (entry) dataset.providers.push(entry);
  }
  for (const file of sources.signatories) {
    const entry = check<Signatory>(file, 'signatories', validateSignatory, 'provider', (s, r) => checkSignatory(s, today, logos, r));
    if (entry) dataset.signatories.push(entry);
  }

  crossChecks(dataset, sources, problems, positions);
  dataset.providers.sort((a, b) => a.slug.localeCompare(b.slug));
  dataset.signatories.sort((a, b) => a.slug.localeCompare(b.slug));
  return { dataset, problems: sortProblems(problems), files: sources.vocab.length + sources.providers.length + sources.signatories.length };
}

