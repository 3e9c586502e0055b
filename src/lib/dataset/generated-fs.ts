// Writes (or checks) the files derived from the vocabularies: JSON Schemas for editors and TypeScript types.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { compile } from 'json-schema-to-typescript';
import { PROJECT_ROOT, readDataSources } from './dataset-fs.ts';
import { allSchemas } from './schema.ts';
import { loadVocabularies } from '../validate/index.ts';
import type { Vocabularies } from './vocab.ts';

const TYPE_NAMES: Record<string, string> = { 'provider.schema.json': 'Provider', 'signatory.schema.json': 'Signatory' };

/** Every derived file, path relative to the project → content. */
export async function derivedFiles(vocab: Vocabularies): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const schemas = allSchemas(vocab);
  let types = '// Generated from schema/*.schema.json by `npm run schema`. Do not edit.\n';
  for (const [name, schema] of Object.entries(schemas)) {
    out.set(`schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
    const typeName = TYPE_NAMES[name];
    if (typeName) {
      const ts = await compile(JSON.parse(JSON.stringify({ ...schema, title: typeName })), typeName, {
        bannerComment: '',
        additionalProperties: false,
        strictIndexSignatures: true,
        format: false,
        ignoreMinAndMaxItems: true,
      });
      types += `\n${ts}`;
    }
  }
  out.set('src/lib/generated/data-types.ts', types);
  return out;
}

export async function derivedFilesFromDisk(): Promise<{ files: Map<string, string>; problems: ReturnType<typeof loadVocabularies>['problems'] }> {
  const { vocab, problems } = loadVocabularies(readDataSources().vocab);
  return { files: await derivedFiles(vocab), problems };
}

export function writeDerived(files: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [rel, content] of files) {
    const full = path.join(PROJECT_ROOT, rel);
    let current = '';
    try {
      current = readFileSync(full, 'utf8');
    } catch {
      /* new file */
    }
    if (current !== content) {
      mkdirSync(path.dirname(full), { recursive: true });
      writeFileSync(full, content);
      changed.push(rel);
    }
  }
  return changed;
}

export function staleDerived(files: Map<string, string>): string[] {
  const stale: string[] = [];
  for (const [rel, content] of files) {
    let current = '';
    try {
      current = readFileSync(path.join(PROJECT_ROOT, rel), 'utf8');
    } catch {
      /* missing counts as stale */
    }
    if (current !== content) stale.push(rel);
  }
  return stale;
}
