// The coverage model on a made-up Sussex whose gaps are known (tests/fixtures/coverage/), then the real
// build of that data: the gaps are named in the model, in the CSV files and on the /coverage/ page, and
// the /data/ files the site publishes are byte for byte those of `npm run export`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildCoverage, coverageCsvFiles, coverageOf, districtName, inSentence, serviceReach, type Coverage, type TableId } from '../../src/lib/coverage.ts';
import { PROJECT_ROOT } from '../../src/lib/dataset/dataset-fs.ts';
import { allExportFiles } from '../../src/lib/export/index.ts';
import { fixtureDataDir, fixtureDataset, TODAY } from './export/fixture-data.ts';
import { readFixture, validate } from '../helpers/data-dir.ts';

const dataset = fixtureDataset();
const model = buildCoverage(dataset);
type Row = Record<string, string>;
const parseCsv = (text: string): Row[] => parse(text, { bom: true, columns: true }) as Row[];

function cell(m: Coverage, table: TableId, place: string, column: string): number {
  const t = m.tables[table];
  const row = t.rows.find((r) => r.place.id === place);
  const i = t.columns.findIndex((c) => c.id === column);
  if (!row || i < 0) throw new Error(`no ${table} cell ${place} × ${column}`);
  return row.counts[i] ?? NaN;
}
const total = (table: TableId, place: string) => model.tables[table].rows.find((r) => r.place.id === place)?.total;
const gapTexts = (kind: string) => model.gaps.filter((g) => g.kind === kind).map((g) => g.text);

describe('coverage model', () => {
  test('counts only active services: paused and closed ones are left out', () => {
    expect(model.activeServices).toBe(5);
    expect(model.pausedServices).toBe(1);
    expect(model.providers).toBe(4);
    expect(total('reach', 'sussex')).toBe(5);
  });

  test('a service reaches the district of its venue; a phone line reaches every district of its area remotely', () => {
    const line = dataset.providers.find((p) => p.slug === 'fixture-east-sussex-peer-line');
    const cafe = dataset.providers.find((p) => p.slug === 'fixture-chichester-wellbeing-cafe');
    expect([...serviceReach(dataset.vocab, line!.data, line!.data.services[0]!)]).toEqual([['eastbourne', 'remote'], ['hastings', 'remote'], ['lewes', 'remote'], ['rother', 'remote'], ['wealden', 'remote']]);
    expect([...serviceReach(dataset.vocab, cafe!.data, cafe!.data.services[0]!)]).toEqual([['chichester', 'venue']]);
    expect(cell(model, 'reach', 'hastings', 'remote')).toBe(1);
    expect(cell(model, 'reach', 'hastings', 'venue')).toBe(0);
    expect(cell(model, 'reach', 'chichester', 'venue')).toBe(2);
    expect(cell(model, 'reach', 'east-sussex', 'remote')).toBe(1);
    expect(total('reach', 'adur')).toBe(0);
  });

  test('tables count services by area and district × format, community, leader and cost', () => {
    expect(cell(model, 'communities', 'worthing', 'lgbtq')).toBe(1);
    expect(cell(model, 'communities', 'chichester', 'lgbtq')).toBe(0);
    expect(cell(model, 'communities', 'west-sussex', 'lgbtq')).toBe(1);
    expect(cell(model, 'communities', 'sussex', 'everyone')).toBe(3);
    expect(cell(model, 'formats', 'chichester', 'drop-in')).toBe(1);
    expect(cell(model, 'formats', 'chichester', 'group')).toBe(1); // the art afternoon; the closed group is not counted
    expect(cell(model, 'leaders', 'brighton-and-hove', 'peer-led-group')).toBe(1);
    expect(cell(model, 'leaders', 'lewes', 'statutory')).toBe(1);
    expect(cell(model, 'costs', 'chichester', 'donation')).toBe(1);
    expect(cell(model, 'costs', 'chichester', 'fee')).toBe(1);
    // Leaders and costs: one value per service, so a row adds up to its total.
    for (const id of ['leaders', 'costs', 'reach'] as const) for (const r of model.tables[id].rows) expect(r.counts.reduce((a, b) => a + b, 0), `${id} ${r.place.id}`).toBe(r.total);
  });

  test('evenings (from 17:00) and weekends come from the structured sessions', () => {
    expect(cell(model, 'times', 'worthing', 'evening')).toBe(1);
    expect(cell(model, 'times', 'brighton-and-hove', 'evening')).toBe(1);
    expect(cell(model, 'times', 'chichester', 'evening')).toBe(0);
    expect(cell(model, 'times', 'chichester', 'weekday-daytime')).toBe(2);
    expect(cell(model, 'times', 'wealden', 'weekend')).toBe(1);
    expect(cell(model, 'times', 'worthing', 'weekend')).toBe(0);
  });

  test('names the known gaps plainly', () => {
    expect(gapTexts('community')).toContain('No peer support for LGBTQ+ people in Chichester district.');
    expect(gapTexts('community')).not.toContain('No peer support for LGBTQ+ people in Worthing district.');
    expect(gapTexts('no-user-led')).toContain('No user-led peer support in Chichester district.');
    expect(gapTexts('no-user-led')).not.toContain('No user-led peer support in Brighton & Hove.'); // a peer-led group counts
    expect(model.gaps.filter((g) => g.kind === 'only-remote').map((g) => g.district)).toEqual(['eastbourne', 'hastings', 'lewes', 'rother', 'wealden']);
    expect(gapTexts('only-remote')).toContain('Hastings district is served only online or by phone: no service meets in person there.');
    expect(model.gaps.filter((g) => g.kind === 'no-service').map((g) => g.district)).toEqual(['adur', 'arun', 'crawley', 'horsham', 'mid-sussex']);
    expect(model.gaps.filter((g) => g.kind === 'no-evening').map((g) => g.district)).not.toContain('worthing');
    expect(model.gaps.filter((g) => g.kind === 'no-weekend').map((g) => g.district)).toContain('worthing');
    expect(gapTexts('format')).toContain('No peer support of the kind "Drop-in" in Worthing district.');
  });

  test('words: district names and labels inside sentences', () => {
    expect(districtName(dataset.vocab, 'chichester')).toBe('Chichester district');
    expect(districtName(dataset.vocab, 'brighton-and-hove')).toBe('Brighton & Hove');
    expect(inSentence('LGBTQ+ people')).toBe('LGBTQ+ people');
    expect(inSentence('Black, Asian and racialised communities')).toBe('Black, Asian and racialised communities');
    expect(inSentence('Women')).toBe('women');
  });

  test('the CSV files parse back to the same numbers, and the gaps file names the gap', () => {
    const files = coverageCsvFiles(dataset, model);
    expect([...files.keys()]).toEqual(['coverage/reach.csv', 'coverage/formats.csv', 'coverage/communities.csv', 'coverage/leaders.csv', 'coverage/costs.csv', 'coverage/times.csv', 'coverage/gaps.csv']);
    const communities = parseCsv(files.get('coverage/communities.csv') ?? '');
    expect(communities).toHaveLength(model.tables.communities.rows.length);
    const chichester = communities.find((r) => r['Place id'] === 'chichester') as Row;
    expect(chichester).toMatchObject({ 'Place type': 'district', Area: 'West Sussex', Place: 'Chichester', 'LGBTQ+ people': '0', 'Anyone with experience of mental distress': '2', 'All active services': '2' });
    const gaps = parseCsv(files.get('coverage/gaps.csv') ?? '');
    expect(gaps).toHaveLength(model.gaps.length);
    expect(gaps).toContainEqual({ 'Kind of gap': 'community', Area: 'West Sussex', 'District id': 'chichester', District: 'Chichester', 'Term id': 'lgbtq', Term: 'LGBTQ+ people', Gap: 'No peer support for LGBTQ+ people in Chichester district.' });
    expect(gaps.filter((g) => g['Kind of gap'] === 'only-remote').map((g) => g.District)).toEqual(['Eastbourne', 'Hastings', 'Lewes', 'Rother', 'Wealden']);
  });
});

// ---- One real build of the fixture data ----

function exec(cmd: string, args: string[], extra: Record<string, string>) {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const k of ['SITE_URL', 'BASE_PATH', 'SPSD_DATA_DIR', 'BUILD_DATE', 'GITHUB_ACTIONS']) delete env[k];
  return spawnSync(path.join(PROJECT_ROOT, 'node_modules', '.bin', cmd), args, { cwd: PROJECT_ROOT, env: { ...env, ...extra }, encoding: 'utf8', timeout: 300_000 });
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(path.join(dir, name)).isDirectory() ? listFiles(path.join(dir, name), `${prefix}${name}/`) : [`${prefix}${name}`]));
}

describe('the built site, from the fixture data', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'spsd-coverage-build-'));
  const dist = path.join(work, 'dist');
  const data = fixtureDataDir();
  let build: ReturnType<typeof exec>;
  const page = (p: string) => readFileSync(path.join(dist, p), 'utf8');
  const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&#39;|&#x27;/g, "'").replace(/&quot;/g, '"').replace(/\s+/g, ' ');

  beforeAll(() => {
    build = exec('astro', ['build', '--outDir', dist], { SPSD_DATA_DIR: data.root, BUILD_DATE: TODAY });
  });
  afterAll(() => {
    data.remove();
    rmSync(work, { recursive: true, force: true });
  });

  test('the site builds', () => {
    expect(build.status, `${build.stdout}\n${build.stderr}`.slice(-3000)).toBe(0);
  });

  test('/coverage/ names the known gaps', () => {
    const html = page('coverage/index.html');
    const lgbtq = /<li[^>]*id="gap-community-lgbtq"[^>]*>([\s\S]*?)<\/li>/.exec(html)?.[1] ?? '';
    expect(text(lgbtq)).toMatch(/No peer support for LGBTQ\+ people in \d+ of 13 districts: .*Chichester district/);
    expect(text(lgbtq)).not.toContain('Worthing');
    const userLed = /data-gap-kind="no-user-led"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
    expect(text(userLed)).toContain('No user-led peer support in');
    expect(text(userLed)).toContain('Chichester district');
    const remote = text(/data-gap-kind="only-remote"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
    expect(remote).toContain('Served only online or by phone');
    for (const d of ['Eastbourne', 'Hastings', 'Lewes', 'Rother', 'Wealden']) expect(remote).toContain(`${d} district`);
  });

  test('/coverage/ has a table and a CSV link for every chart, and sends no script of its own', () => {
    const html = page('coverage/index.html');
    const charts = [...html.matchAll(/<figure class="chart"[\s\S]*?<\/figure>/g)].map((m) => m[0]);
    expect(charts.length).toBeGreaterThanOrEqual(4);
    for (const chart of charts) {
      expect(chart).toMatch(/role="img"[^>]*aria-label="[^"]{20,}"/);
      const table = /href="#(table-[a-z]+)"/.exec(chart)?.[1];
      expect(table && html.includes(`id="${table}"`), `the table ${table} is on the page`).toBe(true);
    }
    for (const id of ['reach', 'formats', 'communities', 'leaders', 'costs', 'times', 'gaps']) expect(html).toContain(`href="/data/coverage/${id}.csv"`);
    const scripts = (h: string) => new Set([...h.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]));
    const plain = scripts(page('about/index.html'));
    expect([...scripts(html)].filter((s) => !plain.has(s))).toEqual([]);
  });

  test('the CSV files the page links to are built, and name the gap', () => {
    const gaps = parseCsv(page('data/coverage/gaps.csv'));
    expect(gaps.map((g) => g.Gap)).toContain('No peer support for LGBTQ+ people in Chichester district.');
    expect(page('data/coverage/gaps.csv')).toBe(coverageCsvFiles(dataset).get('coverage/gaps.csv'));
  });

  test('every file under /data/ is byte for byte the export of the same data, and npm run export writes the same', () => {
    const expected = allExportFiles(dataset, { buildDate: TODAY, siteRoot: 'https://sussex-peer-support.example/' });
    expect(listFiles(path.join(dist, 'data'))).toEqual([...expected.keys()].sort());
    for (const [name, content] of expected) expect(readFileSync(path.join(dist, 'data', name), 'utf8'), name).toBe(content);
    const out = path.join(work, 'cli');
    const cli = exec('tsx', ['scripts/export.ts', '--format', 'all', '--out', out, '--data', data.root, '--date', TODAY], {});
    expect(cli.status, cli.stderr).toBe(0);
    for (const name of expected.keys()) expect(readFileSync(path.join(out, name)).equals(readFileSync(path.join(dist, 'data', name))), name).toBe(true);
  });

  test('/open-data/ links to every file it describes', () => {
    const html = page('open-data/index.html');
    const links = [...html.matchAll(/href="\/data\/([^"#]+)"/g)].map((m) => m[1] as string);
    expect(new Set(links)).toEqual(new Set(listFiles(path.join(dist, 'data'))));
    for (const l of links) expect(existsSync(path.join(dist, 'data', l)), l).toBe(true);
    expect(text(html)).toContain('Creative Commons Attribution 4.0');
  });
});

describe('coverageOf', () => {
  test('works the coverage out once per dataset, the same as buildCoverage, and again for another dataset', () => {
    const first = coverageOf(dataset);
    expect(coverageOf(dataset)).toBe(first);
    expect(first).toEqual(buildCoverage(dataset));
    const other = { ...dataset, providers: dataset.providers.slice(1) };
    expect(coverageOf(other)).not.toBe(first);
    expect(coverageOf(other).activeServices).toBe(buildCoverage(other).activeServices);
  });
});


describe('a provider whose areas are not known (areas_unconfirmed: true)', () => {
  const { dataset: own } = validate({ providers: { 'areas-not-confirmed.yaml': readFixture('providers', 'valid', 'areas-not-confirmed.yaml') } });
  const entry = own.providers[0]!;
  const unsure = buildCoverage(own);

  test('reaches no district where it names no venue, and the district of a venue it names', () => {
    expect([...serviceReach(own.vocab, entry.data, entry.data.services[0]!)]).toEqual([]);
    expect([...serviceReach(own.vocab, entry.data, entry.data.services[1]!)]).toEqual([['lewes', 'venue']]);
    expect(cell(unsure, 'reach', 'lewes', 'venue')).toBe(1);
    expect(unsure.tables.reach.rows.find((r) => r.place.id === 'worthing')?.total).toBe(0);
  });

  test('is counted in the totals and named as a provider whose areas are not known', () => {
    expect(unsure.activeServices).toBe(2);
    expect(unsure.areasNotKnown.map((p) => p.slug)).toEqual(['areas-not-confirmed']);
  });

  test('providers whose areas are known are not named', () => {
    expect(model.areasNotKnown).toEqual([]);
  });
});
