// directory.json: the whole dataset (every provider, service and Charter signatory, closed and lapsed
// ones included) with the vocabularies that name its values. Keys follow the order of the data schema.
import { providerSchema, signatorySchema } from '../dataset/schema.ts';
import type { Dataset } from '../model/types.ts';
import { VOCABULARY_NAMES } from '../dataset/vocab.ts';
import { DATASET_NAME, EXPORT_SCHEMA_VERSION, LICENCE, providerUrl, stableJson, TIME_ZONE, type ExportOptions } from './meta.ts';
import { sortedProviders, sortedSignatories } from './rows.ts';
import { isRunning } from '../model/predicates.ts';

type Json = Record<string, unknown>;

/** The value with object keys in the schema's order (unknown keys last, alphabetically), at every depth. */
export function orderBySchema(value: unknown, schema: Json | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => orderBySchema(v, schema?.items as Json | undefined));
  if (!value || typeof value !== 'object') return value;
  const props = (schema?.properties ?? {}) as Record<string, Json>;
  const known = Object.keys(props);
  const keys = Object.keys(value).sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    if (ia !== -1 || ib !== -1) return (ia === -1 ? Infinity : ia) - (ib === -1 ? Infinity : ib);
    return a < b ? -1 : a > b ? 1 : 0;
  });
  return Object.fromEntries(keys.map((k) => [k, orderBySchema((value as Json)[k], props[k])]));
}

const TERM_KEYS = ['id', 'label', 'description', 'synonyms', 'area', 'bounds'];

export function directoryJsonValue(dataset: Dataset, options: ExportOptions): Json {
  const { vocab } = dataset;
  const pSchema = providerSchema(vocab);
  const sSchema = signatorySchema(vocab);
  const providers = sortedProviders(dataset);
  const services = providers.flatMap((p) => p.data.services);
  return {
    name: DATASET_NAME,
    schema_version: EXPORT_SCHEMA_VERSION,
    build_date: options.buildDate,
    homepage: options.siteRoot,
    licence: { id: LICENCE.id, name: LICENCE.name, url: LICENCE.url, attribution: LICENCE.attribution },
    time_zone: TIME_ZONE,
    counts: {
      providers: providers.length,
      services: services.length,
      active_services: services.filter(isRunning).length,
      signatories: dataset.signatories.length,
    },
    vocabularies: Object.fromEntries(
      VOCABULARY_NAMES.map((name) => [
        name,
        {
          name: vocab[name].name,
          description: vocab[name].description,
          terms: vocab[name].terms.map((t) => Object.fromEntries(TERM_KEYS.filter((k) => (t as unknown as Json)[k] !== undefined).map((k) => [k, (t as unknown as Json)[k]]))),
        },
      ]),
    ),
    providers: providers.map((p) => ({ slug: p.slug, url: providerUrl(options, p.slug), file: `data/providers/${p.slug}.yaml`, ...(orderBySchema(p.data, pSchema) as Json) })),
    signatories: sortedSignatories(dataset).map((s) => ({ slug: s.slug, file: `data/signatories/${s.slug}.yaml`, ...(orderBySchema(s.data, sSchema) as Json) })),
  };
}

export function directoryJson(dataset: Dataset, options: ExportOptions): string {
  return stableJson(directoryJsonValue(dataset, options));
}
