// A word search's first results from the site's own small files, shown while Pagefind loads (search-first.ts).
import { firstFilesFor, firstMatches, type FirstFile, type FirstQuery } from '../../lib/search/search-first.ts';
import type { PlaceRecord } from '../../lib/search/search-rank.ts';

const loaded = new Map<string, Promise<FirstFile | undefined>>();

function fetchFile(base: string, name: string): Promise<FirstFile | undefined> {
  let file = loaded.get(name);
  if (!file) loaded.set(name, (file = fetch(`${base}search-first/${name}.json`).then((r) => (r.ok ? (r.json() as Promise<FirstFile>) : undefined), () => undefined)));
  return file;
}

/** The first results the full search is sure to show first, in its order; none when the files cannot tell. */
export async function firstResults(q: FirstQuery, wordFiles: string, base: string): Promise<PlaceRecord[]> {
  const names = firstFilesFor(q, wordFiles);
  const files = await Promise.all(names.map(async (name) => [name, await fetchFile(base, name)] as const));
  return firstMatches(q, new Map(files.filter((f): f is readonly [string, FirstFile] => !!f[1])), wordFiles);
}
