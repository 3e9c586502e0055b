// What the validator (messages.ts) and the /contribute/ form (form-checks.ts) share about Ajv's errors: their
// shape, where each one points, which are skipped or said once, and what each keyword means as a rule.
// Each audience then puts the rule in its own words. Browser-safe: no yaml, no Ajv at run time.

/** The parts of an Ajv error both use (the form's standalone validator gives these, without `verbose`). */
export interface SchemaError {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
  /** The value that failed; with Ajv's `verbose` only (the validator's, not the form's). */
  data?: unknown;
  /** The schema around the keyword (its `properties`, `x-hint`, `x-vocabulary`); with `verbose` only. */
  parentSchema?: unknown;
}

/** A JSON pointer ("/services/0/a~1b") as a path: ["services", 0, "a/b"]. */
export function pointerPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Errors another error already explains: "if" (its failing "then" says what is wrong), and "required" inside
 * "anyOf" (one per branch: the anyOf error says it once).
 */
export function explainedElsewhere(err: Pick<SchemaError, 'keyword' | 'schemaPath'>): boolean {
  return err.keyword === 'if' || (err.keyword === 'required' && !!err.schemaPath?.includes('/anyOf/'));
}

/** What one schema error means, whichever words say it. Fields from the schema itself need Ajv's `verbose`. */
export type Rule =
  /** A field is missing from the set of fields at the path; `about` is its description in the schema. */
  | { rule: 'missing'; field: string; about?: string }
  /** A field the schema does not know; `known` are the fields it does know there. */
  | { rule: 'unknown-field'; field: string; known: string[] }
  /** A value not among `options`; `vocabulary` names the vocabulary they come from, if they do. */
  | { rule: 'not-in-list'; options: string[]; vocabulary?: string }
  /** A value of the wrong kind: `want` is the JSON type the schema asks for. */
  | { rule: 'wrong-kind'; want: string }
  /** Text not in the form the schema asks for (a pattern or a format, such as "uri"); `hint` says the form. */
  | { rule: 'bad-form'; hint?: string; format?: string }
  | { rule: 'too-long'; limit: number }
  | { rule: 'too-few'; limit: number }
  | { rule: 'too-many'; limit: number }
  /** Empty text, or a set of fields with none filled in. */
  | { rule: 'empty'; of: 'text' | 'fields' }
  /** A list that has its item at `index` twice. */
  | { rule: 'repeated'; index: number }
  | { rule: 'out-of-range'; limit: number; comparison: string }
  /** A value that can only be `value`. */
  | { rule: 'fixed'; value: unknown }
  /** `property` is given without `missing`, which must come with it. */
  | { rule: 'needs-both'; property: string; missing: string }
  /** None of the ways to complete a set of fields is met; `hint` says what it needs. */
  | { rule: 'incomplete'; hint?: string }
  /** Any other keyword: only Ajv's own words (`said`) say what is wrong. */
  | { rule: 'other' };

/** A rule, where it broke (`path`), the value there (`data`, with `verbose`) and Ajv's own words (`said`). */
export type SchemaRule = Rule & { path: (string | number)[]; data?: unknown; said?: string };

type Json = Record<string, unknown>;

function rule(err: SchemaError, parent: Json): Rule {
  const p = err.params;
  const hint = typeof parent['x-hint'] === 'string' ? parent['x-hint'] : undefined;
  const properties = (parent.properties ?? {}) as Record<string, Json>;
  switch (err.keyword) {
    case 'required': {
      const field = String(p.missingProperty);
      const about = properties[field]?.description;
      return { rule: 'missing', field, ...(typeof about === 'string' ? { about } : {}) };
    }
    case 'additionalProperties':
      return { rule: 'unknown-field', field: String(p.additionalProperty), known: Object.keys(properties) };
    case 'enum': {
      const vocabulary = parent['x-vocabulary'];
      return { rule: 'not-in-list', options: (p.allowedValues as unknown[]).map(String), ...(typeof vocabulary === 'string' ? { vocabulary } : {}) };
    }
    case 'type':
      return { rule: 'wrong-kind', want: String(p.type) };
    case 'format':
    case 'pattern': {
      const format = parent.format ?? p.format;
      return { rule: 'bad-form', ...(hint ? { hint } : {}), ...(typeof format === 'string' ? { format } : {}) };
    }
    case 'anyOf':
      return { rule: 'incomplete', ...(hint ? { hint } : {}) };
    case 'minItems':
      return { rule: 'too-few', limit: Number(p.limit) };
    case 'maxItems':
      return { rule: 'too-many', limit: Number(p.limit) };
    case 'maxLength':
      return { rule: 'too-long', limit: Number(p.limit) };
    case 'minLength':
      return { rule: 'empty', of: 'text' };
    case 'minProperties':
      return { rule: 'empty', of: 'fields' };
    case 'uniqueItems':
      return { rule: 'repeated', index: Number(p.i) };
    case 'minimum':
    case 'maximum':
      return { rule: 'out-of-range', limit: Number(p.limit), comparison: String(p.comparison) };
    case 'const':
      return { rule: 'fixed', value: p.allowedValue };
    case 'dependencies':
      return { rule: 'needs-both', property: String(p.property), missing: String(p.missingProperty) };
    default:
      return { rule: 'other' };
  }
}

/** One Ajv error as a rule at its path. */
export function schemaRule(err: SchemaError): SchemaRule {
  const parent = err.parentSchema && typeof err.parentSchema === 'object' ? (err.parentSchema as Json) : {};
  const described: SchemaRule = { ...rule(err, parent), path: pointerPath(err.instancePath) };
  if ('data' in err) described.data = err.data;
  if (err.message !== undefined) described.said = err.message;
  return described;
}

/** Ajv's errors as rules, in Ajv's order: none that another error explains, and each repeat said once. */
export function schemaRules(errors: readonly SchemaError[] | null | undefined): SchemaRule[] {
  const seen = new Set<string>();
  const rules: SchemaRule[] = [];
  for (const err of errors ?? []) {
    if (explainedElsewhere(err)) continue;
    const key = `${err.instancePath}|${err.keyword}|${JSON.stringify(err.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    rules.push(schemaRule(err));
  }
  return rules;
}

/** The end of a switch over every rule: TypeScript fails here when a rule has no words yet. */
export function unsaid(rule: never): never {
  throw new Error(`No words for the schema rule ${JSON.stringify(rule)}`);
}
