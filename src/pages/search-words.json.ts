import type { APIRoute } from 'astro';
import { searchWords } from '../lib/search/search-words.ts';
import { siteDataset, siteGazetteer } from '../site-data.ts';

// Place names are left out: a typo is never corrected into a place.
export const GET: APIRoute = () =>
  new Response(JSON.stringify(searchWords(siteDataset(), siteGazetteer().flatMap((p) => [p.name, ...(p.aliases ?? [])]))), { headers: { 'Content-Type': 'application/json' } });
