// Search enhancement; the query and filters live in the URL. Vocabulary words in the query become visible
// filters (search-query.ts). Words that may be a place load the resolver (search-place.ts): a query with a
// place is answered from small per-district files, nearest first, without Pagefind (search-rank.ts); other
// words go to Pagefind, and are checked as words. With few matches the filters and their counts are worked
// out from the matches; with many, Pagefind's counts need every filter file, so they load only when the
// visitor reaches for the filters (or when there is nothing to search for yet).
import type { SearchTables } from '../lib/search-places.ts';
import { parseQuery, telling, wordScore, withoutWords, type TermIndex } from '../lib/search-query.ts';
import { areasOf, BADGES, facetCounts, facetKey, filterMatches, keepWordMatches, orderWordMatches, passes, slugOf, type Chosen, type Ranked } from '../lib/search-rank.ts';
import type { PlaceMatch } from '../lib/places.ts';
import type { PlaceSearch } from './search-place.ts';

interface PagefindResultData {
  url: string;
  filters?: Record<string, string[]>;
  content?: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindResultData>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: Record<string, Record<string, number>>;
}
type Filters = Record<string, { any: string[] }>;
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o: { filters: Filters }) => Promise<PagefindResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}
type Config = TermIndex & SearchTables;

const PAGE_SIZE = 30;
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
    // The home page asks "what" (q) and "where" (near) apart; here they share one box.
    input.value = [params.get('q') ?? '', params.get('near') ?? ''].map((s) => s.trim()).filter(Boolean).join(' ');
    for (const box of boxes) box.checked = params.getAll(box.name).includes(box.value);
  }

  function stateUrl(): string {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set('q', input.value.trim());
    for (const box of boxes) if (box.checked) params.append(box.name, box.value);
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ''}`;
  }

  const mapLink = document.querySelector<HTMLAnchorElement>('[data-map-link]');
  function saveState(push: boolean): void {
    const url = stateUrl();
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    if (mapLink) mapLink.href = `${base}map/${location.search}`;
  }

  function showCounts(countOf: (facet: string) => number): void {
    for (const box of boxes) {
      const n = countOf(`${box.name}:${box.value}`);
      const label = box.closest('label');
      const count = label?.querySelector<HTMLElement>('[data-count]');
      if (count) count.textContent = `(${n})`;
      label?.classList.toggle('is-empty', n === 0 && !box.checked);
    }
  }

  type Badge = [string, string, string];
  interface Card {
    url: string;
    title: string;
    summary: string;
    areas: string;
    badges: Badge[];
    why?: string;
    /** "Information from 2017", and whether that is older than the notice threshold. */
    age?: string;
    old?: boolean;
  }

  function badgesOf(data: PagefindResultData): Badge[] {
    try {
      return data.meta.badges ? (JSON.parse(data.meta.badges) as Badge[]) : [];
    } catch {
      return [];
    }
  }

  const cardOfPagefind = (data: PagefindResultData): Card => ({ url: data.url, title: data.meta.title ?? data.url, summary: data.meta.summary ?? '', areas: data.meta.areas ?? '', badges: badgesOf(data), age: data.meta.age, old: data.meta.old === 'yes' });
  const cardOfRecord = (r: Ranked): Card => ({
    url: `${base}providers/${slugOf(r.record)}/`,
    title: r.record.n,
    summary: r.record.s,
    areas: areasOf(r.record, config),
    badges: [...(r.record.b ?? '')].map((c) => BADGES[c]).filter((b): b is Badge => !!b),
    why: r.why,
    age: r.record.a,
    old: !!r.record.g,
  });

  /** The same card as the lists' (ProviderCard), with why it is there when a place was searched for. */
  function renderCard(card: Card): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'card';
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = card.url;
    // <bdi>: a name written right to left cannot reorder the words around it.
    const name = document.createElement('bdi');
    name.textContent = card.title;
    a.append(name);
    h.append(a);
    li.append(h);
    if (card.why) {
      const why = document.createElement('p');
      why.className = 'why';
      why.textContent = card.why;
      li.append(why);
    }
    const summary = document.createElement('p');
    summary.textContent = card.summary;
    const where = document.createElement('p');
    where.className = 'muted';
    where.textContent = card.areas;
    li.append(summary, where);
    if (card.age) {
      // The same short form as the lists' cards: how old the facts are.
      const age = document.createElement('p');
      age.className = card.old ? 'age-short old' : 'age-short';
      age.textContent = card.age;
      li.append(age);
    }
    if (card.badges.length) {
      const ul = document.createElement('ul');
      ul.className = 'badges';
      ul.setAttribute('aria-label', `About ${card.title}`);
      for (const [kind, icon, text] of card.badges) {
        const item = document.createElement('li');
        item.className = `badge ${kind}`;
        const mark = document.createElement('span');
        mark.setAttribute('aria-hidden', 'true');
        mark.textContent = icon;
        item.append(mark, ` ${text}`);
        ul.append(item);
      }
      li.append(ul);
    }
    return li;
  }

  const isClosed = (c: Card) => c.badges.some(([kind]) => kind === 'closed');
  /** Groups that have closed go after those still running, and old facts after recent ones; otherwise the order given. */
  const closedLast = (cards: Card[]) => [...cards].sort((x, y) => Number(isClosed(x)) - Number(isClosed(y)) || Number(!!x.old) - Number(!!y.old));

  function chosenFilters(extra: [string, string][]): Filters {
    const filters: Filters = {};
    const add = (key: string, value: string) => {
      const any = (filters[key] ??= { any: [] }).any;
      if (!any.includes(value)) any.push(value);
    };
    for (const box of boxes) if (box.checked) add(box.name, box.value);
    for (const [key, value] of extra) add(key, value);
    return filters;
  }

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

  const plural = (n: number) => `${n} ${n === 1 ? 'group' : 'groups'}`;

  async function search(): Promise<void> {
    const mine = ++run;
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
      // The groups meeting nearby and covering the district show first; the area's whole file follows.
      const first = await place.searchPlace(match, base, config, 'nearby-only');
      if (mine !== run) return;
      showFirstPlaceResults(first, words, filters);
    }
    const result = await place.searchPlace(match, base, config, narrowed);
    if (mine !== run) return;
    showPlaceResults(result, words, filters, guessed);
  }

  const matchingWords = (ranked: Ranked[], words: string) => (words ? ranked.filter((r) => wordScore(`${r.record.n} ${r.record.s}`, words) > 0) : ranked);

  /** Before the area's whole file is in: the groups nearby and for the district, which keep their place at the top. */
  function showFirstPlaceResults(result: PlaceSearch, words: string, filters: Filters): void {
    const chosen = chosenOf(filters);
    const hits = matchingWords(result.ranked, words).filter((r) => (r.tier === 'near' || r.tier === 'district') && passes(r.record.f, chosen));
    list.replaceChildren(...hits.slice(0, PAGE_SIZE).map((r) => renderCard(cardOfRecord(r))));
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
    list.replaceChildren(...hits.slice(0, PAGE_SIZE).map((r) => renderCard(cardOfRecord(r))));
    const what = words ? ` for "${words}"` : '';
    const name = guessed ? `${result.name} (we could not find "${guessed}")` : result.name;
    const where = result.outside ? `${result.outside} ` : '';
    const n = hits.length + result.more;
    const more = n > PAGE_SIZE ? ` Showing the first ${PAGE_SIZE}.` : '';
    if (result.outside) status.textContent = n ? `${where}${plural(n)}${what} you can join online or by phone.${more}` : `${where}We found no group${what} that works online or by phone.`;
    else {
      const near = hits.filter((r) => r.tier === 'near').length;
      const meeting = near ? ` ${near} ${near === 1 ? 'meets' : 'meet'} in or near it.` : ` None meets in or near it.`;
      status.textContent = n ? `${plural(n)} found${what} for ${name}, nearest first.${meeting}${more}` : `No groups found${what} for ${name} with these filters.`;
    }
    if (!n) showNone(result.ranked.filter((r) => r !== undefined).slice(0, OFFER).map(cardOfRecord));
  }

  /** A result's filter values as indexes into the facet table. */
  const valuesOf = (d: PagefindResultData): number[] =>
    Object.entries(d.filters ?? {}).flatMap(([key, ids]) => ids.map((id) => facetIndex.get(`${key}:${id}`) ?? -1)).filter((v) => v >= 0);

  const chosenOf = (filters: Filters): Chosen => new Map(Object.entries(filters).map(([key, { any }]) => [key, new Set(any.map((id) => facetIndex.get(`${key}:${id}`) ?? -1))]));

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
    const checked = main.results.slice(0, CHECK_AT_MOST);
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

  /** Shows what words find; when they find nothing and `guess` names a place, returns it for a place search instead. */
  async function wordSearch(
    mine: number,
    rest: string,
    termWords: string,
    ticked: Filters,
    filters: Filters,
    guess?: () => Promise<PlaceMatch | null>,
  ): Promise<PlaceMatch | null | undefined> {
    const pf = await load();
    let query = rest;
    let found = await wordResults(pf, query, termWords, ticked, filters);
    let corrected = '';
    if (mine !== run) return;
    if (query && found && found.total === 0) {
      // Forgive typos: retry once with each word moved to the nearest word the directory knows (never a place).
      knownWords ??= fetch(`${base}search-words.json`).then((r) => (r.ok ? r.json() : []), () => []);
      // The corrector loads only when words find nothing.
      const [known, { correctWord }, { distance }] = await Promise.all([knownWords, import('../lib/search-words.ts'), import('fastest-levenshtein')]);
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
    list.replaceChildren(...closedLast(found.cards).slice(0, PAGE_SIZE).map(renderCard));
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
    const n = found.total;
    const typed = rest || termWords;
    const words = corrected ? ` for "${corrected}" (we could not find "${rest}")` : typed ? ` for "${typed}"` : '';
    status.textContent =
      n === 0 ? `No groups found${words}. Try fewer filters or another word.` : `${plural(n)} found${words}${n > PAGE_SIZE ? `. Showing the first ${PAGE_SIZE}` : ''}.`;
    if (!n) showNone([]);
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
