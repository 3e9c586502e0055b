// Builds the JSON Schemas from the vocabularies, so enums are never written twice.
import { termIds, type Vocabularies, type VocabularyName } from './vocab.ts';

export const SCHEMA_BASE = 'https://sussex-peer-support.example/schema';
type JsonSchema = Record<string, unknown>;

const kebab = '^[a-z0-9]+(?:-[a-z0-9]+)*$';
const partialDate = '^[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?$';

/**
 * The most characters each kind of text may hold: generous for real entries, and a bound on what a hostile one
 * can put on every page. Names, summaries and descriptions set theirs where they are defined; every other text
 * field (a venue, a town, an address, a note, a status note) is one line of at most `line`.
 */
export const TEXT_LIMITS = { name: 120, summary: 240, line: 500, serviceDescription: 5000, description: 10000 } as const;

function text(description: string, extra: JsonSchema = {}): JsonSchema {
  return { type: 'string', minLength: 1, maxLength: TEXT_LIMITS.line, description, ...extra };
}

function term(vocab: Vocabularies, name: VocabularyName, description: string): JsonSchema {
  const ids = termIds(vocab, name);
  // A missing vocabulary is reported on its own; an empty enum would make the schema itself invalid.
  return { type: 'string', enum: ids.length ? ids : ['missing-vocabulary'], 'x-vocabulary': name, description };
}

function terms(vocab: Vocabularies, name: VocabularyName, description: string, minItems = 0): JsonSchema {
  return {
    type: 'array',
    description,
    uniqueItems: true,
    ...(minItems ? { minItems } : {}),
    items: term(vocab, name, description),
  };
}

const webAddress = text('A web address starting with https:// (or http://).', {
  format: 'uri',
  pattern: '^https?://',
  'x-hint': 'must be a full web address starting with https://',
});
const email = text('An email address for the organisation.', {
  format: 'email',
  'x-hint': 'must be an email address like name@example.org',
});
const phone = text('A UK phone number, written as people would dial it, for example 01273 123456.', {
  pattern: '^[0-9+() -]+$',
  'x-hint': 'must be a UK phone number made of digits and spaces, like 01273 123456',
});
const isoDate = text('A date written as YYYY-MM-DD, for example 2026-03-31.', {
  format: 'date',
  'x-hint': 'must be a real date written as YYYY-MM-DD, like 2026-03-31',
});
const yearOrDate = text('A year (2019), a month (2019-03) or a date (2019-03-31).', {
  pattern: partialDate,
  'x-hint': 'must be a year (2019), a month (2019-03) or a date (2019-03-31)',
});
const time = text('A time on the 24-hour clock, for example 18:30.', {
  pattern: '^(?:[01][0-9]|2[0-3]):[0-5][0-9]$',
  'x-hint': 'must be a 24-hour time like 18:30',
});

function contactFields(): Record<string, JsonSchema> {
  return {
    website: webAddress,
    email,
    phone,
    contact_name: text(
      'The name of a person to contact. Only list a person who has agreed to it, and record that in personal_contact_consent.',
    ),
    contact_role: text('The role of the contact person, for example "Group organiser".'),
    personal_contact_consent: {
      type: 'object',
      description:
        'A record that the person named, or whose own phone or email is given, agreed to be listed publicly. Needed for a named person, a mobile number or a personal email address.',
      additionalProperties: false,
      required: ['agreed', 'date'],
      properties: {
        agreed: { const: true, description: 'Write true to confirm the person agreed to be listed.' },
        date: isoDate,
        note: text('How the agreement was given, for example "by email to the volunteer".'),
      },
    },
  };
}

const published = text('The date the source shows: a year (2023), a month (2023-02) or a date (2023-02-14), in quotes; or undated if it shows none.', {
  pattern: '^(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?|undated)$',
  'x-hint': 'must be the date the source shows, in quotes: a year ("2023"), a month ("2023-02") or a date ("2023-02-14"); or undated',
});

function sources(description: string, minItems = 0): JsonSchema {
  return {
    type: 'array',
    description,
    ...(minItems ? { minItems } : {}),
    items: {
      type: 'object',
      description: 'One source: a web page, a report or a leaflet, with the date it shows.',
      additionalProperties: false,
      required: ['title', 'published'],
      properties: {
        title: text('What the source is, in plain words, for example "West Sussex Mind news, plans for LGBTQIA+ peer support groups".'),
        url: { ...webAddress, description: 'The web address of the source, exactly as it is, if it has one. A named document may have none.' },
        published,
      },
    },
  };
}

function verification(vocab: Vocabularies): JsonSchema {
  return {
    type: 'object',
    description: 'Where the information came from, and whether a person has confirmed it with the group.',
    additionalProperties: false,
    required: ['status', 'sources'],
    properties: {
      status: term(vocab, 'verification-statuses', 'Whether the organisation itself has confirmed these details.'),
      last_checked: {
        ...isoDate,
        description: 'The date a person confirmed these details with the group, as YYYY-MM-DD. Needed when status is verified; leave it out otherwise.',
      },
      sources: sources('Where the information came from: at least one source, each with the date it shows.', 1),
    },
  };
}

function location(vocab: Vocabularies): JsonSchema {
  return {
    type: 'object',
    description: 'A place where the service happens.',
    additionalProperties: false,
    required: ['precision'],
    anyOf: [{ required: ['name'] }, { required: ['address'] }, { required: ['postcode'] }, { required: ['town'] }, { required: ['district'] }],
    'x-hint': 'needs at least one of name, address, postcode, town or district',
    dependencies: { latitude: ['longitude'], longitude: ['latitude'] },
    properties: {
      name: text('The name of the venue, for example "Fishersgate Community Centre".'),
      address: text('The street address, without the town or postcode.'),
      town: text('The town or village.'),
      postcode: text('The full postcode, for example BN41 1AA.', {
        pattern: '^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$',
        'x-hint': 'must be a full UK postcode like BN41 1AA',
      }),
      district: term(vocab, 'districts', 'The local government district the place is in.'),
      latitude: { type: 'number', minimum: -90, maximum: 90, description: 'Latitude in decimal degrees, for example 50.8225.' },
      longitude: { type: 'number', minimum: -180, maximum: 180, description: 'Longitude in decimal degrees, for example -0.1372.' },
      precision: term(
        vocab,
        'precisions',
        'exact if this is the venue itself; area-only if the group does not publish its venue and the place only marks the area; town if only the town is known (give town, and no latitude or longitude: the map takes the town\'s middle).',
      ),
      geocoded: {
        type: 'boolean',
        description: 'true when the coordinates were looked up from the postcode by a tool rather than checked by a person.',
      },
      accessibility: terms(vocab, 'accessibility', 'Accessibility features of the venue.'),
      note: text('Anything else about getting there, for example "ring the bell at the side door".'),
    },
  };
}

function session(vocab: Vocabularies): JsonSchema {
  return {
    type: 'object',
    description: 'A regular session: the day, the times and how often it repeats.',
    additionalProperties: false,
    required: ['day', 'start', 'end', 'frequency'],
    properties: {
      day: term(vocab, 'weekdays', 'The day of the week, in lower case, for example tuesday.'),
      start: { ...time, description: 'When it starts, on the 24-hour clock, for example 18:00.' },
      end: { ...time, description: 'When it ends, on the 24-hour clock, for example 20:00.' },
      frequency: term(vocab, 'frequencies', 'How often it repeats.'),
      week_of_month: term(vocab, 'weeks-of-month', 'For monthly sessions: which one in the month, for example first.'),
      note: text('Anything else about this session, for example "not in August".'),
    },
    if: { type: 'object', properties: { frequency: { const: 'monthly' } }, required: ['frequency'] },
    then: { required: ['week_of_month'] },
  };
}

function service(vocab: Vocabularies): JsonSchema {
  return {
    type: 'object',
    description: 'One thing the organisation offers: a group, a drop-in, ward visits, a phone line, a course.',
    additionalProperties: false,
    required: ['id', 'name', 'status', 'communities'],
    properties: {
      id: text('A short id for this service, in lower case with hyphens, unique within this file. It becomes part of the link.', {
        pattern: kebab,
        'x-hint': 'must be lower-case letters, numbers and hyphens, like wednesday-group',
      }),
      name: text('The name of the service, as the group uses it.', { maxLength: TEXT_LIMITS.name }),
      summary: text('One sentence on what the service is.', { maxLength: TEXT_LIMITS.summary }),
      description: text('More about the service. Plain text; paragraphs, lists, links and *emphasis* are allowed. No HTML.', { maxLength: TEXT_LIMITS.serviceDescription }),
      status: term(vocab, 'service-statuses', 'Whether the service is running. Never delete a closed service: mark it closed.'),
      status_note: text('More about the status, naming the source, for example "CAPITAL said in 2025 that funding for this ends in October 2025."'),
      status_unclear: {
        type: 'boolean',
        description: 'true when the sources leave it unclear whether the service still runs (they disagree, or the newest says it may stop): the site shows a plain warning. Say why in status_note.',
      },
      sources: sources('Sources only for this service (its times, venue or a closure), each with the date it shows. Leave out when the provider\'s sources say it all.', 1),
      formats: terms(vocab, 'formats', 'The shape the support takes. Leave it out if you do not know.', 1),
      settings: terms(vocab, 'settings', 'Where the support happens.'),
      formality: term(vocab, 'formality', 'How structured the peer support is.'),
      supporters: terms(vocab, 'supporters', 'Who gives the support.'),
      communities: terms(vocab, 'communities', 'Who the service is for. Use everyone if it is open to anyone.', 1),
      age_range: {
        type: 'object',
        description: 'The ages the service is for, if it has an age limit.',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          min: { type: 'integer', minimum: 0, maximum: 120, description: 'The youngest age, in years.' },
          max: { type: 'integer', minimum: 0, maximum: 120, description: 'The oldest age, in years.' },
        },
      },
      access: terms(vocab, 'access', 'How a person can start using the service.'),
      cost: {
        type: 'object',
        description: 'What it costs to take part.',
        additionalProperties: false,
        required: ['type'],
        properties: {
          type: term(vocab, 'costs', 'Free, by donation, or a fee.'),
          note: text('More about the cost, for example "£2 towards tea and biscuits".'),
        },
      },
      schedule: {
        type: 'object',
        description: 'When the service runs.',
        additionalProperties: false,
        minProperties: 1,
        properties: {
          note: text('When it runs, in words, for example "Tuesday evenings, not in August".'),
          sessions: { type: 'array', description: 'Regular sessions, if they are known.', items: session(vocab) },
        },
      },
      locations: { type: 'array', description: 'Places where the service happens. Leave out for online or phone-only services.', items: location(vocab) },
      delivery: terms(vocab, 'delivery', 'Ways the service is given other than in person.'),
      languages: terms(vocab, 'languages', 'Languages the support is given in.'),
      ...contactFields(),
    },
  };
}

export function providerSchema(vocab: Vocabularies): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE}/provider.schema.json`,
    title: 'Peer support provider',
    description: 'One organisation or group that gives peer support in Sussex, and the services it runs.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'summary', 'led_by', 'areas', 'services', 'verification'],
    properties: {
      name: text('The name of the organisation or group, as it writes it.', { maxLength: TEXT_LIMITS.name }),
      summary: text('One sentence on what the organisation does, in its own words where possible.', { maxLength: TEXT_LIMITS.summary }),
      description: text('More about the organisation. Plain text; paragraphs, lists, links and *emphasis* are allowed. No HTML.', { maxLength: TEXT_LIMITS.description }),
      led_by: term(vocab, 'leaders', 'Who runs it. user-led means run by and for people with lived experience of mental distress.'),
      ...contactFields(),
      areas: terms(vocab, 'areas', 'The areas the organisation serves.', 1),
      areas_unconfirmed: {
        type: 'boolean',
        description:
          'true when the sources say only that it works somewhere in Sussex: list every area it might serve, and the site says the areas are not known yet and leaves it out of the coverage figures. Leave out when the areas are known.',
      },
      districts: terms(vocab, 'districts', 'The districts the organisation serves, if it serves only part of an area.'),
      services: { type: 'array', minItems: 1, description: 'What the organisation offers. Every provider has at least one service.', items: service(vocab) },
      verification: verification(vocab),
    },
  };
}

export function signatorySchema(vocab: Vocabularies): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE}/signatory.schema.json`,
    title: 'Peer Support Charter signatory',
    description: 'An organisation or group that signed the Sussex Peer Support Charter. Lapsed signatories stay on record.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'kind', 'status', 'verification'],
    properties: {
      name: text('The name of the organisation or group.', { maxLength: TEXT_LIMITS.name }),
      kind: term(vocab, 'leaders', 'What kind of organisation it is.'),
      signed: { ...yearOrDate, description: 'When it signed the Charter, if a source says: a year (2019), a month (2019-03) or a date. Leave it out rather than guess.' },
      status: term(vocab, 'signatory-statuses', 'active, or lapsed if it is no longer actively involved.'),
      lapsed: { ...yearOrDate, description: 'When it lapsed: a year, a month or a date. Needed when status is lapsed.' },
      website: webAddress,
      logo: {
        type: 'object',
        description: 'A logo image kept in data/signatories/logos/.',
        additionalProperties: false,
        required: ['file', 'alt'],
        properties: {
          file: text('The logo file name in data/signatories/logos/, for example capital-project-trust.svg.', {
            pattern: '^[a-z0-9-]+\\.(?:svg|png|jpg|webp)$',
            'x-hint': 'must be a file name like my-group.svg (svg, png, jpg or webp)',
          }),
          alt: text('Text that describes the logo for people who cannot see it, usually the organisation name.'),
        },
      },
      provider: text('The file name (without .yaml) of the provider entry that describes its services.', {
        pattern: kebab,
        'x-hint': 'must be a provider id like capital-project-trust',
      }),
      note: text('Anything else about the signatory.'),
      verification: verification(vocab),
    },
    if: { type: 'object', properties: { status: { const: 'lapsed' } }, required: ['status'] },
    then: { required: ['lapsed'] },
  };
}

export function vocabularySchema(): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_BASE}/vocabulary.schema.json`,
    title: 'Vocabulary',
    description: 'A list of terms the directory uses, each with an id, a label and a one-line description.',
    type: 'object',
    additionalProperties: false,
    required: ['name', 'description', 'terms'],
    properties: {
      name: text('The name of the vocabulary.'),
      description: text('What the vocabulary is for.'),
      terms: {
        type: 'array',
        minItems: 1,
        description: 'The terms.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['id', 'label', 'description'],
          properties: {
            id: text('The id used in data files: lower case with hyphens.', { pattern: '^[a-z0-9]+(?:-[a-z0-9]+)*$' }),
            label: text('The words shown on the site.'),
            description: text('One line that explains the term.'),
            synonyms: { type: 'array', description: 'Other words people use for this, so search finds it.', items: text('A word or phrase.') },
            area: text('For districts: the id of the area the district is in.'),
            bounds: {
              type: 'array',
              description: 'For areas: a box around it, as [south, west, north, east].',
              minItems: 4,
              maxItems: 4,
              items: { type: 'number' },
            },
          },
        },
      },
    },
  };
}

export function allSchemas(vocab: Vocabularies): Record<string, JsonSchema> {
  return {
    'provider.schema.json': providerSchema(vocab),
    'signatory.schema.json': signatorySchema(vocab),
    'vocabulary.schema.json': vocabularySchema(),
  };
}
