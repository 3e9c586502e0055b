// A place search narrowed by a filter that none of the place's first results has (a kind of support few groups
// near it give) would wait for every record file nearby, hundreds of KB at 10,000 groups. Each place with more
// results than its first file holds has a second small file: for each filter value that fewer than PLACE_MORE
// of its first results have, the next PLACE_MORE groups with it, in the same order. The browser shows from the
// two files the groups passing the filters that come before any group they leave out. Pure: the build and
// the browser both use it.
import { byName, passes, rankForPlace, TIERS, type Chosen, type PlaceRecord, type PlaceTables, type PlaceTop, type Ranked, type SearchPlace } from './search-rank.ts';

/** A place's further groups for rare filters. */
export interface PlaceMore {
  r: PlaceRecord[];
  /** A filter value (index into the facet table) → [how many groups after the first results have it, ...indexes into r of the first PLACE_MORE, in order]. */
  l: Record<number, number[]>;
}

/** Groups listed per rare filter value: a first screen's worth. */
export const PLACE_MORE = 5;

/**
 * The second file of a place whose `first` results (the first of `ranked`, in order) are not all of them.
 * `nameOrder` gives each record's place among all names (byName), worked out once per build; without it, here.
 */
export function placeMore(ranked: readonly Ranked[], first: readonly Ranked[], names: ReadonlyMap<PlaceRecord, number> = nameOrder(ranked.map((r) => r.record))): PlaceMore {
  const inFirst = new Set(first.map((r) => r.record));
  const inFirstWith = new Map<number, number>();
  for (const r of first) for (const v of r.record.f) inFirstWith.set(v, (inFirstWith.get(v) ?? 0) + 1);
  const lists = new Map<number, { n: number; first: Keyed[] }>();
  for (const item of ranked) {
    if (inFirst.has(item.record)) continue;
    let keyed: Keyed | undefined;
    for (const v of item.record.f) {
      if ((inFirstWith.get(v) ?? 0) >= PLACE_MORE) continue;
      let list = lists.get(v);
      if (!list) lists.set(v, (list = { n: 0, first: [] }));
      list.n++;
      insertInOrder(list.first, (keyed ??= keyedOf(item, names)), PLACE_MORE);
    }
  }
  const records = [...new Set([...lists.values()].flatMap((list) => list.first))].sort(compareKeyed).map((k) => k.item.record);
  const at = new Map(records.map((r, i) => [r, i]));
  return { r: records, l: Object.fromEntries([...lists].sort(([a], [b]) => a - b).map(([v, list]) => [v, [list.n, ...list.first.map((k) => at.get(k.item.record)!)]])) };
}

/** Each record's place among these names in byName's order, equal names alike: worked out once a build, compared thousands of times. */
export function nameOrder(records: readonly PlaceRecord[]): Map<PlaceRecord, number> {
  const sorted = [...records].sort((a, b) => byName(a.n, b.n));
  const order = new Map<PlaceRecord, number>();
  sorted.forEach((r, i) => order.set(r, i > 0 && byName(sorted[i - 1]!.n, r.n) === 0 ? order.get(sorted[i - 1]!)! : i));
  return order;
}

/** compareRanked's order as numbers, so thousands of groups per place compare cheaply: closed, tier, old, km, name. */
interface Keyed {
  item: Ranked;
  key: [number, number, number, number, number];
}

const keyedOf = (item: Ranked, names: ReadonlyMap<PlaceRecord, number>): Keyed => ({
  item,
  key: [Number(!!item.record.x), TIERS.indexOf(item.tier), Number(!!item.record.g), item.km ?? 0, names.get(item.record) ?? 0],
});

function compareKeyed(a: Keyed, b: Keyed): number {
  for (let i = 0; i < 5; i++) if (a.key[i] !== b.key[i]) return a.key[i]! - b.key[i]!;
  return 0;
}

/** Keeps `first` the first `k` in order, ties in the order given. */
function insertInOrder(first: Keyed[], item: Keyed, k: number): void {
  if (first.length === k && compareKeyed(item, first[k - 1]!) >= 0) return;
  let at = first.length;
  while (at > 0 && compareKeyed(item, first[at - 1]!) < 0) at--;
  first.splice(at, 0, item);
  if (first.length > k) first.pop();
}

/**
 * From a place's two files, the groups passing the chosen filters and `keep` (the words), in order, as far as
 * no group the files leave out could come before one of them: a filter value's groups are all there up to the
 * last of the first results, and further while its list in the second file is not cut. Empty when no filter is chosen.
 */
export function firstWithMore(place: SearchPlace, top: PlaceTop, more: PlaceMore, chosen: Chosen, tables: PlaceTables, keep: (r: PlaceRecord) => boolean): Ranked[] {
  const ranked = rankForPlace(place, [...top.r, ...more.r], tables);
  const position = new Map(ranked.map((r, i) => [r.record, i]));
  const lastFirst = position.get(top.r[top.r.length - 1]!) ?? -1;
  // The last position up to which a value's groups are all here (Infinity: all of them are).
  const reach = (v: number): number => {
    const list = more.l[v];
    if (!list) return (top.c[v] ?? 0) <= top.r.filter((r) => r.f.includes(v)).length ? Infinity : lastFirst;
    const [n = 0, ...listed] = list;
    return n <= listed.length ? Infinity : Math.max(lastFirst, position.get(more.r[listed[listed.length - 1]!]!) ?? -1);
  };
  // Any one of a filter's values will do, so its groups are all here only as far as its shortest list; every filter must pass, so the longest reach counts.
  const keys = [...chosen.values()].filter((values) => values.size);
  if (!keys.length) return [];
  const until = Math.max(...keys.map((values) => Math.min(...[...values].map(reach))));
  return ranked.filter((r, i) => i <= until && passes(r.record.f, chosen) && keep(r.record));
}
