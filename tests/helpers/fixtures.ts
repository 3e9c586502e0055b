// The fixture files under tests/fixtures/, and the "# expect:" lines that say what each must report.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../../src/lib/validate/problems.ts';
import { validateSources, type ValidationResult } from '../../src/lib/validate/index.ts';
import type { SourceFile } from '../../src/lib/dataset/yaml-source.ts';
import { FIXTURES, gazetteerSource, TODAY, vocabSources } from './data-dir.ts';

export type Kind = 'providers' | 'signatories';
export type Validity = 'valid' | 'invalid';

export interface Expectation {
  line: number;
  col: number;
  /** A substring of "severity: path: message", e.g. 'error: services[0].formats[0]: "grup" is not a known format'. */
  text: string;
}

/** The files in tests/fixtures/<kind>/<validity>/, with the path the validator reports. */
export function fixtureFiles(kind: Kind, validity: Validity): SourceFile[] {
  const dir = path.join(FIXTURES, kind, validity);
  return readdirSync(dir)
    .sort()
    .map((name) => ({ path: `tests/fixtures/${kind}/${validity}/${name}`, bytes: readFileSync(path.join(dir, name)) }));
}

export function logoFixtures(): string[] {
  return readdirSync(path.join(FIXTURES, 'signatories', 'logos')).sort();
}

const EXPECT = /^#\s*expect:\s*(\d+):(\d+)\s+(.+?)\s*$/;

/** The "# expect: <line>:<col> <text>" lines at the top of a fixture; a malformed one throws so it cannot pass silently. */
export function expectations(file: SourceFile): Expectation[] {
  const text = typeof file.bytes === 'string' ? file.bytes : new TextDecoder().decode(file.bytes);
  const out: Expectation[] = [];
  for (const line of text.split('\n')) {
    if (!/^#\s*expect\b/.test(line)) continue;
    const m = EXPECT.exec(line);
    if (!m) throw new Error(`${file.path}: malformed expectation "${line}" (write "# expect: <line>:<col> <part of the message>")`);
    out.push({ line: Number(m[1]), col: Number(m[2]), text: m[3] ?? '' });
  }
  return out;
}

/** "severity: path: message", the part of a printed problem after "file:line:col: ". */
export function problemText(p: Problem): string {
  return `${p.severity}: ${p.path ? `${p.path}: ` : ''}${p.message}`;
}

export function matches(p: Problem, e: Expectation): boolean {
  return p.line === e.line && p.col === e.col && problemText(p).includes(e.text);
}

/**
 * Validates one fixture in a data folder made of every valid fixture, as the real data folder would be:
 * signatories can link to the valid providers, and logos are those in tests/fixtures/signatories/logos/.
 */
export function validateFixture(kind: Kind, file: SourceFile, today = TODAY): ValidationResult {
  const providers = fixtureFiles('providers', 'valid').filter((f) => f.path !== file.path);
  const signatories = fixtureFiles('signatories', 'valid').filter((f) => f.path !== file.path);
  (kind === 'providers' ? providers : signatories).push(file);
  return validateSources({ vocab: vocabSources(), providers, signatories, logos: logoFixtures(), stray: [], gazetteer: gazetteerSource() }, { today });
}
