// The vocabulary files read and checked, and which kind of entry a file's fields say it is.
import { isRecord } from './entry-checks.ts';
import type { Problem } from './problems.ts';
import { providerSchema, signatorySchema, vocabularySchema } from '../dataset/schema.ts';
import { DEFAULT_VOCAB_DIR, findTerm, VOCABULARY_NAMES, type Vocabularies, type Vocabulary, type VocabularyName } from '../dataset/vocab.ts';
import { parseSource, type SourceFile } from '../dataset/yaml-source.ts';
import { compile } from './ajv.ts';
import { Reporter, runSchema } from './messages.ts';

type Json = Record<string, unknown>;

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

export const KIND_NAMES: Record<EntryKind, string> = { providers: 'a provider', signatories: 'a Charter signatory' };

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

