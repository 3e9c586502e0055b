import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSynthetic } from '../../../bench/lib/synthetic.ts';
import { loadVocabularies } from '../../../src/lib/validate/index.ts';
import { locate, MAX_FILE_BYTES, MAY_CUT_VALUE, parseSource, quickParse, type ParsedFile, type SourceFile } from '../../../src/lib/dataset/yaml-source.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';
import { TODAY, vocabSources } from '../../helpers/data-dir.ts';

const parse = (bytes: string | Uint8Array) => parseSource({ path: 'data/providers/x.yaml', bytes });
const briefs = (parsed: ParsedFile) => parsed.problems.map((p) => `${p.line}:${p.col}: ${p.severity}: ${p.message}`);

describe('parseSource', () => {
  it('reads a mapping from text or from bytes alike', () => {
    const text = 'name: Café Group\nareas: [east-sussex]\n';
    expect(parse(text).value).toEqual({ name: 'Café Group', areas: ['east-sussex'] });
    expect(parse(new TextEncoder().encode(text)).value).toEqual({ name: 'Café Group', areas: ['east-sussex'] });
    expect(parse(text).problems).toEqual([]);
  });

  it('reads times, dates, postcodes and yes/no as text, as YAML 1.2 does', () => {
    const parsed = parse('start: 18:30\nlast_checked: 2026-06-01\npostcode: BN1 1AA\nlanguage: no\nphone: 01273 000000\n');
    expect(parsed.value).toEqual({ start: '18:30', last_checked: '2026-06-01', postcode: 'BN1 1AA', language: 'no', phone: '01273 000000' });
  });

  it('reports a YAML syntax error at the line and column where it is', () => {
    const parsed = parse('name: Group\nareas: [east-sussex\nled_by: user-led\n');
    expect(parsed.value).toBeUndefined();
    expect(parsed.problems.length).toBeGreaterThan(0);
    expect(parsed.problems.every((p) => p.severity === 'error' && p.message.startsWith('YAML syntax: '))).toBe(true);
    expect(parsed.problems[0]?.line).toBeGreaterThan(1);
  });

  it('points at the opening quote of a value whose quote is never closed, not at the end of the file', () => {
    const parsed = parse('name: Group\nsummary: "A group\nled_by: user-led\nareas: [east-sussex]\n');
    expect(briefs(parsed)).toEqual([
      '2:10: error: YAML syntax: Missing closing "quote: this value opens a quote mark that is never closed. Add the closing quote at the end of the value.',
    ]);
  });

  it('refuses a field given twice, at the second one', () => {
    expect(briefs(parse('name: One\nsummary: s\nname: Two\n'))).toEqual(['3:1: error: YAML syntax: Map keys must be unique. A field appears twice: keep one of them.']);
  });

  it('refuses tabs used for indentation, pointing at the tab', () => {
    const tabs = 'Tabs are not allowed as indentation. Indent with spaces, not tabs, lined up with the fields around it.';
    expect(briefs(parse('verification:\n  status: verified\n\tsource: x\n'))).toEqual([`3:1: error: YAML syntax: ${tabs}`]);
    expect(briefs(parse('verification:\n  status: verified\n  \tsource: x\n'))).toEqual([`3:3: error: YAML syntax: ${tabs}`]);
  });

  it('reports a tab in a service once, without the errors the parser makes of the lines after it', () => {
    const text = 'name: A\nservices:\n  - id: g\n\tname: Thursday group\n    status: active\n    formats: [group]\nverification:\n  status: x\n';
    expect(briefs(parse(text))).toEqual([expect.stringMatching(/^4:1: error: YAML syntax: Tabs are not allowed as indentation/)]);
  });

  it('still reports a field given twice after the block that holds a tab', () => {
    const parsed = parse('verification:\n  status: x\n  \tsource: y\nname: z\nname: w\n');
    expect(briefs(parsed)).toEqual([
      expect.stringMatching(/^3:3: error: YAML syntax: Tabs are not allowed as indentation/),
      '5:1: error: YAML syntax: Map keys must be unique. A field appears twice: keep one of them.',
    ]);
  });

  it('points at a field indented more than the one above, and says to line it up', () => {
    expect(briefs(parse('name: A\nverification:\n  status: unverified\n   last_checked: 2026-06-01\n  source: y\n'))).toEqual([
      '4:4: error: YAML syntax: "last_checked:" is indented more than "status:" on the line above (3 spaces instead of 2), so YAML reads it as more of the value above. Line it up with the fields around it.',
    ]);
    expect(briefs(parse('name: A\nverification:\n  status: "unverified"\n   last_checked: 2026-06-01\n'))).toEqual([
      '4:4: error: YAML syntax: "last_checked:" is indented more than "status:" on the line above (3 spaces instead of 2). Line it up with the fields around it.',
    ]);
    expect(briefs(parse('services:\n  - id: g\n     name: Group\n'))).toEqual([expect.stringMatching(/^3:6: error: YAML syntax: "name:" is indented more than "id:" on the line above \(5 spaces instead of 4\)/)]);
  });

  it('points at a field indented less than the one above', () => {
    expect(briefs(parse('verification:\n  status: x\n last_checked: y\n'))).toEqual([
      '3:2: error: YAML syntax: "last_checked:" is indented less than "status:" on the line above (1 space instead of 2). Line it up with the fields around it.',
    ]);
  });

  it('points at a list item indented one space too few, not at a later field lined up with the one above it', () => {
    const text = 'name: A\nservices:\n - id: group\n    name: Group\n    status: active\n    formats: [group]\n    formality: informal\n';
    const found = briefs(parse(text));
    expect(found).toEqual([
      '3:2: error: YAML syntax: "id:" is indented by 1 space, but fields and list items are indented in steps of two spaces, so the lines after it cannot be read. Line it up with the fields around it.',
    ]);
    expect(found.join('\n')).not.toMatch(/\((\d+) spaces? instead of \1\)/);
  });

  it.each([
    ['a missing space after a colon', 'summary: x\nname:Hove\nled_by: y\n', '2:5', 'there is no space after the colon in "name:Hove". Put a space after the colon: name: Hove'],
    ['a missing space after a colon, last in a block', 'verification:\n  status: x\n  source:Phone call\n', '3:9', 'there is no space after the colon in "source:Phone call". Put a space after the colon: source: Phone call'],
    ['an apostrophe inside single quotes', "summary: 'It's a peer support group.'\n", '1:13', `an apostrophe inside single quotes ends the text early. Use double quotes around text that has an apostrophe: summary: "It's a peer support group."`],
    ['text after a closing quote', 'summary: "Hearing voices" group in Hove.\n', '1:27', `there is text after the closing quote mark, but a quoted value ends at its closing quote. Put the whole value in quotes, or none of it: summary: '"Hearing voices" group in Hove.'`],
    ['a colon in a value inside { }', 'cost: {type: donation, note: Note: not in August}\n', '1:30', 'inside [ ] or { }, a colon followed by a space starts a new field, so "Note: not in August" cannot be read. Put that value in double quotes: "Note: not in August"'],
    ['"- " starting a value', 'summary: - a group\n', '1:10', '"- " starts a list item, and a list cannot start on the same line as its field. If the text starts with "- ", put it in double quotes: summary: "- a group"'],
    ['"@" starting a value', 'name: @HoveVoices\n', '1:7', 'a value cannot start with "@" in YAML. Put the whole value in double quotes: name: "@HoveVoices"'],
    ['"`" starting a value', 'name: `Hove`\n', '1:7', 'a value cannot start with "`" in YAML. Put the whole value in double quotes: name: "`Hove`"'],
    ['"%" starting a value', 'name: %Hove\n', '1:7', 'a value cannot start with "%" in YAML. Put the whole value in double quotes: name: "%Hove"'],
    ['"*" starting a value', 'name: *Star* group\n', '1:7', 'a value cannot start with "*" in YAML. Put the whole value in double quotes: name: "*Star* group"'],
  ])('explains %s in plain words, at the place it is', (_what, text, at, message) => {
    expect(briefs(parse(text))).toEqual([`${at}: error: YAML syntax: ${message}`]);
  });

  it('refuses a second document after ---', () => {
    expect(briefs(parse('name: One\n---\nname: Two\n'))).toEqual([
      '2:1: error: YAML syntax: the file holds more than one entry (a line with only "---" starts another). Keep one entry per file and remove the extra "---" line.',
    ]);
  });

  it('refuses a "billion laughs" of nested aliases before expanding it', () => {
    let bomb = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 12; i++) bomb += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    const started = Date.now();
    const parsed = parse(bomb);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(parsed.value).toBeUndefined();
    expect(briefs(parsed)).toEqual([expect.stringMatching(/^1:1: error: the file could not be read: .*Write each value out in full instead of using YAML aliases/)]);
  });

  it('allows a few aliases', () => {
    expect(parse('a: &x [one, two]\nb: *x\n').value).toEqual({ a: ['one', 'two'], b: ['one', 'two'] });
  });

  it('reports an empty file, a blank file, a comment-only file and a lone ---, ~, null or ..., with no value', () => {
    const lone = ['---\n', '~\n', 'null\n', '...\n', '# yaml-language-server: $schema=../../schema/provider.schema.json\n---\n'];
    for (const text of ['', '   \n\n', '# just a comment\n  # another\n', '# a\r\n# b\r\n', ...lone]) {
      const parsed = parse(text);
      expect(briefs(parsed), JSON.stringify(text)).toEqual(['1:1: error: the file is empty. Fill it in (see CONTRIBUTING.md) or delete it.']);
      expect(parsed.value, JSON.stringify(text)).toBeUndefined();
    }
  });

  it('checks a line of many # quickly (no catastrophic backtracking)', () => {
    // 30 is enough: a regex that backtracks over the ways to split the line takes seconds on it, and each # doubles that.
    for (const hashes of [30, 100_000]) {
      const started = Date.now();
      const parsed = parse(`${'#'.repeat(hashes)}\nname: Group\n`);
      expect(Date.now() - started, `${hashes} #`).toBeLessThan(1_000);
      expect(parsed.value).toEqual({ name: 'Group' });
    }
  });

  it('explains the YAML errors on the first 20 lines that have any, and counts the rest in one "…and N more" line', () => {
    const text = Array.from({ length: 60 }, (_, i) => `k${i}: @x ""${'"'.repeat(50)}`).join('\n');
    const found = briefs(parse(text));
    expect(found).toHaveLength(21);
    expect(found[19]).toMatch(/^20:\d+: error: YAML syntax: a value cannot start with "@"/);
    expect(found[20]).toMatch(/^21:\d+: error: YAML syntax: …and 40 more lines with YAML errors after this\. Fix the ones above first, then check again\.$/);
  });

  it('reports each repeat of a field as its own error, at the repeated field (checked in one pass, not by the parser)', () => {
    const text = `name: A\n${'name: B\n'.repeat(3)}`;
    expect(briefs(parse(text))).toEqual(['2:1', '3:1', '4:1'].map((at) => `${at}: error: YAML syntax: Map keys must be unique. A field appears twice: keep one of them.`));
  });

  it('refuses a list or a single value where a set of fields should be', () => {
    expect(briefs(parse('- name: One\n- name: Two\n'))).toEqual([expect.stringMatching(/^1:1: error: the file holds a list, but an entry must be a set of fields.*Remove the leading "- "/)]);
    expect(briefs(parse('"just text"\n'))).toEqual([expect.stringMatching(/^1:1: error: the file holds a single value, but an entry must be a set of fields/)]);
    expect(parse('- a\n').value).toBeUndefined();
  });

  it('does not tell a file holding a single value to remove a "- " it does not have', () => {
    for (const text of ['true\n', '12\n', 'Just text\n']) {
      const parsed = parse(text);
      expect(briefs(parsed), text).toEqual(['1:1: error: the file holds a single value, but an entry must be a set of fields like "name: ...". Start from a template in CONTRIBUTING.md.']);
      expect(parsed.value).toBeUndefined();
    }
  });

  it('refuses a NUL or other control character in a value, where it is', () => {
    expect(briefs(parse('name: Group\nsummary: A\u0000B\n'))).toEqual(['2:11: error: an invisible control character (U+0000) after "summary: A". Remove the control character.']);
    expect(briefs(parse('name: A\u001bB\n'))).toEqual(['1:8: error: an invisible control character (U+001B) after "name: A". Remove the control character.']);
    expect(parse('name: A\tB\r\nsummary: x\n').problems).toEqual([]);
  });

  it('names a non-breaking space where a space should be, and reads the rest of the file as meant', () => {
    const parsed = parse('name: A\nled_by:\u00A0user-led\n');
    expect(briefs(parsed)).toEqual(['2:8: error: a non-breaking space after "led_by:": it looks like a space, but YAML does not read it as one. Replace it with an ordinary space.']);
    expect(parsed.value).toEqual({ name: 'A', led_by: 'user-led' });
  });

  it('names each zero-width character, and leaves it out of the value so a term is not also reported as unknown', () => {
    const names = { '\u200B': 'zero-width space (U+200B)', '\u200C': 'zero-width non-joiner (U+200C)', '\u200D': 'zero-width joiner (U+200D)', '\u2060': 'word joiner (U+2060)', '\uFEFF': 'zero-width no-break space (U+FEFF)' };
    for (const [ch, name] of Object.entries(names)) {
      const parsed = parse(`name: A\nformats: [group${ch}]\n`);
      expect(briefs(parsed)).toEqual([`2:16: error: an invisible ${name} after "formats: [group". Delete it: it cannot be seen, so put the cursor just after "formats: [group" and press Delete once.`]);
      expect(parsed.value).toEqual({ name: 'A', formats: ['group'] });
    }
  });

  it('keeps a zero-width joiner inside an emoji', () => {
    expect(parse('summary: A family group \u{1F468}\u200D\u{1F469}\u200D\u{1F467}\n').problems).toEqual([]);
  });

  it('refuses curly quotes around a whole value, and reads the value without them', () => {
    const parsed = parse('summary: \u201CA group\u201D\nformats: [\u201Cgroup\u201D]\nname: \u2018It\u2019s us\u2019\n');
    expect(briefs(parsed)).toEqual([
      '1:10: error: curly quotes “…” are not YAML quotes, so they would be part of the text. Use straight double quotes: "A group"',
      '2:11: error: curly quotes “…” are not YAML quotes, so they would be part of the text. Use straight double quotes: "group"',
      '3:7: error: curly quotes ‘…’ are not YAML quotes, so they would be part of the text. Use straight double quotes: "It’s us"',
    ]);
    expect(parsed.value).toEqual({ summary: 'A group', formats: ['group'], name: 'It’s us' });
  });

  it('accepts curly quotes inside text', () => {
    const text = 'summary: For people who \u201Chear voices\u201D.\ndescription: \u201CWe listen\u201D is our motto, and it\u2019s free.\nnote: |\n  \u201CA whole line\u201D\n';
    expect(parse(text).problems).toEqual([]);
  });

  it('warns that " #" cuts a plain value, with the fix', () => {
    const parsed = parse('name: Group #2 at the centre\n');
    expect(parsed.value).toEqual({ name: 'Group' });
    expect(briefs(parsed)).toEqual([
      '1:13: warning: the text from "#" on is left out: in YAML " #" starts a comment, so the value is only "Group". If the # is part of the text, put the whole value in double quotes: name: "Group #2 at the centre"',
    ]);
  });

  it('does not warn about a comment on its own line, after a list in [ ], after quotes or after a value as "# a note", or a # inside a word', () => {
    const text = '# a comment\nareas: [west-sussex] # note\nname: "Group #2" # note\nsummary: Group#2\nwebsite: https://example.org/#about\nstatus: active # still running\nservices:\n  # the first\n  - id: a\n';
    expect(parse(text).problems).toEqual([]);
  });

  it('warns that "&" or "!" before a plain value is taken off it, with the fix', () => {
    expect(briefs(parse('name: &Friends group\n'))).toEqual([
      '1:7: warning: "&Friends" before the value is read as an anchor (a YAML name for reusing a value), not as text, so the value is only "group". If "&Friends" is part of the text, put the whole value in double quotes: name: "&Friends group"',
    ]);
    expect(briefs(parse('name: !Important group\n'))).toEqual([
      '1:7: warning: "!Important" before the value is read as a tag (a YAML type), not as text, so the value is only "group". If "!Important" is part of the text, put the whole value in double quotes: name: "!Important group"',
    ]);
  });

  it('reads a file with a byte-order mark, with a warning', () => {
    const parsed = parse(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('name: Group\n')]));
    expect(parsed.value).toEqual({ name: 'Group' });
    expect(briefs(parsed)).toEqual(['1:1: warning: the file starts with an invisible byte-order mark. It was read anyway; save the file as "UTF-8" without BOM to remove it.']);
  });

  it('reports invalid UTF-8 at the line and column of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('name: Group\nsummary: Caf'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const parsed = parse(bytes);
    expect(parsed.value).toBeUndefined();
    expect(briefs(parsed)).toEqual([expect.stringMatching(/^2:13: error: the file is not valid UTF-8 text\. Save it again as UTF-8/)]);
  });

  it('reads a file of exactly the size limit, and refuses one byte more without parsing it', () => {
    const fill = (size: number) => {
      const head = 'name: Big\ndescription: "';
      return `${head}${'x'.repeat(size - head.length - 2)}"\n`;
    };
    expect(Buffer.byteLength(fill(MAX_FILE_BYTES))).toBe(MAX_FILE_BYTES);
    expect(parse(fill(MAX_FILE_BYTES)).problems).toEqual([]);
    const big = parse(fill(MAX_FILE_BYTES + 1));
    expect(big.doc).toBeUndefined();
    expect(briefs(big)).toEqual([expect.stringMatching(/^1:1: error: the file is 256 KB, larger than the 256 KB limit\./)]);
  });

  it('refuses a huge file quickly', () => {
    const started = Date.now();
    const parsed = parse(new Uint8Array(20 * 1024 * 1024).fill(0x61));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(briefs(parsed)).toEqual([expect.stringMatching(/^1:1: error: the file is 20480 KB, larger than the 256 KB limit/)]);
  });

  it('keeps a __proto__ field as an ordinary field, without touching the object prototype', () => {
    const parsed = parse('__proto__: {polluted: true}\nname: x\n');
    const value = parsed.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__', 'name']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('locate', () => {
  const parsed = parse('name: Group\nservices:\n  - id: one\n    formats: [group, grup]\n  - id: two\n');

  it('points at the value at a data path', () => {
    expect(locate(parsed, ['name'])).toEqual({ line: 1, col: 7 });
    expect(locate(parsed, ['services', 0, 'formats', 1])).toEqual({ line: 4, col: 22 });
    expect(locate(parsed, ['services', 1, 'id'])).toEqual({ line: 5, col: 9 });
  });

  it('points at the key when asked, as for an unknown field', () => {
    expect(locate(parsed, ['services', 0, 'formats'], { key: true })).toEqual({ line: 4, col: 5 });
  });

  it('falls back to the nearest part of the path that exists', () => {
    expect(locate(parsed, ['services', 0, 'schedule', 'sessions'])).toEqual({ line: 3, col: 5 });
    expect(locate(parsed, ['services', 9])).toEqual({ line: 3, col: 3 });
  });

  it('points at the start of the entry for the whole file', () => {
    expect(locate(parse('# comment\nname: Group\n'), [])).toEqual({ line: 2, col: 1 });
  });

  it('points at 1:1 when the file could not be parsed', () => {
    expect(locate(parse(''), ['name'])).toEqual({ line: 1, col: 1 });
  });
});

describe('quickParse', () => {
  const source = (bytes: string | Uint8Array): SourceFile => ({ path: 'data/providers/x.yaml', bytes });
  const dataFiles = (folder: string): SourceFile[] =>
    readdirSync(path.join('data', folder))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => ({ path: `data/${folder}/${f}`, bytes: readFileSync(path.join('data', folder, f)) }));
  const synthetic = generateSynthetic({ count: 300, vocab: loadVocabularies(vocabSources()).vocab, today: TODAY });
  const corpus: SourceFile[] = [
    ...(['providers', 'signatories'] as const).flatMap((kind) => [...fixtureFiles(kind, 'valid'), ...fixtureFiles(kind, 'invalid')]),
    ...dataFiles('providers'),
    ...dataFiles('signatories'),
    ...dataFiles('vocab'),
    ...[...synthetic.providers, ...synthetic.signatories].map((f) => ({ path: f.path, bytes: f.content })),
  ];

  it('gives exactly the value the full reader gives, for every fixture, data and synthetic file it reads', () => {
    let read = 0;
    for (const file of corpus) {
      const quick = quickParse(file);
      if (!quick) continue;
      read++;
      const full = parseSource(file);
      expect(full.problems, file.path).toEqual([]);
      expect(quick.value, file.path).toStrictEqual(full.value);
    }
    // Nearly every well-formed file goes the quick way; the rest are files the full reader finds problems in, or
    // whose text may hide a cut value the quick reader cannot see.
    expect(read).toBeGreaterThan(corpus.length / 2);
    for (const file of corpus) {
      if (quickParse(file) || MAY_CUT_VALUE.test(Buffer.from(file.bytes).toString())) continue;
      const full = parseSource(file);
      expect(full.problems.length + (full.value === undefined ? 1 : 0), file.path).toBeGreaterThan(0);
    }
  });

  it.each([
    '0b101', '1_000', '0o17', '017', '+12', '-0', '.5', '+.5', '1e3', '.inf', '-.Inf', '.NaN', '0x1F', 'yes', 'no', 'on', 'off', 'True', 'tRUE', 'Null', '~', '',
    '2026-01-01', '2026-01-01T10:00:00Z', '18:30', '1:20:30', '<<', '"a\\tb"', "'it''s'", '"\\u00e9"', 'a#b', '|-\n  a\n  b', '>\n  a\n  b\n\n  c', '|+\n  a\n', '"a\n  b"', '[1, a, "b"]', '{a: 1, b: [x]}',
  ])('reads %j as the full reader does (YAML 1.2 core: times, dates and yes/no stay text)', (scalar) => {
    const file = source(`k: ${scalar}\n`);
    const quick = quickParse(file);
    expect(quick, 'read the quick way').toBeDefined();
    expect(quick!.value).toStrictEqual(parseSource(file).value);
  });

  it.each([
    ['a byte-order mark', '\uFEFFname: Group\n'],
    ['an alias', 'name: &n Group\nsummary: *n\n'],
    ['two documents', 'name: A\n---\nname: B\n'],
    ['a field given twice', 'name: A\nname: B\n'],
    ['a tag', 'name: !!binary aGk=\n'],
    ['a list', '- name: A\n'],
    ['a single value', 'Group\n'],
    ['only comments', '# nothing yet\n'],
    ['a syntax error', 'name: "A group\nled_by: user-led\n'],
    ['a value a comment may cut', 'name: Group #2\n'],
    ['a value an anchor may cut', 'name: &Friends group\n'],
    ['curly quotes', 'name: \u201CGroup\u201D\n'],
    ['an invisible character', 'name: Group\u200B\n'],
    ['a non-breaking space', 'name:\u00A0Group\n'],
    ['a control character', 'name: Gr\u0000oup\n'],
  ])('leaves %s to the full reader', (_what, text) => {
    expect(quickParse(source(text))).toBeUndefined();
  });

  it('reads a file with a comment written "# like this" after a value itself, as that comment cuts nothing meant', () => {
    expect(quickParse(source('name: Group # the main one\nareas: [west-sussex] # note\n'))?.value).toEqual({ name: 'Group', areas: ['west-sussex'] });
  });

  it('leaves text that is not UTF-8, and a file over the size limit, to the full reader', () => {
    expect(quickParse(source(new Uint8Array([0x6e, 0x3a, 0x20, 0xff, 0x0a])))).toBeUndefined();
    expect(quickParse(source(`name: ${'x'.repeat(MAX_FILE_BYTES)}\n`))).toBeUndefined();
  });
});

