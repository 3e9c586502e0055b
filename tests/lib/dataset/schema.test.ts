import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataSources, validateDataDir } from '../../../src/lib/dataset/dataset-fs.ts';
import { derivedFiles } from '../../../src/lib/dataset/generated-fs.ts';
import { formatProblem } from '../../../src/lib/validate/problems.ts';
import { allSchemas, providerSchema, signatorySchema, vocabularySchema } from '../../../src/lib/dataset/schema.ts';
import { emptyVocabularies, loadVocabularies } from '../../../src/lib/validate/index.ts';
import { termIds, VOCABULARY_NAMES, type Vocabularies, type VocabularyName } from '../../../src/lib/dataset/vocab.ts';
import { makeDataDir, provider, TODAY, validate, vocabSources, type TempDataDir } from '../../helpers/data-dir.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const vocab = loadVocabularies(vocabSources()).vocab;

type Node = Record<string, unknown>;

/** Every sub-schema that takes its values from a vocabulary. */
function vocabularyNodes(schema: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(schema)) for (const s of schema) vocabularyNodes(s, out);
  else if (schema && typeof schema === 'object') {
    if ('x-vocabulary' in schema) out.push(schema as Node);
    for (const v of Object.values(schema)) vocabularyNodes(v, out);
  }
  return out;
}

function strictAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-vocabulary', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  return ajv;
}

const formatsEnum = (v: Vocabularies) => {
  const services = (providerSchema(v).properties as Record<string, Node>).services as Node;
  const service = services.items as Node;
  const formats = (service.properties as Record<string, Node>).formats as Node;
  return (formats.items as Node).enum as string[];
};

describe('the schemas', () => {
  it('take every list of allowed values from its vocabulary file, and use every vocabulary', () => {
    const nodes = [...vocabularyNodes(providerSchema(vocab)), ...vocabularyNodes(signatorySchema(vocab))];
    for (const node of nodes) {
      const name = node['x-vocabulary'] as VocabularyName;
      expect(node.enum, name).toEqual(termIds(vocab, name));
    }
    expect(new Set(nodes.map((n) => n['x-vocabulary']))).toEqual(new Set(VOCABULARY_NAMES));
  });

  it("compile in Ajv's strict mode", () => {
    const ajv = strictAjv();
    for (const schema of Object.values(allSchemas(vocab))) expect(() => ajv.compile(schema)).not.toThrow();
  });

  it('still compile when a vocabulary is missing, so the other files can be checked', () => {
    const ajv = strictAjv();
    expect(() => ajv.compile(providerSchema(emptyVocabularies()))).not.toThrow();
    expect(() => ajv.compile(signatorySchema(emptyVocabularies()))).not.toThrow();
  });

  it('refuse a javascript: website, which Ajv\'s "uri" format alone accepts', () => {
    const ajv = strictAjv();
    expect(ajv.validate({ type: 'string', format: 'uri' }, 'javascript:alert(1)')).toBe(true);
    const website = (providerSchema(vocab).properties as Record<string, Node>).website as Node;
    const validateWebsite = ajv.compile(website);
    expect(validateWebsite('javascript:alert(1)')).toBe(false);
    expect(validateWebsite('JavaScript://example.org/%0Aalert(1)')).toBe(false);
    expect(validateWebsite('https://example.org/page')).toBe(true);
  });

  it('describe every field, so editors can show help for it', () => {
    const missing: string[] = [];
    const walk = (schema: unknown, where: string) => {
      if (!schema || typeof schema !== 'object') return;
      const props = (schema as Node).properties as Record<string, Node> | undefined;
      for (const [key, sub] of Object.entries(props ?? {})) {
        if (typeof sub.description !== 'string' || !sub.description) missing.push(`${where}.${key}`);
        walk(sub, `${where}.${key}`);
        walk(sub.items, `${where}.${key}[]`);
      }
    };
    for (const [name, schema] of Object.entries(allSchemas(vocab))) walk(schema, name);
    expect(missing).toEqual([]);
  });

  it('give every free-text field a length limit, so no field can hold a flood of text', () => {
    const unlimited: string[] = [];
    const walk = (schema: unknown, where: string) => {
      if (!schema || typeof schema !== 'object') return;
      const node = schema as Node;
      if (node.type === 'string' && !node.enum && typeof node.maxLength !== 'number') unlimited.push(where);
      for (const [key, sub] of Object.entries((node.properties as Record<string, Node> | undefined) ?? {})) walk(sub, `${where}.${key}`);
      walk(node.items, `${where}[]`);
    };
    for (const [name, schema] of Object.entries(allSchemas(vocab))) walk(schema, name);
    expect(unlimited).toEqual([]);
  });

  it('refuse a venue name of 5,000 characters and a status note of 200 KB', () => {
    const long = provider('Long')
      .replace('    communities: [everyone]\n', `    communities: [everyone]\n    status_note: "${'x'.repeat(200 * 1024)}"\n    locations:\n      - name: "${'v'.repeat(5000)}"\n        precision: exact\n`);
    expect(validate({ providers: { 'long.yaml': long } }).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([
      'services[0].status_note: is too long (204800 characters): keep it to 500 or fewer.',
      'services[0].locations[0].name: is too long (5000 characters): keep it to 500 or fewer.',
    ]);
  });

  it('describe the vocabulary files themselves, and every vocabulary file matches', () => {
    const validate = strictAjv().compile(vocabularySchema());
    expect(loadVocabularies(vocabSources()).problems).toEqual([]);
    expect(validate({ name: 'X', description: 'Y', terms: [] })).toBe(false);
  });
});

describe('the vocabulary as the single source', () => {
  const NEW_TERM = '  - {id: peer-walks, label: Peer walks, description: "Walking and talking together."}\n';
  const usesNewTerm = provider('Walkers').replace('formats: [group]', 'formats: [group, peer-walks]');
  let dirs: TempDataDir[] = [];
  afterAll(() => dirs.forEach((d) => d.remove()));
  const dir = (spec: Parameters<typeof makeDataDir>[0]) => {
    const d = makeDataDir(spec);
    dirs.push(d);
    return d;
  };

  it('refuses a format that is not in data/vocab/formats.yaml', () => {
    const d = dir({ providers: { 'walkers.yaml': usesNewTerm } });
    const problems = validateDataDir(d.root, { today: TODAY }).problems;
    expect(problems.map((p) => p.message)).toEqual([`"peer-walks" is not a known format (see ${d.at('vocab', 'formats.yaml')})`]);
  });

  it('accepts a term added to a copy of the vocabulary file, and puts it in the generated schema and types', async () => {
    const d = dir({ providers: { 'walkers.yaml': usesNewTerm }, vocab: { formats: (text) => text + NEW_TERM } });
    expect(validateDataDir(d.root, { today: TODAY }).problems.map(formatProblem)).toEqual([]);

    const changed = loadVocabularies(readDataSources(d.root).vocab);
    expect(changed.problems).toEqual([]);
    expect(formatsEnum(changed.vocab)).toContain('peer-walks');
    expect(formatsEnum(vocab)).not.toContain('peer-walks');

    const files = await derivedFiles(changed.vocab);
    expect(files.get('schema/provider.schema.json')).toContain('"peer-walks"');
    expect(files.get('src/lib/generated/data-types.ts')).toContain('"peer-walks"');
  });
});
