// The map's marker file, written at build: one compact JSON file fetched by the map page only.
import type { APIRoute } from 'astro';
import { loadDataset } from '../lib/dataset-fs.ts';
import { loadGazetteer } from '../lib/gazetteer-fs.ts';
import { buildMapData } from '../lib/map-data.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(buildMapData(loadDataset(), loadGazetteer())), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
