// The map's marker file, written at build: places, the services at each and their filter values. Fetched by
// the map page only, first; the words for the list and pop-ups are in /map-text.json.
import type { APIRoute } from 'astro';
import { buildMapData } from '../lib/map/map-data.ts';
import { siteDataset, siteGazetteer } from '../site-data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildMapData(siteDataset(), siteGazetteer()).places), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
