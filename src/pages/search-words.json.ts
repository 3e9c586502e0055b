import type { APIRoute } from 'astro';
import { loadDataset } from '../lib/dataset-fs.ts';
import { searchWords } from '../lib/search-words.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(searchWords(loadDataset())), { headers: { 'Content-Type': 'application/json' } });
