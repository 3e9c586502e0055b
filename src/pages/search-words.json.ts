import type { APIRoute } from 'astro';
import { loadDataset } from '../lib/dataset/dataset-fs.ts';
import { loadGazetteer } from '../lib/places/gazetteer-fs.ts';
import { searchWords } from '../lib/search/search-words.ts';

// Place names are left out: a typo is never corrected into a place.
export const GET: APIRoute = () =>
  new Response(JSON.stringify(searchWords(loadDataset(), loadGazetteer().flatMap((p) => [p.name, ...(p.aliases ?? [])]))), { headers: { 'Content-Type': 'application/json' } });
