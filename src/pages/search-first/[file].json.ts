// A word search's first-result files (src/lib/search/search-first-files.ts): one per first three letters of the
// words in names and summaries, one per filter value, fetched by the search page before Pagefind.
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchFirstFiles } from '../../lib/search/search-first-files.ts';
import { siteDataset } from '../../site-data.ts';

export const getStaticPaths: GetStaticPaths = () => [...searchFirstFiles(siteDataset()).keys()].map((file) => ({ params: { file } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(searchFirstFiles(siteDataset()).get(params.file ?? '') ?? { r: [], k: [], l: {} }), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
