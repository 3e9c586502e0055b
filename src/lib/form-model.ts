// The /contribute/ form's fields, built from the provider JSON Schema and the vocabularies: a new term in a
// vocabulary (or a new field in the schema) appears in the form without touching the form's code. Also the
// conversions between what the form holds (text, ticks, repeatable groups) and a provider object.
// Pure and browser-safe: no node: imports.
import { pruneEmpty, slugify } from './provider-yaml.ts';
import { TEXT_LIMITS } from './schema.ts';
import { VOCABULARY_NOUNS, type Vocabularies, type VocabularyName } from './vocab.ts';

type JsonSchema = Record<string, unknown>;
export type Segment = string | number;
export type Path = Segment[];

export interface Option {
  value: string;
  label: string;
  hint?: string;
}

interface FieldBase {
  /** The property name in the data. */
  key: string;
  /** Where the field is, without list positions: "services.locations.postcode". */
  at: string;
  label: string;
  /** Help shown under the label: the schema's description unless the form says it better. */
  help?: string;
  required: boolean;
  /** What to say when a required answer is missing ("Enter the name of the service"). */
  missing?: string;
}

export type TextInput = 'text' | 'textarea' | 'email' | 'url' | 'tel' | 'date' | 'time' | 'number' | 'integer';

export interface TextField extends FieldBase {
  kind: 'text';
  input: TextInput;
  /** The schema's x-hint: what a right answer looks like ("must be a 24-hour time like 18:30"). */
  hint?: string;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  /** A value to start with; "today" means today's date. */
  default?: string;
  /** The key of the field this one is made from when left blank (a service's id, from its name). */
  derived?: string;
}

/** One answer from a list: radio buttons for a few options, a drop-down for more. */
export interface ChoiceField extends FieldBase {
  kind: 'choice';
  display: 'radios' | 'select';
  options: Option[];
  vocabulary?: VocabularyName;
  default?: string;
}

/** Any number of answers from a list: checkboxes. */
export interface ChoicesField extends FieldBase {
  kind: 'choices';
  options: Option[];
  vocabulary?: VocabularyName;
  minItems: number;
}

/** One checkbox: true when ticked, left out otherwise. */
export interface CheckField extends FieldBase {
  kind: 'check';
}

/** A set of fields that make one object in the data (cost, verification, one place). */
export interface GroupField extends FieldBase {
  kind: 'group';
  fields: Field[];
  /** The schema's x-hint for the whole group ("needs at least one of name, address, …"). */
  hint?: string;
}

/** Repeatable groups: services, places, sessions. */
export interface ListField extends FieldBase {
  kind: 'list';
  /** What one item is called: "Service", "Place", "Session". */
  itemLabel: string;
  minItems: number;
  item: GroupField;
}

/** A titled part of a group on screen only: its fields belong to the group's own object. */
export interface SectionField {
  kind: 'section';
  key: string;
  at: string;
  title: string;
  help?: string;
  /** Shown closed at first (a <details>), for things most people skip. */
  collapsed: boolean;
  fields: Field[];
}

export type DataField = TextField | ChoiceField | ChoicesField | CheckField | GroupField | ListField;
export type Field = DataField | SectionField;

export interface FormModel {
  root: GroupField;
}

// ---- words the schema does not have ----------------------------------------------------------------------

/** Labels, by place ("services.locations.name") or, failing that, by key. Anything not here gets its key in words. */
const LABELS: Record<string, string> = {
  name: 'Name of the organisation or group',
  summary: 'Summary',
  description: 'More about it',
  led_by: 'Who runs it',
  website: 'Website',
  email: 'Email address',
  phone: 'Phone number',
  contact_name: 'Name of a contact person',
  contact_role: 'Their role',
  personal_contact_consent: 'Agreement to be listed',
  'personal_contact_consent.agreed': 'The person agreed to be listed publicly',
  agreed: 'The person agreed to be listed publicly',
  date: 'Date they agreed',
  'personal_contact_consent.note': 'How they agreed',
  areas: 'Areas it serves',
  districts: 'Districts it serves',
  areas_unconfirmed: 'We only know it works somewhere in Sussex, not which areas',
  services: 'Services',
  'services.id': 'Short name for the web address',
  'services.name': 'Name of the service',
  'services.summary': 'Summary of the service',
  'services.description': 'More about the service',
  status: 'Is it running?',
  status_note: 'More about whether it is running',
  formats: 'Kind of support',
  settings: 'Where the support happens',
  formality: 'How structured it is',
  supporters: 'Who gives the support',
  communities: 'Who it is for',
  age_range: 'Age limits',
  min: 'Youngest age',
  max: 'Oldest age',
  access: 'How to join',
  cost: 'Cost',
  'cost.type': 'What it costs',
  'cost.note': 'More about the cost',
  schedule: 'When it runs',
  'schedule.note': 'When it runs, in words',
  sessions: 'Regular sessions',
  day: 'Day',
  start: 'Starts at',
  end: 'Ends at',
  frequency: 'How often',
  week_of_month: 'Which week of the month',
  'sessions.note': 'Anything else about this session',
  locations: 'Places',
  'locations.name': 'Name of the venue',
  address: 'Street address',
  town: 'Town or village',
  postcode: 'Postcode',
  'locations.district': 'District',
  latitude: 'Latitude',
  longitude: 'Longitude',
  precision: 'How exact is this place?',
  geocoded: 'The latitude and longitude were looked up by a tool, not checked by a person',
  accessibility: 'Accessibility',
  'locations.note': 'Getting there',
  delivery: 'Online or by phone',
  languages: 'Languages',
  status_unclear: 'Sources disagree about whether it is still running',
  verification: 'Where the details come from',
  'verification.status': 'Has the organisation confirmed these details?',
  last_checked: 'Date a person confirmed the details with the group',
  sources: 'Sources',
  'services.sources': 'Sources for this service only',
  'sources.title': 'What the source is',
  'sources.url': 'Web address of the source',
  published: 'Date the source shows',
};

/** Help that says it better for a form than the schema's description (which is written for the YAML file). */
const HELP: Record<string, string> = {
  'personal_contact_consent.agreed': 'Tick only if the person named, or whose own phone or email is given, agreed to be listed publicly.',
  contact_name:
    'Only name a person who has agreed to it, and fill in “Agreement to be listed” below. Otherwise leave this blank and give the organisation’s own details.',
  'services.id': 'Leave this blank and one is made from the name of the service, like wednesday-group. Lower-case letters, numbers and hyphens.',
  areas_unconfirmed: 'Tick this if you only know it works in Sussex. Then choose all three areas above: its page will say the areas are not known yet.',
  'schedule.sessions.day': '',
  week_of_month: 'For monthly sessions only: which one in the month.',
  geocoded: '',
  last_checked: 'Only if someone confirmed the details with the group: the date they did, like 2026-11-23. Leave it blank otherwise.',
  'services.sources': 'Only for facts just this service’s own sources give, such as its times or that it has closed. Leave it empty otherwise.',
  // Short: on a phone the source's three answers are with the essentials, and every line of help is a line to scroll.
  'sources.title': 'Like “West Sussex Mind’s news page”.',
  'sources.url': 'Leave it blank if it is not on the web.',
  published: 'Like 2023 or 2023-02-14, or undated.',
  sources: '',
  // The options say it, each with its own description.
  led_by: '',
  'verification.status': '',
  // The label says it: on a phone, every line of help is a line further to scroll.
  name: '',
  website: 'Starting with https://',
  email: '',
  phone: 'Like 01273 123456.',
  areas: '',
  services: '',
  communities: 'If it is open to everyone, choose the first.',
  verification: '',
  source: 'For example “phone call with the group” or a leaflet or report, with its year.',
  source_url: '',
  summary: 'One sentence on what it does.',
  'schedule.note': 'Like “Wednesdays, 7pm to 9pm”.',
  schedule: '',
  locations: '',
  delivery: '',
};

/** What to say when a required answer is missing; anything not here gets "Enter …" or "Choose …" with its label. */
const MISSING: Record<string, string> = {
  name: 'Enter the name of the organisation or group',
  summary: 'Enter a summary: one sentence on what the organisation does',
  led_by: 'Choose who runs it',
  areas: 'Choose at least one area it serves',
  'services.name': 'Enter the name of the service',
  'services.status': 'Choose whether the service is running',
  communities: 'Choose who the service is for: tick at least one',
  'cost.type': 'Choose what it costs',
  day: 'Choose the day',
  start: 'Enter the time it starts, like 18:00',
  end: 'Enter the time it ends, like 20:00',
  frequency: 'Choose how often it happens',
  week_of_month: 'Choose which week of the month',
  precision: 'Choose how exact this place is',
  agreed: 'Tick to confirm the person agreed to be listed',
  'personal_contact_consent.date': 'Enter the date they agreed',
  'verification.status': 'Choose whether the organisation has confirmed these details',
  last_checked: 'Enter the date a person confirmed the details with the group',
  'sources.title': 'Say what the source is, for example “West Sussex Mind’s news page”',
  published: 'Enter the date the source shows, like 2024 or 2024-03, or write undated',
};

/** Fields that are made from another when left blank: a service's id from its name. */
const DERIVED: Record<string, string> = { 'services.id': 'name' };

/** What one item of a list is called. */
const ITEM_LABELS: Record<string, string> = { services: 'Service', locations: 'Place', sessions: 'Session', sources: 'Source' };

/** Values to start with, where one answer is usual. */
const DEFAULTS: Record<string, string> = {
  'services.status': 'active',
  'services.locations.precision': 'exact',
  'verification.status': 'unverified',
};

/** One part of a group on screen: titled (a heading, or a closed <details>), or untitled (its fields as they are). */
interface Part {
  title?: string;
  keys: string[];
  help?: string;
  /** Shown closed at first (a <details>), for things most people skip. */
  collapsed?: boolean;
  /** Takes every field no other part names, except answers that are needed and have no starting value. */
  rest?: boolean;
}

/**
 * The order of each group on screen, by the group's place: the essentials first (name, what it offers, where,
 * when, how to contact, where the information comes from), then everything else under a closed "More details".
 * An answer that is needed and has no starting value never goes there: it stays with the essentials.
 */
const LAYOUT: Record<string, Part[]> = {
  '': [
    { title: 'About the group', keys: ['name', 'summary', 'led_by'] },
    { title: 'How to get in touch', keys: ['website', 'email', 'phone'], help: 'These will be public.' },
    { keys: ['areas', 'services', 'verification'] },
    {
      title: 'More about the group',
      keys: [],
      rest: true,
      collapsed: true,
      help: 'Only if you know them: a longer description, a contact person, the districts it covers.',
    },
  ],
  services: [
    { keys: ['name'] },
    { keys: ['communities', 'schedule', 'locations', 'delivery'] },
    {
      title: 'More about this service',
      keys: [],
      rest: true,
      collapsed: true,
      help: 'Only if you know them: the kind of support, cost, ages, how to join, languages, its own contact details.',
    },
  ],
  'services.schedule': [
    { keys: ['note'] },
    { title: 'Regular days and times', keys: [], rest: true, collapsed: true, help: 'Only if the group gives the day, the start and the end.' },
  ],
  'services.locations': [
    { keys: ['town', 'postcode', 'name', 'address'] },
    { title: 'More about this place', keys: [], rest: true, collapsed: true },
  ],
  verification: [
    { keys: ['sources'] },
    { title: 'More about the checks', keys: [], rest: true, collapsed: true },
  ],
};

/** Vocabularies small enough to show as radio buttons rather than a drop-down. */
const MAX_RADIOS = 5;

function humanize(key: string): string {
  const words = key.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function lookup<T>(table: Record<string, T>, at: string): T | undefined {
  // The most specific match first: "services.locations.name", then "locations.name", then "name".
  const parts = at.split('.');
  for (let i = 0; i < parts.length; i++) {
    const key = parts.slice(i).join('.');
    if (Object.hasOwn(table, key)) return table[key];
  }
  return undefined;
}

// ---- building the model ----------------------------------------------------------------------------------

function asSchema(value: unknown): JsonSchema | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : undefined;
}

function options(schema: JsonSchema, vocab: Vocabularies): { options: Option[]; vocabulary?: VocabularyName } {
  const name = schema['x-vocabulary'] as VocabularyName | undefined;
  const ids = Array.isArray(schema.enum) ? schema.enum.map(String) : [];
  const terms = name ? vocab[name]?.terms : undefined;
  if (name && terms) {
    // The vocabulary's order and words; an id the schema allows but the vocabulary lacks still shows.
    const known = terms.filter((t) => ids.includes(t.id)).map((t) => ({ value: t.id, label: t.label, hint: t.description }));
    const rest = ids.filter((id) => !terms.some((t) => t.id === id)).map((id) => ({ value: id, label: humanize(id) }));
    return { options: [...known, ...rest], vocabulary: name };
  }
  return { options: ids.map((id) => ({ value: id, label: humanize(id) })) };
}

function textInput(key: string, schema: JsonSchema): TextInput {
  if (schema.type === 'number') return 'number';
  if (schema.type === 'integer') return 'integer';
  if (schema.format === 'email') return 'email';
  if (schema.format === 'uri') return 'url';
  if (schema.format === 'date') return 'date';
  if (key === 'phone') return 'tel';
  if (typeof schema.pattern === 'string' && schema.pattern.includes(':[0-5][0-9]')) return 'time';
  if (key === 'description' || (typeof schema.maxLength === 'number' && schema.maxLength > TEXT_LIMITS.line)) return 'textarea';
  return 'text';
}

function field(key: string, at: string, schema: JsonSchema, required: boolean, vocab: Vocabularies): DataField | undefined {
  const label = (typeof schema.title === 'string' ? schema.title : undefined) ?? lookup(LABELS, at) ?? humanize(key);
  const overridden = lookup(HELP, at);
  const help = overridden !== undefined ? overridden || undefined : typeof schema.description === 'string' ? schema.description : undefined;
  const missing = lookup(MISSING, at);
  const base = { key, at, label, required, ...(help ? { help } : {}), ...(missing ? { missing } : {}) };
  const items = asSchema(schema.items);
  if (schema.type === 'object' || schema.properties) return group(base, schema, vocab);
  if (schema.type === 'array' && items) {
    if (items.type === 'object' || items.properties) {
      return {
        ...base,
        kind: 'list',
        itemLabel: ITEM_LABELS[key] ?? humanize(key),
        // An optional list (a service's own sources) starts empty, even though it needs an item once it is given.
        minItems: required && typeof schema.minItems === 'number' ? schema.minItems : 0,
        item: group({ key, at, label: ITEM_LABELS[key] ?? humanize(key), required: true }, items, vocab),
      };
    }
    return { ...base, kind: 'choices', ...options(items, vocab), minItems: typeof schema.minItems === 'number' ? schema.minItems : 0 };
  }
  if (Array.isArray(schema.enum)) {
    const o = options(schema, vocab);
    const fallback = lookup(DEFAULTS, at);
    return { ...base, kind: 'choice', display: o.options.length <= MAX_RADIOS ? 'radios' : 'select', ...o, ...(fallback ? { default: fallback } : {}) };
  }
  if (schema.const === true || schema.type === 'boolean') return { ...base, kind: 'check' };
  if (schema.type === 'string' || schema.type === 'number' || schema.type === 'integer') {
    const fallback = lookup(DEFAULTS, at);
    return {
      ...base,
      kind: 'text',
      input: textInput(key, schema),
      ...(typeof schema['x-hint'] === 'string' ? { hint: schema['x-hint'] } : {}),
      ...(typeof schema.maxLength === 'number' ? { maxLength: schema.maxLength } : {}),
      ...(typeof schema.minimum === 'number' ? { minimum: schema.minimum } : {}),
      ...(typeof schema.maximum === 'number' ? { maximum: schema.maximum } : {}),
      ...(fallback ? { default: fallback } : {}),
      ...(DERIVED[at] ? { derived: DERIVED[at] } : {}),
    };
  }
  return undefined; // a shape the form cannot show: the schema validator still checks it
}

function group(base: FieldBase, schema: JsonSchema, vocab: Vocabularies): GroupField {
  const properties = asSchema(schema.properties) ?? {};
  const required = Array.isArray(schema.required) ? schema.required.map(String) : [];
  const fields: DataField[] = [];
  for (const [key, sub] of Object.entries(properties)) {
    const s = asSchema(sub);
    const f = s && field(key, base.at ? `${base.at}.${key}` : key, s, required.includes(key), vocab);
    if (f) fields.push(f);
  }
  // A field made from another goes just after it: "leave blank" makes sense once the other is filled in.
  for (const f of [...fields]) {
    const from = f.kind === 'text' ? f.derived : undefined;
    const after = from ? fields.findIndex((x) => x.key === from) : -1;
    if (after < 0) continue;
    fields.splice(fields.indexOf(f), 1);
    fields.splice(fields.findIndex((x) => x.key === from) + 1, 0, f);
  }
  return { ...base, kind: 'group', fields: laidOut(base.at, fields), ...(typeof schema['x-hint'] === 'string' ? { hint: schema['x-hint'] } : {}) };
}

/** Whether a field must be answered and starts empty: such a field is never hidden in "More details". */
function neededAndEmpty(f: DataField): boolean {
  if (!f.required) return false;
  if (f.kind === 'text') return !f.default && !f.derived;
  if (f.kind === 'choice') return !f.default;
  return f.kind !== 'check' && f.kind !== 'group';
}

/** A group's fields in the parts of its layout (LAYOUT); in the schema's order when it has none. */
function laidOut(at: string, fields: DataField[]): Field[] {
  const parts = LAYOUT[at];
  if (!parts) return fields;
  const named = new Set(parts.flatMap((p) => p.keys));
  const rest = fields.filter((f) => !named.has(f.key));
  const out: Field[] = [];
  for (const part of parts) {
    const members = part.rest ? rest.filter((f) => !neededAndEmpty(f)) : part.keys.map((k) => fields.find((f) => f.key === k)).filter((f): f is DataField => !!f);
    // Needed answers no part names come just before the closed part, with the essentials.
    if (part.rest) out.push(...rest.filter(neededAndEmpty));
    if (!members.length) continue;
    if (!part.title) {
      out.push(...members);
      continue;
    }
    out.push({
      kind: 'section',
      key: slugify(part.title),
      at,
      title: part.title,
      ...(part.help ? { help: part.help } : {}),
      collapsed: part.collapsed ?? false,
      fields: members,
    });
  }
  // A layout without a part for the rest still shows every field.
  if (!parts.some((p) => p.rest)) out.push(...rest);
  return out;
}


/** The form's fields from the provider schema (schema.ts) and the vocabularies' labels and descriptions. */
export function buildFormModel(schema: JsonSchema, vocab: Vocabularies): FormModel {
  return { root: group({ key: '', at: '', label: typeof schema.title === 'string' ? schema.title : 'Provider', required: true }, schema, vocab) };
}

// ---- walking the model -----------------------------------------------------------------------------------

/** The fields that hold data in a group, looking through sections. */
export function dataFields(g: GroupField | SectionField): DataField[] {
  return g.fields.flatMap((f) => (f.kind === 'section' ? dataFields(f) : [f]));
}

/** The field at a data path ("services", 0, "locations", 1, "postcode"), or undefined. */
export function fieldAt(model: FormModel, path: Path): DataField | undefined {
  let here: DataField = model.root;
  for (const seg of path) {
    if (here.kind === 'list' && typeof seg === 'number') here = here.item;
    else if (here.kind === 'group' && typeof seg === 'string') {
      const next: DataField | undefined = dataFields(here).find((f) => f.key === seg);
      if (!next) return undefined;
      here = next;
    } else return undefined;
  }
  return here;
}

/** The name of an input for a path: "services.0.locations.1.postcode". */
export function pathName(path: Path): string {
  return path.join('.');
}

/** The element id for a path: "f-services-0-locations-1-postcode". */
export function pathId(path: Path): string {
  return ['f', ...path].join('-');
}

export function parseName(name: string): Path {
  return name === '' ? [] : name.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * Where a path is, in words, for the error summary: "Service 1, place 2". Empty for fields outside any list.
 */
export function pathContext(model: FormModel, path: Path): string {
  const parts: string[] = [];
  let here: DataField | undefined = model.root;
  for (const seg of path) {
    if (!here) break;
    if (here.kind === 'list' && typeof seg === 'number') {
      parts.push(`${parts.length ? here.itemLabel.toLowerCase() : here.itemLabel} ${seg + 1}`);
      here = here.item;
    } else if (here.kind === 'group' && typeof seg === 'string') here = dataFields(here).find((f) => f.key === seg);
    else here = undefined;
  }
  return parts.join(', ');
}

/** Sorts paths in the order their fields appear in the form. */
export function comparePaths(model: FormModel, a: Path, b: Path): number {
  let here: DataField | undefined = model.root;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) {
      if (typeof x === 'number' && typeof y === 'number') return x - y;
      const fields = here?.kind === 'group' ? dataFields(here).map((f) => f.key) : [];
      return fields.indexOf(String(x)) - fields.indexOf(String(y));
    }
    if (here?.kind === 'list') here = here.item;
    else if (here?.kind === 'group') here = dataFields(here).find((f) => f.key === x);
  }
  return 0;
}

// ---- values ⇄ provider -----------------------------------------------------------------------------------

/** What the form holds: text for text boxes and single choices, lists of ids for checkboxes, true for ticks. */
export type FormValue = string | string[] | boolean | FormValues | FormValues[] | undefined;
export interface FormValues {
  [key: string]: FormValue;
}

export interface ValueOptions {
  /** Today as YYYY-MM-DD, for fields that start with today's date. */
  today?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A new, empty item of a group (a service, a place, a session) with its usual starting values. */
export function emptyGroup(g: GroupField, options: ValueOptions = {}): FormValues {
  const out: FormValues = {};
  for (const f of dataFields(g)) {
    if (f.kind === 'group') out[f.key] = emptyGroup(f, options);
    else if (f.kind === 'list') out[f.key] = Array.from({ length: f.minItems }, () => emptyGroup(f.item, options));
    else if (f.kind === 'choices') out[f.key] = [];
    else if (f.kind === 'check') out[f.key] = false;
    else if (f.default === 'today') out[f.key] = options.today ?? '';
    else out[f.key] = f.default ?? '';
  }
  return out;
}

/** The values for a new provider. */
export function emptyValues(model: FormModel, options: ValueOptions = {}): FormValues {
  return emptyGroup(model.root, options);
}

function groupValues(g: GroupField, data: unknown): FormValues {
  const record = isRecord(data) ? data : {};
  const out: FormValues = {};
  for (const f of dataFields(g)) {
    const v = record[f.key];
    if (f.kind === 'group') out[f.key] = groupValues(f, v);
    else if (f.kind === 'list') out[f.key] = Array.isArray(v) ? v.map((item) => groupValues(f.item, item)) : [];
    else if (f.kind === 'choices') out[f.key] = Array.isArray(v) ? v.map(String) : [];
    else if (f.kind === 'check') out[f.key] = v === true;
    else out[f.key] = v === undefined || v === null ? '' : String(v);
  }
  return out;
}

/** The form's values for an existing provider (to correct it). */
export function valuesFromProvider(model: FormModel, provider: unknown): FormValues {
  return groupValues(model.root, provider);
}

function number(text: string, integer: boolean): number | string {
  const t = text.trim();
  // Only plain decimal numbers: anything else stays text, so the schema says it must be a number.
  if (!/^[-+]?(?:\d+\.?\d*|\.\d+)$/.test(t)) return t;
  const n = Number(t);
  return integer && !Number.isInteger(n) ? t : n;
}

function groupData(g: GroupField, values: unknown): Record<string, unknown> {
  const record = isRecord(values) ? values : {};
  const out: Record<string, unknown> = {};
  for (const f of dataFields(g)) {
    const v = record[f.key];
    if (f.kind === 'group') out[f.key] = groupData(f, v);
    else if (f.kind === 'list') out[f.key] = Array.isArray(v) ? v.map((item) => groupData(f.item, item)) : undefined;
    else if (f.kind === 'choices') out[f.key] = Array.isArray(v) ? v.map(String) : undefined;
    else if (f.kind === 'check') out[f.key] = v === true ? true : undefined;
    else if (typeof v === 'string') {
      if (f.kind === 'text' && (f.input === 'number' || f.input === 'integer')) out[f.key] = v.trim() ? number(v, f.input === 'integer') : undefined;
      else if (f.kind === 'text' && f.input === 'textarea') out[f.key] = v.replace(/\r\n?/g, '\n');
      else out[f.key] = v.trim();
    }
  }
  return out;
}

/** Gives each service without an id one made from its name, unique within the provider. */
function fillServiceIds(provider: Record<string, unknown>): void {
  if (!Array.isArray(provider.services)) return;
  const services = provider.services.filter(isRecord);
  const taken = new Set(services.map((s) => s.id).filter((id): id is string => typeof id === 'string' && id !== ''));
  for (const s of services) {
    if (typeof s.id === 'string' && s.id !== '') continue;
    const base = typeof s.name === 'string' ? slugify(s.name, 40) : '';
    if (!base) continue;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    s.id = id;
  }
}

/**
 * The provider object the form's values describe: numbers as numbers, blank answers left out, and a service id
 * made from the service's name when none was given. Render it with renderProvider (provider-yaml.ts).
 */
export function providerFromValues(model: FormModel, values: FormValues): Record<string, unknown> {
  const data = groupData(model.root, values);
  fillServiceIds(data);
  return (pruneEmpty(data) as Record<string, unknown> | undefined) ?? {};
}

// ---- editing values --------------------------------------------------------------------------------------

export function getAt(values: FormValues, path: Path): FormValue {
  let here: unknown = values;
  for (const seg of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[seg];
  }
  return here as FormValue;
}

/** Sets a value at a path, making the objects on the way when they are missing. Changes `values` in place. */
export function setAt(values: FormValues, path: Path, value: FormValue): void {
  let here: Record<string | number, unknown> = values;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      here[seg] = value;
      return;
    }
    const next = here[seg];
    if (next === null || typeof next !== 'object') here[seg] = typeof path[i + 1] === 'number' ? [] : {};
    here = here[seg] as Record<string | number, unknown>;
  });
}

/**
 * The ticked options of a checkbox list after a change, keeping the order they were in (so correcting a group
 * does not reorder its lists) and adding newly ticked ones at the end.
 */
export function nextChoices(previous: readonly string[], ticked: readonly string[]): string[] {
  const set = new Set(ticked);
  return [...previous.filter((v) => set.has(v)), ...ticked.filter((v) => !previous.includes(v))];
}

/** The word for one term of a vocabulary ("community"), for messages like "Choose at least one community". */
export function vocabularyNoun(name: VocabularyName | undefined): string | undefined {
  return name ? VOCABULARY_NOUNS[name] : undefined;
}
