// The /contribute/ form's messages: Ajv's errors from the provider schema, and the checks a schema cannot
// express (the validator's own, src/lib/validate/entry-checks.ts, plus friendlier words for those that matter most
// while typing: postcode, coordinates in Sussex, phone, consent), each tied to the field it is about.
// Pure and browser-safe.
import { checkPostcode, isMobile, looksPersonalEmail, normalisePhone, textProblem } from '../validate/contact-checks.ts';
import { valueAt } from './form-values.ts';
import { comparePaths, fieldAt, pathContext, pathName, vocabularyNoun, type DataField, type FormModel, type Path } from './form-model.ts';
import { checkProvider, type PlaceVocabularies } from '../validate/entry-checks.ts';
import type { Provider } from '../generated/data-types.ts';
import { inBounds, SUSSEX_BOUNDS } from '../dataset/vocab.ts';
import { schemaRules, unsaid, type SchemaError, type SchemaRule } from '../validate/schema-errors.ts';

export type { SchemaError };

export interface FieldProblem {
  path: Path;
  /** The input's name: "services.0.locations.1.postcode". */
  name: string;
  message: string;
  severity: 'error' | 'warning';
  /** Where it is, for the error summary: "Service 1, place 2" (empty at the top level). */
  context: string;
}

export interface CheckOptions {
  /** File names (without .yaml) already in the directory, to catch a group added twice. */
  existingSlugs?: readonly string[];
  /** The file name this entry will have. */
  slug?: string;
  /** True when correcting an existing group: its own file name is not a clash. */
  editing?: boolean;
  /** Areas and districts, for the validator's checks of where places are (without them those checks are skipped). */
  places?: PlaceVocabularies;
  /** Today as YYYY-MM-DD, for dates that must not be in the future. */
  today?: string;
}

function lower(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
}

/** What to say when a field is missing: "Enter …" for text, "Choose …" for choices. */
function missing(f: DataField | undefined, key: string): string {
  if (!f) return `Fill in “${key}”.`;
  if (f.missing) return `${f.missing}.`;
  switch (f.kind) {
    case 'choices': {
      const noun = vocabularyNoun(f.vocabulary);
      return `Choose at least one ${noun ?? 'answer'} for “${f.label}”.`;
    }
    case 'choice':
      return `Choose an answer for “${f.label}”.`;
    case 'check':
      return `Tick “${f.label}”.`;
    case 'list':
      return `Add at least one ${f.itemLabel.toLowerCase()}.`;
    case 'group':
      return `Fill in “${f.label}”.`;
    default:
      return `Enter ${lower(f.label)}.`;
  }
}

function hinted(f: DataField | undefined, fallback: string): string {
  const hint = f && 'hint' in f ? f.hint : undefined;
  return hint && f ? `${f.label} ${hint}.` : fallback;
}

/** One schema rule in plain words, at the field it is about; undefined where another message says it. */
function explain(model: FormModel, d: SchemaRule, data: unknown): { path: Path; message: string } | undefined {
  const { path } = d;
  const f = fieldAt(model, path);
  const label = f?.label ?? (path.length ? String(path[path.length - 1]) : 'The entry');
  switch (d.rule) {
    case 'missing': {
      const at = [...path, d.field];
      const f = fieldAt(model, at);
      // A field made from another (a service's id from its name) is missing only because the other is.
      if (f?.kind === 'text' && f.derived) return undefined;
      return { path: at, message: missing(f, d.field) };
    }
    case 'needs-both': {
      const at = [...path, d.missing];
      const other = fieldAt(model, [...path, d.property]);
      return { path: at, message: `Enter ${lower(fieldAt(model, at)?.label ?? d.missing)} as well as ${lower(other?.label ?? d.property)}, or leave both blank.` };
    }
    case 'too-few':
      return { path, message: f?.kind === 'list' ? missing(f, '') : missing(f, label) };
    case 'empty':
      return { path, message: d.of === 'text' ? missing(f, label) : `Fill in ${lower(label)}, or leave all of it blank.` };
    case 'too-long':
      return { path, message: `${label} is too long: keep it to ${d.limit} characters or fewer.` };
    case 'wrong-kind': {
      if (d.want === 'number') return { path, message: `${label} must be a number, like ${f?.key === 'longitude' ? '-0.1372' : '50.8225'}.` };
      if (d.want === 'integer') return { path, message: `${label} must be a whole number, like 18.` };
      return { path, message: `${label} is not in the right form.` };
    }
    case 'out-of-range': {
      const range = f?.kind === 'text' && f.minimum !== undefined && f.maximum !== undefined ? ` between ${f.minimum} and ${f.maximum}` : '';
      return { path, message: `${label} must be a number${range}.` };
    }
    case 'bad-form': {
      const value = valueAt(data, path);
      if (f?.kind === 'text' && f.input === 'url' && typeof value === 'string' && !/^https?:\/\//i.test(value)) {
        // "www.example.org" is nearly right: say exactly what to add.
        const domain = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]\S*)?$/i.test(value);
        return { path, message: domain ? `${label} must start with https://, like https://${value}` : `${label} must start with https:// (or http://).` };
      }
      return { path, message: hinted(f, `${label} is not in the right form.`) };
    }
    case 'incomplete': {
      const hint = f?.kind === 'group' ? f.hint : undefined;
      const item = f?.kind === 'group' ? f.label.toLowerCase() : 'this';
      return { path, message: hint ? `This ${item} ${hint}.` : `${label} is not complete.` };
    }
    case 'not-in-list':
      return { path, message: `Choose one of the answers for “${label}”.` };
    case 'fixed':
      return { path, message: `Tick “${label}”, or leave the agreement blank.` };
    case 'repeated':
      return { path, message: `${label} lists the same answer twice.` };
    case 'unknown-field':
      return { path: [...path, d.field], message: `“${d.field}” is not a field the directory knows.` };
    case 'too-many': // no form field has a longest list: Ajv's words will do
    case 'other':
      return { path, message: `${label} ${d.said ?? 'is not valid'}.` };
    default:
      return unsaid(d);
  }
}

function problem(model: FormModel, path: Path, message: string, severity: FieldProblem['severity'] = 'error'): FieldProblem {
  return { path, name: pathName(path), message, severity, context: pathContext(model, path) };
}

/** Ajv's errors from the provider schema, in plain words; `data` is what was validated. */
export function schemaProblems(model: FormModel, errors: readonly SchemaError[] | null | undefined, data?: unknown): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const d of schemaRules(errors)) {
    const e = explain(model, d, data);
    if (e) out.push(problem(model, e.path, e.message));
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function labelOf(model: FormModel, path: Path, fallback: string): string {
  return fieldAt(model, path)?.label ?? fallback;
}

/** Phone, email and named person of the organisation or of one service, with the consent they need. */
function contactProblems(model: FormModel, holder: Record<string, unknown>, base: Path, out: FieldProblem[]): void {
  const phone = str(holder.phone);
  const email = str(holder.email);
  const personal: { path: Path; what: string }[] = [];
  if (phone !== undefined) {
    const digits = normalisePhone(phone);
    if (!digits) out.push(problem(model, [...base, 'phone'], `${labelOf(model, [...base, 'phone'], 'Phone number')}: “${phone}” is not a UK phone number. Write it as it is dialled from the UK, like 01273 123456.`));
    else if (isMobile(digits)) personal.push({ path: [...base, 'phone'], what: 'a mobile number' });
  }
  if (email && looksPersonalEmail(email)) personal.push({ path: [...base, 'email'], what: 'an email address that looks personal' });
  if (holder.contact_name) personal.push({ path: [...base, 'contact_name'], what: 'a named person' });
  const first = personal[0];
  if (first && !holder.personal_contact_consent) {
    const consent = labelOf(model, [...base, 'personal_contact_consent'], 'Agreement to be listed');
    out.push(
      problem(
        model,
        first.path,
        `This is ${personal.map((x) => x.what).join(' and ')}. Listing a person can reveal their own health history, so it needs their agreement: fill in “${consent}”, or give the organisation’s own details instead.`,
      ),
    );
  }
}

function locationProblems(model: FormModel, loc: Record<string, unknown>, base: Path, out: FieldProblem[]): void {
  const postcode = str(loc.postcode);
  if (postcode) {
    const verdict = checkPostcode(postcode);
    if (!verdict.ok) out.push(problem(model, [...base, 'postcode'], verdict.message));
    else if (verdict.warning) out.push(problem(model, [...base, 'postcode'], verdict.warning, 'warning'));
  }
  const lat = loc.latitude;
  const lng = loc.longitude;
  if (typeof lat === 'number' && typeof lng === 'number' && !inBounds(SUSSEX_BOUNDS, lat, lng)) {
    const swapped = inBounds(SUSSEX_BOUNDS, lng, lat) ? ' It looks as if latitude and longitude are swapped.' : '';
    out.push(problem(model, [...base, 'latitude'], `${lat}, ${lng} is outside Sussex.${swapped} Latitude in Sussex is about 50.7 to 51.2 and longitude about -1.0 to 0.9.`));
  }
}

const NO_PLACES: PlaceVocabularies = { areas: { name: 'areas', description: '', terms: [] }, districts: { name: 'districts', description: '', terms: [] } };

/** The checks a schema cannot express, on the provider the form describes. */
export function semanticProblems(model: FormModel, provider: unknown, options: CheckOptions = {}): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (!isRecord(provider)) return out;
  const walk = (value: unknown, path: Path) => {
    if (typeof value === 'string') {
      const p = textProblem(value);
      if (p) out.push(problem(model, path, `${labelOf(model, path, 'This')} ${p}`));
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (isRecord(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(provider, []);
  contactProblems(model, provider, [], out);
  const services = Array.isArray(provider.services) ? provider.services : [];
  services.forEach((s, i) => {
    if (!isRecord(s)) return;
    contactProblems(model, s, ['services', i], out);
    const locations = Array.isArray(s.locations) ? s.locations : [];
    locations.forEach((loc, j) => isRecord(loc) && locationProblems(model, loc, ['services', i, 'locations', j], out));
  });
  // Then every check the validator makes (sessions, service ids, districts, dates…): a field keeps the first
  // message it gets, so the friendlier ones above win where both speak.
  const places = options.places ?? NO_PLACES;
  checkProvider(provider as unknown as Provider, places, options.today ?? new Date().toISOString().slice(0, 10), {
    add: (path, message, severity = 'error') => out.push(problem(model, path, `${labelOf(model, path, 'This')}: ${message}`, severity)),
  });
  const { slug, existingSlugs, editing } = options;
  if (!editing && slug && existingSlugs?.includes(slug))
    out.push(
      problem(
        model,
        ['name'],
        `The directory already has a group with the file name ${slug}.yaml. If it is the same group, correct that entry instead; if not, make the name different.`,
      ),
    );
  return out;
}

/**
 * Every message for the form: schema errors first, then the other checks, at most one error per field (the
 * first, which is usually the most basic), warnings only where there is no error, in the order of the form.
 */
export function formProblems(model: FormModel, provider: unknown, errors: readonly SchemaError[] | null | undefined, options: CheckOptions = {}): FieldProblem[] {
  const byName = new Map<string, FieldProblem>();
  for (const p of [...schemaProblems(model, errors, provider), ...semanticProblems(model, provider, options)]) {
    const there = byName.get(p.name);
    if (!there || (there.severity === 'warning' && p.severity === 'error')) byName.set(p.name, p);
  }
  return [...byName.values()].sort((a, b) => comparePaths(model, a.path, b.path));
}

/** True when something shown is an error, not only a warning. */
export function hasErrors(problems: readonly FieldProblem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}
