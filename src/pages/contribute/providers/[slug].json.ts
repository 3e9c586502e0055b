// /contribute/providers/<slug>.json: one provider's current data, which the form loads to correct it
// (/contribute/?edit=<slug>), and whether its file has the comments `npm run new` writes, so that a correction
// keeps the file's layout and changes only what the volunteer changed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { dataDir, loadDataset } from '../../../lib/dataset-fs.ts';
import { renderProvider } from '../../../lib/provider-yaml.ts';
import { providerSchema } from '../../../lib/schema.ts';
import type { Entry, Provider } from '../../../lib/validate.ts';

export const getStaticPaths = (() => loadDataset().providers.map((entry) => ({ params: { slug: entry.slug }, props: { entry } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { entry } = props as { entry: Entry<Provider> };
  const schema = providerSchema(loadDataset().vocab);
  const text = readFileSync(path.join(dataDir(), 'providers', `${entry.slug}.yaml`), 'utf8').replace(/\r\n?/g, '\n');
  const withComments = renderProvider(entry.data, schema);
  const plain = renderProvider(entry.data, schema, { comments: false });
  // A file in neither layout keeps comments if it has any beyond the schema line.
  const comments = text === withComments || (text !== plain && text.split('\n').slice(1).some((l) => /^\s*#/.test(l)));
  const body = {
    slug: entry.slug,
    file: `data/providers/${entry.slug}.yaml`,
    /** Write the corrected file with the comments from the schema (as `npm run new` does), or without. */
    comments,
    /** True when the form, untouched, gives back the file exactly as it is. */
    exact: text === (comments ? withComments : plain),
    data: entry.data,
  };
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
