// Place search's record files (src/lib/search/search-places.ts): one per district and one per area, fetched by the
// search page only when a query has a place.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDataset } from '../../lib/dataset/dataset-fs.ts';
import { loadGazetteer } from '../../lib/places/gazetteer-fs.ts';
import { searchPlaceFiles } from '../../lib/search/search-places.ts';

export const getStaticPaths: GetStaticPaths = () => [...searchPlaceFiles(loadDataset(), loadGazetteer()).keys()].map((file) => ({ params: { file } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(searchPlaceFiles(loadDataset(), loadGazetteer()).get(params.file ?? '') ?? []), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
