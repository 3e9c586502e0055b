// Parses one data file without ever throwing, and maps data paths back to line and column.
import { load } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Problem } from './problems.ts';

/** Real entries are a few kilobytes; anything this big is a mistake or an attack. */
export const MAX_FILE_BYTES = 256 * 1024;
const MAX_ALIASES = 50;

export interface SourceFile {
  /** Path shown in messages, relative to the project, with forward slashes. */
  path: string;
  bytes: Uint8Array | string;
}

export interface ParsedFile {
  path: string;
  doc?: Document.Parsed;
  lineCounter: LineCounter;
  value: unknown;
  problems: Problem[];
}

type Segment = string | number;

function problemAt(path: string, line: number, col: number, message: string, severity: Problem['severity'] = 'error'): Problem {
  return { file: path, line, col, severity, path: '', message };
}

function decode(file: SourceFile, problems: Problem[]): string | undefined {
  if (typeof file.bytes === 'string') return file.bytes;
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(file.bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const before = text.slice(0, bad).split('\n');
    problems.push(
      problemAt(
        file.path,
        before.length,
        (before[before.length - 1] ?? '').length + 1,
        'the file is not valid UTF-8 text. Save it again as UTF-8 in your editor (in most editors: "Save with encoding" → UTF-8).',
      ),
    );
    return undefined;
  }
  return text;
}

export function parseSource(file: SourceFile): ParsedFile {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const result: ParsedFile = { path: file.path, lineCounter, value: undefined, problems };
  const size = typeof file.bytes === 'string' ? Buffer.byteLength(file.bytes) : file.bytes.byteLength;
  if (size > MAX_FILE_BYTES) {
    problems.push(
      problemAt(file.path, 1, 1, `the file is ${Math.round(size / 1024)} KB, larger than the ${MAX_FILE_BYTES / 1024} KB limit. An entry should be a few KB: shorten the descriptions or split it into separate providers.`),
    );
    return result;
  }
  let text = decode(file, problems);
  if (text === undefined) return result;
  if (text.charCodeAt(0) === 0xfeff) {
    problems.push(problemAt(file.path, 1, 1, 'the file starts with an invisible byte-order mark. It was read anyway; save the file as "UTF-8" without BOM to remove it.', 'warning'));
    text = text.slice(1);
  }
  if (onlyCommentsOrBlank(text)) {
    problems.push(problemAt(file.path, 1, 1, 'the file is empty. Fill it in (see CONTRIBUTING.md) or delete it.'));
    return result;
  }
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: true });
  result.doc = doc;
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(errorOffset(doc, e));
    problems.push(problemAt(file.path, pos.line, pos.col, `YAML syntax: ${plainYamlError(e.message)}`));
  }
  for (const w of doc.warnings) {
    const pos = lineCounter.linePos(w.pos[0]);
    problems.push(problemAt(file.path, pos.line, pos.col, `YAML: ${plainYamlError(w.message)}`, 'warning'));
  }
  if (doc.errors.length) return result;
  try {
    result.value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    problems.push(problemAt(file.path, 1, 1, `the file could not be read: ${(error as Error).message}. Write each value out in full instead of using YAML aliases (*name).`));
    return result;
  }
  if (result.value === null || result.value === undefined) {
    problems.push(problemAt(file.path, 1, 1, 'the file is empty. Fill it in (see CONTRIBUTING.md) or delete it.'));
    result.value = undefined;
  } else if (Array.isArray(result.value)) {
    problems.push(problemAt(file.path, 1, 1, 'the file holds a list, but an entry must be a set of fields like "name: ...". Remove the leading "- " or start from a template in CONTRIBUTING.md.'));
    result.value = undefined;
  } else if (typeof result.value !== 'object') {
    problems.push(problemAt(file.path, 1, 1, 'the file holds a single value, but an entry must be a set of fields like "name: ...". Start from a template in CONTRIBUTING.md.'));
    result.value = undefined;
  }
  return result;
}

/**
 * A well-formed file read the quick way, or undefined when it needs parseSource. js-yaml reads the data files
 * about eight times faster than the yaml package and gives the same values (tests/lib/yaml-source.test.ts
 * compares the two over every fixture), but keeps no positions. So the caller checks the value, and reads the
 * file again with parseSource whenever there is anything to report. Anything unusual goes to parseSource too:
 * a byte-order mark, text that is not UTF-8, an alias, more than one document, anything js-yaml refuses, or a
 * value that is not a set of fields.
 */
export function quickParse(file: SourceFile): ParsedFile | undefined {
  const size = typeof file.bytes === 'string' ? file.bytes.length : file.bytes.byteLength;
  if (size > MAX_FILE_BYTES) return undefined;
  let text: string;
  try {
    text = typeof file.bytes === 'string' ? file.bytes : new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(file.bytes);
  } catch {
    return undefined;
  }
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  let value: unknown;
  try {
    value = load(text, { maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return { path: file.path, lineCounter: new LineCounter(), value, problems: [] };
}

/** Whether every line is blank or a comment: then the file holds nothing. */
function onlyCommentsOrBlank(text: string): boolean {
  // A file whose first visible character is not "#" has a line with something else on it: most files, at once.
  const first = /\S/.exec(text);
  if (!first) return true;
  if (first[0] !== '#') return false;
  // Line by line: a single regex over the whole text backtracks exponentially on a line of many "#".
  return text.split(/\r\n|\r|\n/).every((line) => /^\s*(?:#.*)?$/.test(line));
}

/** Where to point for a YAML error: an unclosed quote is reported at the end of the file, so point at where it opens. */
function errorOffset(doc: Document.Parsed, e: YAMLError): number {
  const at = e.pos[0];
  if (e.code !== 'MISSING_CHAR' || !/quote/.test(e.message)) return at;
  let opening: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const r = node.range;
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && r && r[0] < at && r[1] >= at) opening = r[0];
    },
  });
  return opening ?? at;
}

function plainYamlError(message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (/Map keys must be unique/.test(first)) return `${first}. A field appears twice: keep one of them.`;
  if (/Implicit map keys need to be followed by map values|Nested mappings are not allowed/.test(first))
    return `${first}. Check the indentation and that every field has a colon and a space after its name.`;
  if (/Tabs are not allowed/.test(first)) return `${first}. Indent with spaces, not tabs.`;
  if (/Missing closing .?quote/.test(first)) return `${first}: this value opens a quote mark that is never closed. Add the closing quote at the end of the value.`;
  if (/multiple documents/.test(first)) return 'the file holds more than one entry (a line with only "---" starts another). Keep one entry per file and remove the extra "---" line.';
  return first;
}

/** Line and column of the value at a data path (or of its key), falling back to the nearest parent that exists. */
export function locate(parsed: ParsedFile, path: readonly Segment[], { key = false } = {}): { line: number; col: number } {
  const doc = parsed.doc;
  if (!doc) return { line: 1, col: 1 };
  let node: unknown = doc.contents;
  let best: unknown = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      if (last && key) {
        best = pair.key;
        break;
      }
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
    } else break;
    if (!node) break;
    best = node;
  }
  const range = (best as Node | null)?.range;
  return range ? parsed.lineCounter.linePos(range[0]) : { line: 1, col: 1 };
}
