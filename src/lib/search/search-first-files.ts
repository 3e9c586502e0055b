// The files of a word search's first results (search-first.ts reads them in the browser): for every word of the
// groups' names and summaries, a file per first three letters listing the first groups with each word; for every
// filter value, a file listing the first groups with it. "First" is one fixed order of all groups (compareFirst).
import type { Dataset } from '../model/types.ts';
import { normaliseWords } from './search-query.ts';
import { cardRecord, searchTables } from './search-places.ts';
import { compareFirst, FACET_LIST, FIRST_TOP, firstFileOfFacet, firstFileOfWord, WORD_FILE, type FirstFile } from './search-first.ts';
import type { PlaceRecord } from './search-rank.ts';

const built = new WeakMap<Dataset, Map<string, FirstFile>>();

/** Every file by name (w-<letters>, f-<filter index>), each written once per dataset. */
export function searchFirstFiles(dataset: Dataset): Map<string, FirstFile> {
  let files = built.get(dataset);
  if (!files) built.set(dataset, (files = buildFiles(dataset)));
  return files;
}

/** The word files there are, by their letters ("wal gro"), for the search page: it asks only for those. */
export function firstWordFiles(dataset: Dataset): string {
  return [...searchFirstFiles(dataset).keys()].filter((name) => name.startsWith(WORD_FILE)).map((name) => name.slice(WORD_FILE.length)).join(' ');
}

function buildFiles(dataset: Dataset): Map<string, FirstFile> {
  const tables = searchTables(dataset);
  const facetIndex = new Map(tables.facets.map((f, i) => [f, i]));
  const areaIds = tables.areas.map(([id]) => id);
  return firstFilesOf(
    dataset.providers.map((entry) => cardRecord(dataset, entry, facetIndex, areaIds)),
    tables.facets.length,
  );
}

/** The files for these records and this many filter values, each list cut after its first `top` (FIRST_TOP). */
export function firstFilesOf(unordered: readonly PlaceRecord[], facets: number, top = FIRST_TOP): Map<string, FirstFile> {
  const records = [...unordered].sort(compareFirst);
  // Each list holds every group's rank; only the first `top` go into its file.
  const byWord = new Map<string, number[]>();
  const byFacet = new Map<number, number[]>(Array.from({ length: facets }, (_, i) => [i, []]));
  records.forEach((r, rank) => {
    for (const word of new Set(normaliseWords(`${r.n} ${r.s}`).split(' ').filter(Boolean))) {
      let list = byWord.get(word);
      if (!list) byWord.set(word, (list = []));
      list.push(rank);
    }
    for (const f of r.f) byFacet.get(f)?.push(rank);
  });
  const files = new Map<string, [string, number[]][]>();
  const add = (file: string, name: string, ranks: number[]) => {
    let lists = files.get(file);
    if (!lists) files.set(file, (lists = []));
    lists.push([name, ranks]);
  };
  for (const [word, ranks] of [...byWord].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) add(firstFileOfWord(word), word, ranks);
  for (const [facet, ranks] of byFacet) add(firstFileOfFacet(facet), FACET_LIST, ranks);
  return new Map([...files].map(([name, lists]) => [name, fileOf(lists, records, top)]));
}

/** One file: the records its lists' first `top` name, each once in rank order, and the lists as indexes into them. */
function fileOf(lists: [string, number[]][], records: readonly PlaceRecord[], top: number): FirstFile {
  const ranks = [...new Set(lists.flatMap(([, all]) => all.slice(0, top)))].sort((a, b) => a - b);
  const at = new Map(ranks.map((rank, i) => [rank, i]));
  return {
    r: ranks.map((rank) => records[rank]!),
    k: ranks,
    l: Object.fromEntries(lists.map(([name, all]) => [name, [all.length, ...all.slice(0, top).map((rank) => at.get(rank)!)]])),
  };
}
