// /data/* for `astro dev` only. In a build the integration writes every open data file before the pages
// (src/integrations/directory-build.ts), a piece at a time, so this route makes none there.
import type { APIRoute, GetStaticPaths } from 'astro';
import { exportFile } from '../../lib/export/index.ts';
import { contentType, siteExportFileNames, siteExportOptions } from '../../lib/export/site-files.ts';
import { siteDataset } from '../../site-data.ts';

export const getStaticPaths = (() => (import.meta.env.DEV ? siteExportFileNames().map((file) => ({ params: { file } })) : [])) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const file = String(params.file);
  const body = exportFile(siteDataset(), file, siteExportOptions(site, import.meta.env.BASE_URL));
  if (body === undefined) return new Response('Not found', { status: 404 });
  return new Response(body, { headers: { 'Content-Type': contentType(file) } });
};
