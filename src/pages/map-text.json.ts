// The words behind the map (names of providers and services, when they run, the areas they cover), written
// at build. The map page fetches it after the markers from /map-data.json are on show.
import type { APIRoute } from 'astro';
import { buildMapData } from '../lib/map/map-data.ts';
import { siteDataset, siteGazetteer } from '../site-data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildMapData(siteDataset(), siteGazetteer()).text), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
