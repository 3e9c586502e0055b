// The Ajv set-up shared by the validator and the /contribute/ form's validator (validator-code.ts), so both
// compile the same schema the same way and see the same errors.
import { Ajv, type Options, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// CommonJS seen through ES module interop: the function is the default export, or its "default".
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;
type Json = Record<string, unknown>;

/** The options both validators use. The validator adds `verbose` (the values in errors, for its messages); the form's code leaves it out, as it only makes the code bigger. */
export const AJV_OPTIONS = { allErrors: true, strict: true, strictRequired: false } as const satisfies Options;

/** Adds the formats (uri, email, …) and the schema's own keywords, which only carry words for people. */
export function addDirectoryKeywords(ajv: Ajv): Ajv {
  addFormats(ajv);
  ajv.addKeyword({ keyword: 'x-vocabulary', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-hint', schemaType: 'string' });
  return ajv;
}

function newAjv(): Ajv {
  return addDirectoryKeywords(new Ajv({ ...AJV_OPTIONS, verbose: true }));
}

/**
 * Compiled validators by schema: compiling the provider schema takes longer than checking a hundred files, and
 * validateSources runs many times over the same vocabularies (the worker threads' batches, the build, tests).
 * The key is the schema itself, so changed vocabularies always get a new validator.
 */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 16;

export function compile(schema: Json): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    validate = newAjv().compile(schema);
    compiled.set(key, validate);
  }
  return validate;
}

