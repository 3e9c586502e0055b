import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatProblem, sortProblems, type Problem } from '../../../src/lib/validate/problems.ts';
import { webAddressProblem } from '../../../src/lib/validate/entry-checks.ts';
import { loadVocabularies, validateSources } from '../../../src/lib/validate/index.ts';
import { MAX_FILE_BYTES } from '../../../src/lib/dataset/yaml-source.ts';
import { brief, errorsIn, MINIMAL_PROVIDER, problemsIn, provider, readFixture, signatory, sourcesOf, TODAY, validate, vocabSources } from '../../helpers/data-dir.ts';
import { expectations, fixtureFiles, logoFixtures, matches, validateFixture, type Kind } from '../../helpers/fixtures.ts';

const KINDS: Kind[] = ['providers', 'signatories'];

/** Every problem in the file is expected, once, and every expectation is met by its own problem. */
function expectExactly(problems: Problem[], file: Parameters<typeof expectations>[0]): void {
  const unmet = [...expectations(file)];
  const unexpected: string[] = [];
  for (const p of problems) {
    const i = unmet.findIndex((e) => matches(p, e));
    if (i >= 0) unmet.splice(i, 1);
    else unexpected.push(brief(p));
  }
  expect({ unexpected, unmet: unmet.map((e) => `${e.line}:${e.col} ${e.text}`) }, `problems reported:\n${problems.map(brief).join('\n')}`).toEqual({
    unexpected: [],
    unmet: [],
  });
}

describe('the fixtures', () => {
  for (const kind of KINDS) {
    describe(`${kind}/valid/`, () => {
      for (const file of fixtureFiles(kind, 'valid')) {
        it(`accepts ${file.path.split('/').pop()} with no errors (and only the warnings it expects)`, () => {
          const problems = problemsIn(validateFixture(kind, file), file.path);
          expect(problems.filter((p) => p.severity === 'error').map(brief)).toEqual([]);
          expectExactly(problems, file);
        });
      }
    });
    describe(`${kind}/invalid/`, () => {
      for (const file of fixtureFiles(kind, 'invalid')) {
        it(`reports ${file.path.split('/').pop()} exactly as its "# expect:" lines say`, () => {
          expect(expectations(file).length, 'an invalid fixture must say what it expects').toBeGreaterThan(0);
          const problems = problemsIn(validateFixture(kind, file), file.path);
          expect(problems.some((p) => p.severity === 'error')).toBe(true);
          expectExactly(problems, file);
        });
      }
    });
  }

  it('reports every problem in every file at once, sorted, when all the fixtures are checked together', () => {
    const sources = sourcesOf({ logos: logoFixtures() });
    for (const kind of KINDS) sources[kind] = [...fixtureFiles(kind, 'valid'), ...fixtureFiles(kind, 'invalid')];
    const result = validateSources(sources, { today: TODAY });
    for (const kind of KINDS) {
      for (const file of fixtureFiles(kind, 'invalid')) expect(errorsIn(result, file.path).length, file.path).toBeGreaterThan(0);
      for (const file of fixtureFiles(kind, 'valid')) expect(errorsIn(result, file.path).map(formatProblem), file.path).toEqual([]);
    }
    expect(result.problems).toEqual(sortProblems(result.problems));
    expect(result.files).toBe(sources.vocab.length + sources.providers.length + sources.signatories.length);
  });
});

describe('validateSources', () => {
  it('returns the valid entries sorted by slug, with the slug taken from the file name', () => {
    const result = validate({ providers: { 'zebra-group.yaml': provider('Zebra'), 'alpha-group.yaml': provider('Alpha') } });
    expect(result.problems).toEqual([]);
    expect(result.dataset.providers.map((p) => [p.slug, p.file, p.data.name])).toEqual([
      ['alpha-group', 'data/providers/alpha-group.yaml', 'Alpha'],
      ['zebra-group', 'data/providers/zebra-group.yaml', 'Zebra'],
    ]);
  });

  it('reports two files whose names differ only in extension or case as the same id', () => {
    const result = validate({ providers: { 'data/providers/same.yaml': provider('One'), 'data/providers/same.yml': provider('Two'), 'data/providers/Same.yaml': provider('Three') } });
    const dupes = result.problems.filter((p) => p.message.includes('has the same id as data/providers/same.yaml'));
    expect(dupes.map((p) => p.file).sort()).toEqual(['data/providers/Same.yaml', 'data/providers/same.yml']);
    expect(dupes.every((p) => p.severity === 'error' && p.line === 1 && p.col === 1)).toBe(true);
  });

  it('suggests a file name that fixes the extension and the spelling at once', () => {
    const result = validate({ providers: { 'data/providers/Café Group.yml': provider('Café'), 'data/providers/Hove Group.yaml': provider('Hove') } });
    expect(result.problems.map((p) => p.message)).toEqual([
      'data files must end in ".yaml" (lower case). Rename it to cafe-group.yaml.',
      'the file name "Hove Group" must be lower-case letters, numbers and hyphens (it becomes the page address). Rename it, for example to hove-group.yaml.',
    ]);
  });

  it('says where the hyphen is wrong in a file name that is otherwise lower-case letters, numbers and hyphens', () => {
    const result = validate({ providers: { '-hove.yaml': provider('A'), 'hove-.yaml': provider('B'), 'hove--group.yaml': provider('C') } });
    expect(result.problems.map((p) => `${p.file}: ${p.message}`)).toEqual([
      'data/providers/-hove.yaml: the file name "-hove" cannot start or end with a hyphen (it becomes the page address). Rename it to hove.yaml.',
      'data/providers/hove--group.yaml: the file name "hove--group" cannot have two hyphens together (it becomes the page address). Rename it to hove-group.yaml.',
      'data/providers/hove-.yaml: the file name "hove-" cannot start or end with a hyphen (it becomes the page address). Rename it to hove.yaml.',
    ]);
  });

  it('sends a file to the other folder only when two or more of its fields belong there and none belongs here', () => {
    const withField = (field: string) => validate({ signatories: { 's.yaml': signatory('S', field) } }).problems.map((p) => p.message);
    expect(withField('summary: A stray provider field.\n')).toEqual([expect.stringMatching(/^"summary" is not a field we know/)]);
    const provided = validate({ signatories: { 's.yaml': MINIMAL_PROVIDER.replace('led_by: user-led\n', 'led_by: user-led\nkind: user-led\n') } }).problems;
    expect(provided.some((p) => p.message.startsWith('this looks like'))).toBe(false);
  });

  it('reports two signatory files with the same id', () => {
    const result = validate({ signatories: { 'data/signatories/one.yaml': signatory('One'), 'data/signatories/ONE.yaml': signatory('Two') } });
    expect(errorsIn(result, 'data/signatories/ONE.yaml').map((p) => p.message)).toContain('has the same id as data/signatories/one.yaml. Each entry needs its own file name.');
  });

  it('warns, and does not fail, when two providers have the same name, pointing at the second name', () => {
    const result = validate({ providers: { 'first.yaml': provider('Hove Hearing Voices'), 'second.yaml': provider('"  hove hearing VOICES "') } });
    expect(errorsIn(result)).toEqual([]);
    expect(result.problems.map(formatProblem)).toEqual([
      'data/providers/second.yaml:1:7: warning: name: "  hove hearing VOICES " is also the name of data/providers/first.yaml. If it is the same organisation, merge the two files; if not, make the names distinct.',
    ]);
  });

  it('resolves a signatory\'s provider link to a provider file, and reports one that does not exist', () => {
    const ok = validate({ providers: { 'the-group.yaml': provider('The Group') }, signatories: { 'the-group.yaml': signatory('The Group', 'provider: the-group\n') } });
    expect(ok.problems).toEqual([]);
    const bad = validate({ providers: { 'the-group.yaml': provider('The Group') }, signatories: { 'the-group.yaml': signatory('The Group', 'provider: "the-grop"\n') } });
    expect(bad.problems.map(formatProblem)).toEqual([
      'data/signatories/the-group.yaml:9:11: error: provider: "the-grop" is not a provider: there is no data/providers/the-grop.yaml — did you mean "the-group"? Check the name, or remove this line.',
    ]);
  });

  it('checks that a logo file exists in data/signatories/logos/', () => {
    const logo = 'logo:\n  file: the-group.png\n  alt: The Group\n';
    expect(validate({ signatories: { 'the-group.yaml': signatory('The Group', logo) }, logos: ['the-group.png'] }).problems).toEqual([]);
    expect(validate({ signatories: { 'the-group.yaml': signatory('The Group', logo) }, logos: ['other.png'] }).problems.map(brief)).toEqual([
      '10:9: error: logo.file: "the-group.png" is not in data/signatories/logos/. Add the image there, or remove the logo.',
    ]);
  });

  it('reports a stray file or folder under data/ at line 1, column 1, with the reason', () => {
    const result = validate({ stray: [{ path: 'data/providers/notes.txt', reason: 'is not a YAML data file.' }] });
    expect(result.problems.map(formatProblem)).toEqual(['data/providers/notes.txt:1:1: error: is not a YAML data file.']);
  });

  it('warns that an entry last checked 12 months before today is stale, and says nothing a day later', () => {
    const at = (checked: string) => validate({ providers: { 'p.yaml': provider('P').replace('last_checked: 2026-06-01', `last_checked: ${checked}`) } }).problems;
    expect(at('2025-11-24')).toEqual([]);
    expect(at('2025-11-23').map(brief)).toEqual([
      '13:17: warning: verification.last_checked: was last checked on 2025-11-23, more than 12 months ago. Check the details with the group, then update last_checked.',
    ]);
    expect(at('2019-01-01').every((p) => p.severity === 'warning')).toBe(true);
  });

  it('judges "in the future" against the today option, not the clock', () => {
    const file = { 'p.yaml': provider('P').replace('last_checked: 2026-06-01', 'last_checked: 2026-11-24') };
    expect(errorsIn(validate({ providers: file }, '2026-11-23')).map((p) => p.message)).toEqual([
      '"2026-11-24" is in the future. Use the date the entry was actually checked.',
    ]);
    expect(validate({ providers: file }, '2026-11-24').problems).toEqual([]);
  });

  it('compares year-only and month-only Charter dates with today at the same precision', () => {
    const signed = (value: string) => errorsIn(validate({ signatories: { 's.yaml': signatory('S').replace('signed: "2019"', `signed: "${value}"`) } }));
    expect(signed('2026')).toEqual([]);
    expect(signed('2026-11')).toEqual([]);
    expect(signed('2027').map((p) => p.message)).toEqual(['"2027" is in the future. Use the year or date the Charter was signed.']);
    expect(signed('2026-12').length).toBe(1);
  });

  it('accepts a session that ends one minute after it starts, and refuses one that ends when it starts', () => {
    const session = (start: string, end: string) =>
      provider('P', '').replace('    communities: [everyone]\n', `    communities: [everyone]\n    schedule:\n      sessions:\n        - {day: monday, start: "${start}", end: "${end}", frequency: weekly}\n`);
    expect(validate({ providers: { 'p.yaml': session('18:00', '18:01') } }).problems).toEqual([]);
    expect(validate({ providers: { 'p.yaml': session('18:00', '18:00') } }).problems.map((p) => p.message)).toEqual([
      'ends at 18:00, which is not after it starts (18:00). Use the 24-hour clock, like 18:00 to 20:00.',
    ]);
  });

  it('gives one error for one value that two checks refuse, and still every error about a whole entry', () => {
    const badPhone = MINIMAL_PROVIDER.replace('led_by: user-led\n', 'led_by: user-led\nphone: ring 01273 123456\n');
    expect(validate({ providers: { 'p.yaml': badPhone } }).problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['phone: "ring 01273 123456" must be a UK phone number made of digits and spaces, like 01273 123456']);
    const twoMissing = MINIMAL_PROVIDER.replace('summary: A made-up group with only the required fields.\n', '').replace('led_by: user-led\n', '');
    expect(validate({ providers: { 'p.yaml': twoMissing } }).problems.map((p) => p.message.split(' (')[0])).toEqual(['"led_by" is missing: add it.', '"summary" is missing: add it.']);
  });

  it('advises quotes around a number exactly as it is written, keeping a leading 0 or + and the digits after a point', () => {
    const p = provider('P', 'phone: +441273123456\nemail: 1.50\n').replace('    name: Weekly group\n', '    name: 007\n');
    expect(validate({ providers: { 'p.yaml': p } }).problems.map((x) => `${x.path}: ${x.message.split('Put it in quotes: ')[1]}`)).toEqual([
      'services[0].name: "007".',
      'phone: "+441273123456".',
      'email: "1.50".',
    ]);
  });

  it('says in plain words what kind of value is wanted, and how to write it', () => {
    const at = (field: string, value: string) => validate({ providers: { 'p.yaml': provider('P').replace('    formats: [group]\n', `    formats: [group]\n    ${field}: ${value}\n`) } }).problems.map((x) => x.message);
    expect(at('summary', '')).toEqual(['is empty: write the text after the colon, or delete the line.']);
    expect(at('summary', '[a, b]')).toEqual(['must be text, not a list: write it after the colon, without "- ".']);
    expect(at('summary', 'true')).toEqual(['must be text, but without quotes it is read as true or false. Put it in quotes: "true".']);
    expect(at('age_range', '{min: "18"}')).toEqual(['must be a whole number: remove the quotes.']);
    expect(at('age_range', '{min: eighteen}')).toEqual(['must be a whole number, written in digits.']);
    expect(at('settings', 'online')).toEqual(['must be a list: start each item with "- " on its own line, or write it in brackets: [online].']);
    expect(at('cost', '[free]')).toEqual(['must be a set of fields, not a list: remove the "- " before them.']);
    expect(at('cost', 'free')).toEqual(['must be a set of fields: write each on its own line below, indented by two spaces.']);
    expect(at('schedule', '')).toEqual(['is empty: add its fields on the lines below, indented by two spaces, or delete the line.']);
    expect(at('locations', '')).toEqual(['is empty: add the items on the lines below, each starting with "- ", or delete the line.']);
  });

  it('says where a missing field went when a folded text above swallowed it, and points at the service', () => {
    const p = provider('P').replace(/    status: active\n/, '').replace('    formats: [group]\n', '    formats: [group]\n    description: >\n      We meet in the hall.\n      status: active\n');
    const problems = validate({ providers: { 'p.yaml': p } }).problems;
    expect(problems.map((x) => [x.path, x.message])).toEqual([
      ['services[0]', '"status" is missing: "status:" is inside the text of "description" above, because it is indented as far as that text. Move it left to line up with "description:".'],
    ]);
  });

  it('says a field is missing in the usual words when no text above holds it', () => {
    const p = provider('P').replace(/    status: active\n/, '');
    expect(validate({ providers: { 'p.yaml': p } }).problems.map((x) => x.message)).toEqual([expect.stringMatching(/^"status" is missing: add it\./)]);
  });

  it('accepts an age range with the same minimum and maximum', () => {
    const p = provider('P').replace('    communities: [everyone]\n', '    communities: [everyone]\n    age_range: {min: 18, max: 18}\n');
    expect(validate({ providers: { 'p.yaml': p } }).problems).toEqual([]);
  });

  it('reads a file with a byte-order mark, with a warning and no other problem', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(readFixture('providers', 'valid', 'every-field.yaml'))]);
    const result = validate({ providers: { 'every-field.yaml': bytes } });
    expect(result.problems.map(formatProblem)).toEqual([
      'data/providers/every-field.yaml:1:1: warning: the file starts with an invisible byte-order mark. It was read anyway; save the file as "UTF-8" without BOM to remove it.',
    ]);
    expect(result.dataset.providers.map((p) => p.data.name)).toEqual(['Example Peer Network']);
  });

  it('reports each hostile file with a position, and still checks the other files', () => {
    const hostile: Record<string, Uint8Array | string> = {
      'empty.yaml': '',
      'blank.yaml': '\n   \n\t\n',
      'bad-utf8.yaml': Buffer.concat([Buffer.from('name: Caf'), Buffer.from([0xe9]), Buffer.from(' Group\n')]),
      'huge.yaml': `name: Huge\ndescription: "${'x'.repeat(MAX_FILE_BYTES)}"\n`,
      'hashes.yaml': `${'#'.repeat(30)}\nname: Hashes\n`, // 2^30 ways to split it for a backtracking regex
      'list.yaml': '- a\n- b\n',
      'scalar.yaml': '42\n',
      'binary.yaml': new Uint8Array([0, 1, 2, 3, 0xff, 0xfe, 0, 0]),
    };
    const started = Date.now();
    const result = validate({ providers: { ...hostile, 'fine.yaml': provider('Fine') } });
    expect(Date.now() - started, 'hostile files are refused quickly').toBeLessThan(10_000);
    for (const name of Object.keys(hostile)) {
      const errors = errorsIn(result, `data/providers/${name}`);
      expect(errors.length, name).toBeGreaterThan(0);
      for (const p of errors) {
        expect(p.line).toBeGreaterThanOrEqual(1);
        expect(p.col).toBeGreaterThanOrEqual(1);
      }
    }
    const messages = (name: string) => result.problems.filter((p) => p.file === `data/providers/${name}`).map(brief);
    expect(messages('empty.yaml')).toEqual(['1:1: error: the file is empty. Fill it in (see CONTRIBUTING.md) or delete it.']);
    expect(messages('blank.yaml')).toEqual(['1:1: error: the file is empty. Fill it in (see CONTRIBUTING.md) or delete it.']);
    expect(messages('bad-utf8.yaml')).toEqual([expect.stringMatching(/^1:10: error: the file is not valid UTF-8 text\./)]);
    expect(messages('huge.yaml')).toEqual([expect.stringMatching(/^1:1: error: the file is 256 KB, larger than the 256 KB limit\./)]);
    expect(messages('list.yaml')).toEqual([expect.stringMatching(/^1:1: error: the file holds a list, but an entry must be a set of fields/)]);
    expect(messages('scalar.yaml')).toEqual([expect.stringMatching(/^1:1: error: the file holds a single value/)]);
    expect(messages('binary.yaml')).toEqual([expect.stringMatching(/^1:\d+: error: the file is not valid UTF-8 text\./)]);
    expect(problemsIn(result, 'data/providers/fine.yaml')).toEqual([]);
    expect(result.dataset.providers.map((p) => p.slug)).toContain('fine');
  });

  it('explains the first 50 schema problems in a file, and counts the rest in one "…and N more" line', () => {
    const keys = Array.from({ length: 27_000 }, (_, i) => `k${i}: 1`).join('\n');
    const found = problemsIn(validate({ providers: { 'keys.yaml': `${provider('Keys')}${keys}\n` } }), 'data/providers/keys.yaml');
    expect(found).toHaveLength(51);
    expect(found.filter((p) => /is not a field we know/.test(p.message))).toHaveLength(50);
    expect(found.map((p) => p.message)).toContain('…and 26,950 more problems like these after this. Fix the ones above first, then check again.');
  });

  it('refuses a control character written as a YAML escape, as it refuses the same character typed raw, instead of dropping it', () => {
    for (const escape of ['\\u0000', '\\a', '\\e', '\\x1b']) {
      const p = provider('P').replace(/^summary: .*$/m, `summary: "A${escape}B"`);
      const result = validate({ providers: { 'p.yaml': p } });
      expect(result.problems.map((x) => `${x.path}: ${x.message.split(' (')[0]}`), escape).toEqual(['summary: contains an invisible control character']);
    }
  });

  it('refuses a line break in a one-line field such as a name, and a right-to-left override in a name', () => {
    const broken = provider('P').replace(/^name: .*$/m, 'name: "Hove\\nGroup"');
    const reversed = provider('P').replace(/^name: .*$/m, 'name: "Group \u202Epuorg"');
    expect(validate({ providers: { 'p.yaml': broken } }).problems.map((x) => `${x.path}: ${x.message}`)).toEqual(['name: has a line break in it, but it must be one line. Join the lines into one.']);
    expect(validate({ providers: { 'p.yaml': reversed } }).problems.map((x) => `${x.path}: ${x.message}`)).toEqual([
      'name: contains an invisible direction control (U+202E), which can make the text show back to front. Remove it.',
    ]);
  });

  it('does not say a provider file is missing when it is there but cannot be read: its own errors say why', () => {
    const broken = provider('Broken').replace('  - id: weekly-group', ' - id: weekly-group');
    const result = validate({ providers: { 'broken.yaml': broken }, signatories: { 'broken.yaml': signatory('Broken', 'provider: broken\n') } });
    expect(problemsIn(result, 'data/signatories/broken.yaml')).toEqual([]);
    expect(errorsIn(result, 'data/providers/broken.yaml').map((p) => p.message)).toEqual([expect.stringMatching(/^YAML syntax: "id:" is indented by 1 space/)]);
  });

  it('reports a provider or a signatory that holds only "---" as an error, and still checks the other files', () => {
    const result = validate({ providers: { 'dashes.yaml': '---\n', 'fine.yaml': provider('Fine') }, signatories: { 'dashes.yaml': '---\n' } });
    expect(errorsIn(result, 'data/providers/dashes.yaml').length).toBeGreaterThan(0);
    expect(errorsIn(result, 'data/signatories/dashes.yaml').length).toBeGreaterThan(0);
    expect(problemsIn(result, 'data/providers/fine.yaml')).toEqual([]);
    expect(result.dataset.providers.map((p) => p.slug)).toEqual(['fine']);
    expect(result.dataset.signatories).toEqual([]);
  });

  describe('with a value of the wrong type', () => {
    // The last service repeats the first one's id and has a London postcode: two problems found by the last checks to run.
    const sentinel = `  - id: tuesday-group
    name: Sentinel
    status: active
    formats: [group]
    communities: [everyone]
    locations:
      - {postcode: SW1A 1AA, precision: exact}
`;
    const base = readFixture('providers', 'valid', 'every-field.yaml').replace('verification:', `${sentinel}verification:`);
    const sentinelsFound = (problems: Problem[]) =>
      problems.some((p) => p.path === 'services[4].id' && p.message.includes('is already used by services[0]')) &&
      problems.some((p) => p.path === 'services[4].locations[0].postcode' && p.message.includes('is not a Sussex postcode'));

    it('still finds the problems at the end of the unchanged file', () => {
      expect(sentinelsFound(validate({ providers: { 'every-field.yaml': base } }).problems)).toBe(true);
    });

    const cases: [string, (string | number)[], unknown][] = [
      ['email is a number', ['email'], 5],
      ['areas is text', ['areas'], 'east-sussex'],
      ['districts is text', ['districts'], 'lewes'],
      ['a service is empty', ['services', 1], null],
      ['sessions is a number', ['services', 0, 'schedule', 'sessions'], 5],
      ['a session is empty', ['services', 0, 'schedule', 'sessions', 0], null],
      ['locations is a set of fields', ['services', 0, 'locations'], { a: 1 }],
      ['a location is a list', ['services', 0, 'locations', 0], [1]],
      ['a postcode is a number', ['services', 0, 'locations', 0, 'postcode'], 1234],
      ['age_range is text', ['services', 0, 'age_range'], 'adults'],
      ['verification is a list', ['verification'], ['checked']],
    ];
    for (const [what, path, value] of cases) {
      it(`keeps checking the rest of the file when ${what}`, () => {
        const doc = parseDocument(base);
        doc.setIn(path, doc.createNode(value));
        const { problems } = validate({ providers: { 'every-field.yaml': doc.toString() } });
        expect(problems.some((p) => p.severity === 'error' && !p.path.startsWith('services[4]'))).toBe(true);
        expect(sentinelsFound(problems), problems.map(brief).join('\n')).toBe(true);
        expect(problems.filter((p) => p.message.includes('could not be checked'))).toEqual([]);
      });
    }

    it('finds the problems at the end of the file whatever value replaces whatever other field', () => {
      const doc = parseDocument(base);
      const leaves: (string | number)[][] = [];
      const walk = (v: unknown, path: (string | number)[]) => {
        if (path.length) leaves.push(path);
        if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
      };
      walk(doc.toJS(), []);
      // Leave alone what the two sentinel problems depend on: the services list, the first service and its id, the last service.
      const independent = leaves.filter((p) => !(p[0] === 'services' && (p.length === 1 || p[1] === 4 || (p[1] === 0 && (p.length === 2 || p[2] === 'id')))));
      const providers: Record<string, string> = {};
      independent.forEach((path, i) => {
        [5, true, null, [], {}, 'x', [null], { 'x-y': [1] }].forEach((value, j) => {
          const mutated = parseDocument(base);
          mutated.setIn(path, mutated.createNode(value));
          providers[`data/providers/m-${i}-${j}.yaml`] = mutated.toString();
        });
      });
      expect(Object.keys(providers).length).toBeGreaterThan(500);
      const result = validate({ providers });
      const lost = Object.keys(providers).filter((file) => !sentinelsFound(problemsIn(result, file)));
      expect(lost.map((file) => `${file}: ${providers[file]}`)).toEqual([]);
      expect(result.problems.filter((p) => p.message.includes('could not be checked')).map(formatProblem)).toEqual([]);
    });

    it('keeps checking a signatory whose dates are numbers', () => {
      const s = signatory('S', 'lapsed: 2018\nlogo: {file: missing.svg, alt: S}\n').replace('signed: "2019"', 'signed: 2019').replace('status: active', 'status: lapsed');
      const messages = validate({ signatories: { 's.yaml': s } }).problems.map(brief);
      expect(messages).toEqual([
        '3:9: error: signed: must be text, but without quotes it is read as a number. Put it in quotes: "2019".',
        '9:9: error: lapsed: must be text, but without quotes it is read as a number. Put it in quotes: "2018".',
        '10:14: error: logo.file: "missing.svg" is not in data/signatories/logos/. Add the image there, or remove the logo.',
      ]);
    });
  });
});

describe('webAddressProblem', () => {
  it('accepts a full web address, with a path, a port, a query or an international site name', () => {
    for (const ok of ['https://example.org', 'http://example.org/groups/our-group?day=mon#times', 'https://www.example.co.uk:8443/', 'https://café.example.org/'])
      expect(webAddressProblem(ok), ok).toBeUndefined();
  });

  it('refuses a web address with no site name, three slashes, a space, or a site name that is not one', () => {
    for (const bad of ['https://', 'https:///example.org', 'https://example.org/our group', 'https://exa_mple,org', 'https://example', 'www.example.org', 'ftp://example.org'])
      expect(webAddressProblem(bad), bad).toBeDefined();
  });

  it('refuses a web address with a user name before the site name, which opens a different site than it seems to', () => {
    expect(webAddressProblem('https://nhs.uk@evil.example')).toBe('has "nhs.uk@" before its site name, so it would open evil.example, not nhs.uk. Write the site\'s own address, with no "@" before the first "/".');
    expect(webAddressProblem('https://user:pass@example.org/')).toMatch(/^has "user:pass@" before its site name/);
    expect(webAddressProblem('https://example.org/contact@us')).toBeUndefined();
  });

  it('checks the web addresses of a service and of a source as well as the provider\'s own', () => {
    const p = provider('P')
      .replace('    communities: [everyone]\n', '    communities: [everyone]\n    website: https://\n')
      .replace('{title: Test fixture,', '{title: Test fixture, url: https:///example.org,');
    expect(validate({ providers: { 'p.yaml': p } }).problems.map((x) => `${x.path}: ${x.message.split('.')[0]}`)).toEqual([
      'services[0].website: "https://" has no site name after https://',
      'verification.sources[0].url: "https:///example',
    ]);
  });
});

describe('loadVocabularies', () => {
  it('reads every vocabulary in data/vocab with no problems', () => {
    const { vocab, problems } = loadVocabularies(vocabSources());
    expect(problems).toEqual([]);
    expect(vocab.formats.terms.map((t) => t.id)).toContain('group');
    expect(vocab.areas.terms.every((t) => t.bounds?.length === 4)).toBe(true);
  });

  const edit = (name: string, change: (text: string) => string) =>
    vocabSources().map((f) => (f.path.endsWith(`/${name}.yaml`) ? { ...f, bytes: change(Buffer.from(f.bytes).toString('utf8')) } : f));

  it('reports a missing vocabulary file and still validates providers against the others', () => {
    const sources = sourcesOf({ providers: { 'p.yaml': provider('P') } });
    sources.vocab = sources.vocab.filter((f) => !f.path.endsWith('/costs.yaml'));
    const result = validateSources(sources, { today: TODAY });
    expect(result.problems.map(formatProblem)).toEqual(['data/vocab/costs.yaml:1:1: error: this vocabulary file is missing. Restore it from git.']);
  });

  it('names a missing vocabulary file in the folder being checked, when that is not data/', () => {
    const sources = { ...sourcesOf({ providers: { 'p.yaml': provider('P') } }), vocabDir: 'elsewhere/vocab' };
    sources.vocab = sources.vocab.filter((f) => !f.path.endsWith('/costs.yaml'));
    expect(validateSources(sources, { today: TODAY }).problems.map(formatProblem)).toEqual(['elsewhere/vocab/costs.yaml:1:1: error: this vocabulary file is missing. Restore it from git.']);
  });

  it('reports a vocabulary file the directory does not use', () => {
    const { problems } = loadVocabularies([...vocabSources(), { path: 'data/vocab/colours.yaml', bytes: 'name: Colours\n' }]);
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^data\/vocab\/colours\.yaml:1:1: error: "colours" is not a vocabulary the directory uses/)]);
  });

  it('reports a term id that appears twice, at the second one', () => {
    const { problems } = loadVocabularies(edit('costs', (t) => t.replace('id: donation', 'id: free')));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'data/vocab/costs.yaml', path: 'terms[1].id', message: '"free" appears twice in this vocabulary. Ids must be unique.' });
  });

  it('reports a district whose area is not in areas.yaml', () => {
    const { problems } = loadVocabularies(edit('districts', (t) => t.replace('{id: adur, label: Adur, area: west-sussex', '{id: adur, label: Adur, area: surrey')));
    expect(problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['terms[0].area: "surrey" is not an area in data/vocab/areas.yaml.']);
  });

  it('reports a vocabulary term without a label, with its position', () => {
    const { problems } = loadVocabularies(edit('costs', (t) => t.replace(/label: [^,}\n]+,?/, '')));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatchObject({ file: 'data/vocab/costs.yaml', severity: 'error', message: expect.stringContaining('"label" is missing') });
    expect(problems[0]?.line).toBeGreaterThan(1);
  });
});
