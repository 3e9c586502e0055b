// Temporary data folders and in-memory sources for tests: the real vocabularies plus the files a test gives.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/dataset/dataset-fs.ts';
import type { Problem } from '../../src/lib/validate/problems.ts';
import { validateSources, type DataSources, type ValidationResult } from '../../src/lib/validate/index.ts';
import type { SourceFile } from '../../src/lib/dataset/yaml-source.ts';

/** The fixed date every test checks against, so no result depends on the clock. */
export const TODAY = '2026-11-23';
export const VOCAB_DIR = path.join(PROJECT_ROOT, 'data', 'vocab');
/** The place-name list the map needs; copied like the vocabularies, since it is not per-entry data. */
export const GAZETTEER = path.join(PROJECT_ROOT, 'data', 'gazetteer.yaml');
/** The postcode districts, copied with the gazetteer whose places they name. */
export const POSTCODES = path.join(PROJECT_ROOT, 'data', 'postcodes.yaml');
export const FIXTURES = path.join(PROJECT_ROOT, 'tests', 'fixtures');

export type Content = string | Uint8Array;

export interface DataSpec {
  /** File name in data/providers/ → content. */
  providers?: Record<string, Content>;
  /** File name in data/signatories/ → content. */
  signatories?: Record<string, Content>;
  /** Logo file names in data/signatories/logos/. */
  logos?: string[];
  /** Any other file, by path inside the data folder; a path ending in "/" makes an empty folder. */
  files?: Record<string, Content>;
  /** Edits to the copied vocabularies: file stem (e.g. "formats") → new text from the original. */
  vocab?: Record<string, (original: string) => string>;
}

export interface TempDataDir {
  root: string;
  /** A path inside the data folder. */
  at(...segments: string[]): string;
  remove(): void;
}

/** A temporary data folder: a copy of data/vocab (and data/gazetteer.yaml and data/postcodes.yaml) plus the given files. Remove it when done. */
export function makeDataDir(spec: DataSpec = {}): TempDataDir {
  const root = mkdtempSync(path.join(os.tmpdir(), 'spsd-data-'));
  const write = (rel: string, content: Content) => {
    const full = path.join(root, rel);
    if (rel.endsWith('/')) return void mkdirSync(full, { recursive: true });
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  };
  cpSync(VOCAB_DIR, path.join(root, 'vocab'), { recursive: true });
  if (existsSync(GAZETTEER)) cpSync(GAZETTEER, path.join(root, 'gazetteer.yaml'));
  if (existsSync(POSTCODES)) cpSync(POSTCODES, path.join(root, 'postcodes.yaml'));
  for (const [stem, edit] of Object.entries(spec.vocab ?? {})) {
    const file = path.join(root, 'vocab', `${stem}.yaml`);
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
  }
  mkdirSync(path.join(root, 'providers'), { recursive: true });
  mkdirSync(path.join(root, 'signatories'), { recursive: true });
  for (const [name, content] of Object.entries(spec.providers ?? {})) write(`providers/${name}`, content);
  for (const [name, content] of Object.entries(spec.signatories ?? {})) write(`signatories/${name}`, content);
  for (const name of spec.logos ?? []) write(`signatories/logos/${name}`, logoBytes(name));
  for (const [rel, content] of Object.entries(spec.files ?? {})) write(rel, content);
  return { root, at: (...segments) => path.join(root, ...segments), remove: () => rmSync(root, { recursive: true, force: true }) };
}

/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

/** A small valid image of the kind the name says, so the logo checks pass. */
export function logoBytes(name: string): Content {
  if (name.endsWith('.png')) return PNG;
  if (name.endsWith('.jpg')) return Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
  if (name.endsWith('.webp')) return Buffer.concat([Buffer.from('RIFF'), Buffer.from([4, 0, 0, 0]), Buffer.from('WEBP')]);
  return '<svg xmlns="http://www.w3.org/2000/svg"/>';
}

let vocabCache: SourceFile[] | undefined;

/** The real vocabulary files, read once, as sources named data/vocab/<name>.yaml. */
export function vocabSources(): SourceFile[] {
  vocabCache ??= readdirSync(VOCAB_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ path: `data/vocab/${f}`, bytes: readFileSync(path.join(VOCAB_DIR, f)) }));
  return vocabCache;
}

let gazetteerCache: SourceFile | undefined;

/** The real data/gazetteer.yaml, read once, so towns are looked up as in the real data folder. */
export function gazetteerSource(): SourceFile {
  gazetteerCache ??= { path: 'data/gazetteer.yaml', bytes: readFileSync(GAZETTEER) };
  return gazetteerCache;
}

/** In-memory sources for validateSources: keys are display paths or bare names (put under data/providers/ etc.). */
export function sourcesOf(spec: Omit<DataSpec, 'files' | 'vocab'> & { stray?: DataSources['stray'] } = {}): DataSources {
  const files = (folder: string, entries: Record<string, Content> = {}): SourceFile[] =>
    Object.entries(entries).map(([name, bytes]) => ({ path: name.includes('/') ? name : `data/${folder}/${name}`, bytes }));
  return {
    vocab: vocabSources(),
    providers: files('providers', spec.providers),
    signatories: files('signatories', spec.signatories),
    logos: spec.logos ?? [],
    stray: spec.stray ?? [],
    gazetteer: gazetteerSource(),
  };
}

/** Validates in-memory files against the real vocabularies on the fixed date. */
export function validate(spec: Parameters<typeof sourcesOf>[0] = {}, today = TODAY): ValidationResult {
  return validateSources(sourcesOf(spec), { today });
}

/** Problems as the validator prints them, without the file name: "12:5: error: path: message". */
export function brief(p: Problem): string {
  return `${p.line}:${p.col}: ${p.severity}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export function problemsIn(result: ValidationResult, file: string): Problem[] {
  return result.problems.filter((p) => p.file === file);
}

export function errorsIn(result: ValidationResult, file?: string): Problem[] {
  return result.problems.filter((p) => p.severity === 'error' && (file === undefined || p.file === file));
}

export function readFixture(...segments: string[]): string {
  return readFileSync(path.join(FIXTURES, ...segments), 'utf8');
}

/** A minimal valid provider; override top-level fields by appending YAML lines after it. */
export const MINIMAL_PROVIDER = `name: Minimal Group
summary: A made-up group with only the required fields.
led_by: user-led
areas: [brighton-and-hove]
services:
  - id: weekly-group
    name: Weekly group
    status: active
    formats: [group]
    communities: [everyone]
verification:
  status: unverified
  last_checked: 2026-06-01
  sources: [{title: Test fixture, published: "2026-06"}]
`;

/** A minimal valid provider with its own name, so several can sit in one data folder without a duplicate-name warning. */
export function provider(name: string, extra = ''): string {
  return MINIMAL_PROVIDER.replace('name: Minimal Group', `name: ${name}`) + extra;
}

/** A minimal valid active signatory. */
export function signatory(name: string, extra = ''): string {
  return `name: ${name}
kind: user-led
signed: "2019"
status: active
verification:
  status: unverified
  last_checked: 2026-06-01
  sources: [{title: Test fixture, published: "2026-06"}]
${extra}`;
}
