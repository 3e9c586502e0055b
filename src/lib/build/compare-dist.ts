// Compares two built sites file by file, asset content hashes aside: how a refactor shows the site is unchanged.
// Pure: the caller reads the files (scripts/compare-dist.ts).

/** Hashes in asset file names: Astro's "name.HASH.ext" under _astro/, Pagefind's "xx_HASH.pf_kind". */
const ASTRO_ASSET = /^(_astro\/(?:.*\/)?[^/]+)\.[A-Za-z0-9_-]{6,}(\.[A-Za-z0-9]+)$/;
const PAGEFIND_FILE = /^(pagefind\/(?:.*\/)?[^/]*?[._])[0-9a-f]{6,}(\.pf_[a-z]+)$/;

/** A file's path with its content hash replaced by "[hash]", or the path itself when it has none. */
export function canonicalPath(file: string): string {
  const astro = ASTRO_ASSET.exec(file);
  if (astro) return `${astro[1]}.[hash]${astro[2]}`;
  const pagefind = PAGEFIND_FILE.exec(file);
  if (pagefind) return `${pagefind[1]}[hash]${pagefind[2]}`;
  return file;
}

/** Whether the bytes look like text: no NUL byte near the start. */
export function isText(bytes: Uint8Array): boolean {
  return !bytes.subarray(0, 8000).includes(0);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A function that replaces every hashed asset name of `files` (the last part of each path) in a text with the name without its hash. */
export function hashFreeText(files: readonly string[]): (text: string) => string {
  const renames = new Map<string, string>();
  for (const file of files) {
    const canonical = canonicalPath(file);
    if (canonical === file) continue;
    renames.set(file.slice(file.lastIndexOf('/') + 1), canonical.slice(canonical.lastIndexOf('/') + 1));
  }
  if (!renames.size) return (text) => text;
  const names = new RegExp([...renames.keys()].sort((a, b) => b.length - a.length).map(escape).join('|'), 'g');
  return (text) => text.replace(names, (name) => renames.get(name)!);
}

export interface Difference {
  kind: 'only-in-first' | 'only-in-second' | 'differs';
  file: string;
  /** For text that differs: the first line that differs in each. */
  first?: string;
  second?: string;
}

/** A built site: each file's path (with "/" between folders) and its bytes. */
export type Tree = Map<string, Uint8Array>;

function firstDifferentLine(a: string, b: string): [string, string] {
  const la = a.split('\n');
  const lb = b.split('\n');
  const i = la.findIndex((line, n) => line !== lb[n]);
  const at = i < 0 ? la.length : i;
  const cut = (line: string | undefined) => (line === undefined ? '(no line)' : line.length > 200 ? `${line.slice(0, 200)}…` : line);
  return [`${at + 1}: ${cut(la[at])}`, `${at + 1}: ${cut(lb[at])}`];
}

/** What a file holds once hashed names are taken out: text with names replaced, other bytes as they are. */
function comparable(bytes: Uint8Array, rename: (text: string) => string): string | Uint8Array {
  return isText(bytes) ? rename(new TextDecoder().decode(bytes)) : bytes;
}

function same(a: string | Uint8Array, b: string | Uint8Array): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * The differences between two built sites. Files are paired by their path without the hash; where several
 * files share such a path (two chunks both called index.[hash].js), they are paired by equal content.
 */
export function compareTrees(first: Tree, second: Tree): Difference[] {
  const filesA = [...first.keys()];
  const filesB = [...second.keys()];
  const group = (files: string[]) => {
    const byName = new Map<string, string[]>();
    for (const f of files) byName.set(canonicalPath(f), [...(byName.get(canonicalPath(f)) ?? []), f]);
    return byName;
  };
  const renameA = hashFreeText(filesA);
  const renameB = hashFreeText(filesB);
  const groupsA = group(filesA);
  const groupsB = group(filesB);
  const differences: Difference[] = [];
  for (const name of [...new Set([...groupsA.keys(), ...groupsB.keys()])].sort()) {
    const left = (groupsA.get(name) ?? []).map((f) => ({ f, c: comparable(first.get(f)!, renameA) }));
    const right = (groupsB.get(name) ?? []).map((f) => ({ f, c: comparable(second.get(f)!, renameB) }));
    // Pair equal contents first; what is left over is paired in order and compared, or is only on one side.
    for (let i = left.length - 1; i >= 0; i--) {
      const j = right.findIndex((r) => same(r.c, left[i]!.c));
      if (j >= 0) {
        left.splice(i, 1);
        right.splice(j, 1);
      }
    }
    while (left.length && right.length) {
      const a = left.shift()!;
      const b = right.shift()!;
      const difference: Difference = { kind: 'differs', file: name };
      if (typeof a.c === 'string' && typeof b.c === 'string') [difference.first, difference.second] = firstDifferentLine(a.c, b.c);
      differences.push(difference);
    }
    for (const a of left) differences.push({ kind: 'only-in-first', file: a.f });
    for (const b of right) differences.push({ kind: 'only-in-second', file: b.f });
  }
  return differences;
}
