// Long lists split into pages of at most PAGE_SIZE items, so no page grows with the directory.
// Page 1 lives at the list's own address (/areas/west-sussex/worthing/), page n at <address>n/.
import { countOf } from './text/words.ts';

/** The most items one list page shows. */
export const PAGE_SIZE = 100;

/** The address of page `n` of a list whose first page is at `first` (ending in "/"). */
export function pageUrl(first: string, n: number): string {
  const root = first.endsWith('/') ? first : `${first}/`;
  return n <= 1 ? root : `${root}${n}/`;
}

/**
 * Which page numbers a pagination bar shows: always the first and last, the current one and `around` on
 * each side of it; `null` marks a gap ("…"). A gap of one page shows that page instead.
 */
export function pageWindow(current: number, last: number, around = 1): (number | null)[] {
  const shown = new Set([1, last]);
  for (let n = current - around; n <= current + around; n++) if (n >= 1 && n <= last) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const n of sorted) {
    const previous = out.at(-1);
    if (typeof previous === 'number' && n - previous === 2) out.push(n - 1);
    else if (typeof previous === 'number' && n - previous > 2) out.push(null);
    out.push(n);
  }
  return out;
}

/** "101 to 200 of 1,234" for page `n` of `total` items. */
export function rangeText(n: number, total: number, size = PAGE_SIZE): string {
  const from = (n - 1) * size + 1;
  const to = Math.min(n * size, total);
  const fmt = (x: number) => x.toLocaleString('en-GB');
  return from === to ? `${fmt(from)} of ${fmt(total)}` : `${fmt(from)} to ${fmt(to)} of ${fmt(total)}`;
}

/** " (page 2 of 5)" for titles and headings, or "" when the list has one page. */
export function pageNote(current: number, last: number): string {
  return last > 1 ? ` (page ${current} of ${last})` : '';
}

export { countOf };

/** The sentence above a list page: "Groups 101 to 200 of 1,234." on a long list, else "12 groups." */
export function listSummary(page: { currentPage: number; lastPage: number; total: number }, one: string, many: string): string {
  if (page.lastPage <= 1) return `${countOf(page.total, one, many)}.`;
  const capital = many.charAt(0).toUpperCase() + many.slice(1);
  return `${capital} ${rangeText(page.currentPage, page.total)}.`;
}
