// Times the search indexing step of the build on its own (the same function the build calls,
// src/lib/search/search-index-fs.ts), after loading the dataset from SPSD_DATA_DIR. Prints {"ms": …, "loadMs": …, "records": …} as JSON.
import { loadDataset } from '../../src/lib/dataset/dataset-fs.ts';
import { writeSearchIndex } from '../../src/lib/search/search-index-fs.ts';

const out = process.argv[2];
if (!out) {
  console.error('usage: SPSD_DATA_DIR=DIR tsx bench/children/pagefind.ts OUT_DIR');
  process.exit(2);
}
const t0 = performance.now();
const dataset = loadDataset();
const t1 = performance.now();
const records = await writeSearchIndex(dataset, out);
const t3 = performance.now();
console.log(JSON.stringify({ ms: t3 - t1, loadMs: t1 - t0, records }));
