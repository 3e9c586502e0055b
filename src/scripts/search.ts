// Search enhancement: Pagefind runs in the browser, and the query and filters live in the URL.
// The counts beside the filters need every Pagefind filter file (which grow with the directory), so they are
// loaded only when the visitor reaches for the filters (or when there is nothing to search for yet), never
// before the first results.
import { distance } from 'fastest-levenshtein';
import type { SearchBadges } from '../lib/directory.ts';
import { correctWord } from '../lib/search-words.ts';
interface PagefindResultData {
  url: string;
  meta: Record<string, string>;
}
interface PagefindResponse {
  results: { id: string; data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
  unfilteredResultCount: number;
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>;
  search: (q: string | null, o: { filters: Record<string, { any: string[] }> }) => Promise<PagefindResponse | null>;
  filters: () => Promise<Record<string, Record<string, number>>>;
}

const PAGE_SIZE = 30;

export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('[data-search-form]');
  if (!form) return;
  const base = form.dataset.base ?? '/';
  const input = form.querySelector<HTMLInputElement>('#search-input')!;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results') as HTMLOListElement;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
  const filterPanel = form.querySelector<HTMLElement>('[data-filters]');
  let pagefind: Promise<Pagefind> | undefined;
  let knownWords: Promise<string[]> | undefined;
  let run = 0;
  /** The words the results on show were found with (a corrected query after a typo), for the counts. */
  let shownQuery = '';

  const load = () =>
    (pagefind ??= import(/* @vite-ignore */ `${base}pagefind/pagefind.js`).then(async (pf: Pagefind) => {
      await pf.options({ baseUrl: base });
      return pf;
    }));

  // Filter counts come back as zeros until Pagefind has loaded every filter file (pf.filters() does that).
  let counts: Promise<void> | undefined;
  let countsReady = false;
  function loadCounts(): Promise<void> {
    return (counts ??= load()
      .then((pf) => pf.filters())
      .then(() => {
        countsReady = true;
        return refreshCounts();
      }));
  }

  /** Counts for what is on show now, once the filter files are loaded. */
  async function refreshCounts(): Promise<void> {
    if (!countsReady) return;
    const mine = run;
    const pf = await load();
    const filters = chosenFilters();
    const totals = !shownQuery && !Object.keys(filters).length ? await pf.filters() : (await pf.search(shownQuery || null, { filters }))?.filters;
    if (mine === run && totals) showCounts(totals);
  }

  /** Shows the counts for what is on show, loading the filter files first if need be. */
  function wantCounts(): void {
    if (countsReady) void refreshCounts();
    else void loadCounts();
  }

  // Reaching for the filters (pointer, touch, keyboard, opening a group) loads the counts.
  for (const type of ['pointerover', 'touchstart', 'focusin']) filterPanel?.addEventListener(type, () => void loadCounts(), { once: true, passive: true });
  filterPanel?.addEventListener('toggle', () => void loadCounts(), { once: true, capture: true });

  function readUrl(): void {
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
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
  /** Keeps the browser address and the map link in step with the form. */
  function saveState(push: boolean): void {
    const url = stateUrl();
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    if (mapLink) mapLink.href = `${base}map/${location.search}`;
  }

  function chosenFilters(): Record<string, { any: string[] }> {
    const filters: Record<string, { any: string[] }> = {};
    for (const box of boxes) if (box.checked) (filters[box.name] ??= { any: [] }).any.push(box.value);
    return filters;
  }

  function showCounts(counts: Record<string, Record<string, number>>): void {
    for (const box of boxes) {
      const n = counts[box.name]?.[box.value] ?? 0;
      const label = box.closest('label');
      const count = label?.querySelector<HTMLElement>('[data-count]');
      if (count) count.textContent = `(${n})`;
      label?.classList.toggle('is-empty', n === 0 && !box.checked);
    }
  }

  /** A result's badges (closed, user-led, Charter, not yet checked), as the build wrote them (searchRecord). */
  function badgesOf(data: PagefindResultData): SearchBadges {
    try {
      return data.meta.badges ? (JSON.parse(data.meta.badges) as SearchBadges) : [];
    } catch {
      return [];
    }
  }

  /** The same card as the lists' (ProviderCard): name, summary, areas and badges. */
  function renderResult(data: PagefindResultData): HTMLLIElement {
    const li = document.createElement('li');
    li.className = 'card';
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = data.url;
    a.textContent = data.meta.title ?? data.url;
    h.append(a);
    const summary = document.createElement('p');
    summary.textContent = data.meta.summary ?? '';
    const where = document.createElement('p');
    where.className = 'muted';
    where.textContent = data.meta.areas ?? '';
    li.append(h, summary, where);
    if (data.meta.age) {
      // The same short form as the lists' cards: how old the facts are.
      const age = document.createElement('p');
      age.className = data.meta.old ? 'age-short old' : 'age-short';
      age.textContent = data.meta.age;
      li.append(age);
    }
    const badges = badgesOf(data);
    if (badges.length) {
      const ul = document.createElement('ul');
      ul.className = 'badges';
      ul.setAttribute('aria-label', `About ${a.textContent}`);
      for (const [kind, icon, text] of badges) {
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

  /** Groups that have closed go after those still running, and old facts after recent ones; otherwise Pagefind's order (best match first). */
  const closedLast = (results: PagefindResultData[]) =>
    results
      .map((data) => ({ data, closed: badgesOf(data).some(([kind]) => kind === 'closed'), old: data.meta.old === 'yes' }))
      .sort((x, y) => Number(x.closed) - Number(y.closed) || Number(x.old) - Number(y.old))
      .map((r) => r.data);

  async function search(): Promise<void> {
    const mine = ++run;
    const query = input.value.trim();
    const filters = chosenFilters();
    const anyFilter = Object.keys(filters).length > 0;
    status.textContent = 'Searching…';
    const pf = await load();
    if (!query && !anyFilter) {
      if (mine !== run) return;
      shownQuery = '';
      list.replaceChildren();
      status.textContent = 'Type a word or choose a filter to see groups.';
      // Nothing to show but the filters, so their counts are what the visitor needs first.
      wantCounts();
      return;
    }
    let response = await pf.search(query || null, { filters });
    let corrected = '';
    if (query && response && response.results.length === 0) {
      // Forgive typos: retry once with each word moved to the nearest word the directory knows.
      knownWords ??= fetch(`${base}search-words.json`).then((r) => (r.ok ? r.json() : []), () => []);
      const known = await knownWords;
      const fixed = query.split(/\s+/).map((w) => correctWord(w, known, distance) ?? w).join(' ');
      if (fixed.toLowerCase() !== query.toLowerCase()) {
        const retry = await pf.search(fixed, { filters });
        if (retry && retry.results.length) [response, corrected] = [retry, fixed];
      }
    }
    if (mine !== run || !response) return;
    const shown = await Promise.all(response.results.slice(0, PAGE_SIZE).map((r) => r.data()));
    if (mine !== run) return;
    shownQuery = corrected || query;
    if (countsReady) showCounts(response.filters);
    list.replaceChildren(...closedLast(shown).map(renderResult));
    // Someone who has chosen a filter is using them: their counts follow the results.
    if (anyFilter && !countsReady) void loadCounts();
    const n = response.results.length;
    const words = corrected ? ` for "${corrected}" (we could not find "${query}")` : query ? ` for "${query}"` : '';
    status.textContent =
      n === 0
        ? `No groups found${words}. Try fewer filters or another word.`
        : `${n} ${n === 1 ? 'group' : 'groups'} found${words}${n > PAGE_SIZE ? `. Showing the first ${PAGE_SIZE}` : ''}.`;
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
  if (mapLink) mapLink.href = `${base}map/${location.search}`;
  void search();
}
