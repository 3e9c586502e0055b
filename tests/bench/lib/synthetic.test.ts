import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listDataSources, readDataSources, validateDataDir } from '../../../src/lib/dataset/dataset-fs.ts';
import type { Provider } from '../../../src/lib/generated/data-types.ts';
import { formatProblem } from '../../../src/lib/validate/problems.ts';
import { DEFAULT_SEED, generateSynthetic, type SyntheticDataset } from '../../../bench/lib/synthetic.ts';
import { validateListingInWorkers } from '../../../src/lib/validate/validate-workers-fs.ts';
import { loadVocabularies, validateSources } from '../../../src/lib/validate/index.ts';
import { inBounds } from '../../../src/lib/dataset/vocab.ts';
import { gazetteerSource, makeDataDir, TODAY, vocabSources, type TempDataDir } from '../../helpers/data-dir.ts';

const { vocab } = loadVocabularies(vocabSources());
const COUNT = 400;

function generate(count = COUNT, seed?: number): SyntheticDataset {
  return generateSynthetic({ count, vocab, today: TODAY, ...(seed === undefined ? {} : { seed }) });
}

function sourcesFor(set: SyntheticDataset) {
  const files = (list: { path: string; content: string }[]) => list.map((f) => ({ path: `data/${f.path}`, bytes: f.content }));
  return { vocab: vocabSources(), providers: files(set.providers), signatories: files(set.signatories), logos: [], stray: [], gazetteer: gazetteerSource() };
}

describe('generateSynthetic', () => {
  const set = generate();
  const providers = set.providers.map((f) => parse(f.content) as Provider);
  const services = providers.flatMap((p) => p.services);
  const locations = services.flatMap((s) => s.locations ?? []);

  it('gives the same bytes for the same seed, count and date', () => {
    expect(JSON.stringify(generate())).toBe(JSON.stringify(set));
    expect(generateSynthetic({ count: COUNT, vocab, today: TODAY, seed: DEFAULT_SEED })).toEqual(set);
  });

  it('gives other data for another seed, and a smaller count is the start of a larger one', () => {
    expect(generate(COUNT, 7).providers[0]?.content).not.toBe(set.providers[0]?.content);
    expect(generate(50).providers).toEqual(set.providers.slice(0, 50));
  });

  it('writes the number of providers asked for, each with its own file name', () => {
    expect(set.providers).toHaveLength(COUNT);
    expect(new Set(set.providers.map((f) => f.path)).size).toBe(COUNT);
    for (const f of set.providers) expect(f.path).toMatch(/^providers\/[a-z0-9]+(?:-[a-z0-9]+)*\.yaml$/);
  });

  it('passes the validator with no errors and no warnings', () => {
    const result = validateSources(sourcesFor(set), { today: TODAY });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.dataset.providers).toHaveLength(COUNT);
    expect(result.dataset.signatories.length).toBeGreaterThan(0);
  });

  it('stays valid for a year of dates and several seeds', () => {
    for (const [seed, today] of [[1, '2027-02-28'], [2, '2026-01-01'], [3, '2028-12-31']] as const) {
      const other = generateSynthetic({ count: 120, vocab, seed, today });
      expect(validateSources(sourcesFor(other), { today }).problems.map(formatProblem)).toEqual([]);
    }
  });

  it('has the realistic mix: several services, every area, online-only, area-only, long and short texts, sessions', () => {
    const serviceCounts = providers.map((p) => p.services.length);
    expect(Math.max(...serviceCounts)).toBeGreaterThanOrEqual(4);
    expect(serviceCounts.filter((n) => n === 1).length).toBeGreaterThan(COUNT / 5);
    expect(serviceCounts.reduce((a, b) => a + b, 0) / COUNT).toBeGreaterThan(1.8);

    // Providers in each area, one area or all three, some naming their districts.
    for (const area of vocab.areas.terms) expect(providers.some((p) => p.areas.includes(area.id as never))).toBe(true);
    expect(providers.some((p) => p.areas.length === 1)).toBe(true);
    expect(providers.some((p) => p.areas.length === 3)).toBe(true);
    expect(providers.some((p) => p.districts?.length)).toBe(true);

    // Venues with coordinates inside each area's bounds.
    for (const area of vocab.areas.terms) {
      const inside = locations.filter((l) => l.precision === 'exact' && typeof l.latitude === 'number' && inBounds(area.bounds!, l.latitude, l.longitude!));
      expect(inside.length, area.id).toBeGreaterThan(10);
    }
    // Online or phone only: no place at all.
    const remote = services.filter((s) => s.delivery?.length && !s.locations?.length);
    expect(remote.length).toBeGreaterThan(services.length / 10);
    expect(services.some((s) => s.delivery?.includes('phone') && !s.locations?.length)).toBe(true);
    expect(services.some((s) => s.delivery?.length && s.locations?.length)).toBe(true);
    // Area-only places, with and without a point.
    const areaOnly = locations.filter((l) => l.precision === 'area-only');
    expect(areaOnly.some((l) => typeof l.latitude === 'number')).toBe(true);
    expect(areaOnly.some((l) => l.latitude === undefined)).toBe(true);
    // Town-only places: a town and no point (the validator, given the gazetteer, checks the town is known).
    const townOnly = locations.filter((l) => l.precision === 'town');
    expect(townOnly.length).toBeGreaterThan(0);
    expect(townOnly.every((l) => typeof l.town === 'string' && l.latitude === undefined)).toBe(true);
    // Sources of several ages and forms, some old enough for the notice; a confirmed entry has its date.
    const published = providers.flatMap((p) => p.verification.sources.map((src) => src.published));
    expect(published.some((d) => d === 'undated')).toBe(true);
    expect(published.some((d) => /^\d{4}$/.test(d))).toBe(true);
    expect(published.some((d) => d < '2023')).toBe(true);
    expect(providers.every((p) => (p.verification.status === 'verified') === (p.verification.last_checked !== undefined))).toBe(true);

    // Long descriptions (paragraphs, a list, a link) and short ones, and none.
    const descriptions = [...providers.map((p) => p.description), ...services.map((s) => s.description)];
    const long = descriptions.filter((d) => d && d.length > 1200);
    expect(long.length).toBeGreaterThan(COUNT / 10);
    expect(long.every((d) => /\n\n- /.test(d!) && /\]\(https:\/\//.test(d!))).toBe(true);
    expect(descriptions.filter((d) => d && d.length < 300).length).toBeGreaterThan(COUNT / 5);
    expect(descriptions.some((d) => d === undefined)).toBe(true);

    // Structured sessions of every frequency; monthly ones say which week.
    const sessions = services.flatMap((s) => s.schedule?.sessions ?? []);
    for (const f of ['weekly', 'fortnightly', 'monthly']) expect(sessions.some((s) => s.frequency === f), f).toBe(true);
    expect(sessions.filter((s) => s.frequency === 'monthly').every((s) => s.week_of_month)).toBe(true);
    expect(services.some((s) => (s.schedule?.sessions?.length ?? 0) > 1)).toBe(true);

    // Paused and closed services, named contacts with consent, and Charter signatories.
    expect(services.some((s) => s.status === 'temporarily-closed')).toBe(true);
    expect(services.some((s) => s.status === 'closed')).toBe(true);
    expect(services.some((s) => s.contact_name && s.personal_contact_consent)).toBe(true);
    expect(set.signatories.length).toBeGreaterThan(3);
  });

  it('refuses a count that is not a whole number', () => {
    expect(() => generateSynthetic({ count: 1.5, vocab })).toThrow(/whole number/);
  });
});

describe('validating in worker threads', () => {
  let dir: TempDataDir;
  const saved = process.env.SPSD_VALIDATE_THREADS;

  beforeAll(() => {
    const set = generate(300);
    const providers = Object.fromEntries(set.providers.map((f) => [path.basename(f.path), f.content]));
    const first = set.providers[0]!.content;
    const last = set.providers[299]!.content;
    const name = /^name: (.*)$/m.exec(first)![1]!;
    Object.assign(providers, {
      // The same name as the first provider, in the other worker's share: a warning on the later file.
      'zz-same-name.yaml': last.replace(/^name: .*$/m, `name: ${name}`),
      // Broken in several ways, each reported by the file's own worker.
      'zz-broken.yaml': first.replace(/^led_by: .*$/m, 'led_by: nobody').replace(/^areas: .*$/m, 'areas: [kent]'),
      'zz-syntax.yaml': 'name: "unclosed\nsummary: x\n',
    });
    const signatories = Object.fromEntries(set.signatories.map((f) => [path.basename(f.path), f.content]));
    signatories['zz-second-link.yaml'] = Object.values(signatories)[0]!.replace(/^name: .*$/m, 'name: Second Link');
    dir = makeDataDir({ providers, signatories, files: { 'notes.txt': 'stray' } });
    mkdirSync(dir.at('providers', 'a-folder'));
    writeFileSync(dir.at('providers', 'ZZ-Same-Name.yaml'), first);
  });

  afterAll(() => {
    dir.remove();
    if (saved === undefined) delete process.env.SPSD_VALIDATE_THREADS;
    else process.env.SPSD_VALIDATE_THREADS = saved;
  });

  it('reports exactly what validateSources reports on one thread, in the same order, with the same dataset', () => {
    const single = validateSources(readDataSources(dir.root), { today: TODAY });
    expect(single.problems.length).toBeGreaterThan(5);
    expect(single.problems.some((p) => p.message.includes('is also the name of'))).toBe(true);
    for (const threads of [2, 3]) {
      const parallel = validateListingInWorkers(listDataSources(dir.root), { today: TODAY }, threads);
      expect(parallel, 'the workers answered').toBeDefined();
      expect(parallel!.problems).toEqual(single.problems);
      expect(parallel!.files).toBe(single.files);
      expect(parallel!.dataset).toEqual(single.dataset);
    }
    // validateDataDir takes the same path when told to use threads.
    process.env.SPSD_VALIDATE_THREADS = '2';
    expect(validateDataDir(dir.root, { today: TODAY }).problems).toEqual(single.problems);
  });

  it('falls back to one thread for a link to a provider that does not exist, and still says the same', () => {
    writeFileSync(dir.at('signatories', 'zz-missing.yaml'), 'name: Missing\nkind: user-led\nsigned: "2020"\nstatus: active\nprovider: no-such-provider\nverification: {status: unverified, last_checked: 2026-06-01, sources: [{title: Test, published: "2026-06"}]}\n');
    expect(validateListingInWorkers(listDataSources(dir.root), { today: TODAY }, 2)).toBeUndefined();
    process.env.SPSD_VALIDATE_THREADS = '2';
    const parallel = validateDataDir(dir.root, { today: TODAY });
    const single = validateSources(readDataSources(dir.root), { today: TODAY });
    expect(parallel.problems).toEqual(single.problems);
    expect(parallel.problems.some((p) => p.message.includes('"no-such-provider" is not a provider'))).toBe(true);
  });
});
