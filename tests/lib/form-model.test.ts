// The /contribute/ form's model: built from the schema and the vocabularies, and the conversions between the
// form's values and a provider object.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  buildFormModel,
  comparePaths,
  dataFields,
  emptyValues,
  fieldAt,
  getAt,
  nextChoices,
  parseName,
  pathContext,
  pathId,
  pathName,
  providerFromValues,
  setAt,
  valuesFromProvider,
  type ChoiceField,
  type ChoicesField,
  type FormValues,
  type GroupField,
  type ListField,
  type TextField,
} from '../../src/lib/form-model.ts';
import { newProvider, renderProvider } from '../../src/lib/provider-yaml.ts';
import { providerSchema } from '../../src/lib/schema.ts';
import { loadVocabularies } from '../../src/lib/validate.ts';
import type { Vocabularies } from '../../src/lib/vocab.ts';
import { PROJECT_ROOT } from '../../src/lib/dataset-fs.ts';
import { FIXTURES, vocabSources } from '../helpers/data-dir.ts';

const vocab = loadVocabularies(vocabSources()).vocab;
const schema = providerSchema(vocab);
const model = buildFormModel(schema, vocab);

function yamlFiles(dir: string): { file: string; data: unknown }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ file: f, data: parse(readFileSync(path.join(dir, f), 'utf8')) as unknown }));
}

describe('buildFormModel', () => {
  it('has a field for every property of the schema, at every level', () => {
    const check = (g: GroupField, s: Record<string, unknown>) => {
      const props = Object.keys((s.properties ?? {}) as object);
      expect(dataFields(g).map((f) => f.key).sort()).toEqual([...props].sort());
      for (const f of dataFields(g)) {
        const sub = (s.properties as Record<string, Record<string, unknown>>)[f.key]!;
        if (f.kind === 'group') check(f, sub);
        if (f.kind === 'list') check(f.item, sub.items as Record<string, unknown>);
      }
    };
    check(model.root, schema);
  });

  it('makes repeatable groups for services, places and sessions', () => {
    const services = fieldAt(model, ['services']) as ListField;
    expect(services.kind).toBe('list');
    expect(services.minItems).toBe(1);
    expect(services.itemLabel).toBe('Service');
    // The id is made from the name when left blank: it waits first under "More details", after the essentials.
    expect(dataFields(services.item)[0]!.key).toBe('name');
    const more = services.item.fields.find((f) => f.kind === 'section' && f.collapsed);
    expect(more?.kind === 'section' && more.fields[0]!.key).toBe('id');
    expect(fieldAt(model, ['services', 0, 'id'])).toMatchObject({ derived: 'name', required: true });
    const places = fieldAt(model, ['services', 0, 'locations']) as ListField;
    expect(places.kind).toBe('list');
    expect(places.itemLabel).toBe('Place');
    const sessions = fieldAt(model, ['services', 0, 'schedule', 'sessions']) as ListField;
    expect(sessions.kind).toBe('list');
    expect(sessions.itemLabel).toBe('Session');
    expect(fieldAt(model, ['services', 2, 'schedule', 'sessions', 1, 'start'])).toMatchObject({ kind: 'text', input: 'time', label: 'Starts at', required: true });
  });

  it('takes labels and help from the vocabularies and the schema', () => {
    const communities = fieldAt(model, ['services', 0, 'communities']) as ChoicesField;
    expect(communities.kind).toBe('choices');
    expect(communities.minItems).toBe(1);
    expect(communities.options.map((o) => o.value)).toEqual(vocab.communities.terms.map((t) => t.id));
    expect(communities.options[0]).toEqual({ value: vocab.communities.terms[0]!.id, label: vocab.communities.terms[0]!.label, hint: vocab.communities.terms[0]!.description });
    const ledBy = fieldAt(model, ['led_by']) as ChoiceField;
    expect(ledBy).toMatchObject({ kind: 'choice', display: 'radios', required: true, vocabulary: 'leaders' });
    expect(ledBy.help).toBeUndefined(); // its options say it, each with its own description
    const status = fieldAt(model, ['services', 0, 'status']) as ChoiceField;
    const serviceProps = ((schema.properties as Record<string, { items: { properties: Record<string, { description: string }> } }>).services!).items.properties;
    expect(status.help).toBe(serviceProps.status!.description);
    expect(status.options.map((o) => o.label)).toEqual(vocab['service-statuses'].terms.map((t) => t.label));
    expect(fieldAt(model, ['services', 0, 'locations', 0, 'district'])).toMatchObject({ kind: 'choice', display: 'select' });
    const email = fieldAt(model, ['email']) as TextField;
    expect(email).toMatchObject({ kind: 'text', input: 'email', hint: 'must be an email address like name@example.org', required: false });
    expect(fieldAt(model, ['services', 0, 'locations', 0, 'latitude'])).toMatchObject({ kind: 'text', input: 'number', minimum: -90, maximum: 90 });
    expect(fieldAt(model, ['personal_contact_consent', 'agreed'])).toMatchObject({ kind: 'check' });
    expect(fieldAt(model, ['description'])).toMatchObject({ input: 'textarea', maxLength: 10000 });
  });

  it('shows a new term in a vocabulary without any change to the form', () => {
    const more = structuredClone(vocab) as Vocabularies;
    more.formats.terms.push({ id: 'walking-group', label: 'Walking groups', description: 'Peer support while walking together outdoors.' });
    more.communities.terms.push({ id: 'farmers', label: 'Farmers and rural workers', description: 'People who work on the land.' });
    const changedSchema = providerSchema(more);
    expect(JSON.stringify(changedSchema)).toContain('"walking-group"');
    const changed = buildFormModel(changedSchema, more);
    const formats = fieldAt(changed, ['services', 0, 'formats']) as ChoicesField;
    expect(formats.options).toContainEqual({ value: 'walking-group', label: 'Walking groups', hint: 'Peer support while walking together outdoors.' });
    expect((fieldAt(changed, ['services', 0, 'communities']) as ChoicesField).options.at(-1)).toMatchObject({ value: 'farmers', label: 'Farmers and rural workers' });
    // …and the form's values take it, and give it back in the provider.
    const values = emptyValues(changed);
    setAt(values, ['services', 0, 'formats'], ['walking-group']);
    expect(providerFromValues(changed, values)).toMatchObject({ services: [{ formats: ['walking-group'] }] });
    // The original model does not know it.
    expect((fieldAt(model, ['services', 0, 'formats']) as ChoicesField).options.map((o) => o.value)).not.toContain('walking-group');
  });

  it('shows a new field in the schema, with its description as help', () => {
    const changed = structuredClone(schema) as Record<string, unknown>;
    (changed.properties as Record<string, unknown>).charity_number = { type: 'string', minLength: 1, description: 'The registered charity number.' };
    const f = fieldAt(buildFormModel(changed, vocab), ['charity_number']);
    expect(f).toMatchObject({ kind: 'text', input: 'text', label: 'Charity number', help: 'The registered charity number.' });
  });

  it('puts fields in titled sections without changing where their data goes', () => {
    const sections = model.root.fields.filter((f) => f.kind === 'section');
    expect(sections.map((s) => s.kind === 'section' && s.title)).toContain('How to get in touch');
    const service = (fieldAt(model, ['services']) as ListField).item;
    const contact = service.fields.find((f) => f.kind === 'section' && f.collapsed);
    expect(contact && contact.kind === 'section' && contact.fields.map((f) => f.key)).toContain('phone');
    expect(fieldAt(model, ['services', 0, 'phone'])).toMatchObject({ kind: 'text', input: 'tel' });
  });

  /** The keys a group shows before its closed parts, and the keys inside them. */
  function split(g: GroupField): { open: string[]; closed: string[] } {
    const open: string[] = [];
    const closed: string[] = [];
    for (const f of g.fields) {
      if (f.kind === 'section') (f.collapsed ? closed : open).push(...f.fields.map((x) => x.key));
      else open.push(f.key);
    }
    return { open, closed };
  }

  it('shows the essentials first and everything else under a closed "More details", for the group and each service, place and schedule', () => {
    const root = split(model.root);
    expect(root.open).toEqual(['name', 'summary', 'led_by', 'website', 'email', 'phone', 'areas', 'services', 'verification']);
    expect(root.closed).toEqual(expect.arrayContaining(['description', 'contact_name', 'districts', 'areas_unconfirmed']));
    const service = (fieldAt(model, ['services']) as ListField).item;
    expect(split(service).open).toEqual(['name', 'communities', 'schedule', 'locations', 'delivery']);
    expect(split(service).closed).toEqual(expect.arrayContaining(['id', 'status', 'formats', 'cost', 'age_range', 'languages', 'phone']));
    const place = (fieldAt(model, ['services', 0, 'locations']) as ListField).item;
    expect(split(place).open).toEqual(['town', 'postcode', 'name', 'address']);
    expect(split(place).closed).toEqual(expect.arrayContaining(['district', 'latitude', 'longitude', 'precision']));
    expect(split(fieldAt(model, ['services', 0, 'schedule']) as GroupField)).toEqual({ open: ['note'], closed: ['sessions'] });
    const last = model.root.fields.at(-1)!;
    expect(last.kind === 'section' && last.collapsed && last.title).toBe('More about the group');
  });

  it('never hides an answer that is needed and starts empty, even one the layout does not name', () => {
    const changed = structuredClone(schema) as { properties: Record<string, unknown>; required: string[] };
    changed.properties.charity_number = { type: 'string', minLength: 1 };
    changed.required = [...changed.required, 'charity_number'];
    const fields = buildFormModel(changed, vocab).root.fields;
    expect(fields.map((f) => f.key)).toContain('charity_number');
    // An answer that starts filled in (a service's status starts "active") may wait under "More details".
    expect(split((fieldAt(model, ['services']) as ListField).item).closed).toContain('status');
  });
});

describe('values and providers', () => {
  const providers = [...yamlFiles(path.join(PROJECT_ROOT, 'data/providers')), ...yamlFiles(path.join(FIXTURES, 'browser/providers')), ...yamlFiles(path.join(FIXTURES, 'providers/valid'))];

  it.each(providers.map((p) => [p.file, p.data]))('gives back %s unchanged after a trip through the form', (_file, data) => {
    const values = valuesFromProvider(model, data);
    expect(providerFromValues(model, values)).toEqual(data);
  });

  // The text too: a correction must change only what the volunteer changed, so each real file is written as the form writes it.
  it.each(readdirSync(path.join(PROJECT_ROOT, 'data/providers')).filter((f) => f.endsWith('.yaml')))('writes data/providers/%s back to the same text after a trip through the form', (file) => {
    const text = readFileSync(path.join(PROJECT_ROOT, 'data/providers', file), 'utf8');
    const back = providerFromValues(model, valuesFromProvider(model, parse(text)));
    expect([renderProvider(back, schema, { comments: false }), renderProvider(back, schema)], 'write it as the form does: quotes only where YAML needs them, double quotes when a text has both kinds').toContain(text);
  });

  it('starts a new provider with one service and the usual answers', () => {
    const values = emptyValues(model, { today: '2026-11-23' });
    expect(getAt(values, ['services', 0, 'status'])).toBe('active');
    expect(getAt(values, ['services', 0, 'locations'])).toEqual([]);
    expect(getAt(values, ['verification', 'status'])).toBe('unverified');
    expect(getAt(values, ['verification', 'last_checked'])).toBe('');
    expect(getAt(values, ['verification', 'sources'])).toEqual([{ title: '', url: '', published: '' }]);
    expect(providerFromValues(model, values)).toEqual({ services: [{ status: 'active' }], verification: { status: 'unverified' } });
  });

  it('turns numbers into numbers, leaves blanks out and makes service ids from names', () => {
    const values = emptyValues(model) as FormValues;
    setAt(values, ['name'], '  Harbour Café  ');
    setAt(values, ['services', 0, 'name'], 'Tuesday Café & Chat');
    setAt(values, ['services', 1], { ...(emptyValues(model).services as FormValues[])[0], name: 'Tuesday café and chat' });
    setAt(values, ['services', 0, 'locations', 0], { town: 'Hove', latitude: '50.83', longitude: ' -0.17 ', precision: 'exact', postcode: '' });
    setAt(values, ['services', 0, 'age_range', 'min'], '18');
    setAt(values, ['services', 0, 'age_range', 'max'], 'eighty');
    setAt(values, ['services', 0, 'schedule', 'sessions', 0], { day: 'tuesday', start: '18:00', end: '20:00', frequency: 'weekly', week_of_month: '' });
    const p = providerFromValues(model, values) as { name: string; services: Record<string, unknown>[] };
    expect(p.name).toBe('Harbour Café');
    expect(p.services.map((s) => s.id)).toEqual(['tuesday-cafe-and-chat', 'tuesday-cafe-and-chat-2']);
    expect(p.services[0]!.locations).toEqual([{ town: 'Hove', latitude: 50.83, longitude: -0.17, precision: 'exact' }]);
    expect(p.services[0]!.age_range).toEqual({ min: 18, max: 'eighty' }); // the schema then says it must be a number
    expect(p.services[0]!.schedule).toEqual({ sessions: [{ day: 'tuesday', start: '18:00', end: '20:00', frequency: 'weekly' }] });
  });

  it('writes the same file as `npm run new` for the same answers', () => {
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
      sourcePublished: '2026-11-01',
      today: '2026-11-01',
    };
    const values = emptyValues(model, { today: answers.today });
    const set = (p: (string | number)[], v: string | string[]) => setAt(values, p, v);
    set(['name'], answers.name);
    set(['summary'], answers.summary);
    set(['led_by'], answers.ledBy);
    set(['areas'], answers.areas);
    set(['website'], answers.website);
    set(['email'], answers.email);
    set(['phone'], answers.phone);
    set(['services', 0, 'name'], answers.serviceName);
    set(['services', 0, 'formats'], answers.formats);
    set(['services', 0, 'communities'], answers.communities);
    set(['verification', 'sources', 0, 'title'], answers.source);
    set(['verification', 'sources', 0, 'published'], answers.sourcePublished);
    expect(renderProvider(providerFromValues(model, values), schema)).toBe(renderProvider(newProvider(answers), schema));
  });
});

describe('paths', () => {
  it('names inputs and ids from data paths, and reads them back', () => {
    const p = ['services', 0, 'locations', 1, 'postcode'];
    expect(pathName(p)).toBe('services.0.locations.1.postcode');
    expect(pathId(p)).toBe('f-services-0-locations-1-postcode');
    expect(parseName(pathName(p))).toEqual(p);
    expect(parseName('')).toEqual([]);
  });

  it('says where a field is, for the error summary', () => {
    expect(pathContext(model, ['services', 0, 'locations', 1, 'postcode'])).toBe('Service 1, place 2');
    expect(pathContext(model, ['services', 2, 'schedule', 'sessions', 0, 'end'])).toBe('Service 3, session 1');
    expect(pathContext(model, ['email'])).toBe('');
  });

  it('sorts paths in the order of the form', () => {
    const paths = [['verification', 'sources', 0, 'title'], ['services', 1, 'name'], ['services', 0, 'locations', 0, 'postcode'], ['services', 0, 'name'], ['email'], ['name']];
    expect([...paths].sort((a, b) => comparePaths(model, a, b))).toEqual([['name'], ['email'], ['services', 0, 'name'], ['services', 0, 'locations', 0, 'postcode'], ['services', 1, 'name'], ['verification', 'sources', 0, 'title']]);
  });

  it('sets values deep inside, making what is missing', () => {
    const values: FormValues = {};
    setAt(values, ['services', 0, 'locations', 0, 'town'], 'Lewes');
    expect(values).toEqual({ services: [{ locations: [{ town: 'Lewes' }] }] });
    expect(getAt(values, ['services', 0, 'locations', 0, 'town'])).toBe('Lewes');
    expect(getAt(values, ['services', 3, 'name'])).toBeUndefined();
  });

  it('keeps the order of ticked choices, adding new ones at the end', () => {
    expect(nextChoices(['music', 'group'], ['group', 'music', 'creative'])).toEqual(['music', 'group', 'creative']);
    expect(nextChoices(['music', 'group'], ['group'])).toEqual(['group']);
  });
});
