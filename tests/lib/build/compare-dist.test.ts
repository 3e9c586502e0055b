import { describe, expect, it } from 'vitest';
import { canonicalPath, compareTrees, hashFreeText, type Tree } from '../../../src/lib/build/compare-dist.ts';

const text = (s: string) => new TextEncoder().encode(s);
const tree = (files: Record<string, string | Uint8Array>): Tree => new Map(Object.entries(files).map(([f, c]) => [f, typeof c === 'string' ? text(c) : c]));

describe('canonicalPath', () => {
  it('takes the content hash out of Astro asset names and Pagefind file names', () => {
    expect(canonicalPath('_astro/map.B3xk2Jd_.js')).toBe('_astro/map.[hash].js');
    expect(canonicalPath('_astro/logo.DF5jE7Fa_Z1Qmn8H.webp')).toBe('_astro/logo.[hash].webp');
    expect(canonicalPath('pagefind/fragment/en_1a2b3c4.pf_fragment')).toBe('pagefind/fragment/en_[hash].pf_fragment');
  });

  it('leaves pages and files without a hash as they are', () => {
    expect(canonicalPath('providers/mind-in-brighton/index.html')).toBe('providers/mind-in-brighton/index.html');
    expect(canonicalPath('_astro/plain.css')).toBe('_astro/plain.css');
  });
});

describe('hashFreeText', () => {
  it('replaces hashed asset names inside a text by the names without hash', () => {
    expect(hashFreeText(['_astro/map.B3xk2Jd_.js'])('<script src="/_astro/map.B3xk2Jd_.js">')).toBe('<script src="/_astro/map.[hash].js">');
  });
});

describe('compareTrees', () => {
  it('finds two sites the same when only asset hashes differ', () => {
    const a = tree({ 'index.html': '<script src="/_astro/a.AAAAAAAA.js">', '_astro/a.AAAAAAAA.js': 'x()' });
    const b = tree({ 'index.html': '<script src="/_astro/a.BBBBBBBB.js">', '_astro/a.BBBBBBBB.js': 'x()' });
    expect(compareTrees(a, b)).toEqual([]);
  });

  it('reports a changed page with its first different line, and files on one side only', () => {
    const a = tree({ 'index.html': 'one\ntwo', 'old.html': '' });
    const b = tree({ 'index.html': 'one\nthree', 'new.html': '' });
    expect(compareTrees(a, b)).toEqual([
      { kind: 'differs', file: 'index.html', first: '2: two', second: '2: three' },
      { kind: 'only-in-second', file: 'new.html' },
      { kind: 'only-in-first', file: 'old.html' },
    ]);
  });

  it('pairs chunks that share a name by their content, and compares binary files byte by byte', () => {
    const a = tree({ '_astro/index.AAAAAAAA.js': 'a()', '_astro/index.CCCCCCCC.js': 'c()', 'logo.png': new Uint8Array([0, 1, 2]) });
    const b = tree({ '_astro/index.DDDDDDDD.js': 'c()', '_astro/index.BBBBBBBB.js': 'a()', 'logo.png': new Uint8Array([0, 1, 3]) });
    expect(compareTrees(a, b)).toEqual([{ kind: 'differs', file: 'logo.png' }]);
  });
});
