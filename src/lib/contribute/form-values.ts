// Conversions between what the form holds (text, ticks, repeatable groups) and a provider object, and
// reading and writing the form's values by path. Pure and browser-safe.
import { pruneEmpty, slugify } from '../provider-yaml.ts';
import { dataFields, type FormModel, type GroupField, type Path } from './form-model.ts';

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

/** The value at a path in any object (undefined when the path leaves it): the form's values, or a provider. */
export function valueAt(data: unknown, path: Path): unknown {
  let here = data;
  for (const seg of path) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string | number, unknown>)[seg];
  }
  return here;
}

export function getAt(values: FormValues, path: Path): FormValue {
  return valueAt(values, path) as FormValue;
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
