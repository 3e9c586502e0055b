// The /contribute/ form's fields, compiled from the provider JSON Schema, the vocabularies and the form's
// wording (form-wording.ts): a new term in a vocabulary (or a new field in the schema) appears in the form
// without touching the form's code. Values ⇄ provider: form-values.ts. Pure and browser-safe: no node: imports.
import { slugify } from '../provider-yaml.ts';
import { DEFAULTS, DERIVED, HELP, humanize, ITEM_LABELS, LABELS, LAYOUT, lookup, MISSING } from './form-wording.ts';
import { TEXT_LIMITS } from '../dataset/schema.ts';
import { VOCABULARY_NOUNS, type Vocabularies, type VocabularyName } from '../dataset/vocab.ts';

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

/** Vocabularies small enough to show as radio buttons rather than a drop-down. */
const MAX_RADIOS = 5;

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

/** The word for one term of a vocabulary ("community"), for messages like "Choose at least one community". */
export function vocabularyNoun(name: VocabularyName | undefined): string | undefined {
  return name ? VOCABULARY_NOUNS[name] : undefined;
}
