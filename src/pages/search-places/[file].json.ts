// Place search's record files (src/lib/search/search-places.ts): one per district, two per area and one per place
// (its first results), fetched by the search page only when a query has a place.
import type { APIRoute, GetStaticPaths } from 'astro';
import { searchPlaceFiles } from '../../lib/search/search-places.ts';
import { siteDataset, siteGazetteer } from '../../site-data.ts';

export const getStaticPaths: GetStaticPaths = () => [...searchPlaceFiles(siteDataset(), siteGazetteer()).keys()].map((file) => ({ params: { file } }));

export const GET: APIRoute = ({ params }) =>
  new Response(JSON.stringify(searchPlaceFiles(siteDataset(), siteGazetteer()).get(params.file ?? '') ?? []), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
