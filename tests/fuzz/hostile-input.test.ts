// Property-based tests (fast-check) with hostile input, so the holes closed in issue #18 stay closed: the
// validator never crashes or hangs on a file within the size limit and never accepts text that hides control
// or direction characters; the Markdown renderer never gives script-bearing HTML; CSV cells never run as
// formulas; calendar files never gain a line; the form's YAML writer gives back exactly what it was given.
//
// A fixed seed and a modest number of runs in `npm test`; more on demand:
//   SPSD_FUZZ_SCALE=20 npx vitest run tests/fuzz/        (20 times the runs; SPSD_FUZZ_SEED=<n> for other inputs)
import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { csvCell } from '../../src/lib/export/csv-writer.ts';
import { serviceCalendar } from '../../src/lib/share/ics.ts';
import { renderMarkdown } from '../../src/lib/text/markdown.ts';
import { isSafeLink } from '../../src/lib/validate/contact-checks.ts';
import { pruneEmpty, renderProvider } from '../../src/lib/provider-yaml.ts';
import { providerSchema } from '../../src/lib/dataset/schema.ts';
import { BIDI_CONTROL, CONTROL } from '../../src/lib/text/text-safety.ts';
import { validateSources } from '../../src/lib/validate/index.ts';
import type { Provider, Service } from '../../src/lib/model/types.ts';
import { MAX_FILE_BYTES } from '../../src/lib/dataset/yaml-source.ts';
import { MINIMAL_PROVIDER, sourcesOf, TODAY, validate, vocabSources } from '../helpers/data-dir.ts';
import { loadVocabularies } from '../../src/lib/validate/index.ts';

const SEED = Number(process.env.SPSD_FUZZ_SEED ?? 20261207);
/** Runs per property: each property's own modest default, times SPSD_FUZZ_SCALE when it is set. */
const runs = (byDefault: number) => Math.max(1, Math.round(byDefault * Number(process.env.SPSD_FUZZ_SCALE ?? 1)));
const settings = (byDefault: number) => ({ seed: SEED, numRuns: runs(byDefault), endOnFailure: true });
/** A safety bound, far above the validator's real times (BENCHMARKS.md), so only a hang or a quadratic blow-up trips it. */
const SLOW_MS = Number(process.env.SPSD_FUZZ_SLOW_MS ?? 10_000);

/** Pieces that YAML, Markdown, HTML, CSV, calendars and terminals treat specially. */
const TRICKY = [
  '"', "'", '#', ' #', '- ', ': ', ':', '[', ']', '{', '}', ',', '&a ', '*a', '!!str ', '|', '>', '%', '@', '`', '\\', '\\u0007', '\\e', '\\x1b',
  '\t', '\n', '\r\n', '\r', '\u0000', '\u0007', '\u001b', '\u0085', '\u00a0', '\u200b', '\u2028', '\u202e', '\u2066', '\ufeff',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<svg onload=alert(1)>', 'javascript:alert(1)', '[x](javascript:alert(1))',
  '[x](https://example.org)', '<https://example.org>', '&#106;avascript:', '=1+1', '+1', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1)',
  '::error::x', ';', 'BEGIN:VEVENT', '\u0645\u062c\u0645\u0648\u0639\u0629', '😀', 'e\u0301',
];
const piece = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 4 }));
const hostileText = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

/** A valid provider with hostile text put in at a few places: mostly a file that nearly works. */
const mutatedProvider = fc
  .array(fc.tuple(fc.nat(), hostileText), { minLength: 1, maxLength: 4 })
  .map((edits) => edits.reduce((text, [at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1)), MINIMAL_PROVIDER));

/** Something repeated to fill much of the size limit: the shape that made the validator quadratic. */
const bigFile = fc
  .tuple(fc.constantFrom('"', '#', '- ', '[', '{', '\t', ': ', 'a: 1\n', 'k: [\n', '  - x\n', '&a\n', 'x: "\n'), fc.integer({ min: 1, max: 4 }))
  .map(([unit, quarters]) => unit.repeat(Math.floor((quarters * (MAX_FILE_BYTES - 1024)) / 4 / Buffer.byteLength(unit))));

function shown(text: string): string {
  return `${text.length} characters: ${JSON.stringify(text.length > 200 ? `${text.slice(0, 200)}…` : text)}`;
}

/** Every string in a value. */
function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => strings(v, out));
  return out;
}

function checkFile(text: string): void {
  const started = performance.now();
  const result = validateSources(sourcesOf({ providers: { 'fuzz.yaml': text } }), { today: TODAY });
  const ms = performance.now() - started;
  if (ms > SLOW_MS) throw new Error(`validating took ${Math.round(ms)} ms (bound ${SLOW_MS} ms) for ${shown(text)}`);
  for (const p of result.problems) {
    expect(p.line, shown(text)).toBeGreaterThanOrEqual(1);
    expect(p.col, shown(text)).toBeGreaterThanOrEqual(1);
    expect(p.message.length, shown(text)).toBeGreaterThan(0);
  }
  // A file the validator accepts holds no control or direction character, however it was written.
  if (!result.problems.some((p) => p.severity === 'error'))
    for (const s of strings(result.dataset.providers.map((e) => e.data))) {
      expect(CONTROL.test(s), `accepted a control character in ${shown(s)} from ${shown(text)}`).toBe(false);
      expect(BIDI_CONTROL.test(s), `accepted a direction control in ${shown(s)} from ${shown(text)}`).toBe(false);
    }
}

describe('the validator, given hostile files', () => {
  test('never crashes, gives every problem a line and a column, and accepts no hidden characters', () => {
    fc.assert(fc.property(fc.oneof(mutatedProvider, hostileText), (text) => checkFile(text)), settings(30));
  });

  test('answers a file filled to the size limit with YAML-special characters within the safety bound', () => {
    // Always among them: the file of quote marks from issue #18, and the file of "- " the fuzzer found taking 74 s.
    const full = (unit: string) => unit.repeat(Math.floor((MAX_FILE_BYTES - 1024) / unit.length));
    fc.assert(fc.property(bigFile, (text) => checkFile(text)), { ...settings(2), examples: [[full('"')], [full('- ')]] });
  });
});

/** Tags the renderer may write, and nothing else. */
const ALLOWED_TAG = /^<\/?(?:p|ul|ol|li|em|strong|br|a)(?:\s|\/?>)/;

describe('the Markdown renderer, given hostile text', () => {
  test('writes only its own few tags, never an event handler, and links only to safe addresses', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const html = renderMarkdown(text);
        for (const [tag] of html.matchAll(/<[^>]*>?/g)) {
          expect(tag, `${tag} from ${shown(text)}`).toMatch(ALLOWED_TAG);
          expect(tag, shown(text)).not.toMatch(/\son[a-z]+\s*=/i);
        }
        for (const [, href = ''] of html.matchAll(/href="([^"]*)"/g)) {
          const decoded = href.replace(/&amp;/g, '&').replace(/&quot;/g, '"');
          expect(isSafeLink(decodeURI(decoded)) || isSafeLink(decoded), `${href} from ${shown(text)}`).toBe(true);
        }
      }),
      settings(200),
    );
  });
});

describe('the CSV writer, given hostile text', () => {
  test('gives back each value, behind an apostrophe when a spreadsheet would run it as a formula', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const rows = parseCsv(`${csvCell(text)}\r\n`, { relax_column_count: true, skip_empty_lines: false }) as string[][];
        const value = rows[0]?.[0] ?? '';
        expect([text, `'${text}`], shown(text)).toContain(value);
        if (/^[=+\-@\t\r]/.test(value)) expect(Number.isFinite(Number(value)) && value.trim() !== '', `a formula left as it is: ${shown(text)}`).toBe(true);
      }),
      settings(300),
    );
  });
});

const vocab = loadVocabularies(vocabSources()).vocab;
const base = validate({ providers: { 'fuzz.yaml': MINIMAL_PROVIDER } }).dataset.providers[0]!.data as Provider;

describe('the calendar writer, given hostile names and notes', () => {
  test('never adds a line: every line is a property or a folded part of one, at most 75 bytes', () => {
    fc.assert(
      fc.property(hostileText, hostileText, hostileText, (name, providerName, note) => {
        const service: Service = {
          ...base.services[0]!,
          name,
          schedule: { note, sessions: [{ day: 'monday', start: '18:00', end: '20:00', frequency: 'weekly', note }] },
          locations: [{ name: note, town: name, precision: 'exact' }],
        };
        const ics = serviceCalendar({ slug: 'fuzz', provider: { ...base, name: providerName }, service, vocab, url: 'https://example.org/p/fuzz/', buildDate: '2027-03-01', uidDomain: 'example.org' });
        expect(ics.endsWith('\r\n')).toBe(true);
        const lines = ics.slice(0, -2).split('\r\n');
        for (const line of lines) {
          expect(line, shown(line)).not.toMatch(/[\r\n]/);
          expect(Buffer.byteLength(line), shown(line)).toBeLessThanOrEqual(75);
        }
        const unfolded = ics.replace(/\r\n[ \t]/g, '').slice(0, -2).split('\r\n');
        const names = unfolded.map((l) => /^[A-Z][A-Z0-9-]*(?=[;:])/.exec(l)?.[0]);
        expect(names.every(Boolean), shown(unfolded.find((_, i) => !names[i]) ?? '')).toBe(true);
        expect(names.filter((n) => n === 'BEGIN')).toHaveLength(names.filter((n) => n === 'END').length);
        expect(unfolded.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
      }),
      settings(100),
    );
  });
});

const schema = providerSchema(vocab);

describe("the form's YAML writer, given hostile answers", () => {
  test('writes YAML that reads back as exactly the answers it was given', () => {
    fc.assert(
      fc.property(hostileText, hostileText, fc.array(hostileText, { maxLength: 3 }), hostileText, (name, summary, notes, description) => {
        const data = {
          ...base,
          name,
          summary,
          description,
          services: [{ ...base.services[0]!, status_note: notes[0], schedule: { note: notes[1] }, locations: [{ name: notes[2], precision: 'exact' }] }],
        };
        const written = renderProvider(data, schema);
        expect(parseYaml(written), shown(written)).toEqual(pruneEmpty(data));
      }),
      settings(150),
    );
  });
});
