// Writes the /contribute/ form's validator at build time: Ajv's standalone code for the provider schema, as an
// ES module the browser imports. The page's Content-Security-Policy allows no eval, so the schema cannot be
// compiled in the browser; compiled here, it is plain JavaScript. The Ajv options are the
// validator's own (src/lib/validate/ajv.ts), so the form sees the errors `npm run validate` sees.
import { Ajv, Name, type ValidateFunction } from 'ajv';
import standaloneCodeModule from 'ajv/dist/standalone/index.js';
import ucs2lengthModule from 'ajv/dist/runtime/ucs2length.js';
import formatsSource from 'ajv-formats/dist/formats.js?raw';
import { addDirectoryKeywords, AJV_OPTIONS } from '../../lib/validate/ajv.ts';

type JsonSchema = Record<string, unknown>;
type Standalone = (ajv: Ajv, validate: ValidateFunction) => string;
// CommonJS modules seen through ES module interop: the function is the default export, or its "default".
const standaloneCode = ((standaloneCodeModule as unknown as { default?: Standalone }).default ?? standaloneCodeModule) as unknown as Standalone;
const ucs2length = ((ucs2lengthModule as unknown as { default?: (s: string) => number }).default ?? ucs2lengthModule) as unknown as (s: string) => number;

/** The name the generated code uses for ajv-formats' formats, defined at the top of the module. */
const FORMATS = '__ajvFormats';
const UCS2LENGTH = '__ucs2length';

/**
 * The module's text. It exports `validate` (also the default export: an Ajv validate function, with
 * `validate.errors` after a failure) and `schema` (the provider schema it checks, for provider-yaml.ts).
 * Throws when the code would need anything the browser cannot load: `require(…)` or `new Function`.
 */
export function validatorModule(schema: JsonSchema): string {
  const ajv = addDirectoryKeywords(new Ajv({ ...AJV_OPTIONS, code: { source: true, esm: true, formats: new Name(FORMATS) } }));
  let code = standaloneCode(ajv, ajv.compile(schema));
  // Ajv's runtime helpers are referred to as CommonJS requires: give them as local definitions instead.
  code = code.replaceAll('require("ajv/dist/runtime/ucs2length").default', UCS2LENGTH);
  const preamble = [
    '// Generated at build time from the provider JSON Schema by src/components/contribute/validator-code.ts. Do not edit.',
    `const ${UCS2LENGTH} = ${ucs2length.toString()};`,
    // ajv-formats' format definitions (their source has no imports): run as a CommonJS module body.
    `const ${FORMATS} = (function () { const exports = {}; ${formatsSource}\nreturn exports.fullFormats; })();`.replace(/^\/\/# sourceMappingURL=.*$/gm, ''),
  ].join('\n');
  // The code holds the schema already (for error parameters): export that copy rather than a second one.
  const json = JSON.stringify(schema).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  const at = code.indexOf(` = ${json};`);
  const held = at > 0 ? /\bconst (schema\d+)$/.exec(code.slice(Math.max(0, at - 40), at))?.[1] : undefined;
  const out = `${preamble}\n${code}\nexport const schema = ${held ?? json};\n`;
  const required = /\brequire\s*\(/.exec(out);
  if (required) throw new Error(`The form's validator still needs require(…) at ${out.slice(required.index, required.index + 80)}: add that module to src/components/contribute/validator-code.ts.`);
  if (/\bnew Function\b|\beval\s*\(/.test(out)) throw new Error('The form\'s validator uses new Function or eval, which the Content-Security-Policy forbids.');
  return out;
}
