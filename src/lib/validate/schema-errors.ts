// What the validator (messages.ts) and the /contribute/ form (form-checks.ts) share about Ajv's errors: their
// shape and where each one points. Browser-safe: no yaml, no Ajv at run time.

/** The parts of an Ajv error both use (the form's standalone validator gives these, without `verbose`). */
export interface SchemaError {
  instancePath: string;
  schemaPath?: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
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

/** Errors another error already explains: "if" (its failing "then" says what is wrong). */
export function explainedElsewhere(err: Pick<SchemaError, 'keyword'>): boolean {
  return err.keyword === 'if';
}
