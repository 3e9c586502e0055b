// npm run fmt: puts data files into canonical key order without losing comments, and never damages a file.
// formatText is the whole decision (no file system); formatFiles reads, checks and writes atomically.
import { closeSync, fsyncSync, linkSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';
import { Lexer, parseDocument } from 'yaml';
import { dataDir, listDataSources } from '../dataset/dataset-fs.ts';
import type { Problem } from '../validate/problems.ts';
import { ensureSchemaLine, keyOrder, orderDocument, YAML_OPTIONS, type EntryKind } from '../provider-yaml.ts';
import { providerSchema, signatorySchema } from '../dataset/schema.ts';
import { emptyVocabularies } from '../validate/index.ts';
import { parseSource } from '../dataset/yaml-source.ts';

export type FormatOutcome =
  | { ok: true; text: string; changed: boolean; problems: Problem[] }
  | { ok: false; problems: Problem[] };

/** The schema for a kind of entry; key order does not depend on the vocabularies, so none are read. */
export function schemaFor(kind: EntryKind): Record<string, unknown> {
  const vocab = emptyVocabularies();
  return kind === 'provider' ? providerSchema(vocab) : signatorySchema(vocab);
}

function problem(file: string, message: string, line = 1, col = 1): Problem {
  return { file, line, col, severity: 'error', path: '', message };
}

/** Same data, whatever the key order: keys sorted at every level. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/** Every comment in a YAML text, with its line, read by the YAML lexer (so "# " inside a block of text is not a comment). */
export function yamlComments(text: string): { text: string; line: number }[] {
  const out: { text: string; line: number }[] = [];
  let offset = 0;
  const lineAt = (pos: number) => text.slice(0, pos).split('\n').length;
  for (const token of new Lexer().lex(text)) {
    if (token.startsWith('#')) out.push({ text: token.replace(/\r$/, '').trimEnd(), line: lineAt(offset) });
    offset += token.length;
  }
  return out;
}

function decoded(bytes: Uint8Array | string): string {
  return typeof bytes === 'string' ? bytes : new TextDecoder('utf-8').decode(bytes);
}

/**
 * The formatted text of one entry, or the problems that stop it being formatted. The result is checked
 * before it is returned: it must parse, hold exactly the same data and keep every comment.
 */
export function formatText(file: string, bytes: Uint8Array | string, kind: EntryKind, schema = schemaFor(kind)): FormatOutcome {
  const parsed = parseSource({ path: file, bytes });
  const errors = parsed.problems.filter((p) => p.severity === 'error');
  if (errors.length || !parsed.doc || parsed.value === undefined) {
    return { ok: false, problems: errors.length ? errors : [problem(file, 'could not be read as an entry, so it was left as it is.')] };
  }
  const original = decoded(bytes);
  const doc = parsed.doc;
  orderDocument(doc, keyOrder(schema), original.replace(/^\uFEFF/, ''));
  ensureSchemaLine(doc, kind);
  let text: string;
  try {
    text = doc.toString(YAML_OPTIONS);
  } catch (error) {
    return { ok: false, problems: [problem(file, `could not be formatted safely (${(error as Error).message}), so it was left as it is. Format it by hand.`)] };
  }
  // The safety net: never write anything that reads back differently.
  const again = parseDocument(text, { uniqueKeys: true, strict: true });
  if (again.errors.length)
    return { ok: false, problems: [problem(file, `formatting would make the file unreadable (${again.errors[0]?.message.split('\n')[0]}), so it was left as it is. Move the YAML anchors (&name) above their aliases (*name), or format it by hand.`)] };
  let same = false;
  try {
    same = canonicalJson(again.toJS({ maxAliasCount: 50 })) === canonicalJson(parsed.value);
  } catch {
    same = false;
  }
  if (!same) return { ok: false, problems: [problem(file, 'formatting would change the data, so the file was left as it is. Format it by hand.')] };
  const kept = new Map<string, number>();
  for (const c of yamlComments(text)) kept.set(c.text, (kept.get(c.text) ?? 0) + 1);
  for (const c of yamlComments(original)) {
    const n = kept.get(c.text) ?? 0;
    if (n === 0)
      return {
        ok: false,
        problems: [problem(file, `formatting would lose the comment "${c.text}", so the file was left as it is. Put the comment on a line of its own above a field, or format the file by hand.`, c.line)],
      };
    kept.set(c.text, n - 1);
  }
  return { ok: true, text, changed: text !== original, problems: parsed.problems };
}

/** Where two texts first differ, as a 1-based line number. */
export function firstDifference(a: string, b: string): number {
  const x = a.split('\n');
  const y = b.split('\n');
  for (let i = 0; i < Math.max(x.length, y.length); i++) if (x[i] !== y[i]) return i + 1;
  return 0;
}

/**
 * Writes `text` to a new temporary file beside `target` (synced to disk), then hands it to `use`, which puts it
 * in place; if anything fails, the temporary file is removed and the error passed on.
 */
function viaTempFile(target: string, text: string, mode: number, use: (temp: string) => void): void {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    use(temp);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      /* already gone */
    }
    throw error;
  }
}

/**
 * Replaces a file in one step: the new text goes to a temporary file beside it, which is then renamed
 * over the original, so a crash or a full disk leaves the old file, never half a file.
 * `expected` are the bytes the caller read; if the file changed since, nothing is written.
 */
export function writeAtomic(file: string, text: string, expected?: Uint8Array): void {
  const target = realpathSync(file);
  viaTempFile(target, text, statSync(target).mode & 0o777, (temp) => {
    if (expected && !Buffer.from(readFileSync(target)).equals(Buffer.from(expected)))
      throw new Error(`${file} changed while it was being rewritten; nothing was written. Run the command again.`);
    renameSync(temp, target);
  });
}

/** Writes a new file that must not exist yet, in one step (no half-written file, never overwrites). */
export function writeNewFileAtomic(file: string, text: string): void {
  viaTempFile(file, text, 0o644, (temp) => {
    // link() fails if the name exists, so an existing file is never replaced, even one created a moment ago.
    try {
      linkSync(temp, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV'].includes(code ?? '')) throw error;
      // A file system without hard links: check, then rename.
      try {
        statSync(file);
        throw Object.assign(new Error(`${file} already exists`), { code: 'EEXIST' });
      } catch (statError) {
        if ((statError as NodeJS.ErrnoException).code !== 'ENOENT') throw statError;
      }
      renameSync(temp, file);
      return;
    }
    unlinkSync(temp);
  });
}

export interface DataFile {
  /** Absolute path. */
  full: string;
  /** Path shown in messages. */
  display: string;
  kind: EntryKind;
}

export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return (rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file).split(path.sep).join('/');
}

const FOLDER_KINDS: Record<string, EntryKind> = { providers: 'provider', signatories: 'signatory' };

/**
 * The provider and signatory files in a data folder (vocabularies are left alone): the validator's own listing
 * (dataset-fs.ts), so both see the same files; only names ending in .yaml, and no hidden files, are formatted.
 */
export function entryFiles(root = dataDir()): DataFile[] {
  const listing = listDataSources(root);
  return Object.entries(FOLDER_KINDS).flatMap(([folder, kind]) =>
    listing[folder as 'providers' | 'signatories']
      .filter((f) => f.full.endsWith('.yaml') && !path.basename(f.full).startsWith('.'))
      .map((f) => ({ full: f.full, display: displayPath(f.full), kind })),
  );
}

/** The kind of entry a named file holds, from its folder; undefined when it is not in providers/ or signatories/. */
export function kindOf(file: string): EntryKind | undefined {
  return FOLDER_KINDS[path.basename(path.dirname(path.resolve(file)))];
}

export interface FormatReport {
  /** Files that were rewritten (or, with check, that would be), with the first line that changes. */
  changed: { file: string; line: number }[];
  unchanged: string[];
  /** Files left untouched because they could not be formatted safely. */
  problems: Problem[];
}

/** Formats files in place (or only checks them); a file that cannot be formatted safely is reported and left as it is. */
export function formatFiles(files: DataFile[], { check = false } = {}): FormatReport {
  const report: FormatReport = { changed: [], unchanged: [], problems: [] };
  for (const f of files) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(f.full);
    } catch (error) {
      report.problems.push(problem(f.display, `could not be read: ${(error as Error).message}`));
      continue;
    }
    const outcome = formatText(f.display, bytes, f.kind);
    if (!outcome.ok) {
      report.problems.push(...outcome.problems);
      continue;
    }
    if (!outcome.changed) {
      report.unchanged.push(f.display);
      continue;
    }
    if (!check) {
      try {
        writeAtomic(f.full, outcome.text, bytes);
      } catch (error) {
        report.problems.push(problem(f.display, `could not be written, so it was left as it is: ${(error as Error).message}`));
        continue;
      }
    }
    report.changed.push({ file: f.display, line: firstDifference(decoded(bytes), outcome.text) });
  }
  return report;
}
