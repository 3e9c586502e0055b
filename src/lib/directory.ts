// Views of the dataset that pages, search and exports share: no Astro, no file system.
import { buildDate } from './build/build-info.ts';
import { markdownToText } from './text/markdown.ts';
import { AREAS_NOT_KNOWN, areasKnown, currentServices, isClosed, isRunning, isUserLed, providerDistricts } from './model/predicates.ts';
import { currentFirst, providerAge, serviceAge, shortAgeText } from './model/source-age.ts';
import type { Dataset, Entry, Provider, Service, Signatory } from './model/types.ts';
import { findTerm, label, type Vocabularies, type VocabularyName } from './dataset/vocab.ts';


export type ProviderEntry = Entry<Provider>;

export type BadgeKind = 'closed' | 'user-led' | 'charter' | 'unverified';

/** A badge: a short word or two with an icon; the icon is decoration, the words carry the meaning. */
export interface Badge {
  kind: BadgeKind;
  icon: string;
  text: string;
}

/** A provider's badges, most important first, the same on its page, on cards and in search results. */
export function providerBadges(p: Provider, signatory?: Pick<Signatory, 'status'>): Badge[] {
  const badges: Badge[] = [];
  if (isClosed(p)) badges.push({ kind: 'closed', icon: '✕', text: 'Closed' });
  if (isUserLed(p)) badges.push({ kind: 'user-led', icon: '★', text: 'User-led' });
  if (signatory?.status === 'active') badges.push({ kind: 'charter', icon: '✓', text: 'Charter signatory' });
  if (signatory?.status === 'lapsed') badges.push({ kind: 'charter', icon: '○', text: 'Signed the Charter (lapsed)' });
  if (p.verification.status === 'unverified') badges.push({ kind: 'unverified', icon: '!', text: 'Not yet checked with the group' });
  return badges;
}

/** What localeCompare(…, 'en-GB', { sensitivity: 'base' }) does, made once: localeCompare makes a collator per call. */
const BY_NAME = new Intl.Collator('en-GB', { sensitivity: 'base' });

/**
 * Running providers before those whose services have all closed, those we heard of lately before those we last
 * heard of long ago (source-age.ts), then by name: the order of every list. Old entries are never hidden.
 */
export function compareForList(a: ProviderEntry, b: ProviderEntry, today = buildDate()): number {
  return (
    Number(isClosed(a.data)) - Number(isClosed(b.data)) ||
    Number(providerAge(a.data, today).old) - Number(providerAge(b.data, today).old) ||
    BY_NAME.compare(a.data.name, b.data.name)
  );
}

/** Providers sorted by compareForList, each one's age worked out once rather than at every comparison. */
export function sortForList(providers: readonly ProviderEntry[], today = buildDate()): ProviderEntry[] {
  return providers
    .map((entry) => ({ entry, closed: Number(isClosed(entry.data)), old: Number(providerAge(entry.data, today).old) }))
    .sort((a, b) => a.closed - b.closed || a.old - b.old || BY_NAME.compare(a.entry.data.name, b.entry.data.name))
    .map((x) => x.entry);
}

/** The areas a provider serves, in words: "West Sussex, Brighton & Hove", or Sussex when they are not known. */
export function areasText(vocab: Vocabularies, p: Provider): string {
  return areasKnown(p) ? p.areas.map((a) => label(vocab, 'areas', a)).join(', ') : AREAS_NOT_KNOWN;
}

/** What `make` gives for `list`, made once per list: pages ask the same question of the same list thousands of times. */
function oncePerList<L extends object, T>(cache: WeakMap<L, T>, list: L, make: (list: L) => T): T {
  let value = cache.get(list);
  if (value === undefined) cache.set(list, (value = make(list)));
  return value;
}

/** Signatories by the provider they name (the first, as a search would find it). */
const signatoriesByProvider = new WeakMap<readonly Entry<Signatory>[], Map<string, Entry<Signatory>>>();

export function signatoryFor(dataset: Dataset, slug: string): Entry<Signatory> | undefined {
  return oncePerList(signatoriesByProvider, dataset.signatories, (list) => {
    const bySlug = new Map<string, Entry<Signatory>>();
    for (const s of list) if (s.data.provider !== undefined && !bySlug.has(s.data.provider)) bySlug.set(s.data.provider, s);
    return bySlug;
  }).get(slug);
}

export function isActiveSignatory(dataset: Dataset, slug: string): boolean {
  return signatoryFor(dataset, slug)?.data.status === 'active';
}

function union<T>(lists: (readonly T[] | undefined)[]): T[] {
  return [...new Set(lists.flatMap((l) => l ?? []))];
}

/** The search facets, each tied to the vocabulary that names its values. */
export const FACETS = [
  { key: 'area', vocab: 'areas', title: 'Area' },
  { key: 'district', vocab: 'districts', title: 'District' },
  { key: 'community', vocab: 'communities', title: 'Who it is for' },
  { key: 'format', vocab: 'formats', title: 'Kind of support' },
  { key: 'setting', vocab: 'settings', title: 'Kind of place' },
  { key: 'leader', vocab: 'leaders', title: 'Who runs it' },
  { key: 'cost', vocab: 'costs', title: 'Cost' },
  { key: 'access', vocab: 'access', title: 'How to join' },
  { key: 'delivery', vocab: 'delivery', title: 'Online or by phone' },
] as const satisfies readonly { key: string; vocab: VocabularyName; title: string }[];

export type FacetKey = (typeof FACETS)[number]['key'] | 'charter';

/** Filter values of one provider, by facet key, as vocabulary ids. */
export function providerFacets(dataset: Dataset, entry: ProviderEntry): Record<FacetKey, string[]> {
  const p = entry.data;
  const services = currentServices(p);
  return {
    area: [...p.areas],
    district: providerDistricts(dataset.vocab, p),
    community: union(services.map((s) => s.communities)),
    format: union(services.map((s) => s.formats)),
    setting: union(services.map((s) => s.settings)),
    // One value each, so a filter choice finds what its label says; the User-led badge covers both kinds.
    leader: [p.led_by],
    cost: union(services.map((s) => (s.cost ? [s.cost.type] : []))),
    access: union(services.map((s) => s.access)),
    delivery: union(services.map((s) => s.delivery)),
    charter: isActiveSignatory(dataset, entry.slug) ? ['signatory'] : [],
  };
}

/** Punctuation around a word that is not part of it ("group," "(online)"); a "+" as in "LGBTQ+" stays. */
const EDGE_PUNCTUATION = /^[.,;:!?()[\]"'“”‘’]+|[.,;:!?()[\]"'“”‘’]+$/g;

/**
 * The words of a text, each once (the first way it is written), in order. Search only needs to know that a
 * provider has a word: results show a title and a summary, never an excerpt, and the index is half the size.
 */
export function distinctWords(text: string): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const word = raw.replace(EDGE_PUNCTUATION, '');
    const key = word.toLowerCase();
    if (word && !seen.has(key)) {
      seen.add(key);
      words.push(word);
    }
  }
  return words.join(' ');
}

/** Every word that should find this provider, once each: its text, its labels and the synonyms people use for them. */
export function searchText(dataset: Dataset, entry: ProviderEntry): string {
  const { vocab } = dataset;
  const p = entry.data;
  const words: string[] = [p.name, p.summary, p.description ? markdownToText(p.description) : ''];
  const facets = providerFacets(dataset, entry);
  for (const f of FACETS) {
    for (const id of facets[f.key]) {
      const t = findTerm(vocab, f.vocab, id);
      if (t) words.push(t.label, ...(t.synonyms ?? []));
    }
  }
  for (const s of p.services) {
    words.push(s.name, s.summary ?? '', s.description ? markdownToText(s.description) : '', s.schedule?.note ?? '');
    for (const loc of s.locations ?? []) words.push(loc.name ?? '', loc.town ?? '', loc.postcode ?? '');
  }
  return distinctWords(words.join(' '));
}

export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** A search result's badges as the record carries them (Pagefind keeps text only): JSON of [kind, icon, text]. */
export type SearchBadges = [BadgeKind, string, string][];

export function searchRecord(dataset: Dataset, entry: ProviderEntry, base: string, today = buildDate()): SearchRecord {
  const facets = providerFacets(dataset, entry);
  const filters = Object.fromEntries(Object.entries(facets).filter(([, v]) => v.length));
  const p = entry.data;
  const areas = areasText(dataset.vocab, p);
  const badges: SearchBadges = providerBadges(p, signatoryFor(dataset, entry.slug)?.data).map((b) => [b.kind, b.icon, b.text]);
  // "Information from 2017" under the result; "old" marks facts older than the notice threshold.
  const age = providerAge(p, today);
  const ageShort = shortAgeText(age);
  return {
    url: `${base}providers/${entry.slug}/`,
    content: searchText(dataset, entry),
    language: 'en',
    meta: {
      title: p.name,
      summary: p.summary,
      areas,
      ...(badges.length ? { badges: JSON.stringify(badges) } : {}),
      ...(ageShort ? { age: ageShort } : {}),
      ...(age.old ? { old: 'yes' } : {}),
    },
    filters,
  };
}

export interface ServiceInPlace {
  provider: ProviderEntry;
  service: Service;
}

/** Current services of an area grouped by district; services covering the whole area come first under "". */
export function servicesByDistrict(dataset: Dataset, area: string): Map<string, ServiceInPlace[]> {
  const districts = dataset.vocab.districts.terms.filter((d) => d.area === area);
  const groups = new Map<string, ServiceInPlace[]>([['', []], ...districts.map((d) => [d.id, []] as [string, ServiceInPlace[]])]);
  for (const provider of dataset.providers) {
    if (!(provider.data.areas as string[]).includes(area)) continue;
    for (const service of currentServices(provider.data)) {
      const own = union([
        (service.locations ?? []).map((l) => l.district).filter((d): d is NonNullable<typeof d> => !!d),
        service.locations?.length ? [] : provider.data.districts,
      ]).filter((d) => groups.has(d));
      for (const d of own.length ? own : ['']) groups.get(d)?.push({ provider, service });
    }
  }
  const today = buildDate();
  for (const [d, items] of groups) groups.set(d, currentFirst(items, (i) => serviceAge(i.service, i.provider.data, today)));
  return groups;
}

/** Providers by the communities their current services are for, in one pass over a list of providers. */
const byCommunity = new WeakMap<readonly ProviderEntry[], Map<string, ProviderEntry[]>>();

/** Providers with a current service for `community`, in the dataset's order (the same list each time it is asked). */
export function providersWithCommunity(dataset: Dataset, community: string): ProviderEntry[] {
  const groups = oncePerList(byCommunity, dataset.providers, (providers) => {
    const byId = new Map<string, ProviderEntry[]>();
    for (const p of providers)
      for (const c of new Set(currentServices(p.data).flatMap((s) => s.communities as string[]))) {
        const list = byId.get(c);
        if (list) list.push(p);
        else byId.set(c, [p]);
      }
    const today = buildDate();
    for (const [c, list] of byId) byId.set(c, currentFirst(list, (p) => providerAge(p.data, today)));
    return byId;
  });
  return groups.get(community) ?? [];
}

/** The letter a name is listed under in A–Z: its first letter (É under E), or "#" when it starts otherwise. */
export function letterOf(name: string): string {
  const first = name.trim().normalize('NFD').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '#';
}

/** The address segment of a letter's A–Z page: "a" to "z", and "other" for "#". */
export function letterSlug(letter: string): string {
  return letter === '#' ? 'other' : letter.toLowerCase();
}

/**
 * Providers grouped by the first letter of their name, A–Z, with "#" (last) for names starting otherwise;
 * within a letter, by name, with providers whose services have all closed after those still running.
 */
export function providersByLetter(providers: ProviderEntry[]): [string, ProviderEntry[]][] {
  return oncePerList(byLetterCache, providers, (list) => {
    const groups = new Map<string, ProviderEntry[]>();
    const sorted = sortForList(list);
    for (const p of sorted) {
      const letter = letterOf(p.data.name);
      const group = groups.get(letter);
      if (group) group.push(p);
      else groups.set(letter, [p]);
    }
    return [...groups].sort(([a], [b]) => (a === '#' ? 1 : b === '#' ? -1 : a.localeCompare(b)));
  });
}
/** Every A–Z page shows the letters, so the grouping is made once per list of providers. */
const byLetterCache = new WeakMap<readonly ProviderEntry[], [string, ProviderEntry[]][]>();

/** The home page lists every provider while there are at most this many; after that it shows the ways in. */
export const HOME_LIST_LIMIT = 50;

/**
 * The address segment, under an area, of the services that cover the whole area or work online or by phone.
 * District pages sit beside it (/areas/west-sussex/worthing/), so no district may have this id.
 */
export const WHOLE_AREA = 'whole-area';

export interface PlaceGroup {
  /** A district id, or "" for services covering the whole area. */
  district: string;
  /** WHOLE_AREA or the district id: where the group's pages live under the area. */
  segment: string;
  items: ServiceInPlace[];
}

/** servicesByDistrict as a list, the whole-area group first; `active` keeps only running services (for print). */
export function areaGroups(dataset: Dataset, area: string, { active = false } = {}): PlaceGroup[] {
  return [...servicesByDistrict(dataset, area)].map(([district, items]) => {
    if (district === WHOLE_AREA) throw new Error(`The district id "${WHOLE_AREA}" is kept for the services that cover a whole area. Choose another id in data/vocab/districts.yaml.`);
    return { district, segment: district || WHOLE_AREA, items: active ? items.filter((i) => isRunning(i.service)) : items };
  });
}

/** How many different services are in these lists (a service can be listed under several districts). */
export function distinctServices(items: readonly ServiceInPlace[]): number {
  return new Set(items.map((i) => `${i.provider.slug}#${i.service.id}`)).size;
}

export interface AreaBooklet {
  area: string;
  /** Running services only, by district, the whole-area group first. */
  groups: PlaceGroup[];
  /** Different running services in the area. */
  count: number;
}

/** What the printed booklets hold: each area's running services by district. */
export function bookletAreas(dataset: Dataset): AreaBooklet[] {
  return dataset.vocab.areas.terms.map((area) => {
    const groups = areaGroups(dataset, area.id, { active: true });
    return { area: area.id, groups, count: distinctServices(groups.flatMap((g) => g.items)) };
  });
}

/** Whether one booklet for all of Sussex stays within `limit` entries; if not, each district gets its own. */
export function wholeBookletFits(areas: readonly AreaBooklet[], limit: number): boolean {
  return areas.reduce((n, a) => n + a.groups.reduce((m, g) => m + g.items.length, 0), 0) <= limit;
}
