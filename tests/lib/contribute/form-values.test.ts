// The conversions between the /contribute/ form's values and a provider object, and editing values by path.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFormModel } from '../../../src/lib/contribute/form-model.ts';
import { emptyValues, getAt, nextChoices, providerFromValues, setAt, valuesFromProvider, type FormValues } from '../../../src/lib/contribute/form-values.ts';
import { newProvider, renderProvider } from '../../../src/lib/provider-yaml.ts';
import { providerSchema } from '../../../src/lib/dataset/schema.ts';
import { loadVocabularies } from '../../../src/lib/validate/index.ts';
import { PROJECT_ROOT } from '../../../src/lib/dataset/dataset-fs.ts';
import { FIXTURES, vocabSources } from '../../helpers/data-dir.ts';

const vocab = loadVocabularies(vocabSources()).vocab;
const schema = providerSchema(vocab);
const model = buildFormModel(schema, vocab);

function yamlFiles(dir: string): { file: string; data: unknown }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ file: f, data: parse(readFileSync(path.join(dir, f), 'utf8')) as unknown }));
}

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

describe('editing values', () => {
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
