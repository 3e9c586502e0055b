// npm run geocode against a stub postcodes.io on 127.0.0.1: successes, failures, and never a damaged file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateDataDir } from '../../src/lib/dataset/dataset-fs.ts';
import { entryFiles, formatText, yamlComments } from '../../src/lib/upkeep/fmt-fs.ts';
import { geocodeFiles } from '../../src/lib/places/geocode-fs.ts';
import { lookupPostcode, lookupPostcodes, normalisePostcode, retryAfterSeconds } from '../../src/lib/places/geocode.ts';
import { FIXTURES, makeDataDir, provider, TODAY, type TempDataDir } from '../helpers/data-dir.ts';
import { json, runScript, startStub, type StubServer } from '../fixtures/contrib/harness.ts';

const contrib = (...p: string[]) => readFileSync(path.join(FIXTURES, 'contrib', ...p), 'utf8');
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

const PLACES: Record<string, [number, number]> = {
  BN11AA: [50.8225354, -0.1371634],
  BN33BB: [50.8312, -0.1789],
  BN22AA: [50.83, -0.12],
  SW1A1AA: [51.501009, -0.141588],
};

let api: StubServer;
beforeAll(async () => {
  api = await startStub(async (req, res, count) => {
    const m = /^\/postcodes\/([A-Z0-9]+)$/.exec(req.url ?? '');
    const code = m?.[1] ?? '';
    if (code === 'BN19ZZ') return json(res, 404, { status: 404, error: 'Postcode not found' });
    if (code === 'BN22RL') return json(res, 429, { status: 429, error: 'Too many requests' }, { 'retry-after': '120' });
    if (code === 'BN44RR' && count === 0) return json(res, 429, { status: 429, error: 'Too many requests' }, { 'retry-after': '1' });
    if (code === 'BN44RR') return json(res, 200, { status: 200, result: { postcode: 'BN4 4RR', latitude: 50.85, longitude: -0.2 } });
    if (code === 'BN55SS') {
      await delay(3000);
      return void (res.destroyed || json(res, 200, { status: 200, result: { latitude: 50.8, longitude: -0.1 } }));
    }
    if (code === 'BN66TT') return json(res, 200, { status: 200, result: { postcode: 'BN6 6TT', latitude: null, longitude: null } });
    if (code === 'BN77UU') return json(res, 500, { status: 500, error: 'Internal error' });
    const place = PLACES[code];
    if (place) return json(res, 200, { status: 200, result: { postcode: code, latitude: place[0], longitude: place[1] } });
    return json(res, 404, { status: 404, error: 'Invalid postcode' });
  });
});
afterAll(() => api.close());
beforeEach(() => {
  api.requests.length = 0;
});

describe('lookupPostcode', () => {
  const opts = (extra = {}) => ({ api: api.url, timeoutMs: 1000, ...extra });

  it('returns the coordinates, rounded to 6 decimal places', async () => {
    expect(await lookupPostcode('bn1 1aa', opts())).toEqual({ ok: true, postcode: 'BN1 1AA', latitude: 50.822535, longitude: -0.137163 });
    expect(api.requests.map((r) => r.url)).toEqual(['/postcodes/BN11AA']);
  });

  it('does not ask about something that is not a postcode', async () => {
    expect(await lookupPostcode('Brighton', opts())).toMatchObject({ ok: false, failure: 'invalid', message: '"Brighton" is not a full UK postcode. Write it like BN1 1AA.' });
    expect(api.requests).toEqual([]);
  });

  it('reports a postcode the service does not know (404)', async () => {
    expect(await lookupPostcode('BN1 9ZZ', opts())).toMatchObject({ ok: false, failure: 'not-found', message: expect.stringContaining('does not know the postcode BN1 9ZZ (Postcode not found)') as string });
  });

  it('waits as asked by Retry-After and tries again', async () => {
    const waits: number[] = [];
    const r = await lookupPostcode('BN4 4RR', opts({ sleep: async (ms: number) => void waits.push(ms) }));
    expect(r).toMatchObject({ ok: true, latitude: 50.85 });
    expect(waits).toEqual([1000]);
  });

  it('reports a rate limit whose wait is too long, with the time to wait, without waiting', async () => {
    const waits: number[] = [];
    const r = await lookupPostcode('BN2 2RL', opts({ sleep: async (ms: number) => void waits.push(ms) }));
    expect(r).toMatchObject({ ok: false, failure: 'rate-limited', retryAfterSeconds: 120 });
    expect(r.ok || r.message).toMatch(/limiting requests \(429 Too Many Requests\)\..*again in 120 seconds/);
    expect(waits).toEqual([]);
  });

  it('reports a time-out', async () => {
    const started = Date.now();
    expect(await lookupPostcode('BN5 5SS', opts({ timeoutMs: 300 }))).toMatchObject({ ok: false, failure: 'timeout', message: expect.stringContaining('did not answer within 0.3 seconds') as string });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('refuses coordinates outside Sussex, a postcode without coordinates, and a server error', async () => {
    expect(await lookupPostcode('SW1A 1AA', opts())).toMatchObject({ ok: false, failure: 'outside-sussex' });
    expect(await lookupPostcode('BN6 6TT', opts())).toMatchObject({ ok: false, failure: 'no-coordinates' });
    expect(await lookupPostcode('BN7 7UU', opts())).toMatchObject({ ok: false, failure: 'http', message: expect.stringContaining('answered 500') as string });
  });

  it('reports a service that cannot be reached', async () => {
    expect(await lookupPostcode('BN1 1AA', { api: 'http://127.0.0.1:9', timeoutMs: 1000 })).toMatchObject({ ok: false, failure: 'network' });
  });

  it('looks each postcode up once, however it is written', async () => {
    const results = await lookupPostcodes(['BN1 1AA', 'bn11aa', 'BN1 1AA', 'BN3 3BB'], opts());
    expect([...results.keys()]).toEqual(['BN1 1AA', 'bn11aa', 'BN3 3BB']);
    expect(api.requests.map((r) => r.url).sort()).toEqual(['/postcodes/BN11AA', '/postcodes/BN33BB']);
  });

  it('reads Retry-After as seconds or as a date, and normalises postcodes', () => {
    expect(retryAfterSeconds('30')).toBe(30);
    expect(retryAfterSeconds(new Date(Date.UTC(2026, 0, 1, 0, 1)).toUTCString(), Date.UTC(2026, 0, 1))).toBe(60);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(normalisePostcode(' bn41  1aa ')).toBe('BN41 1AA');
    expect(normalisePostcode('BN41')).toBeUndefined();
  });
});

describe('geocodeFiles', () => {
  let dir: TempDataDir;
  afterEach(() => dir?.remove());
  const bytes = () => Object.fromEntries(entryFiles(dir.root).map((f) => [path.basename(f.full), readFileSync(f.full).toString('base64')]));

  it('fills in the coordinates, marks them geocoded, and changes nothing else', async () => {
    dir = makeDataDir({ providers: { 'geo.yaml': contrib('geocode', 'needs-coordinates.yaml') } });
    const report = await geocodeFiles({ root: dir.root, api: api.url });
    expect(report.problems).toEqual([]);
    expect(report.updated).toEqual([{ file: expect.stringMatching(/providers\/geo\.yaml$/) as string, locations: 2 }]);
    const text = readFileSync(dir.at('providers', 'geo.yaml'), 'utf8');
    expect(text).toContain(
      '      - name: Fixture Hall # the big hall, not the annexe\n        postcode: BN1 1AA\n        latitude: 50.822535\n        longitude: -0.137163\n        precision: exact\n        geocoded: true\n        # Ring the bell.\n        note: Side door.\n',
    );
    expect(text).toContain('      - {town: Hove, postcode: bn3 3bb, latitude: 50.8312, longitude: -0.1789, precision: area-only, geocoded: true}\n');
    // The same comments, the same data apart from the new fields, still formatted and valid.
    expect(yamlComments(text).map((c) => c.text)).toEqual(yamlComments(contrib('geocode', 'needs-coordinates.yaml')).map((c) => c.text));
    const before = parse(contrib('geocode', 'needs-coordinates.yaml')) as { services: { locations: object[] }[] };
    const after = parse(text) as { services: { locations: object[] }[] };
    expect(after.services[0]?.locations[2]).toEqual(before.services[0]?.locations[2]);
    expect(validateDataDir(dir.root, { today: TODAY }).problems).toEqual([]);
    expect(formatText('geo.yaml', text, 'provider')).toMatchObject({ ok: true, changed: false });
    // Nothing left to do: no more requests.
    api.requests.length = 0;
    expect(await geocodeFiles({ root: dir.root, api: api.url })).toMatchObject({ planned: [], updated: [], problems: [] });
    expect(api.requests).toEqual([]);
  });

  it('writes a file only when every lookup for it succeeded, and says where the failure is', async () => {
    dir = makeDataDir({ providers: { 'bad.yaml': contrib('geocode', 'bad-postcode.yaml'), 'good.yaml': contrib('geocode', 'needs-coordinates.yaml') } });
    const before = bytes();
    const report = await geocodeFiles({ root: dir.root, api: api.url });
    expect(bytes()['bad.yaml']).toBe(before['bad.yaml']);
    expect(bytes()['good.yaml']).not.toBe(before['good.yaml']);
    expect(report.updated.map((u) => path.basename(u.file))).toEqual(['good.yaml']);
    expect(report.problems).toHaveLength(1);
    expect(report.problems[0]).toMatchObject({ line: 14, col: 40, path: 'services[0].locations[1].postcode' });
    expect(report.problems[0]?.message).toMatch(/does not know the postcode BN1 9ZZ .* The file was not changed\.$/);
  });

  it.each([
    ['a rate limit', 'BN2 2RL', /again in 120 seconds/],
    ['a time-out', 'BN5 5SS', /did not answer within 0\.3 seconds/],
    ['a server error', 'BN7 7UU', /answered 500/],
    ['a place outside Sussex', 'SW1A 1AA', /outside Sussex/],
  ])('leaves the file as it was after %s', async (_what, postcode, message) => {
    dir = makeDataDir({
      providers: { 'p.yaml': provider('Fixture Place', '').replace('    communities: [everyone]\n', `    communities: [everyone]\n    locations:\n      - {name: Hall, postcode: BN1 1AA, precision: exact}\n      - {name: Other hall, postcode: ${postcode}, precision: exact}\n`) },
    });
    const before = bytes();
    const report = await geocodeFiles({ root: dir.root, api: api.url, timeoutMs: 300, maxWaitMs: 5000, sleep: async () => undefined });
    expect(report.updated).toEqual([]);
    expect(report.problems[0]?.message).toMatch(message);
    expect(bytes()).toEqual(before);
  });

  it('uses no network for a dry run, and lists what it would look up', async () => {
    dir = makeDataDir({ providers: { 'geo.yaml': contrib('geocode', 'needs-coordinates.yaml') } });
    const before = bytes();
    const report = await geocodeFiles({ root: dir.root, api: api.url, dryRun: true });
    expect(report.planned.map((p) => [p.line, p.path, p.postcode])).toEqual([
      [14, 'services[0].locations[0].postcode', 'BN1 1AA'],
      [18, 'services[0].locations[1].postcode', 'bn3 3bb'],
    ]);
    expect(api.requests).toEqual([]);
    expect(bytes()).toEqual(before);
  });

  it('reports a file that does not parse, leaves it alone, and still does the others', async () => {
    dir = makeDataDir({ providers: { 'broken.yaml': contrib('fmt', 'syntax-error.yaml'), 'geo.yaml': contrib('geocode', 'needs-coordinates.yaml') } });
    const before = bytes();
    const report = await geocodeFiles({ root: dir.root, api: api.url });
    expect(report.problems.map((p) => path.basename(p.file))).toEqual(['broken.yaml']);
    expect(report.problems[0]?.message).toMatch(/^YAML syntax:/);
    expect(bytes()['broken.yaml']).toBe(before['broken.yaml']);
    expect(report.updated).toHaveLength(1);
  });
});

describe('npm run geocode', () => {
  let dir: TempDataDir;
  afterEach(() => dir?.remove());

  it('fills in coordinates from the service given with --api, or in $POSTCODES_IO_URL', async () => {
    dir = makeDataDir({ providers: { 'geo.yaml': contrib('geocode', 'needs-coordinates.yaml') } });
    const r = await runScript('geocode.ts', ['--data', dir.root, '--api', api.url]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Added coordinates to 2 locations in .*geo\.yaml/);
    const again = await runScript('geocode.ts', ['--data', dir.root], { env: { POSTCODES_IO_URL: api.url } });
    expect(again.stdout).toContain('Nothing to do.');
    expect(again.status).toBe(0);
  });

  it('exits 1 with file:line:col for a failed lookup, and changes nothing', async () => {
    dir = makeDataDir({ providers: { 'bad.yaml': contrib('geocode', 'bad-postcode.yaml') } });
    const before = readFileSync(dir.at('providers', 'bad.yaml'));
    const r = await runScript('geocode.ts', [dir.at('providers', 'bad.yaml'), '--api', api.url]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml:14:40: error: services\[0\]\.locations\[1\]\.postcode: 127\.0\.0\.1:\d+ does not know the postcode BN1 9ZZ/);
    expect(readFileSync(dir.at('providers', 'bad.yaml'))).toEqual(before);
  });

  it('lists without network with --dry-run, and refuses wrong options', async () => {
    dir = makeDataDir({ providers: { 'geo.yaml': contrib('geocode', 'needs-coordinates.yaml') } });
    const r = await runScript('geocode.ts', ['--data', dir.root, '--dry-run', '--api', api.url]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/geo\.yaml:14:19: services\[0\]\.locations\[0\]\.postcode: BN1 1AA would be looked up/);
    expect(api.requests).toEqual([]);
    expect((await runScript('geocode.ts', ['--api', 'ftp://example.org'])).status).toBe(2);
    expect((await runScript('geocode.ts', ['--timeout', 'ten'])).status).toBe(2);
    expect((await runScript('geocode.ts', ['--help'])).stdout).toMatch(/^Usage: npm run geocode/);
  });
});
