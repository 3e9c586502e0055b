// Draws the /contribute/ form from its model (src/lib/contribute/form-model.ts): labels, help and error slots tied to
// each input with aria-describedby, radio buttons and checkboxes in fieldsets, and repeatable groups with
// "Add" and "Remove" buttons. It only draws; src/client/contribute/index.ts keeps the values and reacts.
import { pathId, pathName, type DataField, type Field, type GroupField, type ListField, type Path, type SectionField } from '../../lib/contribute/form-model.ts';
import { getAt, type FormValues } from '../../lib/contribute/form-values.ts';

type Attrs = Record<string, string | boolean | undefined>;

function h(tag: string, attrs: Attrs = {}, ...children: (Node | string | false | undefined)[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}

/** A heading at a level, or plain strong text where headings would go deeper than h6. */
function heading(level: number, text: string, attrs: Attrs = {}): HTMLElement {
  return level <= 6 ? h(`h${level}`, attrs, text) : h('strong', { ...attrs, class: 'legend-text' }, text);
}

function help(id: string, text: string | undefined): HTMLElement | undefined {
  return text ? h('p', { class: 'help', id: `${id}-help` }, text) : undefined;
}

/** The slot for a field's message; contribute.ts fills it and adds it to aria-describedby when shown. */
function errorSlot(id: string): HTMLElement {
  return h('p', { class: 'field-error', id: `${id}-error`, hidden: true, 'data-error-slot': id });
}

function describedBy(id: string, f: { help?: string }): string | undefined {
  return f.help ? `${id}-help` : undefined;
}

/**
 * The label, marked "(required)" when the answer is needed. Not inside a part that is optional as a whole
 * (the agreement to be listed, the cost): there it is needed only if the part is filled in, and the message
 * says so when it matters. Not for a field made from another when left blank (a service's id).
 */
function needed(f: DataField, optionalPart: boolean): boolean {
  return f.required && !optionalPart && !(f.kind === 'text' && f.derived);
}

function labelText(f: DataField, optionalPart: boolean): (Node | string)[] {
  return [f.label, ...(needed(f, optionalPart) ? [' ', h('span', { class: 'required' }, '(required)')] : [])];
}

function textField(f: Extract<DataField, { kind: 'text' }>, path: Path, value: string, optionalPart: boolean): HTMLElement {
  const id = pathId(path);
  const name = pathName(path);
  const common: Attrs = { id, name, 'data-kind': 'text', 'aria-describedby': describedBy(id, f), autocomplete: 'off', 'aria-required': needed(f, optionalPart) ? 'true' : undefined };
  let input: HTMLElement;
  if (f.input === 'textarea') {
    input = h('textarea', { ...common, rows: '4' });
    (input as HTMLTextAreaElement).value = value;
  } else {
    const type = { email: 'email', url: 'url', tel: 'tel', date: 'date' }[f.input as string] ?? 'text';
    const inputmode = f.input === 'number' ? 'decimal' : f.input === 'integer' ? 'numeric' : undefined;
    const size = f.input === 'time' || f.input === 'integer' ? 'narrow' : f.input === 'number' || f.input === 'date' ? 'medium' : undefined;
    input = h('input', { ...common, type, inputmode, class: size, spellcheck: type === 'text' ? undefined : 'false' });
    (input as HTMLInputElement).value = value;
  }
  return h('div', { class: 'field', 'data-field': name }, h('label', { for: id }, ...labelText(f, optionalPart)), help(id, f.help), errorSlot(id), input);
}

function optionList(f: Extract<DataField, { kind: 'choice' | 'choices' }>, path: Path, type: 'radio' | 'checkbox', checked: (v: string) => boolean, allowNone = false): HTMLElement {
  const id = pathId(path);
  const name = pathName(path);
  // A radio button cannot be unticked: an answer that may be left out needs a button of its own.
  const options = allowNone ? [...f.options, { value: '', label: 'Not known, or leave it out' }] : f.options;
  const hinted = options.filter((o) => o.hint);
  const list = h(
    'div',
    // Choices close together, as many to a line as fit, so a long list takes less of a phone.
    { class: 'options many' },
    ...options.map((o, i) => {
      const oid = `${id}-${i}`;
      const input = h('input', {
        type,
        id: oid,
        name,
        value: o.value,
        'data-kind': f.kind,
        'aria-describedby': o.hint && options.length > 3 ? `${oid}-hint` : undefined,
      }) as HTMLInputElement;
      input.checked = checked(o.value);
      return h('div', { class: 'check' }, input, h('label', { for: oid }, o.label));
    }),
  );
  // Three choices or fewer (areas, online or phone) speak for themselves.
  if (!hinted.length || options.length <= 3) return list;
  // What each choice means, closed, so the choices fit on a phone; screen readers still hear each with its box.
  return h(
    'div',
    {},
    list,
    h(
      'details',
      { class: 'option-hints' },
      h('summary', {}, 'What these mean'),
      h('dl', {}, ...options.flatMap((o, i) => (o.hint ? [h('dt', {}, o.label), h('dd', { class: 'option-hint', id: `${id}-${i}-hint` }, o.hint)] : []))),
    ),
  );
}

function choiceField(f: Extract<DataField, { kind: 'choice' }>, path: Path, value: string, optionalPart: boolean): HTMLElement {
  const id = pathId(path);
  const name = pathName(path);
  if (f.display === 'select') {
    const select = h(
      'select',
      { id, name, 'data-kind': 'choice', 'aria-describedby': describedBy(id, f), 'aria-required': needed(f, optionalPart) ? 'true' : undefined },
      h('option', { value: '' }, needed(f, optionalPart) ? 'Choose one' : 'Not known, or leave it out'),
      ...f.options.map((o) => h('option', { value: o.value }, o.label)),
    ) as HTMLSelectElement;
    select.value = value;
    return h('div', { class: 'field', 'data-field': name }, h('label', { for: id }, ...labelText(f, optionalPart)), help(id, f.help), errorSlot(id), select);
  }
  return h(
    'fieldset',
    { class: 'field choice', id, 'data-field': name, 'aria-describedby': describedBy(id, f) },
    h('legend', {}, ...labelText(f, optionalPart)),
    help(id, f.help),
    errorSlot(id),
    optionList(f, path, 'radio', (v) => v === value, !needed(f, optionalPart)),
  );
}

function choicesField(f: Extract<DataField, { kind: 'choices' }>, path: Path, value: string[], optionalPart: boolean): HTMLElement {
  const id = pathId(path);
  return h(
    'fieldset',
    { class: 'field choices', id, 'data-field': pathName(path), 'aria-describedby': describedBy(id, f) },
    h('legend', {}, ...labelText(f, optionalPart)),
    help(id, f.help ? `${f.help} Tick all that apply.` : 'Tick all that apply.'),
    errorSlot(id),
    optionList(f, path, 'checkbox', (v) => value.includes(v)),
  );
}

function checkField(f: Extract<DataField, { kind: 'check' }>, path: Path, value: boolean): HTMLElement {
  const id = pathId(path);
  const input = h('input', { type: 'checkbox', id, name: pathName(path), value: 'true', 'data-kind': 'check', 'aria-describedby': describedBy(id, f) }) as HTMLInputElement;
  input.checked = value;
  return h('div', { class: 'field', 'data-field': pathName(path) }, errorSlot(id), h('div', { class: 'check' }, input, h('label', { for: id }, f.label)), help(id, f.help));
}

/** Groups with a list inside or many fields get a heading; small ones (cost, ages) a plain legend. */
function groupField(f: GroupField, path: Path, values: FormValues, level: number, optionalPart: boolean): HTMLElement {
  const id = pathId(path);
  const big = f.fields.some((x) => x.kind === 'list' || x.kind === 'section') || f.fields.length >= 4;
  return h(
    'fieldset',
    { class: `group${big ? ' big' : ''}`, id, 'data-field': pathName(path), 'aria-describedby': describedBy(id, f) },
    h('legend', {}, big ? heading(level, f.label) : h('span', { class: 'legend-text' }, f.label)),
    help(id, f.help),
    errorSlot(id),
    ...fields(f.fields, path, values, big ? level + 1 : level, optionalPart || !f.required),
  );
}

function sectionField(f: SectionField, path: Path, values: FormValues, level: number, optionalPart: boolean): HTMLElement {
  const id = `${pathId(path)}--${f.key}`;
  const body = [help(id, f.help), ...fields(f.fields, path, values, level + 1, optionalPart)];
  if (f.collapsed) {
    // Open it when something in it was filled in (correcting a group), so nothing is hidden that matters.
    const filled = f.fields.some((x) => x.kind !== 'section' && hasValue(getAt(values, [...path, x.key])) && !isStartingValue(x, getAt(values, [...path, x.key])));
    return h('details', { class: 'section', id, open: filled }, h('summary', {}, f.title), ...body);
  }
  return h('div', { class: 'section', id }, heading(level, f.title, { id: `${id}-title` }), ...body);
}

/** Whether a field still holds the value the form starts it with (a service "active", today's date): not news. */
function isStartingValue(f: DataField, v: unknown): boolean {
  if ((f.kind !== 'text' && f.kind !== 'choice') || !f.default) return false;
  if (f.default !== 'today') return v === f.default;
  const d = new Date();
  return v === `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function hasValue(v: unknown): boolean {
  if (typeof v === 'string') return v.trim() !== '';
  if (Array.isArray(v)) return v.length > 0;
  if (v && typeof v === 'object') return Object.values(v).some(hasValue);
  return v === true;
}

/** Where a place of a service is in the model: its items get a box that fills the place from a town or postcode. */
export const PLACE_AT = 'services.locations';

/**
 * "Town, village or postcode": contribute.ts looks what is typed up in the site's list of places and fills in the
 * town, postcode and district below, so nobody types coordinates (the build gives a town's place on the map).
 * It has no name: what is typed here is not part of the file.
 */
function placeFinder(itemPath: Path): HTMLElement {
  const id = `${pathId(itemPath)}-find`;
  return h(
    'div',
    { class: 'field place-finder' },
    h('label', { for: id }, 'Town, village or postcode'),
    h('p', { class: 'help', id: `${id}-help` }, 'Type it and press Enter, or move on: the town, postcode and district below are filled in for you.'),
    h('div', { class: 'finder-row' },
      h('input', { id, type: 'text', class: 'medium', autocomplete: 'postal-code', spellcheck: 'false', 'aria-describedby': `${id}-help ${id}-status`, 'data-place-find': pathName(itemPath) }),
      h('button', { type: 'button', 'data-place-find-button': pathName(itemPath) }, 'Find the place'),
    ),
    h('p', { class: 'finder-status', id: `${id}-status`, role: 'status', 'aria-live': 'polite' }),
  );
}

export function itemTitle(list: ListField, index: number): string {
  return `${list.itemLabel} ${index + 1}`;
}

/** A repeatable group: its items, each in a fieldset with a "Remove" button, and an "Add" button. */
export function listField(f: ListField, path: Path, values: FormValues, level: number): HTMLElement {
  const id = pathId(path);
  const name = pathName(path);
  const items = (getAt(values, path) as FormValues[] | undefined) ?? [];
  const noun = f.itemLabel.toLowerCase();
  return h(
    'div',
    { class: 'list', id, 'data-field': name, 'data-list': name, 'data-level': String(level), 'aria-describedby': describedBy(id, f) },
    heading(level, f.label, { id: `${id}-title` }),
    help(id, f.help),
    errorSlot(id),
    items.length
      ? h(
          'ol',
          { class: 'items', 'aria-labelledby': `${id}-title` },
          ...items.map((_, i) => {
            const ipath = [...path, i];
            const iid = pathId(ipath);
            return h(
              'li',
              {},
              h(
                'fieldset',
                { class: 'item', id: iid, 'data-field': pathName(ipath) },
                // "--title": a field of the item may itself be called title (a source's), and its input is `${iid}-title`.
                h('legend', {}, heading(level + 1, itemTitle(f, i), { id: `${iid}--title`, tabindex: '-1' })),
                errorSlot(iid),
                f.item.at === PLACE_AT ? placeFinder(ipath) : undefined,
                ...fields(f.item.fields, ipath, values, level + 2, false),
                items.length > f.minItems
                  ? h('button', { type: 'button', class: 'remove', 'data-remove': pathName(ipath) }, `Remove ${noun} ${i + 1}`)
                  : undefined,
              ),
            );
          }),
        )
      : h('p', { class: 'muted' }, `No ${f.label.toLowerCase()} yet.`),
    h('button', { type: 'button', class: 'add', 'data-add': name }, items.length ? `Add another ${noun}` : `Add a ${noun}`),
  );
}

export function field(f: Field, path: Path, values: FormValues, level: number, optionalPart = false): HTMLElement {
  if (f.kind === 'section') return sectionField(f, path, values, level, optionalPart);
  const at = [...path, f.key];
  const v = getAt(values, at);
  switch (f.kind) {
    case 'text':
      return textField(f, at, typeof v === 'string' ? v : '', optionalPart);
    case 'choice':
      return choiceField(f, at, typeof v === 'string' ? v : '', optionalPart);
    case 'choices':
      return choicesField(f, at, Array.isArray(v) ? (v as string[]) : [], optionalPart);
    case 'check':
      return checkField(f, at, v === true);
    case 'group':
      return groupField(f, at, values, level, optionalPart);
    case 'list':
      return listField(f, at, values, level);
  }
}

function fields(list: Field[], path: Path, values: FormValues, level: number, optionalPart: boolean): HTMLElement[] {
  return list.map((f) => field(f, path, values, level, optionalPart));
}

/** The whole form's fields, top-level parts starting at heading `level`. */
export function renderForm(root: GroupField, values: FormValues, level: number): DocumentFragment {
  const out = document.createDocumentFragment();
  out.append(...fields(root.fields, [], values, level, false));
  return out;
}
