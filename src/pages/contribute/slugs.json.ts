// /contribute/slugs.json: the file name (slug) of every group, which the form fetches when it needs it: to
// warn that a new group is already listed, and to check a ?edit=<slug> before loading that group.
import type { APIRoute } from 'astro';
import { siteDataset } from '../../site-data.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(siteDataset().providers.map((p) => p.slug)), { headers: { 'Content-Type': 'application/json' } });
