// Characters that change how text is read rather than what it says: control characters, line breaks in
// one-line fields, and bidirectional controls that can make a name display reversed. The validator refuses
// them; plain-text output escapes them; names are isolated wherever they are shown.

/** Control characters but tab, newline and return, DEL and the C1 controls: never meant in a data file. */
export const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F]/;
/** Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder the text around them. */
export const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** A line or paragraph break of any kind, which a one-line field cannot hold. */
const LINE_BREAK = /[\r\n\u2028\u2029\x85]/;
/** Right-to-left letters and marks: text holding them is isolated so it cannot reorder what is around it. */
const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u061C\u202A-\u202E\u2066-\u2069]|[\uD802-\uD803\uD83A-\uD83B][\uDC00-\uDFFF]/;

/** U+001B, as a contributor can search for it. */
export function codePoint(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Fields that hold paragraphs: every other text field is one line. */
const MULTI_LINE_FIELDS = new Set(['description']);

/**
 * What is wrong with a text value's characters, or undefined. `field` is the last part of its path. A single
 * line break at the end (what a YAML "note: >" block leaves) is allowed anywhere.
 */
export function textSafetyProblem(value: string, field: string | number | undefined): string | undefined {
  const control = CONTROL.exec(value);
  if (control) return `contains an invisible control character (${codePoint(control[0])}), which is not allowed in text. Remove it (it may be written as a "\\" escape in quotes).`;
  const bidi = BIDI_CONTROL.exec(value);
  if (bidi) return `contains an invisible direction control (${codePoint(bidi[0])}), which can make the text show back to front. Remove it.`;
  if (typeof field === 'string' && !MULTI_LINE_FIELDS.has(field) && LINE_BREAK.test(value.replace(/\r?\n$/, '')))
    return 'has a line break in it, but it must be one line. Join the lines into one.';
  return undefined;
}

/**
 * Text with every control character, line break and direction control written as a visible escape (\n,
 * \u001b), so a value or a file name printed in a terminal or a CI log stays on its one line and cannot be
 * read as a command (a GitHub Actions "::error::" line) or recolour the terminal.
 */
export function escapeControls(text: string): string {
  return text.replace(/[\x00-\x1F\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g, (ch) => {
    if (ch === '\n') return '\\n';
    if (ch === '\r') return '\\r';
    if (ch === '\t') return '\\t';
    return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/**
 * A name isolated for plain-text output (page titles, calendar SUMMARY, CSV) between FIRST STRONG ISOLATE and
 * POP DIRECTIONAL ISOLATE, so right-to-left text in it cannot reorder the words around it. Text with no
 * right-to-left character in it cannot, and is returned as it is. HTML uses <bdi> for the same.
 */
export function isolate(name: string): string {
  return RIGHT_TO_LEFT.test(name) ? `\u2068${name}\u2069` : name;
}
