// The form's messages on screen: each next to its field (tied to it with aria-describedby), and the errors in a
// summary at the top once the volunteer asks to check the answers, as GOV.UK's error summary does.
import type { FieldProblem } from '../../lib/contribute/form-checks.ts';
import { pathId } from '../../lib/contribute/form-model.ts';

/** A message shows once its field (or one inside it) has been left, or when everything is checked. */
export function isVisible(p: Pick<FieldProblem, 'name'>, touched: Iterable<string>, showAll: boolean): boolean {
  if (showAll) return true;
  for (const t of touched) if (t === p.name || t.startsWith(`${p.name}.`)) return true;
  return false;
}

/** An aria-describedby value with `id` added or taken away; '' when none is left. */
export function describedBy(current: string | null, id: string, on: boolean): string {
  const ids = new Set((current ?? '').split(/\s+/).filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  return [...ids].join(' ');
}

function setDescribedBy(el: Element, id: string, on: boolean): void {
  const ids = describedBy(el.getAttribute('aria-describedby'), id, on);
  if (ids) el.setAttribute('aria-describedby', ids);
  else el.removeAttribute('aria-describedby');
}

/** What a message describes: the field's input, or a radio or checkbox list's fieldset and every option in it. */
function inputsFor(id: string): Element[] {
  const el = document.getElementById(id);
  if (!el) return [];
  if (el.matches('fieldset.choice, fieldset.choices')) return [el, ...el.querySelectorAll('input')];
  return [el];
}

/** Clears the messages on show, then shows each visible problem in its field's slot. */
export function showInlineProblems(section: HTMLElement, problems: readonly FieldProblem[], visible: (p: FieldProblem) => boolean): void {
  for (const slot of section.querySelectorAll<HTMLElement>('[data-error-slot]:not([hidden])')) {
    slot.hidden = true;
    slot.textContent = '';
    slot.classList.remove('is-warning');
    const id = slot.dataset.errorSlot!;
    for (const el of inputsFor(id)) {
      el.removeAttribute('aria-invalid');
      setDescribedBy(el, slot.id, false);
    }
    document.getElementById(id)?.closest('.field, .group, .item, .list')?.classList.remove('has-error', 'has-warning');
  }
  for (const p of problems) {
    if (!visible(p)) continue;
    const id = pathId(p.path);
    const slot = document.getElementById(`${id}-error`);
    if (!slot) continue;
    const warning = p.severity === 'warning';
    slot.replaceChildren(Object.assign(document.createElement('span'), { className: 'visually-hidden', textContent: warning ? 'Check: ' : 'Error: ' }), p.message);
    slot.classList.toggle('is-warning', warning);
    slot.hidden = false;
    for (const el of inputsFor(id)) {
      if (!warning && el.matches('input:not([type=radio], [type=checkbox]), select, textarea')) el.setAttribute('aria-invalid', 'true');
      setDescribedBy(el, slot.id, true);
    }
    // Inside a closed "details", a message nobody can see helps nobody.
    slot.closest('details:not([open])')?.setAttribute('open', '');
    document.getElementById(id)?.closest('.field, .group, .item, .list')?.classList.add(warning ? 'has-warning' : 'has-error');
  }
}

/** The summary of errors, each a link to its field; shown only when everything is checked. */
export function showErrorSummary(summary: HTMLElement, list: HTMLElement, problems: readonly FieldProblem[], showAll: boolean): void {
  const errors = problems.filter((p) => p.severity === 'error');
  summary.hidden = !showAll || errors.length === 0;
  list.replaceChildren(
    ...errors.map((p) => {
      const a = document.createElement('a');
      a.href = `#${pathId(p.path)}`;
      a.dataset.focus = p.name;
      a.textContent = p.context ? `${p.context}: ${p.message}` : p.message;
      const li = document.createElement('li');
      li.append(a);
      return li;
    }),
  );
}
