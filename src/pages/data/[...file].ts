// Every open data file under /data/ (directory.json, services.csv, services.geojson, hsds/*.json,
// coverage/*.csv), made at build from the same functions as `npm run export`. The paths are listed without
// making any file; each file is made once, when it is written (or when /open-data/ needed its size first).
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadDataset } from '../../lib/dataset-fs.ts';
import { contentType, siteExport, siteExportFileNames, siteExportOptions } from '../../lib/export/site-files.ts';

export const getStaticPaths = (() => siteExportFileNames().map((file) => ({ params: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const file = String(params.file);
  const body = siteExport(loadDataset(), siteExportOptions(site, import.meta.env.BASE_URL)).take(file);
  if (body === undefined) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': contentType(file) } });
};
