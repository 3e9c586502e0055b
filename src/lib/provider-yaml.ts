// The one way an entry is written as YAML: canonical key order (taken from the schema), the editor's
// schema line, and short comments from the schema's own descriptions. Used by `npm run new`,
// `npm run fmt`, `npm run geocode` and the /contribute/ form, so it stays browser-safe:
// no node: imports, only the yaml package.
import { Document, isAlias, isMap, isPair, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from 'yaml';

export type EntryKind = 'provider' | 'signatory';
type JsonSchema = Record<string, unknown>;

/** Where each kind of entry lives, relative to the repository root. */
export const ENTRY_FOLDERS: Record<EntryKind, string> = { provider: 'data/providers', signatory: 'data/signatories' };

/** The first line of every data file: tells editors (VS Code YAML extension, and others) which schema to use. */
export const SCHEMA_LINES: Record<EntryKind, string> = {
  provider: '# yaml-language-server: $schema=../../schema/provider.schema.json',
  signatory: '# yaml-language-server: $schema=../../schema/signatory.schema.json',
};

/** Options for Document#toString that keep the layout of the data files as people write them. */
export const YAML_OPTIONS = {
  /** Never fold long lines: a summary stays on one line. */
  lineWidth: 0,
  /** [a, b] and {type: free}, not [ a, b ]. */
  flowCollectionPadding: false,
  indent: 2,
  indentSeq: true,
} as const;

/** The order of fields at one place in an entry, and of the fields below it. */
export interface KeyOrder {
  keys: readonly string[];
  fields: Readonly<Record<string, KeyOrder>>;
  /** For lists: the order inside each item. */
  items?: KeyOrder;
}

function asSchema(value: unknown): JsonSchema | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonSchema) : undefined;
}

/** The canonical key order, read from the order of `properties` in the schema (never a list kept by hand). */
export function keyOrder(schema: JsonSchema): KeyOrder {
  const properties = asSchema(schema.properties) ?? {};
  const fields: Record<string, KeyOrder> = {};
  for (const [key, sub] of Object.entries(properties)) {
    const s = asSchema(sub);
    if (s && (s.properties || s.items)) fields[key] = keyOrder(s);
  }
  const items = asSchema(schema.items);
  return { keys: Object.keys(properties), fields, ...(items && (items.properties || items.items) ? { items: keyOrder(items) } : {}) };
}

function keyName(pair: Pair): string | undefined {
  return isScalar(pair.key) && (typeof pair.key.value === 'string' || typeof pair.key.value === 'number') ? String(pair.key.value) : undefined;
}

function joinComments(...parts: (string | null | undefined)[]): string | undefined {
  const kept = parts.filter((p): p is string => typeof p === 'string' && p.length > 0);
  return kept.length ? kept.join('\n') : undefined;
}

interface Context {
  root: boolean;
  /** The key whose value this map is (not set for the root or for list items). */
  parentKey?: Node;
  /** The original text, to tell a comment on the parent key's line from one above the first field. */
  source?: string;
}

function commentAfterOnLine(source: string | undefined, offset: number | undefined): boolean {
  if (source === undefined || offset === undefined) return false;
  const end = source.indexOf('\n', offset);
  return source.slice(offset, end < 0 ? undefined : end).includes('#');
}

function sortMap(map: YAMLMap, order: KeyOrder, ctx: Context): void {
  const items = map.items as Pair[];
  if (!items.length) return;
  const firstBefore = items[0];
  // The comment above the first field of the file is the file's header (the schema line): keep it on top.
  if (ctx.root && firstBefore && isScalar(firstBefore.key) && firstBefore.key.commentBefore) {
    map.commentBefore = joinComments(map.commentBefore, firstBefore.key.commentBefore);
    firstBefore.key.commentBefore = undefined;
  }
  const rank = (pair: Pair, index: number): number => {
    const name = keyName(pair);
    const at = name === undefined ? -1 : order.keys.indexOf(name);
    // Fields the schema does not know stay, after the known ones, in the order they were written.
    return at >= 0 ? at : order.keys.length + index;
  };
  const ranked = items.map((pair, index) => ({ pair, r: rank(pair, index), index }));
  ranked.sort((a, b) => a.r - b.r || a.index - b.index);
  const sorted = ranked.map((x) => x.pair);
  const first = sorted[0];
  if (first && first !== firstBefore) {
    // In "key:" followed by a comment line and then fields, the comment belongs to the first field: it moves with it
    // (unless it was written on the key's own line, "key: # note", which is about the key).
    if (ctx.parentKey && map.commentBefore && firstBefore && isScalar(firstBefore.key) && !commentAfterOnLine(ctx.source, ctx.parentKey.range?.[1])) {
      firstBefore.key.commentBefore = joinComments(map.commentBefore, firstBefore.key.commentBefore);
      map.commentBefore = undefined;
    }
    if (isScalar(first.key)) {
      // A comment that was above a field now at the top of its map goes above the map, where it still sits just above the field.
      if (first.key.commentBefore) {
        map.commentBefore = joinComments(map.commentBefore, first.key.commentBefore);
        first.key.commentBefore = undefined;
      }
      if (!ctx.root) first.key.spaceBefore = false;
    }
  }
  map.items = sorted;
}

function walk(node: unknown, order: KeyOrder | undefined, ctx: Context): void {
  if (!order || isAlias(node)) return;
  if (isMap(node)) {
    sortMap(node, order, ctx);
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const name = keyName(pair);
      // Object.hasOwn: a key like __proto__ must not find anything on Object.prototype.
      if (name !== undefined && Object.hasOwn(order.fields, name))
        walk(pair.value, order.fields[name], { root: false, parentKey: pair.key as Node, ...(ctx.source !== undefined ? { source: ctx.source } : {}) });
    }
  } else if (isSeq(node)) {
    for (const item of node.items) walk(item, order.items, { root: false, ...(ctx.source !== undefined ? { source: ctx.source } : {}) });
  }
}

/**
 * Puts every map in the document into canonical key order, in place, keeping comments with their fields.
 * Give the original text as `source` when there is one: it tells where some comments belong.
 */
export function orderDocument(doc: Document, order: KeyOrder, source?: string): void {
  walk(doc.contents, order, { root: true, ...(source !== undefined ? { source } : {}) });
}

/** Puts one node (a map or list inside a document) and everything below it into canonical order, in place. */
export function orderNode(node: unknown, order: KeyOrder): void {
  walk(node, order, { root: false });
}

/** True when the document's leading comment already names a schema for editors. */
export function hasSchemaLine(doc: Document): boolean {
  const leading = [doc.commentBefore, isMap(doc.contents) ? doc.contents.commentBefore : undefined];
  const first = isMap(doc.contents) ? (doc.contents.items[0] as Pair | undefined) : undefined;
  if (first && isScalar(first.key)) leading.push(first.key.commentBefore);
  return leading.some((c) => typeof c === 'string' && /(^|\n)\s*yaml-language-server:\s*\$schema=/.test(c));
}

/** Adds the schema line above everything else, unless one is there already. */
export function ensureSchemaLine(doc: Document, kind: EntryKind): void {
  if (hasSchemaLine(doc)) return;
  const line = SCHEMA_LINES[kind].replace(/^#/, '');
  if (doc.commentBefore) doc.commentBefore = `${line}\n${doc.commentBefore}`;
  else if (isMap(doc.contents)) doc.contents.commentBefore = joinComments(line, doc.contents.commentBefore);
  else doc.commentBefore = line;
}

// ---------------------------------------------------------------------------------------------
// Rendering a new entry (npm run new, the /contribute/ form)

/** A year, month or date a source shows ("2023", "2023-02", "2023-02-14"): written in quotes, as the format asks. */
const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const TIME = /^\d{1,2}:\d{2}$/;
/** Maps written on one line, as in the seed data: `cost: {type: free}`, one line per session. */
const FLOW_MAPS = new Set(['cost', 'age_range', 'sessions[]']);

function wrap(text: string, width = 98): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** A comment for the document: each line starts with a space after the "#". */
function comment(text: string): string {
  return wrap(text).map((l) => ` ${l}`).join('\n');
}

function style(node: unknown, field: string | undefined): void {
  if (isMap(node)) {
    if (field && FLOW_MAPS.has(field)) node.flow = true;
    for (const pair of node.items) if (isPair(pair)) style(pair.value, isScalar(pair.key) ? String(pair.key.value) : undefined);
  } else if (isSeq(node)) {
    if (node.items.length && node.items.every((i) => isScalar(i))) node.flow = true;
    for (const item of node.items) style(item, field ? `${field}[]` : undefined);
  } else if (isScalar(node) && typeof node.value === 'string' && (TIME.test(node.value) || PARTIAL_DATE.test(node.value))) {
    // 18:30 is a number in older YAML readers, and 2023 or 2023-02-14 a number or a date; quoting keeps them text everywhere.
    node.type = Scalar.QUOTE_DOUBLE;
  }
}

/** Removes empty strings, empty lists, empty maps and undefined values, so a form's blank fields never reach the file. */
export function pruneEmpty(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(pruneEmpty).filter((v) => v !== undefined);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const kept = pruneEmpty(v);
      if (kept !== undefined) out[k] = kept;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.replace(/\r\n?/g, '\n');
  if (value === null) return undefined;
  return value;
}

export interface RenderOptions {
  /** Add the header and a comment above each top-level field from the schema's descriptions (default true). */
  comments?: boolean;
}

const HEADERS: Record<EntryKind, string[]> = {
  provider: [
    'One provider in the Sussex Peer Support Directory. The file name is its id and its web address.',
    'Check it with: npm run validate. Help: CONTRIBUTING.md, or hover over a field in your editor.',
  ],
  signatory: [
    'One signatory of the Sussex Peer Support Charter. The file name is its id.',
    'Check it with: npm run validate. Help: CONTRIBUTING.md, or hover over a field in your editor.',
  ],
};

/**
 * Writes an entry as YAML: the schema line first, fields in the schema's order, lists of words on one line,
 * times in quotes, blank answers left out. The same input always gives the same text, and
 * `npm run fmt` leaves it as it is.
 */
export function renderEntry(kind: EntryKind, data: unknown, schema: JsonSchema, options: RenderOptions = {}): string {
  const comments = options.comments ?? true;
  const doc = new Document(pruneEmpty(data) ?? {});
  orderDocument(doc, keyOrder(schema));
  style(doc.contents, undefined);
  const map = doc.contents;
  if (isMap(map)) {
    const header = [SCHEMA_LINES[kind].replace(/^#/, '')];
    if (comments) {
      header.push(...HEADERS[kind].map(comment));
      const properties = asSchema(schema.properties) ?? {};
      map.items.forEach((pair, i) => {
        const name = isPair(pair) ? keyName(pair as Pair) : undefined;
        const description = name ? asSchema(properties[name])?.description : undefined;
        if (i > 0 && typeof description === 'string' && isScalar((pair as Pair).key)) ((pair as Pair).key as Node).commentBefore = comment(description);
      });
    }
    map.commentBefore = header.join('\n');
  } else doc.commentBefore = SCHEMA_LINES[kind].replace(/^#/, '');
  return doc.toString(YAML_OPTIONS);
}

export function renderProvider(data: unknown, schema: JsonSchema, options?: RenderOptions): string {
  return renderEntry('provider', data, schema, options);
}

export function renderSignatory(data: unknown, schema: JsonSchema, options?: RenderOptions): string {
  return renderEntry('signatory', data, schema, options);
}

/** A file name (without .yaml) from a name: "Brighton & Hove Café Group" → "brighton-and-hove-cafe-group". */
export function slugify(name: string, maxLength = 60): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\+/g, ' plus ')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base.length <= maxLength) return base;
  const cut = base.slice(0, maxLength + 1);
  const at = cut.lastIndexOf('-');
  return (at > 0 ? cut.slice(0, at) : base.slice(0, maxLength)).replace(/-+$/, '');
}

/** Where a new entry's file goes, relative to the repository root. */
export function entryPath(kind: EntryKind, slug: string): string {
  return `${ENTRY_FOLDERS[kind]}/${slug}.yaml`;
}

/** The answers `npm run new` asks for (the /contribute/ form may use it too). */
export interface NewProviderAnswers {
  name: string;
  summary: string;
  ledBy: string;
  areas: string[];
  serviceName: string;
  serviceId?: string;
  formats?: string[];
  communities: string[];
  website?: string;
  email?: string;
  phone?: string;
  /** What the source is: "Phone call with the group", "West Sussex Mind's news page". */
  source: string;
  sourceUrl?: string;
  /** The date the source shows: YYYY, YYYY-MM, YYYY-MM-DD or undated. */
  sourcePublished: string;
  /** Confirmed with the group today: then last_checked is today. */
  verified?: boolean;
  /** Today as YYYY-MM-DD: the date a person confirmed the details, when they did. */
  today: string;
  /** The date a person agreed to their own phone or email being listed, when it is theirs. */
  consentDate?: string;
}

/** The smallest provider entry that passes validation, from the answers to `npm run new`. */
export function newProvider(a: NewProviderAnswers): Record<string, unknown> {
  return {
    name: a.name.trim(),
    summary: a.summary.trim(),
    led_by: a.ledBy,
    website: a.website,
    email: a.email,
    phone: a.phone,
    ...(a.consentDate ? { personal_contact_consent: { agreed: true, date: a.consentDate } } : {}),
    areas: a.areas,
    services: [
      {
        id: a.serviceId || slugify(a.serviceName, 40) || 'main-service',
        name: a.serviceName.trim(),
        status: 'active',
        formats: a.formats,
        communities: a.communities,
      },
    ],
    verification: {
      status: a.verified ? 'verified' : 'unverified',
      // Only a person confirming the details with the group gives a date checked.
      ...(a.verified ? { last_checked: a.today } : {}),
      sources: [{ title: a.source.trim(), url: a.sourceUrl, published: a.sourcePublished.trim() }],
    },
  };
}
