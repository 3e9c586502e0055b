// Times the search indexing step of the build on its own: the same calls as
// src/integrations/directory-build.ts (one custom record per provider, then writeFiles), after loading the
// dataset from SPSD_DATA_DIR. Prints {"ms": …, "loadMs": …, "records": …} as JSON.
import * as pagefind from 'pagefind';
import { loadDataset } from '../../src/lib/dataset-fs.ts';
import { searchRecord } from '../../src/lib/directory.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: SPSD_DATA_DIR=DIR tsx bench/children/pagefind.ts OUT_DIR');
  process.exit(2);
}
const t0 = performance.now();
const dataset = loadDataset();
const t1 = performance.now();
const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
let recordsMs = 0;
for (const entry of dataset.providers) {
  const r0 = performance.now();
  const record = searchRecord(dataset, entry, '/');
  recordsMs += performance.now() - r0;
  const added = await index.addCustomRecord(record);
  if (added.errors.length) throw new Error(added.errors.join('; '));
}
const t2 = performance.now();
const written = await index.writeFiles({ outputPath: out });
if (written.errors.length) throw new Error(written.errors.join('; '));
await pagefind.close();
const t3 = performance.now();
console.log(JSON.stringify({ ms: t3 - t1, loadMs: t1 - t0, addMs: t2 - t1, recordsMs, writeMs: t3 - t2, records: dataset.providers.length }));
