// A result card, the same as the lists' (ProviderCard): from a Pagefind result or from a place search's record,
// with why it is there when a place was searched for.
import { areasOf, BADGES, slugOf, type PlaceRecord, type Ranked } from '../../lib/search/search-rank.ts';
import type { SearchTables } from '../../lib/search/search-places.ts';
import type { PagefindResultData } from './pagefind.ts';

export type Badge = [string, string, string];

export interface Card {
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

export const cardOfPagefind = (data: PagefindResultData): Card => ({ url: data.url, title: data.meta.title ?? data.url, summary: data.meta.summary ?? '', areas: data.meta.areas ?? '', badges: badgesOf(data), age: data.meta.age, old: data.meta.old === 'yes' });

/** A record's card; `why` it is there when a place was searched for. */
export const cardOfPlaceRecord = (record: PlaceRecord, base: string, tables: SearchTables, why?: string): Card => ({
  url: `${base}providers/${slugOf(record)}/`,
  title: record.n,
  summary: record.s,
  areas: areasOf(record, tables),
  badges: [...(record.b ?? '')].map((c) => BADGES[c]).filter((b): b is Badge => !!b),
  why,
  age: record.a,
  old: !!record.g,
});

export const cardOfRecord = (r: Ranked, base: string, tables: SearchTables): Card => cardOfPlaceRecord(r.record, base, tables, r.why);

/** Cards shown first, then the others not among them. */
export const withFirst = (first: readonly Card[], cards: readonly Card[]): Card[] => {
  const urls = new Set(first.map((c) => c.url));
  return [...first, ...cards.filter((c) => !urls.has(c.url))];
};

const isClosed = (c: Card) => c.badges.some(([kind]) => kind === 'closed');
/** Groups that have closed go after those still running, and old facts after recent ones; otherwise the order given. */
export const closedLast = (cards: Card[]) => [...cards].sort((x, y) => Number(isClosed(x)) - Number(isClosed(y)) || Number(!!x.old) - Number(!!y.old));

function paragraph(text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  if (className) p.className = className;
  p.textContent = text;
  return p;
}

/**
 * Shows these cards in the list, keeping the items at its top that already show the same cards, so the first
 * results shown before the rest stay as they are (and keep the keyboard focus, if one has it).
 */
export function showCards(list: HTMLElement, cards: readonly Card[]): void {
  const items = [...list.children] as HTMLElement[];
  let kept = 0;
  while (kept < items.length && kept < cards.length && drawn.get(items[kept]!) === cardKey(cards[kept]!)) kept++;
  for (const item of items.slice(kept)) item.remove();
  list.append(...cards.slice(kept).map(renderCard));
}

/** What a card shows, so an item is kept only when it would be drawn the same; each item's, as drawn. */
const cardKey = (card: Card) => JSON.stringify(card);
const drawn = new WeakMap<Element, string>();

/** The card's list item. */
export function renderCard(card: Card): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'card';
  drawn.set(li, cardKey(card));
  const h = document.createElement('h3');
  const a = document.createElement('a');
  a.href = card.url;
  // <bdi>: a name written right to left cannot reorder the words around it.
  const name = document.createElement('bdi');
  name.textContent = card.title;
  a.append(name);
  h.append(a);
  li.append(h);
  if (card.why) li.append(paragraph(card.why, 'why'));
  li.append(paragraph(card.summary), paragraph(card.areas, 'muted'));
  // The same short form as the lists' cards: how old the facts are.
  if (card.age) li.append(paragraph(card.age, card.old ? 'age-short old' : 'age-short'));
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
