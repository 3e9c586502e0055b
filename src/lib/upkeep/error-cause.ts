// Node's fetch hides the useful part of a network failure (ENOTFOUND, ECONNREFUSED…) in error.cause.

/** The first `code` found on an error or its causes, e.g. "ENOTFOUND". */
export function errorCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}
