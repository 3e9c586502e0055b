// The /contribute/ form in the browser: keeps what the volunteer types, checks it with the precompiled JSON
// Schema validator and the form's own checks, shows each message next to its field (and all of them in a
// summary when asked), and shows the YAML file with the ways to send it. Nothing typed leaves the page: the
// only requests are this site's own validator and, to correct a group, that group's current data.
import type { ContributeConfig } from './config.ts';
import { formProblems, type FieldProblem, type SchemaError } from '../../lib/contribute/form-checks.ts';
import { fieldAt, parseName, pathId, pathName, type ListField, type Path } from '../../lib/contribute/form-model.ts';
import { emptyGroup, emptyValues, getAt, nextChoices, providerFromValues, setAt, valuesFromProvider, type FormValues } from '../../lib/contribute/form-values.ts';
import { editLayout } from '../../lib/contribute/edit-layout.ts';
import { slugify } from '../../lib/provider-yaml.ts';
import { editDataFileName, type ProviderEditData } from '../../lib/contribute/edit-data.ts';
import { copyText, download, selectText } from './send.ts';
import { itemTitle, listField, renderForm } from './render.ts';
import type { Editing, Outputs } from './output.ts';
import type { PlaceLookup } from '../../lib/places/places.ts';
import { findPlaceFor } from './place-find.ts';
import { isVisible, showErrorSummary, showInlineProblems } from './problems.ts';
import { showFile } from './output.ts';

type Validate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

const $ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector);

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function startContribute(): void {
  const section = $(document, '[data-contribute]');
  const configEl = $(document, '#contribute-config');
  if (!section || !configEl) return;
  const config = JSON.parse(configEl.textContent ?? '{}') as ContributeConfig;
  const { model } = config;
  const form = $<HTMLFormElement>(section, '[data-contribute-form]')!;
  const fieldsEl = $(section, '[data-fields]')!;
  const summary = $(section, '[data-error-summary]')!;
  const summaryList = $(summary, '[data-error-list]')!;
  const announce = $(section, '[data-announce]')!;
  const out: Outputs = {
    fileName: $(section, '[data-file-name]')!,
    status: $(section, '[data-output-status]')!,
    yaml: $(section, '[data-yaml]')!,
    github: $(section, '[data-send-github]')!,
    githubLink: $<HTMLAnchorElement>(section, '[data-github-link]')!,
    copy: $(section, '[data-send-copy]')!,
    newPage: $<HTMLAnchorElement>(section, '[data-github-new]')!,
    edit: $(section, '[data-send-edit]')!,
    editLink: $<HTMLAnchorElement>(section, '[data-github-edit]')!,
    inexact: $(section, '[data-edit-inexact]')!,
    heading: $(section, '[data-output-title]')!,
    email: $(section, '[data-send-email-box]'),
    emailLink: $<HTMLAnchorElement>(section, '[data-email-link]'),
    emailLong: $(section, '[data-email-long]'),
  };

  let values: FormValues = emptyValues(model, { today: today() });
  /** The group being corrected: its file's layout is known once the schema has loaded (see edit-layout.ts). */
  let editing: Editing | undefined;
  let validate: Validate | undefined;
  let schema: Record<string, unknown> | undefined;
  let showAll = false;
  let slugs: string[] | undefined;
  let slugsLoading: Promise<string[] | undefined> | undefined;
  /** The directory's file names, loaded once, the first time a name is typed or a group is to be corrected. */
  function knownSlugs(): Promise<string[] | undefined> {
    slugsLoading ??= fetch(config.slugsUrl)
      .then((res) => (res.ok ? (res.json() as Promise<string[]>) : undefined))
      .catch(() => undefined)
      .then((list) => (slugs = list));
    return slugsLoading;
  }
  const touched = new Set<string>();
  let problems: FieldProblem[] = [];
  let yaml = '';
  let slug = '';
  let timer: ReturnType<typeof setTimeout> | undefined;

  function say(text: string): void {
    // Clear first so the same words said twice are announced twice.
    announce.textContent = '';
    setTimeout(() => (announce.textContent = text), 50);
  }

  function draw(): void {
    fieldsEl.replaceChildren(renderForm(model.root, values, 3));
  }

  // ---- checking ------------------------------------------------------------------------------------------

  const visible = (p: FieldProblem) => isVisible(p, touched, showAll);
  const showInline = () => showInlineProblems(section!, problems, visible);
  const showSummary = () => showErrorSummary(summary, summaryList, problems, showAll);

  function showOutput(): void {
    const provider = providerFromValues(model, values);
    slug = editing?.slug ?? (slugify(typeof provider.name === 'string' ? provider.name : '') || 'new-group');
    yaml = showFile(out, config, { provider, slug, editing, schema, validated: !!validate, errors: problems.filter((p) => p.severity === 'error').length });
  }

  function check(): void {
    const provider = providerFromValues(model, values);
    const slugNow = editing?.slug ?? slugify(typeof provider.name === 'string' ? provider.name : '');
    if (validate) validate(provider);
    problems = formProblems(model, provider, validate?.errors ?? [], { slug: slugNow, existingSlugs: slugs, editing: !!editing, places: config.places, today: today() });
    if (slugNow && !editing && !slugsLoading) void knownSlugs().then((list) => list && check());
    showInline();
    showSummary();
    showOutput();
  }

  function later(): void {
    clearTimeout(timer);
    timer = setTimeout(check, 200);
  }

  // ---- reading what was typed ----------------------------------------------------------------------------

  function read(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): void {
    const path = parseName(el.name);
    const kind = el.dataset.kind;
    if (kind === 'choices') {
      const ticked = [...form.querySelectorAll<HTMLInputElement>(`input[name="${CSS.escape(el.name)}"]:checked`)].map((i) => i.value);
      const before = getAt(values, path);
      setAt(values, path, nextChoices(Array.isArray(before) ? (before as string[]) : [], ticked));
    } else if (kind === 'check') setAt(values, path, (el as HTMLInputElement).checked);
    else if (kind === 'choice' && el instanceof HTMLInputElement) {
      if (el.checked) setAt(values, path, el.value);
    } else setAt(values, path, el.value);
  }

  form.addEventListener('input', (e) => {
    const el = e.target as HTMLInputElement;
    if (!el.name) return;
    read(el);
    later();
  });
  form.addEventListener('change', (e) => {
    const el = e.target as HTMLInputElement;
    if (!el.name) return;
    read(el);
    touched.add(el.name);
    clearTimeout(timer);
    check();
  });

  // ---- adding and removing services, places and sessions -------------------------------------------------

  function redrawList(listPath: Path): void {
    const old = document.getElementById(pathId(listPath));
    const f = fieldAt(model, listPath) as ListField;
    if (!old || f?.kind !== 'list') return;
    old.replaceWith(listField(f, listPath, values, Number(old.dataset.level)));
  }

  function focusItem(listPath: Path, index: number): void {
    const items = (getAt(values, listPath) as FormValues[] | undefined) ?? [];
    const target =
      index < items.length
        ? document.getElementById(`${pathId([...listPath, index])}--title`)
        : items.length
          ? document.getElementById(`${pathId([...listPath, items.length - 1])}--title`)
          : document.querySelector<HTMLElement>(`[data-add="${CSS.escape(pathName(listPath))}"]`);
    target?.focus();
  }

  form.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-add], button[data-remove]');
    if (!button) return;
    if (button.dataset.add !== undefined) {
      const listPath = parseName(button.dataset.add);
      const f = fieldAt(model, listPath) as ListField;
      const items = [...((getAt(values, listPath) as FormValues[] | undefined) ?? []), emptyGroup(f.item, { today: today() })];
      setAt(values, listPath, items);
      redrawList(listPath);
      // The new item's first field, ready to type in.
      const first = document.getElementById(pathId([...listPath, items.length - 1]))?.querySelector<HTMLElement>('input, select, textarea');
      first?.focus();
      say(`${itemTitle(f, items.length - 1)} added.`);
    } else {
      const itemPath = parseName(button.dataset.remove!);
      const index = itemPath.pop() as number;
      const f = fieldAt(model, itemPath) as ListField;
      const items = [...((getAt(values, itemPath) as FormValues[] | undefined) ?? [])];
      items.splice(index, 1);
      setAt(values, itemPath, items);
      // Touched fields after the removed one now have other positions: forget those in this list.
      const prefix = `${pathName(itemPath)}.`;
      for (const t of [...touched]) if (t.startsWith(prefix)) touched.delete(t);
      redrawList(itemPath);
      focusItem(itemPath, index);
      say(`${itemTitle(f, index)} removed.`);
    }
    check();
  });

  // ---- a place from a town or postcode -------------------------------------------------------------------

  let places: Promise<PlaceLookup | undefined> | undefined;
  /** The list of places, loaded once, the first time a place is looked up. */
  function placeLookup(): Promise<PlaceLookup | undefined> {
    places ??= fetch(config.placesUrl)
      .then((res) => (res.ok ? (res.json() as Promise<PlaceLookup>) : undefined))
      .catch(() => undefined);
    return places;
  }

  /** Puts a value in a field of the form, as if typed, so it is kept and checked like any answer. */
  function fill(path: Path, value: string): void {
    const el = document.getElementById(pathId(path)) as HTMLInputElement | HTMLSelectElement | null;
    if (!el) return;
    el.value = value;
    read(el);
    touched.add(el.name);
  }

  const findPlace = (itemName: string) => findPlaceFor(itemName, { lookup: placeLookup, districts: config.places.districts.terms, fill, done: check });

  form.addEventListener('keydown', (e) => {
    const el = e.target as HTMLElement;
    if (e.key !== 'Enter' || !el.dataset.placeFind) return;
    // Enter looks the place up; it does not check the whole form.
    e.preventDefault();
    void findPlace(el.dataset.placeFind);
  });
  form.addEventListener('change', (e) => {
    const el = e.target as HTMLElement;
    if (el.dataset.placeFind) void findPlace(el.dataset.placeFind);
  });
  form.addEventListener('click', (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-place-find-button]');
    if (button) void findPlace(button.dataset.placeFindButton!);
  });

  // ---- checking everything, and the summary --------------------------------------------------------------

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    showAll = true;
    clearTimeout(timer);
    check();
    if (problems.some((p) => p.severity === 'error')) summary.focus();
    else out.heading.focus();
  });

  summary.addEventListener('click', (e) => {
    const a = (e.target as Element).closest<HTMLAnchorElement>('a[data-focus]');
    if (!a) return;
    e.preventDefault();
    const el = document.getElementById(pathId(parseName(a.dataset.focus!)));
    const target = el?.matches('input, select, textarea') ? el : el?.querySelector<HTMLElement>('input, select, textarea, [tabindex]');
    target?.closest('details:not([open])')?.setAttribute('open', '');
    // The label or legend goes on screen with the field, as GOV.UK's error summary does.
    (el?.closest('.field, .item, .group, .list') ?? el)?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  });

  // ---- sending -------------------------------------------------------------------------------------------

  section.addEventListener('click', async (e) => {
    const button = (e.target as Element).closest<HTMLButtonElement>('button[data-copy], button[data-download]');
    if (!button || !yaml) return;
    if (button.dataset.copy !== undefined) {
      if (await copyText(yaml)) say('The text of the file is copied. Paste it on GitHub.');
      else {
        selectText(out.yaml);
        say('The text of the file is selected: press Control and C (or Command and C on a Mac) to copy it.');
      }
    } else {
      download(`${slug}.yaml`, yaml);
      say(`The file ${slug}.yaml is saved in your downloads.`);
    }
  });

  // ---- starting ------------------------------------------------------------------------------------------

  async function loadForEdit(wanted: string): Promise<void> {
    const note = $(section!, '[data-edit-note]')!;
    const title = $(section!, '[data-form-title]')!;
    const known = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(wanted) ? await knownSlugs() : [];
    const index = known?.indexOf(wanted) ?? -1;
    if (known && index < 0) {
      note.hidden = false;
      note.textContent = `There is no group called “${wanted}” in the directory. You can add it as a new group with the form below.`;
      return;
    }
    // The group's data is in the file of its place in the list of groups, a few groups to a file.
    const res = index < 0 ? undefined : await fetch(`${config.providerDataUrl}${editDataFileName(index)}`).catch(() => undefined);
    const entry = res?.ok ? ((await res.json().catch(() => ({}))) as Record<string, ProviderEditData>)[wanted] : undefined;
    if (!entry) {
      note.hidden = false;
      note.textContent = 'The current details of this group could not be loaded. Reload the page to try again, or use one of the other ways above.';
      return;
    }
    editing = entry;
    values = valuesFromProvider(model, entry.data);
    showAll = true;
    title.textContent = `Correct ${entry.data.name}`;
    $(section!, '[data-edit-intro]')!.hidden = false;
    draw();
    // Arriving from a group's "Suggest a correction", the form is what the visitor came for.
    title.focus();
  }

  async function start(): Promise<void> {
    section!.hidden = false;
    draw();
    const wanted = new URLSearchParams(location.search).get('edit');
    const loading = import(/* @vite-ignore */ config.validatorUrl) as Promise<{ validate: Validate; schema: Record<string, unknown> }>;
    if (wanted) await loadForEdit(wanted);
    check();
    try {
      const mod = await loading;
      validate = mod.validate;
      schema = mod.schema;
      if (editing) Object.assign(editing, editLayout(editing.text, editing.data, schema));
    } catch {
      out.status.textContent = 'The checks could not be loaded. Reload the page to try again.';
      return;
    }
    check();
    form.dataset.ready = 'true';
  }

  void start();
}

