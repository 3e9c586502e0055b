// The one validator: JSON Schema (Ajv) first, then the checks a schema cannot express.
// Used by `npm run validate`, the pre-commit hook and the Astro build alike.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { isMap, isScalar } from 'yaml';
import { isSafeLink, markdownLinks, textProblem } from './contact-checks.ts';
import type { Dataset, Entry, Provider, Signatory } from './model/types.ts';
import { checkGazetteer, type Place } from './gazetteer.ts';
import { checkProvider, checkSignatory, isRecord, show, webAddressProblem, type Segment } from './entry-checks.ts';
import { formatPath, hasErrors, sortProblems, type Problem, type Severity } from './problems.ts';
import { providerSchema, signatorySchema, vocabularySchema } from './schema.ts';
import { closestSpelling, suggestTermId } from './term-match.ts';
import { textSafetyProblem } from './text-safety.ts';
import { DEFAULT_VOCAB_DIR, findTerm, VOCABULARY_NAMES, VOCABULARY_NOUNS, vocabFile, type Vocabularies, type Vocabulary, type VocabularyName } from './vocab.ts';
import { locate, moreProblems, parseSource, quickParse, type ParsedFile, type SourceFile } from './yaml-source.ts';

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

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
type Json = Record<string, unknown>;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function newAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-vocabulary', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  return ajv;
}

class Reporter {
  problems: Problem[] = [];
  /** `vocabDir`: the vocabulary folder that messages about unknown terms point to; `vocab`: the terms, for suggestions. */
  constructor(
    private parsed: ParsedFile,
    readonly vocabDir = DEFAULT_VOCAB_DIR,
    readonly vocab?: Vocabularies,
  ) {}
  add(path: Segment[], message: string, severity: Severity = 'error', key = false, at?: { line: number; col: number }): void {
    const { line, col } = at ?? locate(this.parsed, path, { key });
    const problem: Problem = { file: this.parsed.path, line, col, severity, path: formatPath(path), message };
    // Two rules can say the same thing (format and pattern share a hint): say it once.
    if (this.problems.some((p) => p.line === line && p.col === col && p.path === problem.path && p.message === message)) return;
    // One error is enough for one text or number: the schema's pattern and a closer check of the same phone number
    // or postcode would otherwise say the same thing twice. The first, the schema's, stays.
    if (isScalarAt(this.parsed.value, path) && this.problems.some((p) => p.path === problem.path && p.severity === 'error')) return;
    this.problems.push(problem);
  }
  /**
   * The text field of the mapping at `path` that swallowed a line "field: …" meant as its sibling (indented as far
   * as the text, so YAML read it as more text), and where that line is.
   */
  swallowed(path: Segment[], field: string): { key: string; at: { line: number; col: number } } | undefined {
    const map = this.parsed.doc?.getIn(path, true);
    const source = this.parsed.text;
    if (!isMap(map) || source === undefined) return undefined;
    const looksLikeField = new RegExp(`\\n[ \\t]+(${field}:)(?:[ \\t]|\\r?\\n|$)`);
    for (const pair of map.items) {
      const text = pair.value;
      if (!isScalar(pair.key) || !isScalar(text) || typeof text.value !== 'string' || !text.range) continue;
      const found = looksLikeField.exec(source.slice(text.range[0], text.range[1]));
      if (!found?.[1]) continue;
      return { key: String(pair.key.value), at: this.parsed.lineCounter.linePos(text.range[0] + found.index + found[0].indexOf(found[1])) };
    }
    return undefined;
  }
  /** The value as it is written in the file: 01273123456, where the value read is the number 1273123456. */
  written(path: Segment[], value: unknown): string {
    const node = this.parsed.doc?.getIn(path, true);
    return isScalar(node) && typeof node.source === 'string' ? node.source : String(value);
  }
}

function isScalarAt(value: unknown, path: readonly Segment[]): boolean {
  let at = value;
  for (const segment of path) {
    if (at === null || typeof at !== 'object') return false;
    at = (at as Record<string | number, unknown>)[segment];
  }
  return at !== null && at !== undefined && typeof at !== 'object';
}

function instanceSegments(pointer: string): Segment[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function didYouMean(best: string | undefined): string {
  return best ? ` — did you mean "${best}"?` : '';
}

function suggestion(value: unknown, options: string[]): string {
  return didYouMean(typeof value === 'string' ? closestSpelling(value, options) : undefined);
}

/** A small vocabulary is listed in full, so the right id is in the message itself. */
const LIST_UP_TO = 10;

const KIND_WORDS: Record<string, string> = { string: 'text', array: 'a list', object: 'a set of fields', number: 'a number', integer: 'a whole number', boolean: 'true or false' };

/** How to fill in an empty value of each kind. */
const FILL_IN: Record<string, string> = {
  string: 'write the text after the colon',
  array: 'add the items on the lines below, each starting with "- "',
  object: 'add its fields on the lines below, indented by two spaces',
};

/** A value of the wrong kind, in the words of someone editing the file (no "string" or "object"), with the fix. */
function wrongKind(want: string, data: unknown, written: string): string {
  const wanted = KIND_WORDS[want] ?? want;
  if (data === null) return `is empty: ${FILL_IN[want] ?? `write ${wanted} after the colon`}, or delete the line.`;
  const scalar = typeof data !== 'object';
  switch (want) {
    case 'string':
      if (!scalar) return Array.isArray(data) ? 'must be text, not a list: write it after the colon, without "- ".' : 'must be text, not a set of fields: write it after the colon, in quotes if it has a colon in it.';
      // Quoting the value as typed keeps what reading it as a number would lose: a leading 0 or +.
      return `must be text, but without quotes it is read as ${typeof data === 'boolean' ? 'true or false' : 'a number'}. Put it in quotes: "${written}".`;
    case 'number':
    case 'integer':
      if (typeof data === 'string' && data.trim() !== '' && Number.isFinite(Number(data))) return `must be ${wanted}: remove the quotes.`;
      if (typeof data === 'number') return 'must be a whole number: write it without a decimal point.';
      return `must be ${wanted}, written in digits.`;
    case 'array':
      return scalar ? `must be a list: start each item with "- " on its own line, or write it in brackets: [${written}].` : 'must be a list: start each item with "- ".';
    case 'object':
      return Array.isArray(data) ? 'must be a set of fields, not a list: remove the "- " before them.' : 'must be a set of fields: write each on its own line below, indented by two spaces.';
    case 'boolean':
      return typeof data === 'string' && /^(?:true|false)$/i.test(data.trim()) ? 'must be true or false: remove the quotes.' : 'must be true or false.';
    default:
      return `must be ${wanted}.`;
  }
}

/** Turns one Ajv error into a plain-English message that says what to do. */
function explain(err: ErrorObject, report: Reporter): void {
  const path = instanceSegments(err.instancePath);
  const parent = (err.parentSchema ?? {}) as Json;
  const hint = typeof parent['x-hint'] === 'string' ? (parent['x-hint'] as string) : undefined;
  const properties = (parent.properties ?? {}) as Record<string, Json>;
  switch (err.keyword) {
    case 'required': {
      const missing = (err.params as { missingProperty: string }).missingProperty;
      const about = properties[missing]?.description;
      const inside = report.swallowed(path, missing);
      if (inside) {
        report.add(path, `"${missing}" is missing: "${missing}:" is inside the text of "${inside.key}" above, because it is indented as far as that text. Move it left to line up with "${inside.key}:".`, 'error', false, inside.at);
        return;
      }
      report.add(path, `"${missing}" is missing: add it.${about ? ` (${about})` : ''}`);
      return;
    }
    case 'additionalProperties': {
      const extra = (err.params as { additionalProperty: string }).additionalProperty;
      const known = Object.keys(properties);
      const guess = suggestion(extra, known);
      report.add([...path, extra], `"${extra}" is not a field we know${guess || '.'} Check the spelling, or remove it. Known fields here: ${known.join(', ')}.`, 'error', true);
      return;
    }
    case 'enum': {
      const vocabName = parent['x-vocabulary'] as VocabularyName | undefined;
      const options = (err.schema as unknown[]).map(String);
      // "- b" indented one space more than "- a" above is read as more of that item: "a - b".
      const runTogether = typeof err.data === 'string' ? err.data.split(/\s+-\s+/) : [];
      if (vocabName && runTogether.length > 1 && runTogether.every((id) => options.includes(id))) {
        report.add(path, `${show(err.data)} is ${runTogether.length} items read as one, because a "- " is indented more than the one above it. Start each "- " in the same column.`);
        return;
      }
      if (vocabName) {
        // A label or synonym ("Running", "peer led") names its term better than the id spelt most like it.
        const terms = report.vocab?.[vocabName].terms ?? options.map((id) => ({ id, label: id, description: '' }));
        const guess = didYouMean(typeof err.data === 'string' ? suggestTermId(terms, err.data) : undefined);
        const all = options.length <= LIST_UP_TO ? `. Use one of: ${options.join(', ')}.` : '';
        report.add(path, `${show(err.data)} is not a known ${VOCABULARY_NOUNS[vocabName]}${guess} (see ${vocabFile(vocabName, report.vocabDir)})${all}`);
      } else report.add(path, `${show(err.data)} must be one of: ${options.join(', ')}`);
      return;
    }
    case 'type':
      report.add(path, wrongKind((err.params as { type: string }).type, err.data, report.written(path, err.data)));
      return;
    case 'format':
    case 'pattern': {
      // A web address gets the same words as npm run new: what exactly is wrong with it (a space, no site name).
      const web = parent.format === 'uri' && typeof err.data === 'string' ? webAddressProblem(err.data) : undefined;
      report.add(path, `${show(err.data)} ${web ?? hint ?? `is not in the expected form (${err.message})`}`);
      return;
    }
    case 'anyOf':
      report.add(path, hint ?? (err.message ?? 'is not valid'));
      return;
    case 'minItems': {
      const limit = (err.params as { limit: number }).limit;
      report.add(path, `needs at least ${limit} item${limit === 1 ? '' : 's'}: add ${limit === 1 ? 'one' : 'more'}.`);
      return;
    }
    case 'maxItems':
      report.add(path, `has too many items: at most ${(err.params as { limit: number }).limit}.`);
      return;
    case 'uniqueItems': {
      const { i } = err.params as { i: number; j: number };
      report.add(path, `lists ${show((err.data as unknown[])[i])} twice: remove one.`);
      return;
    }
    case 'minLength':
      report.add(path, 'is empty: fill it in or remove the line.');
      return;
    case 'maxLength': {
      const limit = (err.params as { limit: number }).limit;
      report.add(path, `is too long (${String(err.data).length} characters): keep it to ${limit} or fewer.`);
      return;
    }
    case 'minProperties':
      report.add(path, 'is empty: fill it in or remove it.');
      return;
    case 'const':
      report.add(path, `must be ${show((err.params as { allowedValue: unknown }).allowedValue)}.`);
      return;
    case 'dependencies': {
      const { property, missingProperty } = err.params as { property: string; missingProperty: string };
      report.add(path, `has "${property}" but not "${missingProperty}": give both, or neither.`);
      return;
    }
    case 'minimum':
    case 'maximum':
      report.add(path, `${show(err.data)} ${err.message}.`);
      return;
    case 'if':
      return; // the failing "then" branch is reported on its own
    default:
      report.add(path, err.message ?? 'is not valid');
  }
}

/**
 * Compiled validators by schema: compiling the provider schema takes longer than checking a hundred files, and
 * validateSources runs many times over the same vocabularies (the worker threads' batches, the build, tests).
 * The key is the schema itself, so changed vocabularies always get a new validator.
 */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 16;

function compile(schema: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    validate = newAjv().compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

/** How many schema errors a file has explained; the rest are counted in one "…and N more" line. */
export const MAX_SCHEMA_PROBLEMS = 50;

function runSchema(validate: ValidateFunction, value: unknown, report: Reporter): boolean {
  if (validate(value)) return true;
  const seen = new Set<string>();
  // Each explained error looks up its line, so thousands of them (27,000 unknown fields) took seconds each.
  let more = 0;
  let firstMore: Segment[] = [];
  for (const err of validate.errors ?? []) {
    // anyOf over "required" produces one error per branch: the anyOf error itself says it once.
    if (err.keyword === 'required' && err.schemaPath.includes('/anyOf/')) continue;
    const key = `${err.instancePath}|${err.keyword}|${JSON.stringify(err.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > MAX_SCHEMA_PROBLEMS) {
      if (!more++) firstMore = instanceSegments(err.instancePath);
      continue;
    }
    explain(err, report);
  }
  if (more) report.add(firstMore, moreProblems(more, `problem${more === 1 ? '' : 's'} like these`));
  return false;
}

/** Visits every string with its path; the path is one array, changed as the walk goes, so a visitor that keeps it must copy it. */
function walkStrings(value: unknown, path: Segment[], visit: (s: string, path: Segment[]) => void): void {
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      walkStrings(value[i], path, visit);
      path.pop();
    }
  else if (value && typeof value === 'object')
    for (const k in value) {
      if (!Object.hasOwn(value, k)) continue;
      path.push(k);
      walkStrings((value as Json)[k], path, visit);
      path.pop();
    }
}

function checkText(value: unknown, report: Reporter): void {
  walkStrings(value, [], (s, path) => {
    const last = path[path.length - 1];
    const problem = textProblem(s) ?? textSafetyProblem(s, last);
    if (problem) report.add(path, problem);
    if (last === 'description') {
      for (const target of markdownLinks(s))
        if (!isSafeLink(target)) report.add(path, `has a link to "${target}", which is not allowed. Links must start with https://, http://, mailto: or tel:.`);
    }
  });
}

function slugProblem(file: string): { slug: string; problem?: string } {
  const name = file.split('/').pop() ?? file;
  const slug = name.replace(/\.ya?ml$/i, '');
  // The name to suggest is right in both ways at once, so renaming once is enough.
  const suggested = KEBAB.test(slug) ? slug : slug.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'my-group';
  if (!/\.yaml$/.test(name)) return { slug, problem: `data files must end in ".yaml" (lower case). Rename it to ${suggested}.yaml.` };
  // Right letters in the wrong places: say which place, not which letters.
  if (/^[a-z0-9-]+$/.test(slug) && !KEBAB.test(slug)) {
    const where = /^-|-$/.test(slug) ? 'cannot start or end with a hyphen' : 'cannot have two hyphens together';
    return { slug, problem: `the file name "${slug}" ${where} (it becomes the page address). Rename it to ${suggested}.yaml.` };
  }
  if (!KEBAB.test(slug))
    return {
      slug,
      problem: `the file name "${slug}" must be lower-case letters, numbers and hyphens (it becomes the page address). Rename it, for example to ${suggested}.yaml.`,
    };
  return { slug };
}

export type EntryKind = 'providers' | 'signatories';

let ownFieldsCache: Record<EntryKind, string[]> | undefined;

/** The fields only one kind of entry has, read from the schemas so that a field added to either counts at once. */
function ownFields(): Record<EntryKind, string[]> {
  if (!ownFieldsCache) {
    const fields = (schema: Json) => Object.keys(schema.properties as Json);
    const provider = fields(providerSchema(emptyVocabularies()));
    const signatory = fields(signatorySchema(emptyVocabularies()));
    ownFieldsCache = { providers: provider.filter((f) => !signatory.includes(f)), signatories: signatory.filter((f) => !provider.includes(f)) };
  }
  return ownFieldsCache;
}

/**
 * Which kind of entry a file's fields say it is: two or more fields only that kind has, and none only the other
 * has. Anything less certain is undefined, so a file with a stray field is never sent to the wrong folder.
 */
export function entryKind(value: unknown): EntryKind | undefined {
  if (!isRecord(value)) return undefined;
  const own = ownFields();
  const has = (kind: EntryKind) => own[kind].filter((f) => Object.hasOwn(value, f));
  const [provider, signatory] = [has('providers'), has('signatories')];
  if (provider.length >= 2 && !signatory.length) return 'providers';
  if (signatory.length >= 2 && !provider.length) return 'signatories';
  return undefined;
}

const KIND_NAMES: Record<EntryKind, string> = { providers: 'a provider', signatories: 'a Charter signatory' };

export function emptyVocabularies(): Vocabularies {
  return Object.fromEntries(VOCABULARY_NAMES.map((n) => [n, { name: n, description: '', terms: [] }])) as unknown as Vocabularies;
}

/** Reads the vocabulary files; a missing or broken one is reported and left empty so other files are still checked. */
export function loadVocabularies(files: SourceFile[], dir = DEFAULT_VOCAB_DIR): { vocab: Vocabularies; problems: Problem[] } {
  const vocab = emptyVocabularies();
  const problems: Problem[] = [];
  const validate = compile(vocabularySchema() as Json);
  const byName = new Map(files.map((f) => [f.path.split('/').pop()?.replace(/\.yaml$/, ''), f]));
  for (const name of VOCABULARY_NAMES) {
    const file = byName.get(name);
    if (!file) {
      problems.push({ file: `${dir}/${name}.yaml`, line: 1, col: 1, severity: 'error', path: '', message: 'this vocabulary file is missing. Restore it from git.' });
      continue;
    }
    const parsed = parseSource(file);
    const report = new Reporter(parsed);
    if (isRecord(parsed.value) && runSchema(validate, parsed.value, report)) {
      const v = parsed.value as unknown as Vocabulary;
      const seen = new Set<string>();
      v.terms.forEach((t, i) => {
        if (seen.has(t.id)) report.add(['terms', i, 'id'], `"${t.id}" appears twice in this vocabulary. Ids must be unique.`);
        seen.add(t.id);
      });
      vocab[name] = v;
    }
    problems.push(...parsed.problems, ...report.problems);
  }
  for (const [name, file] of byName) {
    if (!VOCABULARY_NAMES.includes(name as VocabularyName))
      problems.push({ file: file.path, line: 1, col: 1, severity: 'error', path: '', message: `"${name}" is not a vocabulary the directory uses (${VOCABULARY_NAMES.join(', ')}). Remove the file or rename it.` });
  }
  for (const [i, d] of vocab.districts.terms.entries()) {
    if (d.area && !findTerm(vocab, 'areas', d.area))
      problems.push({ file: byName.get('districts')?.path ?? `${dir}/districts.yaml`, line: 1, col: 1, severity: 'error', path: `terms[${i}].area`, message: `"${d.area}" is not an area in data/vocab/areas.yaml.` });
  }
  return { vocab, problems };
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

/** Checks that span files: duplicate ids and names, and links from signatories to providers. */
function crossChecks(dataset: Dataset, sources: DataSources, problems: Problem[], positions: Map<string, () => { line: number; col: number }>): void {
  const at = (file: string, line: number, col: number, path: string, message: string, severity: Severity = 'error') =>
    problems.push({ file, line, col, severity, path, message });
  /** Where the file's name (a provider) or provider (a signatory) is. */
  const of = (file: string) => positions.get(file)?.() ?? { line: 1, col: 1 };
  const providerSlugs = new Set(dataset.providers.map((p) => p.slug));
  for (const kind of ['providers', 'signatories'] as const) {
    const seen = new Map<string, string>();
    for (const f of sources[kind]) {
      const slug = slugProblem(f.path).slug.toLowerCase();
      const other = seen.get(slug);
      if (other) at(f.path, 1, 1, '', `has the same id as ${other}. Each entry needs its own file name.`);
      else seen.set(slug, f.path);
    }
  }
  const names = new Map<string, string>();
  for (const p of dataset.providers) {
    const name = typeof p.data.name === 'string' ? p.data.name.trim().toLowerCase() : '';
    if (!name) continue;
    const other = names.get(name);
    if (other) {
      const { line, col } = of(p.file);
      at(p.file, line, col, 'name', `"${p.data.name}" is also the name of ${other}. If it is the same organisation, merge the two files; if not, make the names distinct.`, 'warning');
    } else names.set(name, p.file);
  }
  const linked = new Map<string, string>();
  const providerFiles = new Set(sources.providers.map((f) => slugProblem(f.path).slug));
  for (const s of dataset.signatories) {
    const target = s.data.provider;
    if (typeof target !== 'string') continue;
    if (!providerSlugs.has(target)) {
      // A provider file that exists but could not be read has its own errors: the link to it is not the problem.
      if (providerFiles.has(target)) continue;
      const guess = suggestion(target, [...providerSlugs]);
      const { line, col } = of(s.file);
      at(s.file, line, col, 'provider', `"${target}" is not a provider: there is no data/providers/${target}.yaml${guess || '.'} Check the name, or remove this line.`);
    } else if (linked.has(target)) {
      const { line, col } = of(s.file);
      at(s.file, line, col, 'provider', `"${target}" is already linked from ${linked.get(target)}. A provider belongs to one signatory.`);
    } else linked.set(target, s.file);
  }
}
