// The filter boxes shared by the search and map pages: their page-address parameters and their counts.
// A box is anything with a name, a value and `checked` (an <input> is one), so the address part is DOM-free.

export interface Box {
  name: string;
  value: string;
  checked: boolean;
}

/** The words and ticked boxes, as search's page address takes them. */
export function filterParams(words: string, boxes: readonly Box[]): URLSearchParams {
  const params = new URLSearchParams();
  if (words) params.set('q', words);
  for (const box of boxes) if (box.checked) params.append(box.name, box.value);
  return params;
}

/** "/map/?q=…", or "/map/" when there is nothing to ask. */
export function withQuery(path: string, params: URLSearchParams): string {
  const query = params.toString();
  return `${path}${query ? `?${query}` : ''}`;
}

/** Writes "(n)" beside each box; a box no group would pass (and not ticked) is greyed. */
export function showBoxCounts(boxes: readonly HTMLInputElement[], countOf: (facet: string) => number): void {
  for (const box of boxes) {
    const n = countOf(`${box.name}:${box.value}`);
    const label = box.closest('label');
    const count = label?.querySelector<HTMLElement>('[data-count]');
    if (count) count.textContent = `(${n})`;
    label?.classList.toggle('is-empty', n === 0 && !box.checked);
  }
}
