// A YAML syntax error in the words of someone editing the file: where it is, what it most likely is (an
// indent, a colon in a value, a missing quote) and how to fix it.
import { visit, type Document, type LineCounter, type YAMLError } from 'yaml';
import { plural } from '../text/words.ts';

/** A value written in YAML double quotes (single quotes when it holds a double quote), for a suggested fix. */
export function quote(value: string): string {
  return /["\\]/.test(value) ? `'${value.replaceAll("'", "''")}'` : `"${value}"`;
}

/** The text of the line around an offset (without its line break), and where it starts. */
function lineAround(text: string, offset: number): { start: number; line: string } {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return { start, line: text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '') };
}

/** The next line after the one holding offset that is not blank or a comment. */
function nextContentLine(text: string, offset: number): { start: number; line: string } | undefined {
  for (let end = text.indexOf('\n', offset); end >= 0; end = text.indexOf('\n', end + 1)) {
    const next = lineAround(text, end + 1);
    if (/^\s*[^\s#]/.test(next.line)) return next;
  }
  return undefined;
}

/** The last line before lineStart that is not blank or a comment. */
function previousContentLine(text: string, lineStart: number): string | undefined {
  return text.slice(0, lineStart).split(/\r?\n/).findLast((line) => /^\s*[^\s#]/.test(line));
}

/** The nearest line above lineStart, within its block, indented by an odd number of spaces. */
function oddIndentAbove(text: string, lineStart: number): { start: number; line: string } | undefined {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (!/^\s*[^\s#]/.test(line)) continue;
    if (indentOf(line) % 2 === 1) return { start, line };
    if (indentOf(line) === 0) return undefined;
  }
  return undefined;
}

const indentOf = (line: string) => /^ */.exec(line)?.[0].length ?? 0;
/** Where a line's field starts: after its indentation and any "- ". */
const fieldColumn = (line: string) => /^\s*(?:-\s+)*/.exec(line)?.[0].length ?? 0;
const firstWord = (line: string) => /^\s*(?:-\s+)*(\S+)/.exec(line)?.[1] ?? '';
const spaces = (n: number) => plural(n, 'space');

/** Why a line indented differently from the line above breaks the file, and what to do. */
function indentMessage(line: string, above: string, why = ''): string {
  const indent = indentOf(line);
  const expected = fieldColumn(above);
  return `"${firstWord(line)}" is indented ${indent > expected ? 'more' : 'less'} than "${firstWord(above)}" on the line above (${spaces(indent)} instead of ${expected})${why}. Line it up with the fields around it.`;
}

/** The field and value on a "field: value" line, for a suggested fix. A field never starts with "-", which keeps a line of many "- " linear. */
const fieldAndValue = (line: string) => /^\s*(?:-\s+)*([^\s:#'"[{-][^:#]*?:)\s+(.*?)\s*$/.exec(line);

/** A YAML error in plain words, pointing at its cause; specific is false when there is nothing to add to the parser's words. */
export function explain(e: YAMLError, doc: Document.Parsed, text: string): { at: number; message: string; specific: boolean; blocks?: boolean } {
  const at = errorOffset(doc, e);
  const { start, line } = lineAround(text, at);
  const col = at - start;
  const said = (e.message.split('\n')[0] ?? '').trim();
  const plain = (offset: number, message: string) => ({ at: offset, message, specific: true });
  const fv = fieldAndValue(line);
  const value = fv?.[2] ?? '';
  const example = (fixed: string) => (fv ? `${fv[1]} ${quote(fixed)}` : quote(fixed));
  if (e.code === 'TAB_AS_INDENT') return plain(start + Math.max(0, line.indexOf('\t')), 'Tabs are not allowed as indentation. Indent with spaces, not tabs, lined up with the fields around it.');
  if (e.code === 'MULTILINE_IMPLICIT_KEY' || /Implicit map keys need to be followed/.test(said)) {
    const glued = /^(\s*(?:-\s+)*)([A-Za-z_][\w-]*):(?=\S)(.*)$/.exec(line);
    if (glued?.[1]?.length === col) {
      const colon = start + col + (glued[2] ?? '').length;
      return plain(colon, `there is no space after the colon in "${line.trim()}". Put a space after the colon: ${glued[2]}: ${(glued[3] ?? '').trim()}`);
    }
    const next = nextContentLine(text, at);
    if (e.code === 'MULTILINE_IMPLICIT_KEY' && next && indentOf(next.line) > fieldColumn(line)) {
      return plain(next.start + indentOf(next.line), indentMessage(next.line, line, ', so YAML reads it as more of the value above'));
    }
  }
  if (e.code === 'BAD_INDENT') {
    const above = previousContentLine(text, start);
    if (above !== undefined && indentOf(line) !== fieldColumn(above)) return plain(start + indentOf(line), indentMessage(line, above));
    // Lined up with the line above, so the line out of step is further up: the nearest one indented by an odd number.
    const odd = oddIndentAbove(text, start);
    // Like a tab, it makes the parser misread the rest of its block, so it hides the errors there (see syntaxErrors).
    if (odd)
      return {
        ...plain(odd.start + indentOf(odd.line), `"${firstWord(odd.line)}" is indented by ${spaces(indentOf(odd.line))}, but fields and list items are indented in steps of two spaces, so the lines after it cannot be read. Line it up with the fields around it.`),
        blocks: true,
      };
  }
  if (e.code === 'BAD_SCALAR_START') {
    return plain(at, `a value cannot start with "${text[at]}" in YAML. Put the whole value in double quotes: ${example(line.slice(col).trim())}`);
  }
  if (e.code === 'BLOCK_IN_FLOW') {
    const value = /^[^,\]}]*/.exec(line.slice(col))?.[0].trim() ?? '';
    return plain(at, `inside [ ] or { }, a colon followed by a space starts a new field, so "${value}" cannot be read. Put that value in double quotes: ${quote(value)}`);
  }
  if (/block-seq-ind on same line/.test(said)) {
    return plain(at, `"- " starts a list item, and a list cannot start on the same line as its field. If the text starts with "- ", put it in double quotes: ${example(line.slice(col).trim())}`);
  }
  if (e.code === 'UNEXPECTED_TOKEN' || /Missing , or :/.test(said)) {
    const before = line.slice(0, col);
    if (/\p{L}'$/u.test(before) && /^\p{L}/u.test(line.slice(col))) {
      const fix = /^'.*'$/.test(value) ? `: ${example(value.slice(1, -1))}` : '';
      return plain(at - 1, `an apostrophe inside single quotes ends the text early. Use double quotes around text that has an apostrophe${fix}`);
    }
    if (/["']\s*$/.test(before) && /^["']/.test(value)) {
      return plain(at, `there is text after the closing quote mark, but a quoted value ends at its closing quote. Put the whole value in quotes, or none of it: ${example(value)}`);
    }
    if (/^[*&!]/.test(value)) {
      return plain(start + line.indexOf(value), `a value cannot start with "${value[0]}" in YAML. Put the whole value in double quotes: ${example(value)}`);
    }
  }
  return { at, message: plainYamlError(e.message), specific: false };
}

/**
 * The YAML errors in plain words. One a line, and none after a tab in the rest of its block: a line the parser
 * could not read makes it misread what follows, and those errors would only hide the one that matters.
 */
export function syntaxErrors(doc: Document.Parsed, text: string, lineCounter: LineCounter): { at: number; message: string }[] {
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const kept: (ReturnType<typeof explain> & { from: number; tab: boolean })[] = [];
  // Explaining an error reads its line, so a file of thousands of errors on one long line took minutes: only
  // the first few on a line and the first MAX_SYNTAX_LINES lines are explained, and the rest counted.
  const perLine = new Map<number, number>();
  let more = 0;
  let firstMore = 0;
  for (const e of doc.errors) {
    const line = lineOf(e.pos[0]);
    const onLine = perLine.get(line) ?? 0;
    if (onLine >= MAX_EXPLAINED_PER_LINE) continue;
    if (!onLine && perLine.size >= MAX_SYNTAX_LINES) {
      if (!more++) firstMore = e.pos[0];
      continue;
    }
    perLine.set(line, onLine + 1);
    const explained = explain(e, doc, text);
    const found = { ...explained, from: e.pos[0], tab: e.code === 'TAB_AS_INDENT' || !!explained.blocks };
    const same = kept.findIndex((k) => k.from === found.from || lineOf(k.at) === lineOf(found.at));
    if (same < 0) kept.push(found);
    else if (found.specific && !kept[same]!.specific) kept[same] = found;
  }
  const lines = text.split('\n');
  // A tab's block (or an odd indent's) ends at the next line that starts in the first column.
  const blocks = kept.filter((k) => k.tab).map((k) => {
    const from = lineOf(k.at);
    const next = lines.findIndex((l, i) => i >= from && /^[^\s#]/.test(l));
    return { from, end: next < 0 ? Infinity : next + 1 };
  });
  const shown: { at: number; message: string }[] = kept.filter((k) => k.tab || !blocks.some(({ from, end }) => lineOf(k.at) >= from && lineOf(k.at) < end));
  if (more) shown.push({ at: firstMore, message: moreProblems(more, 'lines with YAML errors') });
  return shown;
}

/** How many lines with YAML errors are explained; errors after them are counted in one "…and N more" line. */
export const MAX_SYNTAX_LINES = 20;
const MAX_EXPLAINED_PER_LINE = 3;

/** The line that stands for problems left out: "…and 26,994 more …". */
export function moreProblems(count: number, what: string): string {
  return `…and ${count.toLocaleString('en-GB')} more ${what} after this. Fix the ones above first, then check again.`;
}

/** Where to point for a YAML error: an unclosed quote is reported at the end of the file, so point at where it opens. */
export function errorOffset(doc: Document.Parsed, e: YAMLError): number {
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

export function plainYamlError(message: string): string {
  const first = message.split('\n')[0] ?? message;
  if (/Map keys must be unique/.test(first)) return `${first}. A field appears twice: keep one of them.`;
  if (/Implicit map keys need to be followed by map values|Nested mappings are not allowed/.test(first))
    return `${first}. Check the indentation and that every field has a colon and a space after its name.`;
  if (/Missing closing .?quote/.test(first)) return `${first}: this value opens a quote mark that is never closed. Add the closing quote at the end of the value.`;
  if (/multiple documents/.test(first)) return 'the file holds more than one entry (a line with only "---" starts another). Keep one entry per file and remove the extra "---" line.';
  return first;
}
