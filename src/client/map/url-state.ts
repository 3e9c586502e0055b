// The map's page address: the same filter parameters as search (q, one per ticked box), plus provider and near.
// DOM-free: a ticked box is anything with a name, a value and `checked` (an <input> is one).
import type { MapFilter } from '../../lib/map/map-format.ts';
import { filterParams, withQuery, type Box } from '../filters.ts';

/** What the page address asks for. */
export interface UrlState {
  provider?: string;
  words: string;
  /** The gazetteer id in `near`, or ''. */
  near: string;
  /** Whether the address ticks this box. */
  ticks(box: Box): boolean;
}

export function readParams(search: string): UrlState {
  const params = new URLSearchParams(search);
  return { provider: params.get('provider') || undefined, words: params.get('q') ?? '', near: params.get('near') ?? '', ticks: (box) => params.getAll(box.name).includes(box.value) };
}

/** The map's own address for this state. */
export function stateUrl(path: string, state: { words: string; provider?: string; nearId?: string }, boxes: readonly Box[]): string {
  const params = filterParams(state.words, boxes);
  if (state.provider) params.set('provider', state.provider);
  if (state.nearId) params.set('near', state.nearId);
  return withQuery(path, params);
}

/** The filter the markers and lists apply: ticked values by box name, and the provider. */
export function chosenFilter(boxes: readonly Box[], provider: string | undefined): MapFilter {
  const terms = new Map<string, string[]>();
  for (const box of boxes) if (box.checked) terms.set(box.name, [...(terms.get(box.name) ?? []), box.value]);
  return { terms, provider };
}
