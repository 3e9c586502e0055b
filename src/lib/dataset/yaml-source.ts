// Parses one data file without ever throwing, and maps data paths back to line and column.
import { load } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, YAMLParseError, type Document, type Node } from 'yaml';
import type { Problem } from '../validate/problems.ts';
import { CONTROL } from '../text/text-safety.ts';
import { MAX_SYNTAX_LINES, moreProblems, plainYamlError, quote, syntaxErrors } from './yaml-errors.ts';

export { MAX_SYNTAX_LINES, moreProblems };

/** Real entries are a few kilobytes; anything this big is a mistake or an attack. */
export const MAX_FILE_BYTES = 256 * 1024;
const MAX_ALIASES = 50;

/** Control characters (but tab, newline and return), non-breaking and zero-width spaces: invisible in an editor. */
const INVISIBLE = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F\u00A0\u200B-\u200D\u2060\uFEFF]/g;
const INVISIBLE_ONE = new RegExp(INVISIBLE.source);
const INVISIBLE_NAMES: Record<string, string> = {
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\uFEFF': 'zero-width no-break space',
};
/**
 * Text that may hold what parseSource warns about and js-yaml reads past: a curly quote opening a value, a " #"
 * stuck to the text after it, or a "&" or "!" starting a word. Rare in real files, so quickParse leaves them to parseSource.
 * It matches one of those few characters and then looks back, which is ten times faster than looking ahead.
 */
export const MAY_CUT_VALUE = /[“‘#&!](?<=[:[{,-][ \t]*[“‘]|[^\s#][ \t]+#(?=[^\s#])|[\s[{,][&!](?=\S))/;

export interface SourceFile {
  /** Path shown in messages, relative to the project, with forward slashes. */
  path: string;
  bytes: Uint8Array | string;
}

export interface ParsedFile {
  path: string;
  doc?: Document.Parsed;
  /** The text the document was read from, when it was read with positions. */
  text?: string;
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
  // A non-breaking space becomes an ordinary one (same length, so positions hold): it is reported below, and
  // "led_by:\u00A0user-led" then reads as the field it was meant to be instead of failing to parse.
  // Keys are checked for repeats here in one pass: the parser's own check compares each key with every one
  // before it, which is slow for a file with very many fields (BENCHMARKS.md, "Measurements behind the code").
  const doc = withoutStackTraces(() => parseDocument(text.replaceAll('\u00A0', ' '), { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true }));
  addDuplicateKeyErrors(doc);
  result.doc = doc;
  result.text = text;
  const at = (offset: number, message: string, severity: Problem['severity'] = 'error') => {
    const pos = lineCounter.linePos(offset);
    problems.push(problemAt(file.path, pos.line, pos.col, message, severity));
  };
  for (const e of syntaxErrors(doc, text, lineCounter)) at(e.at, `YAML syntax: ${e.message}`);
  for (const c of invisibleCharacters(text)) at(c.at, c.message);
  const warned = checkScalars(doc, text, at);
  for (const w of doc.warnings) if (!warned.has(w.pos[0])) at(w.pos[0], `YAML: ${plainYamlError(w.message)}`, 'warning');
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
 * about eight times faster than the yaml package and gives the same values (tests/lib/dataset/yaml-source.test.ts
 * compares the two over every fixture), but keeps no positions. So the caller checks the value, and reads the
 * file again with parseSource whenever there is anything to report. Anything unusual goes to parseSource too:
 * a byte-order mark, text that is not UTF-8, an alias, more than one document, anything js-yaml refuses, a
 * value that is not a set of fields, an invisible character, and text that may be cut (MAY_CUT_VALUE).
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
  if (text.charCodeAt(0) === 0xfeff || MAY_CUT_VALUE.test(text) || invisibleCharacters(text).length) return undefined;
  let value: unknown;
  try {
    value = load(text, { maxAliases: 0 });
  } catch {
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  return { path: file.path, lineCounter: new LineCounter(), value, problems: [] };
}

/** Runs f without stack traces: the parser makes an Error for each YAML error, and a file can hold 100,000. */
function withoutStackTraces<T>(f: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return f();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The parser's "Map keys must be unique" error for each repeated key, found in one pass over each map. */
function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<string>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const id = `${typeof pair.key.value}:${String(pair.key.value)}`;
        if (seen.has(id)) found.push(new YAMLParseError([pair.key.range[0], pair.key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(id);
      }
    },
  });
  if (!found.length) return;
  doc.errors.push(...found);
  doc.errors.sort((a, b) => a.pos[0] - b.pos[0]);
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

/** Whether an invisible character is a mistake: a zero-width (non-)joiner after a non-ASCII character is part of an emoji or a script. */
function isStray(text: string, i: number): boolean {
  return !(/[\u200C\u200D]/.test(text[i] ?? '') && text.charCodeAt(i - 1) > 0x7f);
}

/** Each invisible character, once per kind a line, named with the text before it so it can be found. */
function invisibleCharacters(text: string): { at: number; message: string }[] {
  const found: { at: number; message: string }[] = [];
  const seen = new Set<string>();
  for (const { 0: ch, index: i } of text.matchAll(INVISIBLE)) {
    if (!isStray(text, i)) continue;
    const lineStart = text.lastIndexOf('\n', i - 1) + 1;
    const name = ch === '\u00A0' ? 'non-breaking space' : (INVISIBLE_NAMES[ch] ?? 'control character');
    if (seen.has(`${lineStart} ${name}`)) continue;
    seen.add(`${lineStart} ${name}`);
    const shown = text.slice(lineStart, i).trimStart();
    const before = shown.length > 20 ? `…${shown.slice(-20).replace(/^\S*\s+/, '')}` : shown;
    const where = before ? `after "${before}"` : 'at the start of the line';
    const code = `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    found.push({
      at: i,
      message:
        name === 'non-breaking space'
          ? `a non-breaking space ${where}: it looks like a space, but YAML does not read it as one. Replace it with an ordinary space.`
          : name === 'control character'
            ? `an invisible control character (${code}) ${where}. Remove the control character.`
            : `an invisible ${name} (${code}) ${where}. Delete it: it cannot be seen, so put the cursor ${before ? `just after "${before}"` : 'at the start of the line'} and press Delete once.`,
    });
  }
  return found;
}

/**
 * Looks at each value as read, and reports what is not what its writer meant: curly quotes around a whole value
 * (taken off, so the value is checked as meant), invisible characters in it (taken out: they are reported
 * already), and a plain value cut short by a " #" comment ("#2", not "# a note") or by an anchor or tag. Returns where it warned.
 */
function checkScalars(doc: Document.Parsed, text: string, at: (offset: number, message: string, severity?: Problem['severity']) => void): Set<number> {
  const warned = new Set<number>();
  const warn = (offset: number, message: string) => {
    warned.add(offset);
    at(offset, message, 'warning');
  };
  visit(doc, {
    Scalar(key, node) {
      // Only characters typed into the file, which are reported above; a control character written as an escape
      // ("\u0007") stays, so that the text checks refuse it rather than it vanishing unseen.
      if (typeof node.value === 'string' && INVISIBLE_ONE.test(node.value)) {
        const raw = node.range ? text.slice(node.range[0], node.range[1]) : '';
        node.value = node.value.replace(INVISIBLE, (c: string, i: number, s: string) => (isStray(s, i) && (raw.includes(c) || !CONTROL.test(c)) ? '' : c));
      }
      if (node.type !== 'PLAIN' || !node.range) return;
      const [start, end] = node.range;
      const value = node.value;
      if (typeof value === 'string' && /^(?:“[^“”]*”|‘[^‘]*’)$/.test(value)) {
        at(start, `curly quotes ${value[0] === '“' ? '“…”' : '‘…’'} are not YAML quotes, so they would be part of the text. Use straight double quotes: ${quote(value.slice(1, -1))}`);
        node.value = value.slice(1, -1);
      }
      if (key === 'key') return;
      const lineStart = text.lastIndexOf('\n', start - 1) + 1;
      const prefix = text.slice(lineStart, start);
      // A tag or an anchor stands before the value ("&Friends group"), where YAML takes it off the text.
      const props = node.anchor || node.tag ? /(?:^|[\s[{,])([&!][^]*)$/.exec(prefix) : null;
      if (props?.[1]) {
        const from = start - props[1].length;
        const mark = props[1].trim();
        const what = mark.startsWith('&') ? 'an anchor (a YAML name for reusing a value)' : 'a tag (a YAML type)';
        const field = text.slice(lineStart, from).trim();
        warn(from, `"${mark}" before the value is read as ${what}, not as text, so the value is only "${String(value)}". If "${mark}" is part of the text, put the whole value in double quotes: ${[field, quote(text.slice(from, end))].join(' ').trim()}`);
      }
      // "# " with a space reads as a comment someone meant; "#2" or "#hashtag" reads as text that was cut.
      const hash = /[ \t]+#(?=[^\s#])/y;
      hash.lastIndex = end;
      if (typeof value === 'string' && hash.test(text)) {
        const lineEnd = text.slice(start).search(/\r?\n|$/) + start;
        const whole = text.slice(start, lineEnd).trimEnd();
        const fix = text.slice(start, end).includes('\n') ? '' : `: ${prefix.trim()} ${quote(whole)}`;
        warn(hash.lastIndex - 1, `the text from "#" on is left out: in YAML " #" starts a comment, so the value is only "${value}". If the # is part of the text, put the whole value in double quotes${fix}`);
      }
    },
  });
  return warned;
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
