// Ajv's errors from the JSON Schema, in plain English for someone editing a data file, with the fix; and the
// reporter that puts each message at its line and column.
import type { ValidateFunction } from 'ajv';
import { isMap, isScalar } from 'yaml';
import { show, webAddressProblem, type Segment } from './entry-checks.ts';
import { formatPath, type Problem, type Severity } from './problems.ts';
import { closestSpelling, suggestTermId } from './term-match.ts';
import { DEFAULT_VOCAB_DIR, VOCABULARY_NOUNS, vocabFile, type Vocabularies, type VocabularyName } from '../dataset/vocab.ts';
import { locate, moreProblems, type ParsedFile } from '../dataset/yaml-source.ts';
import { schemaRules, unsaid, type SchemaRule } from './schema-errors.ts';

export class Reporter {
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


function didYouMean(best: string | undefined): string {
  return best ? ` — did you mean "${best}"?` : '';
}

export function suggestion(value: unknown, options: string[]): string {
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

/** Says one schema rule in plain English for someone editing the file, with what to do. */
function explain(d: SchemaRule, report: Reporter): void {
  const { path, data } = d;
  switch (d.rule) {
    case 'missing': {
      const inside = report.swallowed(path, d.field);
      if (inside) {
        report.add(path, `"${d.field}" is missing: "${d.field}:" is inside the text of "${inside.key}" above, because it is indented as far as that text. Move it left to line up with "${inside.key}:".`, 'error', false, inside.at);
        return;
      }
      report.add(path, `"${d.field}" is missing: add it.${d.about ? ` (${d.about})` : ''}`);
      return;
    }
    case 'unknown-field': {
      const guess = suggestion(d.field, d.known);
      report.add([...path, d.field], `"${d.field}" is not a field we know${guess || '.'} Check the spelling, or remove it. Known fields here: ${d.known.join(', ')}.`, 'error', true);
      return;
    }
    case 'not-in-list': {
      const vocabName = d.vocabulary as VocabularyName | undefined;
      const { options } = d;
      // "- b" indented one space more than "- a" above is read as more of that item: "a - b".
      const runTogether = typeof data === 'string' ? data.split(/\s+-\s+/) : [];
      if (vocabName && runTogether.length > 1 && runTogether.every((id) => options.includes(id))) {
        report.add(path, `${show(data)} is ${runTogether.length} items read as one, because a "- " is indented more than the one above it. Start each "- " in the same column.`);
        return;
      }
      if (vocabName) {
        // A label or synonym ("Running", "peer led") names its term better than the id spelt most like it.
        const terms = report.vocab?.[vocabName].terms ?? options.map((id) => ({ id, label: id, description: '' }));
        const guess = didYouMean(typeof data === 'string' ? suggestTermId(terms, data) : undefined);
        const all = options.length <= LIST_UP_TO ? `. Use one of: ${options.join(', ')}.` : '';
        report.add(path, `${show(data)} is not a known ${VOCABULARY_NOUNS[vocabName]}${guess} (see ${vocabFile(vocabName, report.vocabDir)})${all}`);
      } else report.add(path, `${show(data)} must be one of: ${options.join(', ')}`);
      return;
    }
    case 'wrong-kind':
      report.add(path, wrongKind(d.want, data, report.written(path, data)));
      return;
    case 'bad-form': {
      // A web address gets the same words as npm run new: what exactly is wrong with it (a space, no site name).
      const web = d.format === 'uri' && typeof data === 'string' ? webAddressProblem(data) : undefined;
      report.add(path, `${show(data)} ${web ?? d.hint ?? `is not in the expected form (${d.said})`}`);
      return;
    }
    case 'incomplete':
      report.add(path, d.hint ?? d.said ?? 'is not valid');
      return;
    case 'too-few':
      report.add(path, `needs at least ${d.limit} item${d.limit === 1 ? '' : 's'}: add ${d.limit === 1 ? 'one' : 'more'}.`);
      return;
    case 'too-many':
      report.add(path, `has too many items: at most ${d.limit}.`);
      return;
    case 'repeated':
      report.add(path, `lists ${show((data as unknown[])[d.index])} twice: remove one.`);
      return;
    case 'empty':
      report.add(path, d.of === 'text' ? 'is empty: fill it in or remove the line.' : 'is empty: fill it in or remove it.');
      return;
    case 'too-long':
      report.add(path, `is too long (${String(data).length} characters): keep it to ${d.limit} or fewer.`);
      return;
    case 'fixed':
      report.add(path, `must be ${show(d.value)}.`);
      return;
    case 'needs-both':
      report.add(path, `has "${d.property}" but not "${d.missing}": give both, or neither.`);
      return;
    case 'out-of-range':
      report.add(path, `${show(data)} must be ${d.comparison} ${d.limit}.`);
      return;
    case 'other':
      report.add(path, d.said ?? 'is not valid');
      return;
    default:
      unsaid(d);
  }
}

/** How many schema errors a file has explained; the rest are counted in one "…and N more" line. */
export const MAX_SCHEMA_PROBLEMS = 50;

export function runSchema(validate: ValidateFunction, value: unknown, report: Reporter): boolean {
  if (validate(value)) return true;
  const rules = schemaRules(validate.errors);
  // Each explained error looks up its line, so thousands of them (27,000 unknown fields) took seconds each.
  for (const d of rules.slice(0, MAX_SCHEMA_PROBLEMS)) explain(d, report);
  const more = rules.length - MAX_SCHEMA_PROBLEMS;
  if (more > 0) report.add(rules[MAX_SCHEMA_PROBLEMS]!.path, moreProblems(more, `problem${more === 1 ? '' : 's'} like these`));
  return false;
}
