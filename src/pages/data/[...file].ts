// Every open data file under /data/ (directory.json, services.csv, services.geojson, hsds/*.json,
// coverage/*.csv), made at build from the same functions as `npm run export`.
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDataset } from '../../lib/dataset-fs.ts';
import { contentType, siteExportFiles, siteExportOptions } from '../../lib/export/site-files.ts';

export const getStaticPaths = (() => {
  const dataset = loadDataset();
  // The file names do not depend on the site address or date.
  const files = siteExportFiles(dataset, siteExportOptions(undefined, '/'));
  return [...files.keys()].map((file) => ({ params: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const file = String(params.file);
  const body = siteExportFiles(loadDataset(), siteExportOptions(site, import.meta.env.BASE_URL)).get(file);
  if (body === undefined) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': contentType(file) } });
};
