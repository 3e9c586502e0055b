// Coordinates from postcodes (postcodes.io) for locations that have a postcode but no latitude and longitude.
// No file system here; the network is the `fetch` the caller passes, at the base URL it gives.
import { isMap, isScalar, isSeq, type Document, type YAMLMap } from 'yaml';
import { keyOrder, orderNode, type KeyOrder } from '../provider-yaml.ts';
import { inBounds, SUSSEX_BOUNDS } from '../dataset/vocab.ts';
import { errorCode } from '../upkeep/error-cause.ts';

export const DEFAULT_API = 'https://api.postcodes.io';

export type Segment = string | number;

export interface MissingCoordinates {
  /** Path of the location, e.g. ['services', 0, 'locations', 1]. */
  path: Segment[];
  postcode: string;
}

/** Locations with a postcode and neither latitude nor longitude (one without the other is the validator's business). */
export function missingCoordinates(doc: Document): MissingCoordinates[] {
  const out: MissingCoordinates[] = [];
  const root = doc.contents;
  if (!isMap(root)) return out;
  const services = root.get('services', true);
  if (!isSeq(services)) return out;
  services.items.forEach((service, i) => {
    if (!isMap(service)) return;
    const locations = service.get('locations', true);
    if (!isSeq(locations)) return;
    locations.items.forEach((loc, j) => {
      if (!isMap(loc)) return;
      const postcode = loc.get('postcode');
      if (typeof postcode !== 'string' || !postcode.trim()) return;
      if (loc.has('latitude') || loc.has('longitude')) return;
      out.push({ path: ['services', i, 'locations', j], postcode });
    });
  });
  return out;
}

/** "bn1 1aa" → "BN1 1AA"; undefined when it is not a full UK postcode. */
export function normalisePostcode(raw: string): string | undefined {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  const m = /^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$/.exec(compact);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

export type LookupFailure = 'invalid' | 'not-found' | 'no-coordinates' | 'outside-sussex' | 'rate-limited' | 'timeout' | 'http' | 'network' | 'bad-answer';

export type LookupResult =
  | { ok: true; postcode: string; latitude: number; longitude: number }
  | { ok: false; postcode: string; failure: LookupFailure; message: string; retryAfterSeconds?: number };

export interface LookupOptions {
  /** Base URL of a postcodes.io-compatible service; default https://api.postcodes.io. */
  api?: string;
  fetch?: typeof fetch;
  /** Per request. Default 10 seconds. */
  timeoutMs?: number;
  /** Retries after "429 Too Many Requests". Default 2. */
  maxRetries?: number;
  /** The longest Retry-After the tool will wait for; longer ones are reported instead. Default 30 seconds. */
  maxWaitMs?: number;
  /** How many lookups at once. Default 2 (postcodes.io is a free service). */
  concurrency?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** Seconds from a Retry-After header (seconds or an HTTP date); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function round(n: number): number {
  return Number(n.toFixed(6));
}

/** Looks up one postcode, waiting and retrying (a little) when the service says it is busy. */
export async function lookupPostcode(raw: string, options: LookupOptions = {}): Promise<LookupResult> {
  const postcode = normalisePostcode(raw);
  if (!postcode) return { ok: false, postcode: raw, failure: 'invalid', message: `"${raw}" is not a full UK postcode. Write it like BN1 1AA.` };
  const api = (options.api ?? DEFAULT_API).replace(/\/+$/, '');
  const doFetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const maxRetries = options.maxRetries ?? 2;
  const maxWaitMs = options.maxWaitMs ?? 30_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const service = new URL(api).host;
  const url = `${api}/postcodes/${encodeURIComponent(postcode.replace(' ', ''))}`;
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await doFetch(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/json' } });
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'TimeoutError' || name === 'AbortError')
        return { ok: false, postcode, failure: 'timeout', message: `${service} did not answer within ${timeoutMs / 1000} seconds. Try again later, or give a longer --timeout.` };
      return { ok: false, postcode, failure: 'network', message: `could not reach ${service} (${errorCode(error) ?? (error as Error).message}). Check your internet connection and try again.` };
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    const error = (body as { error?: unknown } | undefined)?.error;
    if (response.status === 429) {
      const wait = retryAfterSeconds(response.headers.get('retry-after'));
      if (attempt < maxRetries && (wait ?? 1) * 1000 <= maxWaitMs) {
        await sleep((wait ?? 1) * 1000);
        continue;
      }
      const when = wait !== undefined ? `in ${wait} second${wait === 1 ? '' : 's'}` : 'later';
      return {
        ok: false,
        postcode,
        failure: 'rate-limited',
        message: `${service} is limiting requests (429 Too Many Requests). Nothing was written for this file; run npm run geocode again ${when}.`,
        ...(wait !== undefined ? { retryAfterSeconds: wait } : {}),
      };
    }
    if (response.status === 404)
      return {
        ok: false,
        postcode,
        failure: 'not-found',
        message: `${service} does not know the postcode ${postcode}${typeof error === 'string' ? ` (${error})` : ''}. Check it (Royal Mail's postcode finder); a new or retired postcode may not be listed.`,
      };
    if (!response.ok)
      return { ok: false, postcode, failure: 'http', message: `${service} answered ${response.status}${typeof error === 'string' ? ` (${error})` : ''}. Try again later.` };
    const result = (body as { result?: { latitude?: unknown; longitude?: unknown } } | undefined)?.result;
    if (!result || typeof result !== 'object')
      return { ok: false, postcode, failure: 'bad-answer', message: `${service} sent an answer without a result for ${postcode}. Is ${api} a postcodes.io service?` };
    const { latitude, longitude } = result;
    if (typeof latitude !== 'number' || typeof longitude !== 'number' || !Number.isFinite(latitude) || !Number.isFinite(longitude))
      return { ok: false, postcode, failure: 'no-coordinates', message: `${service} has no coordinates for ${postcode}. Add latitude and longitude by hand.` };
    if (!inBounds(SUSSEX_BOUNDS, latitude, longitude))
      return {
        ok: false,
        postcode,
        failure: 'outside-sussex',
        message: `${postcode} is at ${round(latitude)}, ${round(longitude)}, outside Sussex. Check the postcode; coordinates outside Sussex are not written.`,
      };
    return { ok: true, postcode, latitude: round(latitude), longitude: round(longitude) };
  }
}

/** Looks up each distinct postcode once, a few at a time. Keys are the postcodes as written in the files. */
export async function lookupPostcodes(postcodes: string[], options: LookupOptions = {}): Promise<Map<string, LookupResult>> {
  const distinct = [...new Set(postcodes)];
  const byNormal = new Map<string, Promise<LookupResult>>();
  const out = new Map<string, LookupResult>();
  let next = 0;
  const concurrency = Math.max(1, Math.min(options.concurrency ?? 2, distinct.length));
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= distinct.length) return;
        const raw = distinct[i] as string;
        const key = normalisePostcode(raw) ?? raw;
        let pending = byNormal.get(key);
        if (!pending) {
          pending = lookupPostcode(raw, options);
          byNormal.set(key, pending);
        }
        out.set(raw, await pending);
      }
    }),
  );
  return out;
}

let locationOrderCache: { schema: object; order: KeyOrder | undefined } | undefined;

function locationOrder(schema: Record<string, unknown>): KeyOrder | undefined {
  if (locationOrderCache?.schema === schema) return locationOrderCache.order;
  const order = keyOrder(schema).fields.services?.items?.fields.locations?.items;
  locationOrderCache = { schema, order };
  return order;
}

/** Adds latitude, longitude and geocoded: true to the location at `path`, in canonical order, touching nothing else. */
export function applyCoordinates(doc: Document, path: Segment[], latitude: number, longitude: number, schema: Record<string, unknown>): void {
  const loc = doc.getIn(path, true);
  if (!isMap(loc)) throw new Error(`no location at ${path.join('.')}`);
  const map = loc as YAMLMap;
  for (const [key, value] of [['latitude', latitude], ['longitude', longitude], ['geocoded', true]] as const) {
    const existing = map.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (existing) existing.value = doc.createNode(value);
    else map.items.push(doc.createPair(key, value));
  }
  const order = locationOrder(schema);
  if (order) orderNode(map, order);
}
