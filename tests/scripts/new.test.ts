// npm run new: questions in a terminal, or every answer as a flag.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT, validateDataDir } from '../../src/lib/dataset/dataset-fs.ts';
import { formatText } from '../../src/lib/upkeep/fmt-fs.ts';
import { formatProblem } from '../../src/lib/validate/problems.ts';
import { SCHEMA_LINES } from '../../src/lib/provider-yaml.ts';
import { FIXTURES, makeDataDir, provider, TODAY, validate, type TempDataDir } from '../helpers/data-dir.ts';
import { runScript } from '../fixtures/contrib/harness.ts';

const FLAGS = [
  '--name', 'Fixture Café & Chat',
  '--summary', 'A made-up weekly peer support café in Hove.',
  '--led-by', 'User-led organisation',
  '--area', 'brighton-and-hove',
  '--community', 'everyone,lgbtq',
  '--format', 'drop-in',
  '--format', 'group',
  '--website', 'example.org/cafe',
  '--email', 'hello@example.org',
  '--phone', '01273 000000',
  '--source', 'Phone call with the group',
  '--source-date', '2026-11',
];

describe('npm run new', () => {
  let dir: TempDataDir;
  beforeEach(() => {
    dir = makeDataDir({ providers: { 'existing-group.yaml': provider('Existing Group') } });
  });
  afterEach(() => dir.remove());
  const providers = () => readdirSync(dir.at('providers')).sort();
  const run = (args: string[], input?: string) => runScript('new.ts', ['--data', dir.root, '--today', TODAY, ...args], input === undefined ? {} : { input });

  it('writes a file from flags that validates, is formatted, and starts with the schema line', async () => {
    const r = await run(['--non-interactive', ...FLAGS]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Created .*providers\/fixture-cafe-and-chat\.yaml/);
    const text = readFileSync(dir.at('providers', 'fixture-cafe-and-chat.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(SCHEMA_LINES.provider);
    expect(parse(text)).toEqual({
      name: 'Fixture Café & Chat',
      summary: 'A made-up weekly peer support café in Hove.',
      led_by: 'user-led',
      website: 'https://example.org/cafe',
      email: 'hello@example.org',
      phone: '01273 000000',
      areas: ['brighton-and-hove'],
      services: [{ id: 'fixture-cafe-and-chat', name: 'Fixture Café & Chat', status: 'active', formats: ['drop-in', 'group'], communities: ['everyone', 'lgbtq'] }],
      verification: { status: 'unverified', sources: [{ title: 'Phone call with the group', published: '2026-11' }] },
    });
    expect(validateDataDir(dir.root, { today: TODAY }).problems).toEqual([]);
    expect(formatText('x.yaml', text, 'provider')).toMatchObject({ ok: true, changed: false });
  });

  it('asks the questions in a terminal, asks again after a wrong answer, and writes a valid file', async () => {
    const answers = [
      'Fixture Hearing Voices Hove', // name
      'A made-up group for people who hear voices.', // summary
      'nine', // who leads it: wrong
      '2', // peer-led-group
      'brighton', // areas: a synonym
      'Monday group', // service name
      '', // formats: skipped
      'voice hearers', // communities: wrong (no such id, label or synonym)
      'hearing-voices',
      '', // website
      'not-an-email', // wrong
      '', // email
      '', // phone
      'A leaflet from the group', // source
      '', // source url
      'March 2024', // the date the source shows: wrong
      '2024-03', // the date the source shows
      'y', // verified
    ];
    const r = await run([], `${answers.join('\n')}\n`);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Who leads it?');
    expect(r.stdout).toContain('"nine" is not one of the choices.');
    expect(r.stdout).toContain('"voice hearers" is not one of the choices.');
    expect(r.stdout).toContain('"not-an-email" is not an email address.');
    expect(r.stdout).toContain('"March 2024" is not a date a source shows.');
    const data = parse(readFileSync(dir.at('providers', 'fixture-hearing-voices-hove.yaml'), 'utf8')) as Record<string, unknown>;
    expect(data).toMatchObject({
      led_by: 'peer-led-group',
      areas: ['brighton-and-hove'],
      services: [{ id: 'monday-group', name: 'Monday group', status: 'active', communities: ['hearing-voices'] }],
      verification: { status: 'verified', last_checked: TODAY, sources: [{ title: 'A leaflet from the group', published: '2024-03' }] },
    });
    expect(validateDataDir(dir.root, { today: TODAY }).problems).toEqual([]);
  });

  it('writes nothing when the answers end before the last question', async () => {
    const r = await run([], 'Fixture Half Group\nA made-up group.\n1\n');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/answers ended before every question was answered\. Nothing was written/);
    expect(providers()).toEqual(['existing-group.yaml']);
  });

  it('with --non-interactive, names every required answer that is missing and writes nothing', async () => {
    const r = await run(['--non-interactive', '--name', 'Fixture Group', '--led-by', 'user-led', '--area', 'west-sussex']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('these answers are needed: --summary, --community, --source, --source-date. Nothing was written.');
    expect(providers()).toEqual(['existing-group.yaml']);
  });

  it('refuses a source date in the future, and writes nothing', async () => {
    const r = await run(['--non-interactive', ...FLAGS, '--source-date', '2026-12']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--source-date: "2026-12" is in the future. Write the date the source itself shows.');
    expect(providers()).toEqual(['existing-group.yaml']);
  });

  it('refuses a wrong term, with a suggestion, and writes nothing', async () => {
    const r = await run(['--non-interactive', ...FLAGS, '--area', 'west-susex']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--area: "west-susex" is not one of the choices. Did you mean "west-sussex"?');
    expect(providers()).toEqual(['existing-group.yaml']);
  });

  it('understands a term written as its label or a synonym the way the validator does, with a hyphen for a space', async () => {
    const flags = FLAGS.map((f) => (f === 'everyone,lgbtq' ? 'Hearing voices,LGBTQ+ people' : f));
    const r = await run(['--non-interactive', '--dry-run', ...flags, '--led-by', 'peer-led']);
    expect(r.stderr).toBe('');
    expect(parse(r.stdout)).toMatchObject({ led_by: 'peer-led-group', services: [{ communities: ['hearing-voices', 'lgbtq'] }] });
  });

  it('never overwrites an existing file', async () => {
    const before = readFileSync(dir.at('providers', 'existing-group.yaml'));
    const r = await run(['--non-interactive', ...FLAGS, '--name', 'Existing Group']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/existing-group\.yaml already exists, so nothing was written/);
    expect(readFileSync(dir.at('providers', 'existing-group.yaml'))).toEqual(before);
    const bySlug = await run(['--non-interactive', ...FLAGS, '--slug', 'existing-group']);
    expect(bySlug.status).toBe(1);
    expect(readFileSync(dir.at('providers', 'existing-group.yaml'))).toEqual(before);
  });

  it('needs consent for a mobile number, and records it when given', async () => {
    const mobile = await run(['--non-interactive', ...FLAGS, '--phone', '07700 900123']);
    expect(mobile.status).toBe(1);
    expect(mobile.stderr).toMatch(/07700 900123 is a mobile number\..*Give --consent-date/);
    expect(providers()).toEqual(['existing-group.yaml']);
    const agreed = await run(['--non-interactive', ...FLAGS, '--phone', '07700 900123', '--consent-date', '2026-11-01']);
    expect(agreed.status).toBe(0);
    const data = parse(readFileSync(dir.at('providers', 'fixture-cafe-and-chat.yaml'), 'utf8')) as Record<string, unknown>;
    expect(data.personal_contact_consent).toEqual({ agreed: true, date: '2026-11-01' });
    expect(validateDataDir(dir.root, { today: TODAY }).problems).toEqual([]);
  });

  it('refuses answers the schema or the validator rejects, and writes nothing', async () => {
    // A summary over 240 characters cannot be written.
    const long = await run(['--non-interactive', ...FLAGS, '--summary', 'x'.repeat(241)]);
    expect(long.status).toBe(1);
    expect(long.stderr).toContain('--summary: That is 241 characters; keep it to 240 or fewer.');
    const html = await run(['--non-interactive', ...FLAGS, '--summary', 'A <b>bold</b> group.']);
    expect(html.status).toBe(1);
    expect(html.stderr).toMatch(/summary: contains HTML.*nothing was written/s);
    expect(providers()).toEqual(['existing-group.yaml']);
  });

  it('refuses a web address the validator would refuse, in the validator\'s words', async () => {
    const r = await run(['--non-interactive', ...FLAGS, '--website', 'https://exa_mple,org']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--website: "https://exa_mple,org" has "exa_mple,org" as its site name, but a site name is letters, numbers and hyphens');
    expect(providers()).toEqual(['existing-group.yaml']);
  });

  it('prints the file with --dry-run and writes nothing', async () => {
    const r = await run(['--non-interactive', '--dry-run', ...FLAGS]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(SCHEMA_LINES.provider);
    expect(existsSync(dir.at('providers', 'fixture-cafe-and-chat.yaml'))).toBe(false);
  });

  it('asks for a file name when the name gives none', async () => {
    const r = await run(['--non-interactive', ...FLAGS, '--name', '!!!']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('--slug is needed');
    const ok = await run(['--non-interactive', ...FLAGS, '--name', '!!!', '--slug', 'fixture-bangs']);
    expect(ok.status).toBe(0);
    expect(existsSync(dir.at('providers', 'fixture-bangs.yaml'))).toBe(true);
  });

  it('explains itself with --help, and refuses unknown options and bad dates', async () => {
    const help = await run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run new/);
    for (const flag of ['--name', '--led-by', '--area', '--community', '--source', '--source-date', '--non-interactive']) expect(help.stdout).toContain(flag);
    expect((await run(['--colour', 'blue'])).status).toBe(2);
    expect((await runScript('new.ts', ['--today', '23/11/2026'])).status).toBe(2);
  });

  it('stops when the vocabularies are broken', async () => {
    writeFileSync(dir.at('vocab', 'areas.yaml'), 'name: Areas\n');
    const r = await run(['--non-interactive', ...FLAGS]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/vocabularies have errors/);
    expect(providers()).toEqual(['existing-group.yaml']);
  });
});

describe('CONTRIBUTING.md', () => {
  const doc = readFileSync(path.join(PROJECT_ROOT, 'CONTRIBUTING.md'), 'utf8');
  const quoted = [...doc.matchAll(/^(data\/(providers|signatories)\/([^:]+)):(\d+):(\d+): .*$/gm)];

  it('quotes the checker\'s messages exactly as it prints them for the broken examples', () => {
    expect(quoted.length).toBeGreaterThan(15);
    // All the examples in one data folder, as the checker would see them.
    const files: { providers: Record<string, Buffer>; signatories: Record<string, Buffer> } = { providers: {}, signatories: {} };
    for (const [, , kind, name] of quoted) {
      const folder = kind as 'providers' | 'signatories';
      const valid = path.join(FIXTURES, folder, 'valid', name as string);
      files[folder][name as string] = readFileSync(existsSync(valid) ? valid : path.join(FIXTURES, folder, 'invalid', name as string));
    }
    const printed = validate(files, TODAY).problems.map(formatProblem);
    for (const [line] of quoted) expect(printed, line).toContain(line);
  });

  it('is organised by task and describes the three ways to contribute', () => {
    for (const heading of ['## Add a group', '## Correct a group', '## A group has closed', '## Sign the Charter']) expect(doc).toContain(`\n${heading}\n`);
    expect(doc).toContain('/contribute/');
    expect(doc).toContain('issues/new?template=add-a-group.yml');
    expect(doc).toContain('redhat.vscode-yaml');
    expect(doc).toContain('# yaml-language-server: $schema=../../schema/provider.schema.json');
    expect(doc).toMatch(/Never delete the file/);
  });

  it('points the editor at the schemas (.vscode)', () => {
    const settings = JSON.parse(readFileSync(path.join(PROJECT_ROOT, '.vscode/settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, string[]> };
    expect(settings['yaml.schemas']['./schema/provider.schema.json']).toEqual(['data/providers/*.yaml']);
    expect(settings['yaml.schemas']['./schema/signatory.schema.json']).toEqual(['data/signatories/*.yaml']);
    for (const schema of Object.keys(settings['yaml.schemas'])) expect(existsSync(path.join(PROJECT_ROOT, schema))).toBe(true);
    const extensions = JSON.parse(readFileSync(path.join(PROJECT_ROOT, '.vscode/extensions.json'), 'utf8')) as { recommendations: string[] };
    expect(extensions.recommendations).toContain('redhat.vscode-yaml');
  });
});
