// The search page's address and filters, DOM-free: what the address asks, the filters chosen (ticked boxes plus
// vocabulary words in the query) in Pagefind's form, and the same as facet-table indexes.
import type { Chosen } from '../../lib/search/search-rank.ts';
import type { Box } from '../filters.ts';
import type { Filters, PagefindResultData } from './pagefind.ts';

/** What the box shows for an address: the home page asks "what" (q) and "where" (near) apart; here they share one box. */
export function queryText(search: string): string {
  const params = new URLSearchParams(search);
  return [params.get('q') ?? '', params.get('near') ?? ''].map((s) => s.trim()).filter(Boolean).join(' ');
}

/** The ticked boxes and the extra [key, value] pairs, each value once, as Pagefind's filters. */
export function chosenFilters(boxes: readonly Box[], extra: [string, string][]): Filters {
  const filters: Filters = {};
  const add = (key: string, value: string) => {
    const any = (filters[key] ??= { any: [] }).any;
    if (!any.includes(value)) any.push(value);
  };
  for (const box of boxes) if (box.checked) add(box.name, box.value);
  for (const [key, value] of extra) add(key, value);
  return filters;
}

/** Filters as indexes into the facet table ("key:id" → index); a value the table lacks is −1. */
export const chosenOf = (filters: Filters, facetIndex: ReadonlyMap<string, number>): Chosen =>
  new Map(Object.entries(filters).map(([key, { any }]) => [key, new Set(any.map((id) => facetIndex.get(`${key}:${id}`) ?? -1))]));

/** A result's filter values as indexes into the facet table. */
export const valuesOf = (d: Pick<PagefindResultData, 'filters'>, facetIndex: ReadonlyMap<string, number>): number[] =>
  Object.entries(d.filters ?? {}).flatMap(([key, ids]) => ids.map((id) => facetIndex.get(`${key}:${id}`) ?? -1)).filter((v) => v >= 0);
