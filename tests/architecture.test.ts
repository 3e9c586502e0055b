// Import rules, kept by a test the way withastro/starlight keeps its own: the core in src/lib is plain
// TypeScript that pages, the browser and the CLI all build on, so it never reaches up into any of them,
// and pages never reach into the CLI's scripts/ folder. What the build works out reaches pages through a
// module (the integration's virtual module, read by src/site-data.ts), never through process-wide slots.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

/** Folders (and files) src/lib must not import from: site pages and their parts, the build's integration, browser code, and the CLI. */
const NOT_FROM_LIB = ['src/pages', 'src/components', 'src/layouts', 'src/integrations', 'src/site-data.ts', 'src/scripts', 'src/client', 'scripts'];
/** Packages src/lib must not import: Astro, Vite, and their virtual modules; it is plain TypeScript. */
const SITE_TOOLING = /^(astro|vite)(\/|:|$)|^virtual:/;
/** Folders pages must not import from: the CLI. */
const NOT_FROM_PAGES = ['scripts'];

/** Imports that break a rule today and are on their way out, each with the reason (none now). */
const ALLOWED = new Set<string>([]);

const IMPORT = /(?:^|[\s;])(?:import|export)\s*(?:type\s+)?(?:[\w*{}\s,$]*?\s*from\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The relative module paths a source file imports, resolved to paths from the project root. */
export function importsOf(file: string, source: string): string[] {
  const found: string[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const spec = (m[1] ?? m[2] ?? '').split('?')[0]!;
    if (!spec.startsWith('.')) continue;
    found.push(path.relative(ROOT, path.resolve(ROOT, path.dirname(file), spec)).split(path.sep).join('/'));
  }
  return found;
}

/** The packages (and virtual modules) a source file imports, by the name it imports them by. */
export function packagesOf(source: string): string[] {
  return [...source.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? '').filter((spec) => spec && !spec.startsWith('.'));
}

/** The imports of `file` that land in one of `forbidden` folders, as "from -> to". */
export function brokenRules(file: string, source: string, forbidden: readonly string[]): string[] {
  return importsOf(file, source)
    .filter((to) => forbidden.some((dir) => to === dir || to.startsWith(`${dir}/`)))
    .map((to) => `${file} -> ${to}`);
}

function filesUnder(dir: string, ends: readonly string[]): string[] {
  const full = path.join(ROOT, dir);
  if (!fs.existsSync(full)) return [];
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && ends.some((e) => d.name.endsWith(e)))
    .map((d) => path.relative(ROOT, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
    .sort();
}

function broken(dir: string, forbidden: readonly string[]): string[] {
  return filesUnder(dir, ['.ts', '.mts', '.js', '.mjs', '.astro']).flatMap((file) => brokenRules(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), forbidden)).filter((rule) => !ALLOWED.has(rule));
}

describe('import rules', () => {
  it('finds an import of a page, a component or a CLI script from a file in src/lib', () => {
    const source = "import { a } from '../pages/index.astro';\nimport type { B } from '../../scripts/cli.ts';\nexport { c } from './model/types.ts';\nconst d = await import('../components/x.ts');";
    expect(brokenRules('src/lib/x.ts', source, NOT_FROM_LIB)).toEqual(['src/lib/x.ts -> src/pages/index.astro', 'src/lib/x.ts -> scripts/cli.ts', 'src/lib/x.ts -> src/components/x.ts']);
    expect(brokenRules('src/lib/model/x.ts', "import { m } from '../../scripts/map.ts';", NOT_FROM_LIB)).toEqual(['src/lib/model/x.ts -> src/scripts/map.ts']);
  });

  it('does not count a package, or a folder whose name only starts like a forbidden one', () => {
    expect(brokenRules('src/lib/x.ts', "import 'yaml';\nimport { a } from '../scripts-old/a.ts';", NOT_FROM_LIB)).toEqual([]);
  });

  it('keeps src/lib free of imports from pages, components, layouts, browser code and the CLI', () => {
    expect(broken('src/lib', NOT_FROM_LIB)).toEqual([]);
  });

  it('finds an import of Astro, Vite or a virtual module, and not of other packages', () => {
    const source = "import type { AstroIntegration } from 'astro';\nimport { a } from 'astro:content';\nimport b from 'virtual:x/y';\nimport type { Plugin } from 'vite';\nimport { parse } from 'yaml';\nimport 'astronomy';";
    expect(packagesOf(source).filter((p) => SITE_TOOLING.test(p))).toEqual(['astro', 'astro:content', 'virtual:x/y', 'vite']);
  });

  it('keeps src/lib free of Astro, Vite and virtual modules', () => {
    const found = filesUnder('src/lib', ['.ts', '.mts', '.js', '.mjs']).flatMap((file) => packagesOf(fs.readFileSync(path.join(ROOT, file), 'utf8')).filter((p) => SITE_TOOLING.test(p)).map((p) => `${file} -> ${p}`));
    expect(found).toEqual([]);
  });

  it('keeps build data off process-wide slots: no Symbol.for anywhere in src/', () => {
    const found = filesUnder('src', ['.ts', '.mts', '.js', '.mjs', '.astro']).filter((file) => /\bSymbol\.for\(/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });

  it('keeps pages free of imports from the CLI scripts folder', () => {
    expect(broken('src/pages', NOT_FROM_PAGES)).toEqual([]);
  });

  it('lists only allowed imports that still exist, so the list shrinks as they are moved', () => {
    const all = ['src/lib'].flatMap((dir) => filesUnder(dir, ['.ts']).flatMap((file) => brokenRules(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), NOT_FROM_LIB)));
    expect([...ALLOWED].filter((rule) => !all.includes(rule))).toEqual([]);
  });
});
