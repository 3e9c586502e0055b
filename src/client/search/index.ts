// Search enhancement; the query and filters live in the URL. Vocabulary words in the query become visible
// filters (search-query.ts). Words that may be a place load the resolver (search-place.ts): a query with a
// place is answered from small per-district files, nearest first, without Pagefind (search-rank.ts); other
// words go to Pagefind, and are checked as words. With few matches the filters and their counts are worked
// out from the matches; with many, Pagefind's counts need every filter file, so they load only when the
// visitor reaches for the filters (or when there is nothing to search for yet).
import type { SearchTables } from '../../lib/search/search-places.ts';
import { parseQuery, telling, wordScore, withoutWords, type TermIndex } from '../../lib/search/search-query.ts';
import { facetCounts, facetKey, filterMatches, keepWordMatches, orderWordMatches, passes, type PlaceRecord, type Ranked } from '../../lib/search/search-rank.ts';
import type { PlaceMatch } from '../../lib/places/places.ts';
import { filterParams, showBoxCounts, withQuery } from '../filters.ts';
import { cardOfPagefind, cardOfPlaceRecord, cardOfRecord, closedLast, renderCard, showCards, withFirst, type Card } from './cards.ts';
import { firstResults } from './first-results.ts';
import type { Filters, Pagefind, PagefindResultData } from './pagefind.ts';
import type { PlaceSearch } from './search-place.ts';
import { chosenFilters as chosenOfBoxes, chosenOf as chosenIndexes, queryText, valuesOf as valuesIndexes } from './query.ts';
import { PAGE_SIZE, placeStatus, wordStatus } from './status.ts';

type Config = TermIndex & SearchTables & { wordFiles: string };

/** Results whose words are checked (their text is loaded for that); more are counted as Pagefind found them. */
const CHECK_AT_MOST = PAGE_SIZE;
/** Groups offered when filters leave none. */
const OFFER = 5;

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  const configElement = document.getElementById('search-config');
  if (!form || !configElement) return;
  const config = JSON.parse(configElement.textContent ?? '{}') as Config;
  const facetIndex = new Map(config.facets.map((f, i) => [f, i]));
  const base = form.dataset.base ?? '/';
  const input = form.querySelector<HTMLInputElement>('#search-input')!;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const termList = document.getElementById('search-terms') as HTMLUListElement;
  const none = document.getElementById('search-none')!;
  const noneGroups = document.getElementById('search-none-groups')!;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const filterPanel = form.querySelector<HTMLElement>('[data-filters]');
  let pagefind: Promise<Pagefind> | undefined;
  let placeModule: Promise<typeof import('./search-place.ts')> | undefined;
  let knownWords: Promise<string[]> | undefined;
  let run = 0;
  /**
   * The words and filters of the word search on show, for its counts, with the filter values of the matches
   * its word check left out; undefined while a place search is on show.
   */
  let shown: { query: string; filters: Filters; dropped: number[][] } | undefined;

  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (pf: Pagefind) => {
      // Whole words first: a word that only starts a longer one ranks lower.
      await pf.options({ baseUrl: base, ranking: { termSimilarity: 10 } });
      return pf;
    }));

  // Filter counts come back as zeros until Pagefind has loaded every filter file (pf.filters() does that).
  let counts: Promise<void> | undefined;
  let countsReady = false;
  function loadCounts(): Promise<void> {
    if (!shown) return Promise.resolve();
    return (counts ??= load()
      .then((pf) => pf.filters())
      .then(() => {
        countsReady = true;
        return refreshCounts();
      }));
  }

  /**
   * Counts for the word search on show: a facet's counts come from the search without that facet's own
   * choices, so a count says how many groups ticking the box lets through, whatever else is ticked.
   */
  async function refreshCounts(): Promise<void> {
    if (!countsReady || !shown) return;
    const mine = run;
    const { query, filters, dropped } = shown;
    const pf = await load();
    const totals = !query && !Object.keys(filters).length ? await pf.filters() : (await pf.search(query || null, { filters }))?.filters;
    if (!totals) return;
    for (const key of Object.keys(filters)) {
      const others = Object.fromEntries(Object.entries(filters).filter(([k]) => k !== key));
      const without = !query && !Object.keys(others).length ? await pf.filters() : (await pf.search(query || null, { filters: others }))?.filters;
      if (without?.[key]) totals[key] = without[key];
    }
    // Pagefind counted the matches the word check left out; they are not among the results, so not in the counts.
    const less = facetCounts(dropped, chosenOf(filters), config.facets);
    if (mine === run) showCounts((facet) => (totals[facetKey(facet)]?.[facet.slice(facet.indexOf(':') + 1)] ?? 0) - (less[facetIndex.get(facet) ?? -1] ?? 0));
  }

  function wantCounts(): void {
    if (countsReady) void refreshCounts();
    else void loadCounts();
  }

  // Reaching for the filters (pointer, touch, keyboard, opening a group) loads the counts.
  for (const type of ['pointerover', 'touchstart', 'focusin']) filterPanel?.addEventListener(type, () => void loadCounts(), { passive: true });
  filterPanel?.addEventListener('toggle', () => void loadCounts(), { capture: true });

  function readUrl(): void {
    const params = new URLSearchParams(location.search);
    input.value = queryText(location.search);
    for (const box of boxes) box.checked = params.getAll(box.name).includes(box.value);
  }

  const stateUrl = (): string => withQuery(location.pathname, filterParams(input.value.trim(), boxes));

  const mapLink = document.querySelector<HTMLAnchorElement>('[data-map-link]');
  function saveState(push: boolean): void {
    const url = stateUrl();
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    if (mapLink) mapLink.href = `${base}map/${location.search}`;
  }

  const showCounts = (countOf: (facet: string) => number) => showBoxCounts(boxes, countOf);
  const cardOf = (r: Ranked) => cardOfRecord(r, base, config);
  const chosenFilters = (extra: [string, string][]) => chosenOfBoxes(boxes, extra);

  /** "Showing groups for men · Clear" for each vocabulary word in the query. */
  function showTerms(found: { term: number; words: string }[]): void {
    termList.replaceChildren(
      ...found.map(({ term, words }) => {
        const li = document.createElement('li');
        const phrase = config.terms[term]![2];
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'button';
        button.textContent = 'Clear';
        const hidden = document.createElement('span');
        hidden.className = 'visually-hidden';
        hidden.textContent = ` ${phrase}`;
        button.append(hidden);
        button.addEventListener('click', () => {
          input.value = withoutWords(input.value, words);
          input.focus();
          saveState(true);
          void search();
        });
        li.append(`Showing ${phrase} `, button);
        return li;
      }),
    );
    termList.hidden = !found.length;
  }

  function showNone(offers: Card[]): void {
    noneGroups.replaceChildren();
    if (offers.length) {
      const p = document.createElement('p');
      p.textContent = 'Other groups near there:';
      const ol = document.createElement('ol');
      ol.className = 'card-list';
      ol.append(...offers.map(renderCard));
      noneGroups.append(p, ol);
    }
    none.hidden = false;
  }

  /** Runs the search; the list is marked busy until its results are all in (the first may show before). */
  async function search(): Promise<void> {
    const mine = ++run;
    list.setAttribute('aria-busy', 'true');
    try {
      await searchNow(mine);
    } finally {
      if (mine === run) list.removeAttribute('aria-busy');
    }
  }

  async function searchNow(mine: number): Promise<void> {
    const raw = input.value.trim();
    const parsed = parseQuery(raw, config);
    showTerms(parsed.found);
    const termFilters = parsed.found.map(({ term }): [string, string] => [config.terms[term]![0], config.terms[term]![1]]);
    const filters = chosenFilters(termFilters);
    const anyFilter = Object.keys(filters).length > 0;
    none.hidden = true;
    status.textContent = 'Searching…';
    if (!parsed.rest && !anyFilter) {
      await load();
      if (mine !== run) return;
      shown = { query: '', filters, dropped: [] };
      list.replaceChildren();
      status.textContent = 'Type a word or choose a filter to see groups.';
      // Nothing to show but the filters, so their counts are what the visitor needs first.
      wantCounts();
      return;
    }
    // A place is recognised before any spelling correction, so a town is never "corrected" into another.
    const found = parsed.rest ? await (placeModule ??= import('./search-place.ts')).then((m) => m.findPlace(parsed.rest, base)) : { match: null, rest: '' };
    if (mine !== run) return;
    let match = found.match;
    let guessed = '';
    if (!match) {
      // Words first: only when they find nothing is the query taken for a misspelt place ("worthign").
      const guess = () => placeModule!.then((m) => m.guessPlace(parsed.rest, base));
      const fallback = await wordSearch(mine, parsed.rest, parsed.found.map((f) => f.words).join(' '), chosenFilters([]), filters, parsed.rest ? guess : undefined);
      if (!fallback || mine !== run) return;
      [match, guessed] = [fallback, parsed.rest];
    }
    const words = guessed ? '' : telling(found.rest);
    const place = await placeModule!;
    const narrowed = !!words || anyFilter;
    if (narrowed && match.kind !== 'outside') {
      // The place's first results that pass show first; else the groups meeting nearby and covering the
      // district; the area's whole file follows.
      const first = await place.searchPlace(match, base, config, 'first');
      if (mine !== run) return;
      if (!showFirstPlaceResults(first, words, filters) && first.firstOnly) {
        // A filter few groups near the place have: the next groups with it, from the place's second file.
        const rare = anyFilter && first.more ? await place.firstForFilters(match, base, config, chosenOf(filters), (r) => hasWords(r, words)) : [];
        if (mine !== run) return;
        showCards(list, rare.slice(0, PAGE_SIZE).map(cardOf));
        if (!rare.length) {
          const nearby = await place.searchPlace(match, base, config, 'nearby-only');
          if (mine !== run) return;
          showFirstPlaceResults(nearby, words, filters);
        }
      }
    }
    const result = await place.searchPlace(match, base, config, narrowed);
    if (mine !== run) return;
    showPlaceResults(result, words, filters, guessed);
  }

  const hasWords = (r: PlaceRecord, words: string) => !words || wordScore(`${r.n} ${r.s}`, words) > 0;
  const matchingWords = (ranked: Ranked[], words: string) => (words ? ranked.filter((r) => hasWords(r.record, words)) : ranked);

  /**
   * Before the area's whole file is in: the place's first results that pass (the first of all that pass, as the
   * filter keeps their order), or the groups nearby and for the district, which keep their place at the top.
   * Returns whether any showed.
   */
  function showFirstPlaceResults(result: PlaceSearch, words: string, filters: Filters): boolean {
    const chosen = chosenOf(filters);
    const hits = matchingWords(result.ranked, words).filter((r) => (result.firstOnly || r.tier === 'near' || r.tier === 'district') && passes(r.record.f, chosen));
    showCards(list, hits.slice(0, PAGE_SIZE).map(cardOf));
    return hits.length > 0;
  }

  function showPlaceResults(result: PlaceSearch, words: string, filters: Filters, guessed = ''): void {
    shown = undefined;
    const chosen = chosenOf(filters);
    const matching = matchingWords(result.ranked, words);
    const counts = facetCounts(matching.map((r) => r.record.f), chosen, config.facets);
    // Not loaded yet, and only when nothing narrows the search: the rest of the area's groups.
    result.moreCounts?.forEach((c, i) => (counts[i] = (counts[i] ?? 0) + c));
    showCounts((facet) => counts[facetIndex.get(facet) ?? -1] ?? 0);
    const hits = matching.filter((r) => passes(r.record.f, chosen));
    showCards(list, hits.slice(0, PAGE_SIZE).map(cardOf));
    status.textContent = placeStatus(result, hits.length, result.nearby ?? hits.filter((r) => r.tier === 'near').length, words, guessed);
    if (!(hits.length + result.more)) showNone(result.ranked.filter((r) => r !== undefined).slice(0, OFFER).map(cardOf));
  }

  const valuesOf = (d: PagefindResultData): number[] => valuesIndexes(d, facetIndex);
  const chosenOf = (filters: Filters) => chosenIndexes(filters, facetIndex);

  /**
   * Pagefind's matches checked as words (keepWordMatches). When they are few, every filter and its count is
   * worked out from them (filterMatches), so a count is exactly what ticking its box shows. When they are
   * many, the first CHECK_AT_MOST of the unfiltered matches are checked, whatever is ticked, and those that
   * fail are left out of the results and of Pagefind's counts alike, so the counts still say what ticking shows.
   */
  async function wordResults(pf: Pagefind, query: string, termWords: string, ticked: Filters, filters: Filters): Promise<{ cards: Card[]; total: number; counts?: number[]; dropped: number[][] } | undefined> {
    const main = await pf.search(query || null, { filters: {} });
    if (!main) return undefined;
    const few = main.results.length <= CHECK_AT_MOST;
    // With no words to check (only vocabulary words, as filters), a long list's text is not needed: nothing can fail.
    const checked = query || few ? main.results.slice(0, CHECK_AT_MOST) : [];
    const data = await Promise.all(checked.map((r) => r.data()));
    const hits = data.map((d, i) => ({ d, id: checked[i]!.id, title: d.meta.title ?? '', summary: d.meta.summary ?? '', text: d.content ?? '', values: valuesOf(d) }));
    const kept = keepWordMatches(hits, query, termWords);
    if (few) {
      const { shown: passing, counts } = filterMatches(kept, chosenOf(filters), chosenOf(ticked), termWords, config.facets);
      return { cards: passing.map(({ d }) => cardOfPagefind(d)), total: passing.length, counts, dropped: [] };
    }
    const keptIds = new Set(kept.map((h) => h.id));
    const dropped = hits.filter((h) => !keptIds.has(h.id));
    const droppedIds = new Set(dropped.map((h) => h.id));
    const droppedValues = dropped.map((h) => h.values);
    if (!Object.keys(filters).length) return { cards: kept.map(({ d }) => cardOfPagefind(d)), total: main.results.length - dropped.length, dropped: droppedValues };
    const response = await pf.search(query || null, { filters });
    if (!response) return undefined;
    const passing = response.results.filter((r) => !droppedIds.has(r.id));
    const passingIds = new Set(passing.map((r) => r.id));
    // As filterMatches does: a group named by the vocabulary words is kept without their filter ("café" finds a closed café).
    const named = termWords ? await pf.search(termWords, { filters: ticked }) : null;
    const namedOnly = (named?.results ?? []).filter((r) => !passingIds.has(r.id) && !droppedIds.has(r.id)).slice(0, CHECK_AT_MOST);
    const asHit = (d: PagefindResultData) => ({ d, title: d.meta.title ?? '', summary: d.meta.summary ?? '', text: d.content ?? '', values: valuesOf(d) });
    const extra = keepWordMatches((await Promise.all(namedOnly.map((r) => r.data()))).map(asHit), query, '').filter((h) => wordScore(h.title, termWords) > 0);
    const first = await Promise.all(passing.slice(0, CHECK_AT_MOST).map((r) => r.data()));
    const ordered = orderWordMatches([...extra, ...first.map(asHit)], query, termWords);
    return { cards: ordered.map(({ d }) => cardOfPagefind(d)), total: passing.length + extra.length, dropped: droppedValues };
  }

  /** Before Pagefind has loaded: the results the word search is sure to show first, from the site's own small files. */
  async function showFirstWordResults(mine: number, rest: string, termWords: string, ticked: Filters, filters: Filters): Promise<Card[]> {
    const records = await firstResults({ words: rest, termWords, chosen: chosenOf(filters), ticked: chosenOf(ticked) }, config.wordFiles, base);
    if (mine !== run || !records.length) return [];
    const cards = records.slice(0, PAGE_SIZE).map((r) => cardOfPlaceRecord(r, base, config));
    showCards(list, cards);
    return cards;
  }

  /** Shows what words find; when they find nothing and `guess` names a place, returns it for a place search instead. */
  async function wordSearch(
    mine: number,
    rest: string,
    termWords: string,
    ticked: Filters,
    filters: Filters,
    guess?: () => Promise<PlaceMatch | null>,
  ): Promise<PlaceMatch | null | undefined> {
    const first = await showFirstWordResults(mine, rest, termWords, ticked, filters);
    if (mine !== run) return;
    const pf = await load();
    let query = rest;
    let found = await wordResults(pf, query, termWords, ticked, filters);
    let corrected = '';
    if (mine !== run) return;
    if (query && found && found.total === 0) {
      // Forgive typos: retry once with each word moved to the nearest word the directory knows (never a place).
      knownWords ??= fetch(`${base}search-words.json`).then((r) => (r.ok ? r.json() : []), () => []);
      // The corrector loads only when words find nothing.
      const [known, { correctWord }, { distance }] = await Promise.all([knownWords, import('../../lib/search/search-words.ts'), import('fastest-levenshtein')]);
      const fixed = query.split(/\s+/).map((w) => correctWord(w, known, distance) ?? w).join(' ');
      if (fixed !== query) {
        const retry = await wordResults(pf, fixed, termWords, ticked, filters);
        if (retry && retry.total) [found, corrected, query] = [retry, fixed, fixed];
      }
    }
    if (mine !== run || !found) return;
    if (!found.total && guess) {
      const place = await guess();
      if (place) return place;
      if (mine !== run) return;
    }
    // The first results already on show keep their places: they are the first of these (search-first.ts).
    showCards(list, withFirst(corrected ? [] : first, closedLast(found.cards)).slice(0, PAGE_SIZE));
    const local = found.counts;
    if (local) {
      shown = undefined;
      showCounts((facet) => local[facetIndex.get(facet) ?? -1] ?? 0);
    } else {
      shown = { query, filters, dropped: found.dropped };
      if (countsReady) void refreshCounts();
      // Someone who has ticked a filter is using them: their counts follow the results.
      else if (boxes.some((b) => b.checked)) void loadCounts();
    }
    status.textContent = wordStatus(found.total, rest || termWords, corrected, rest);
    if (!found.total) showNone([]);
    return null;
  }

  let typing: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => {
      saveState(false);
      void search();
    }, 250);
  });
  form.addEventListener('change', (event) => {
    if (event.target === input) return;
    saveState(true);
    void search();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typing);
    saveState(true);
    void search();
  });
  form.addEventListener('reset', (event) => {
    event.preventDefault();
    for (const box of boxes) box.checked = false;
    saveState(true);
    void search();
  });
  window.addEventListener('popstate', () => {
    readUrl();
    if (mapLink) mapLink.href = `${base}map/${location.search}`;
    void search();
  });
  readUrl();
  // One box holds what and where: an address with near= is rewritten to q= once read.
  if (new URLSearchParams(location.search).has('near')) saveState(false);
  if (mapLink) mapLink.href = `${base}map/${location.search}`;
  void search();
}
