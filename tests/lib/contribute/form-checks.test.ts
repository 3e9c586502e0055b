// The /contribute/ form's checks: the precompiled (standalone) validator the browser loads, and the plain-words
// messages the form shows next to each field.
import { describe, expect, it } from 'vitest';
import { validatorModule } from '../../../src/components/contribute/validator-code.ts';
import { formProblems, hasErrors, schemaProblems, semanticProblems, type SchemaError } from '../../../src/lib/contribute/form-checks.ts';
import { buildFormModel } from '../../../src/lib/contribute/form-model.ts';
import { renderProvider } from '../../../src/lib/provider-yaml.ts';
import { providerSchema } from '../../../src/lib/dataset/schema.ts';
import { loadVocabularies } from '../../../src/lib/validate/index.ts';
import { errorsIn, TODAY, validate as validateFiles, vocabSources } from '../../helpers/data-dir.ts';

const vocab = loadVocabularies(vocabSources()).vocab;
const schema = providerSchema(vocab);
const model = buildFormModel(schema, vocab);
const code = validatorModule(schema);

type Validate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };
const mod = (await import(`data:text/javascript;charset=utf-8,${encodeURIComponent(code)}`)) as { validate: Validate; default: Validate; schema: unknown };
const validate = mod.validate;

function good(): Record<string, any> {
  return {
    name: 'Harbour Peer Café',
    summary: 'A made-up weekly peer support café by the harbour.',
    led_by: 'peer-led-group',
    email: 'hello@harbour-cafe.example.org',
    areas: ['west-sussex'],
    services: [
      {
        id: 'tuesday-cafe',
        name: 'Tuesday café',
        status: 'active',
        formats: ['drop-in'],
        communities: ['everyone'],
        schedule: { sessions: [{ day: 'tuesday', start: '18:00', end: '20:00', frequency: 'weekly' }] },
        locations: [{ name: 'Harbour Hall', town: 'Shoreham-by-Sea', postcode: 'BN43 5DA', latitude: 50.832, longitude: -0.272, precision: 'exact' }],
      },
    ],
    verification: { status: 'unverified', sources: [{ title: 'Phone call with the group', published: '2026-11-01' }] },
  };
}

function check(data: unknown, options = {}) {
  validate(data);
  return formProblems(model, data, validate.errors, options);
}

describe('the precompiled validator', () => {
  it('is an ES module with no require(…), no eval and no new Function', () => {
    expect(code).not.toMatch(/\brequire\s*\(/);
    expect(code).not.toMatch(/new Function|\beval\(/);
    expect(code).toMatch(/\bexport const validate = /);
    expect(mod.default).toBe(mod.validate);
    expect(mod.schema).toEqual(schema);
  });

  it('accepts a valid provider and every provider in data/', () => {
    expect(validate(good()), JSON.stringify(validate.errors)).toBe(true);
  });

  it('checks formats and lengths as the build does (email, uri, date, and length in characters, not UTF-16 units)', () => {
    const p = good();
    p.email = 'jo@@example';
    p.website = 'not a url';
    p.verification.last_checked = '2026-02-30';
    p.name = '😀'.repeat(120); // 120 characters, 240 UTF-16 units: within maxLength 120
    expect(validate(p)).toBe(false);
    const where = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
    expect(where).toEqual(expect.arrayContaining(['/email format', '/website format', '/website pattern', '/verification/last_checked format']));
    expect(where.some((w) => w.startsWith('/name'))).toBe(false);
  });

  it('finds the same problems as npm run validate', () => {
    const p = good();
    p.email = 'jo@@example';
    p.services[0].locations[0].postcode = 'not a postcode';
    p.services[0].schedule.sessions[0].frequency = 'monthly';
    delete p.summary;
    expect(validate(p)).toBe(false);
    const result = validateFiles({ providers: { 'harbour.yaml': renderProvider(p, schema) } });
    const buildPaths = new Set(errorsIn(result).map((e) => e.path));
    const formPaths = new Set(schemaProblems(model, validate.errors, p).map((e) => e.name.replace(/\.(\d+)/g, '[$1]')));
    expect(formPaths).toEqual(new Set(['summary', 'email', 'services[0].schedule.sessions[0].week_of_month', 'services[0].locations[0].postcode']));
    // The build reports "required" on the object that misses the field; the form on the field itself.
    expect(buildPaths).toEqual(new Set(['', 'email', 'services[0].schedule.sessions[0]', 'services[0].locations[0].postcode']));
  });
});

describe('messages next to each field', () => {
  it('has nothing to say about a good provider', () => {
    expect(check(good())).toEqual([]);
  });

  it('says a wrong email address is wrong, at the email field', () => {
    const p = good();
    p.email = 'hello at harbour';
    expect(check(p)).toEqual([
      { path: ['email'], name: 'email', message: 'Email address must be an email address like name@example.org.', severity: 'error', context: '' },
    ]);
  });

  it('says a postcode outside Sussex is outside Sussex, at that place’s postcode', () => {
    const p = good();
    p.services[0].locations[0].postcode = 'SW1A 1AA';
    const [problem, ...rest] = check(p);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ name: 'services.0.locations.0.postcode', severity: 'error', context: 'Service 1, place 1' });
    expect(problem?.message).toContain('is not a Sussex postcode');
  });

  it('warns about a Sussex-area postcode that is usually outside Sussex, without blocking', () => {
    const p = good();
    p.services[0].locations[0].postcode = 'RH1 1AA';
    const problems = check(p);
    expect(problems).toMatchObject([{ name: 'services.0.locations.0.postcode', severity: 'warning' }]);
    expect(hasErrors(problems)).toBe(false);
  });

  it('says a postcode in the wrong form once, not twice', () => {
    const p = good();
    p.services[0].locations[0].postcode = 'BN43';
    expect(check(p)).toEqual([expect.objectContaining({ name: 'services.0.locations.0.postcode', message: 'Postcode must be a full UK postcode like BN41 1AA.' })]);
  });

  it('asks for what is missing in plain words', () => {
    const p = good();
    delete p.name;
    delete p.led_by;
    p.areas = [];
    p.services[0].communities = [];
    delete p.verification.sources[0].title;
    delete p.services[0].id;
    delete p.services[0].name;
    p.services[0].age_range = { min: 'eighteen' };
    p.services[0].cost = { note: 'Two pounds' };
    expect(check(p).map((x) => [x.name, x.message])).toEqual([
      ['name', 'Enter the name of the organisation or group.'],
      ['led_by', 'Choose who runs it.'],
      ['areas', 'Choose at least one area it serves.'],
      // The id is made from the name: only the name is asked for.
      ['services.0.name', 'Enter the name of the service.'],
      ['services.0.communities', 'Choose who the service is for: tick at least one.'],
      ['services.0.age_range.min', 'Youngest age must be a whole number, like 18.'],
      ['services.0.cost.type', 'Choose what it costs.'],
      ['verification.sources.0.title', 'Say what the source is, for example “West Sussex Mind’s news page”.'],
    ]);
  });

  it('catches coordinates outside Sussex, and swapped ones', () => {
    const p = good();
    p.services[0].locations[0].latitude = -0.272;
    p.services[0].locations[0].longitude = 50.832;
    expect(check(p)).toEqual([expect.objectContaining({ name: 'services.0.locations.0.latitude', message: expect.stringContaining('swapped') })]);
    p.services[0].locations[0].latitude = 'fifty';
    expect(check(p)).toEqual([expect.objectContaining({ name: 'services.0.locations.0.latitude', message: 'Latitude must be a number, like 50.8225.' })]);
    delete p.services[0].locations[0].latitude;
    expect(check(p)).toEqual([expect.objectContaining({ name: 'services.0.locations.0.latitude', message: 'Enter latitude as well as longitude, or leave both blank.' })]);
  });

  it('says how to fix a web address without https://', () => {
    const p = good();
    p.website = 'www.harbour-cafe.example.org';
    expect(check(p)).toEqual([expect.objectContaining({ name: 'website', message: 'Website must start with https://, like https://www.harbour-cafe.example.org' })]);
  });

  it('checks phone numbers with the validator’s own rule', () => {
    const p = good();
    p.phone = '01273 12';
    expect(check(p)).toEqual([expect.objectContaining({ name: 'phone', message: expect.stringContaining('is not a UK phone number') })]);
    p.phone = 'call us';
    expect(check(p)).toEqual([expect.objectContaining({ name: 'phone', message: 'Phone number must be a UK phone number made of digits and spaces, like 01273 123456.' })]);
  });

  it('asks for agreement before listing a mobile number or a named person', () => {
    const p = good();
    p.services[0].phone = '07700 900123';
    p.services[0].contact_name = 'Sam';
    expect(check(p)).toEqual([
      expect.objectContaining({ name: 'services.0.phone', context: 'Service 1', message: expect.stringContaining('This is a mobile number and a named person.') }),
    ]);
    p.services[0].personal_contact_consent = { agreed: true, date: '2026-10-01' };
    expect(check(p)).toEqual([]);
  });

  it('says a place needs a name, address, postcode, town or district', () => {
    const p = good();
    p.services[0].locations[0] = { precision: 'exact' };
    expect(check(p)).toEqual([expect.objectContaining({ name: 'services.0.locations.0', message: 'This place needs at least one of name, address, postcode, town or district.' })]);
  });

  it('asks which week for monthly sessions', () => {
    const p = good();
    p.services[0].schedule.sessions[0].frequency = 'monthly';
    expect(check(p)).toEqual([expect.objectContaining({ name: 'services.0.schedule.sessions.0.week_of_month', message: 'Choose which week of the month.', context: 'Service 1, session 1' })]);
  });

  it('refuses HTML in text', () => {
    const p = good();
    p.summary = 'Hello <script>alert(1)</script>';
    expect(semanticProblems(model, p)).toEqual([expect.objectContaining({ name: 'summary', message: expect.stringContaining('contains HTML') })]);
  });

  it('notices a group that is already in the directory, unless correcting it', () => {
    expect(check(good(), { slug: 'harbour-peer-cafe', existingSlugs: ['harbour-peer-cafe'] })).toEqual([expect.objectContaining({ name: 'name', message: expect.stringContaining('already has a group') })]);
    expect(check(good(), { slug: 'harbour-peer-cafe', existingSlugs: ['harbour-peer-cafe'], editing: true })).toEqual([]);
  });

  it('lists problems in the order of the form', () => {
    const p = good();
    p.verification.sources[0].title = '';
    p.services[0].locations[0].postcode = 'SW1A 1AA';
    p.email = 'x';
    expect(check(p).map((x) => x.name)).toEqual(['email', 'services.0.locations.0.postcode', 'verification.sources.0.title']);
  });
});

describe('the validator’s own checks, in the form', () => {
  const places = { areas: vocab.areas, districts: vocab.districts };
  /** A provider that breaks each rule a schema cannot express, and nothing else. */
  function broken(): Record<string, any> {
    const p = good();
    const session = p.services[0].schedule.sessions[0];
    session.start = '20:00';
    session.end = '18:00';
    session.week_of_month = 'first';
    p.services[0].age_range = { min: 30, max: 18 };
    p.services[0].locations[0].district = 'hastings';
    p.services.push({ ...structuredClone(p.services[0]), name: 'Second café', schedule: undefined, age_range: undefined, locations: [{ name: 'Pier Hall', town: 'Hastings', latitude: 50.856, longitude: 0.573, precision: 'exact' }] });
    p.districts = ['rother'];
    return p;
  }

  it('finds every problem npm run validate finds, at the same fields', () => {
    const p = broken();
    const build = validateFiles({ providers: { 'harbour.yaml': renderProvider(p, schema) } });
    const buildPaths = new Set(errorsIn(build).map((e) => e.path));
    expect(buildPaths.size).toBeGreaterThanOrEqual(6);
    const form = check(p, { places, today: TODAY });
    expect(new Set(form.filter((x) => x.severity === 'error').map((x) => x.name.replace(/\.(\d+)/g, '[$1]')))).toEqual(buildPaths);
  });

  it('says each in plain words after the field’s label', () => {
    const messages = check(broken(), { places, today: TODAY }).map((x) => x.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/ends at 18:00, which is not after it starts \(20:00\)/),
        expect.stringMatching(/only applies to monthly sessions/),
        expect.stringMatching(/"tuesday-cafe" is already used/),
        expect.stringMatching(/"hastings" is in east-sussex, which is not in this provider's "areas"/),
        expect.stringMatching(/is not in west-sussex, the areas this provider serves \(it is in east-sussex\)/),
        expect.stringMatching(/min \(30\) is more than max \(18\)/),
      ]),
    );
  });

  it('refuses a date in the future as the validator does, and skips place checks it has no vocabularies for', () => {
    const p = good();
    p.contact_name = 'Jo';
    p.personal_contact_consent = { agreed: true, date: '2027-01-05' };
    expect(check(p, { places, today: TODAY })).toEqual([expect.objectContaining({ name: 'personal_contact_consent.date', message: expect.stringContaining('is in the future') })]);
    expect(check(broken(), { today: TODAY }).some((x) => x.message.includes('the areas this provider serves'))).toBe(false);
  });
});

