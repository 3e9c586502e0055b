// The place lookup (every Sussex place, postcode district and nearby outside place), written at build. Browser
// code fetches it only when a query needs it, with the resolver in src/lib/places/places.ts.
import type { APIRoute } from 'astro';
import { sitePlaceLookup } from '../site-data.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(sitePlaceLookup()), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
