// The one reading of Ajv's errors that the validator and the /contribute/ form share: real errors from Ajv, set up
// as the project sets it up, on tiny schemas (and once on the provider schema), read as rules.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { addDirectoryKeywords, AJV_OPTIONS, compile } from '../../../src/lib/validate/ajv.ts';
import { explainedElsewhere, pointerPath, schemaRules, unsaid, type SchemaRule } from '../../../src/lib/validate/schema-errors.ts';
import { providerSchema } from '../../../src/lib/dataset/schema.ts';
import { loadVocabularies } from '../../../src/lib/validate/index.ts';
import { vocabSources } from '../../helpers/data-dir.ts';

type Json = Record<string, unknown>;

/** The rules for `data` against `schema`, from the validator's Ajv (with `verbose`). */
function rulesFor(schema: Json, data: unknown): SchemaRule[] {
  const validate = compile(schema);
  expect(validate(data)).toBe(false);
  return schemaRules(validate.errors);
}

/** The only rule for `data` against `schema`. */
function ruleFor(schema: Json, data: unknown): SchemaRule {
  const rules = rulesFor(schema, data);
  expect(rules).toHaveLength(1);
  return rules[0]!;
}

const named = { type: 'object', properties: { name: { type: 'string', description: 'What the group is called.' } } };

describe('pointerPath', () => {
  it('reads a JSON pointer as a path, with numbers for list items and ~1 and ~0 decoded', () => {
    expect(pointerPath('/services/0/a~1b~0c')).toEqual(['services', 0, 'a/b~c']);
    expect(pointerPath('')).toEqual([]);
  });
});

describe('explainedElsewhere', () => {
  it('leaves "if" errors to the failing "then" and explains every other keyword', () => {
    expect(explainedElsewhere({ keyword: 'if' })).toBe(true);
    expect(explainedElsewhere({ keyword: 'required' })).toBe(false);
  });

  it('leaves a "required" inside "anyOf" to the anyOf error, but not a "required" elsewhere', () => {
    expect(explainedElsewhere({ keyword: 'required', schemaPath: '#/anyOf/0/required' })).toBe(true);
    expect(explainedElsewhere({ keyword: 'required', schemaPath: '#/required' })).toBe(false);
  });
});

describe('schemaRules', () => {
  it('reads "required" as a missing field, with its description from the schema, at the set of fields that lacks it', () => {
    const rule = ruleFor({ ...named, required: ['name'] }, {});
    expect(rule).toMatchObject({ rule: 'missing', field: 'name', about: 'What the group is called.', path: [] });
  });

  it('reads "additionalProperties" as an unknown field, with the fields the schema knows there', () => {
    const rule = ruleFor({ ...named, additionalProperties: false }, { nmae: 'Harbour' });
    expect(rule).toMatchObject({ rule: 'unknown-field', field: 'nmae', known: ['name'], path: [] });
  });

  it('reads "enum" as a value not in the list, with the options and the vocabulary they come from', () => {
    const schema = { type: 'object', properties: { format: { type: 'string', enum: ['drop-in', 'online'], 'x-vocabulary': 'formats' } } };
    const rule = ruleFor(schema, { format: 'walk' });
    expect(rule).toMatchObject({ rule: 'not-in-list', options: ['drop-in', 'online'], vocabulary: 'formats', path: ['format'], data: 'walk' });
  });

  it('reads "type" as a value of the wrong kind, with the kind the schema wants', () => {
    const rule = ruleFor({ type: 'object', properties: { age: { type: 'integer' } } }, { age: 'ten' });
    expect(rule).toMatchObject({ rule: 'wrong-kind', want: 'integer', path: ['age'], data: 'ten' });
  });

  it('reads "format" and "pattern" as text in the wrong form, with the hint and the format of the field', () => {
    const schema = { type: 'object', properties: { website: { type: 'string', format: 'uri', pattern: '^https?://', 'x-hint': 'must start with https://' } } };
    const rules = rulesFor(schema, { website: 'www example' });
    expect(rules.map((r) => [r.rule, r.said])).toEqual([
      ['bad-form', 'must match pattern "^https?://"'],
      ['bad-form', 'must match format "uri"'],
    ]);
    for (const r of rules) expect(r).toMatchObject({ hint: 'must start with https://', format: 'uri', path: ['website'] });
  });

  it('reads "maxLength" as text that is too long, with the longest it may be', () => {
    expect(ruleFor({ type: 'string', maxLength: 3 }, 'four')).toMatchObject({ rule: 'too-long', limit: 3, data: 'four' });
  });

  it('reads "minItems" as a list with too few items, with the fewest it may have', () => {
    expect(ruleFor({ type: 'array', minItems: 1 }, [])).toMatchObject({ rule: 'too-few', limit: 1 });
  });

  it('reads "maxItems" as a list with too many items, with the most it may have', () => {
    expect(ruleFor({ type: 'array', maxItems: 1 }, [1, 2])).toMatchObject({ rule: 'too-many', limit: 1 });
  });

  it('reads "minLength" as empty text and "minProperties" as a set of fields with none filled in', () => {
    expect(ruleFor({ type: 'string', minLength: 1 }, '')).toMatchObject({ rule: 'empty', of: 'text' });
    expect(ruleFor({ type: 'object', minProperties: 1 }, {})).toMatchObject({ rule: 'empty', of: 'fields' });
  });

  it('reads "uniqueItems" as a list with an item twice, with the index of that item', () => {
    const rule = ruleFor({ type: 'array', items: { type: 'string' }, uniqueItems: true }, ['a', 'b', 'a']);
    expect(rule).toMatchObject({ rule: 'repeated' });
    if (rule.rule !== 'repeated') throw new Error('not a repeat');
    expect((rule.data as string[])[rule.index]).toBe('a');
  });

  it('reads "minimum" and "maximum" as a number out of range, with the limit and the comparison it fails', () => {
    expect(ruleFor({ type: 'number', minimum: 50 }, 49)).toMatchObject({ rule: 'out-of-range', limit: 50, comparison: '>=', said: 'must be >= 50' });
    expect(ruleFor({ type: 'number', maximum: 51.2 }, 52)).toMatchObject({ rule: 'out-of-range', limit: 51.2, comparison: '<=', said: 'must be <= 51.2' });
  });

  it('reads "const" as a value that can only be one thing, with that value', () => {
    expect(ruleFor({ type: 'boolean', const: true }, false)).toMatchObject({ rule: 'fixed', value: true });
  });

  it('reads "dependencies" as one field given without the other it needs', () => {
    const schema = { type: 'object', properties: { start: { type: 'string' }, end: { type: 'string' } }, dependencies: { start: ['end'] } };
    expect(ruleFor(schema, { start: '18:00' })).toMatchObject({ rule: 'needs-both', property: 'start', missing: 'end', path: [] });
  });

  it('reads "anyOf" as an incomplete set of fields with its hint, and leaves out the "required" of each branch', () => {
    const schema = { ...named, anyOf: [{ required: ['name'] }, { required: ['email'] }], 'x-hint': 'needs a name or an email' };
    expect(ruleFor(schema, {})).toMatchObject({ rule: 'incomplete', hint: 'needs a name or an email', path: [] });
  });

  it('reads any other keyword as a rule only Ajv’s own words say', () => {
    expect(ruleFor({ type: 'string', not: { const: 'x' } }, 'x')).toMatchObject({ rule: 'other', said: 'must NOT be valid' });
  });

  it('leaves out the "if" whose "then" failed, and says the "then"', () => {
    const schema = { ...named, if: { required: ['name'] }, then: { required: ['email'] } };
    expect(rulesFor(schema, { name: 'Harbour' })).toEqual([{ rule: 'missing', field: 'email', path: [], data: { name: 'Harbour' }, said: "must have required property 'email'" }]);
  });

  it('says the same error at the same place once', () => {
    const schema = { ...named, allOf: [{ required: ['name'] }, { required: ['name'] }] };
    expect(rulesFor(schema, {}).map((r) => r.rule)).toEqual(['missing']);
  });

  it('reads the errors of a validator without verbose, as the form has, from what Ajv gives: no value, no hint', () => {
    const validate = addDirectoryKeywords(new Ajv({ ...AJV_OPTIONS })).compile({ ...named, required: ['name'], additionalProperties: false });
    validate({ nmae: 'Harbour' });
    expect(schemaRules(validate.errors)).toEqual([
      { rule: 'missing', field: 'name', path: [], said: "must have required property 'name'" },
      { rule: 'unknown-field', field: 'nmae', known: [], path: [], said: 'must NOT have additional properties' },
    ]);
  });

  it('reads the provider schema’s errors: an unknown community is not in the communities vocabulary, at its place in the list', () => {
    const vocab = loadVocabularies(vocabSources()).vocab;
    const validate = compile(providerSchema(vocab));
    validate({ name: 'Harbour', services: [{ communities: ['everyone', 'pirates'] }] });
    const rule = schemaRules(validate.errors).find((r) => r.rule === 'not-in-list');
    expect(rule).toMatchObject({ rule: 'not-in-list', vocabulary: 'communities', path: ['services', 0, 'communities', 1], data: 'pirates' });
    expect(rule?.rule === 'not-in-list' && rule.options).toContain('everyone');
  });

  it('has no words for a rule it does not know: the switch that reaches unsaid fails loudly', () => {
    expect(() => unsaid({ rule: 'new' } as never)).toThrow('No words for the schema rule {"rule":"new"}');
  });
});
