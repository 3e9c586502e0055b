// The one YAML writer: canonical key order from the schema, the schema line, comments, and layout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { PROJECT_ROOT } from '../../src/lib/dataset/dataset-fs.ts';
import { formatText } from '../../src/lib/upkeep/fmt-fs.ts';
import {
  entryPath,
  keyOrder,
  newProvider,
  orderDocument,
  pruneEmpty,
  renderProvider,
  renderSignatory,
  SCHEMA_LINES,
  slugify,
  YAML_OPTIONS,
} from '../../src/lib/provider-yaml.ts';
import { providerSchema, signatorySchema } from '../../src/lib/dataset/schema.ts';
import { loadVocabularies } from '../../src/lib/validate/index.ts';
import { errorsIn, problemsIn, readFixture, validate, vocabSources } from '../helpers/data-dir.ts';

const vocab = loadVocabularies(vocabSources()).vocab;
const schema = providerSchema(vocab);

const answers = {
  name: 'Fixture Café & Chat',
  summary: 'A made-up weekly peer support café.',
  ledBy: 'user-led',
  areas: ['brighton-and-hove'],
  serviceName: 'Tuesday café',
  formats: ['drop-in', 'group'],
  communities: ['everyone'],
  website: 'https://example.org/cafe',
  email: 'hello@example.org',
  phone: '01273 000000',
  source: 'Phone call with the group',
  sourcePublished: '2026-11',
  today: '2026-11-01',
};

describe('keyOrder', () => {
  it('is the order of the properties in the schema, at every level', () => {
    const order = keyOrder(schema);
    const props = schema.properties as Record<string, { items?: { properties?: object } }>;
    expect(order.keys).toEqual(Object.keys(props));
    const service = order.fields.services?.items;
    expect(service?.keys).toEqual(Object.keys(props.services?.items?.properties ?? {}));
    expect(service?.fields.locations?.items?.keys).toContain('geocoded');
    expect(service?.fields.schedule?.fields.sessions?.items?.keys).toEqual(['day', 'start', 'end', 'frequency', 'week_of_month', 'note']);
    expect(order.fields.verification?.keys).toEqual(['status', 'last_checked', 'sources']);
    expect(keyOrder(signatorySchema(vocab)).keys.slice(0, 4)).toEqual(['name', 'kind', 'signed', 'status']);
  });

  it('follows the schema when the schema changes (it is not a list kept by hand)', () => {
    const changed = structuredClone(schema) as Record<string, unknown>;
    const { summary, ...rest } = changed.properties as Record<string, unknown>;
    changed.properties = { summary, ...rest, extra_field: { type: 'string' } };
    const order = keyOrder(changed);
    expect(order.keys[0]).toBe('summary');
    expect(order.keys.at(-1)).toBe('extra_field');
    const doc = parseDocument('name: N\nextra_field: x\nsummary: S\n');
    orderDocument(doc, order);
    expect(doc.toString(YAML_OPTIONS)).toBe('summary: S\nname: N\nextra_field: x\n');
  });
});

describe('orderDocument', () => {
  it('keeps the file header on top, moves comments with their fields, and keeps unknown fields at the end in their order', () => {
    const doc = parseDocument(
      '# header\nzeta: 1\nsummary: S # trailing\n# about name\nname: N\nalpha: 2\n__proto__: {a: 1}\n',
    );
    orderDocument(doc, keyOrder(schema));
    expect(doc.toString(YAML_OPTIONS)).toBe('# header\n# about name\nname: N\nsummary: S # trailing\nzeta: 1\nalpha: 2\n__proto__: {a: 1}\n');
  });

  it('orders flow maps too, and leaves lists in their order', () => {
    const doc = parseDocument('services:\n  - {status: active, name: B, id: b}\nareas: [west-sussex, brighton-and-hove]\n');
    orderDocument(doc, keyOrder(schema));
    expect(doc.toString(YAML_OPTIONS)).toBe('areas: [west-sussex, brighton-and-hove]\nservices:\n  - {id: b, name: B, status: active}\n');
  });
});

describe('renderProvider', () => {
  const text = renderProvider(newProvider(answers), schema);

  it('starts with the schema line, then short comments from the schema', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe(SCHEMA_LINES.provider);
    expect(lines[1]).toMatch(/^# One provider in the Sussex Peer Support Directory/);
    const ledBy = (schema.properties as Record<string, { description: string }>).led_by?.description ?? '';
    expect(text).toContain(`# ${ledBy}\nled_by: user-led`);
    expect(lines.every((l) => l.length <= 100)).toBe(true);
  });

  it('writes the fields in schema order, lists of words on one line, and nothing for blank answers', () => {
    const data = parse(text) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['name', 'summary', 'led_by', 'website', 'email', 'phone', 'areas', 'services', 'verification']);
    expect(text).toContain('areas: [brighton-and-hove]\n');
    expect(text).toContain('    formats: [drop-in, group]\n');
    expect(text).not.toMatch(/\burl:|last_checked|personal_contact_consent|: ""|: \[\]/);
    expect(data.verification).toEqual({ status: 'unverified', sources: [{ title: 'Phone call with the group', published: '2026-11' }] });
    expect(data.services).toEqual([{ id: 'tuesday-cafe', name: 'Tuesday café', status: 'active', formats: ['drop-in', 'group'], communities: ['everyone'] }]);
  });

  it('passes the validator', () => {
    const result = validate({ providers: { 'fixture-cafe-and-chat.yaml': text } });
    expect(problemsIn(result, 'data/providers/fixture-cafe-and-chat.yaml')).toEqual([]);
  });

  it('is already formatted: npm run fmt leaves it as it is', () => {
    const formatted = formatText('new.yaml', text, 'provider');
    expect(formatted.ok && formatted.changed).toBe(false);
  });

  it('gives the same text whatever order the data comes in', () => {
    const data = newProvider(answers);
    const reversed = Object.fromEntries(Object.entries(data).reverse());
    expect(renderProvider(reversed, schema)).toBe(text);
  });

  it('renders every field of a full entry so that it validates and reads back as the same data', () => {
    const original = readFixture('providers', 'valid', 'every-field.yaml');
    const data = parse(original) as Record<string, unknown>;
    const out = renderProvider(data, schema);
    expect(parse(out)).toEqual(data);
    expect(out).toContain('        - {day: tuesday, start: "18:00", end: "20:00", frequency: weekly}\n');
    expect(out).toContain('    cost: {type: donation, note: £2 towards food if you can}\n');
    expect(out).toContain('    age_range: {min: 18}\n');
    expect(out).toMatch(/description: \|\n {2}We are a \*made-up\* network\.\n\n {2}- Groups\n/);
    const result = validate({ providers: { 'every-field.yaml': out } });
    expect(errorsIn(result)).toEqual([]);
    expect(formatText('x.yaml', out, 'provider')).toMatchObject({ ok: true, changed: false });
  });

  it('can leave the comments out, keeping the schema line', () => {
    const bare = renderProvider(newProvider(answers), schema, { comments: false });
    expect(bare.split('\n')[0]).toBe(SCHEMA_LINES.provider);
    expect(bare.split('\n').filter((l) => l.startsWith('#'))).toHaveLength(1);
  });

  it('quotes values that YAML would otherwise read as something else', () => {
    const out = renderProvider({ ...newProvider(answers), summary: 'yes', name: '2019' }, schema, { comments: false });
    const data = parse(out) as Record<string, unknown>;
    expect(data.name).toBe('2019');
    expect(data.summary).toBe('yes');
  });
});

describe('renderSignatory', () => {
  it('writes a signatory that validates, with the year in quotes', () => {
    const text = renderSignatory(
      { status: 'active', signed: '2019', kind: 'user-led', name: 'Fixture Signatory', verification: { sources: [{ published: '2026-06', title: 'Test fixture' }], status: 'unverified', last_checked: '2026-06-01' } },
      signatorySchema(vocab),
    );
    expect(text.split('\n')[0]).toBe(SCHEMA_LINES.signatory);
    expect(text).toContain('signed: "2019"\n');
    expect(text).toContain('  sources:\n    - title: Test fixture\n      published: "2026-06"\n');
    expect(Object.keys(parse(text) as object)).toEqual(['name', 'kind', 'signed', 'status', 'verification']);
    expect(problemsIn(validate({ signatories: { 'fixture-signatory.yaml': text } }), 'data/signatories/fixture-signatory.yaml')).toEqual([]);
  });
});

describe('newProvider', () => {
  it('records consent when a personal contact is given, and verified when the group confirmed', () => {
    const data = newProvider({ ...answers, phone: '07700 900123', consentDate: '2026-10-01', verified: true });
    expect(data.personal_contact_consent).toEqual({ agreed: true, date: '2026-10-01' });
    expect((data.verification as { status: string }).status).toBe('verified');
    expect(errorsIn(validate({ providers: { 'p.yaml': renderProvider(data, schema) } }))).toEqual([]);
  });
});

describe('pruneEmpty', () => {
  it('drops blank text, empty lists and maps, null and undefined, and normalises line endings', () => {
    expect(pruneEmpty({ a: '', b: '  ', c: [], d: {}, e: null, f: undefined, g: [{ h: '' }], i: 'x\r\ny', j: 0, k: false })).toEqual({ i: 'x\ny', j: 0, k: false });
  });
});

describe('slugify and entryPath', () => {
  it.each([
    ['Brighton & Hove Café Group', 'brighton-and-hove-cafe-group'],
    ["St Mary's  Peer   Support", 'st-marys-peer-support'],
    ['MindOut', 'mindout'],
    ['  --Ünïcödé--  ', 'unicode'],
    ['!!!', ''],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('cuts long names at a word', () => {
    const slug = slugify('The Very Long Name Of A Peer Support Group That Goes On And On Past Sixty Characters');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('puts providers and signatories in their folders', () => {
    expect(entryPath('provider', 'x')).toBe('data/providers/x.yaml');
    expect(entryPath('signatory', 'x')).toBe('data/signatories/x.yaml');
  });
});

describe('browser safety', () => {
  it('imports nothing but the yaml package (the /contribute/ form reuses it)', () => {
    const source = readFileSync(path.join(PROJECT_ROOT, 'src/lib/provider-yaml.ts'), 'utf8');
    const imports = [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
    expect(imports).toEqual(['yaml']);
    expect(source).not.toMatch(/\b(process|Buffer|require)\b/);
  });
});
