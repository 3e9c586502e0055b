// The upkeep report and its weekly workflow. Websites are checked against a stub server on 127.0.0.1 only.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_ROOT } from '../../src/lib/dataset/dataset-fs.ts';
import { checkWebsite, checkWebsites, renderReport, REPORT_MARKER, staleEntries, websitesToCheck, type LinkResult } from '../../src/lib/upkeep/staleness.ts';
import { makeDataDir, provider, signatory, validate, type TempDataDir } from '../helpers/data-dir.ts';
import { closedPort, runScript, startStub, type StubServer } from '../fixtures/contrib/harness.ts';

let stub: StubServer;
const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  stub = await startStub(async (req, res) => {
    const url = req.url ?? '/';
    if (url === '/ok') return void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>hello</p>');
    if (url === '/head-not-allowed') return void res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    if (url === '/gone') return void res.writeHead(404).end('not here');
    if (url === '/moved') return void res.writeHead(301, { location: '/ok' }).end();
    if (url === '/loop') return void res.writeHead(302, { location: '/loop' }).end();
    if (url === '/forbidden') return void res.writeHead(403).end();
    if (url === '/error') return void res.writeHead(500).end();
    if (url === '/slow') {
      await delay(3000);
      return void (res.destroyed || res.writeHead(200).end());
    }
    if (url === '/head-hangs') {
      if (req.method === 'HEAD') return; // never answers
      return void res.writeHead(200).end();
    }
    if (url.startsWith('/busy')) {
      await delay(80);
      return void res.writeHead(200).end();
    }
    res.writeHead(404).end();
  });
});
afterAll(() => stub.close());

describe('checkWebsite', () => {
  const check = (p: string, timeoutMs = 1000) => checkWebsite(`${stub.url}${p}`, { timeoutMs });

  it('accepts a site that answers, without downloading the page', async () => {
    stub.requests.length = 0;
    expect(await check('/ok')).toMatchObject({ verdict: 'ok', status: 200 });
    expect(stub.requests.map((r) => r.method)).toEqual(['HEAD']);
    expect(stub.requests[0]?.headers['user-agent']).toMatch(/SussexPeerSupportDirectory-LinkCheck/);
  });

  it('asks with GET when HEAD is not allowed', async () => {
    stub.requests.length = 0;
    expect(await check('/head-not-allowed')).toMatchObject({ verdict: 'ok', status: 200 });
    expect(stub.requests.map((r) => r.method)).toEqual(['HEAD', 'GET']);
  });

  it('follows redirects and says where they end', async () => {
    expect(await check('/moved')).toMatchObject({ verdict: 'ok', status: 200, finalUrl: `${stub.url}/ok` });
  });

  it('reports a missing page, a server error and a redirect loop as not answering', async () => {
    expect(await check('/gone')).toMatchObject({ verdict: 'failed', status: 404, reason: 'page not found (HTTP 404)' });
    expect(await check('/error')).toMatchObject({ verdict: 'failed', status: 500, reason: 'server error (HTTP 500)' });
    expect(await check('/loop')).toMatchObject({ verdict: 'failed', reason: 'it redirects in a loop' });
  });

  it('reports a site that is too slow, with the time limit', async () => {
    const started = Date.now();
    expect(await check('/slow', 300)).toMatchObject({ verdict: 'failed', reason: 'did not answer within 0.3 seconds' });
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it('tries GET when HEAD hangs', async () => {
    expect(await check('/head-hangs', 300)).toMatchObject({ verdict: 'ok', status: 200 });
  });

  it('lists a site that refuses robots apart, to be checked by hand', async () => {
    expect(await check('/forbidden')).toMatchObject({ verdict: 'refused', status: 403 });
  });

  it('reports a refused connection without trying twice', async () => {
    const port = await closedPort();
    expect(await checkWebsite(`http://127.0.0.1:${port}/`, { timeoutMs: 1000 })).toMatchObject({ verdict: 'failed', reason: 'the server refused the connection' });
  });

  it('checks many sites a few at a time, keeping their order', async () => {
    const before = stub.maxInFlight;
    stub.maxInFlight = 0;
    const urls = Array.from({ length: 8 }, (_, i) => `${stub.url}/busy-${i}`);
    const results = await checkWebsites(urls, { concurrency: 2, timeoutMs: 2000 });
    expect(results.map((r) => r.url)).toEqual(urls);
    expect(results.every((r) => r.verdict === 'ok')).toBe(true);
    expect(stub.maxInFlight).toBeLessThanOrEqual(2);
    stub.maxInFlight = Math.max(before, stub.maxInFlight);
  });
});

describe('staleEntries and websitesToCheck', () => {
  const result = validate({
    providers: {
      'old.yaml': provider('Old Group', '').replace('last_checked: 2026-06-01', 'last_checked: 2025-10-01').concat('website: https://example.org/old\n'),
      'fresh.yaml': provider('Fresh Group', 'website: https://example.org/shared\n'),
      'with-services.yaml': provider('Services Group').replace(
        '    communities: [everyone]\n',
        '    communities: [everyone]\n    website: https://example.org/shared\n  - id: closed-one\n    name: Closed one\n    status: closed\n    communities: [everyone]\n    website: https://example.org/closed\n',
      ),
    },
    signatories: { 'old-sig.yaml': signatory('Old Signatory', 'website: https://example.org/sig\n').replace('last_checked: 2026-06-01', 'last_checked: 2024-01-15') },
  });

  it('finds entries checked 12 months ago or more, oldest first', () => {
    const stale = staleEntries(result.dataset, '2026-11-23');
    expect(stale.map((s) => [s.name, s.date, s.dateKind, s.months, s.kind])).toEqual([
      ['Old Signatory', '2024-01-15', 'checked', 34, 'signatory'],
      ['Old Group', '2025-10-01', 'checked', 13, 'provider'],
    ]);
    expect(staleEntries(result.dataset, '2026-11-23', 5)).toHaveLength(4);
    expect(staleEntries(result.dataset, '2026-09-30').map((s) => s.name)).toEqual(['Old Signatory']);
  });

  it('counts an unchecked entry from the date its newest source shows, a year from its last day', () => {
    const sourced = validate({
      providers: {
        'old-source.yaml': provider('Old Source Group').replace('  last_checked: 2026-06-01\n', '').replace('published: "2026-06"', 'published: "2024"'),
        'new-source.yaml': provider('New Source Group').replace('  last_checked: 2026-06-01\n', '').replace('published: "2026-06"', 'published: "2025-12"'),
      },
    });
    expect(sourced.problems).toEqual([]);
    expect(staleEntries(sourced.dataset, '2026-11-23').map((s) => [s.name, s.date, s.dateKind, s.months])).toEqual([['Old Source Group', '2024', 'source', 22]]);
  });

  it('lists each website once with everywhere it is used, leaving out closed services', () => {
    const sites = websitesToCheck(result.dataset);
    expect(sites.map((s) => s.url)).toEqual(['https://example.org/old', 'https://example.org/shared', 'https://example.org/sig']);
    expect(sites[1]?.uses.map((u) => u.where)).toEqual(['website', 'services[0].website (Weekly group)']);
  });
});

describe('renderReport', () => {
  const stale = [{ kind: 'provider' as const, slug: 'a', file: 'data/providers/a.yaml', name: 'A | B Group', date: '2025-01-01', dateKind: 'checked' as const, months: 22 }];
  const websites = [{ url: 'https://example.org/gone', uses: [{ file: 'data/providers/a.yaml', name: 'A | B Group', where: 'website' }] }];
  const results: LinkResult[] = [{ url: 'https://example.org/gone', verdict: 'failed', status: 404, reason: 'page not found (HTTP 404)' }];

  it('is Markdown with the marker, the counts, tables and links to the files', () => {
    const { markdown, findings } = renderReport({ today: '2026-11-23', stale, websites, results, repoUrl: 'https://github.com/o/r' });
    expect(findings).toBe(2);
    expect(markdown.startsWith(`${REPORT_MARKER}\n# Upkeep`)).toBe(true);
    expect(markdown).toContain('Found: **1 entry** with facts 12 months old or more, **1 website** that did not answer, **0 websites** that refused an automatic check.');
    expect(markdown).toContain('| A \\| B Group | checked 2025-01-01 (22 months ago) | [`data/providers/a.yaml`](https://github.com/o/r/blob/main/data/providers/a.yaml) |');
    expect(markdown).toContain('| <https://example.org/gone> | page not found (HTTP 404) | A \\| B Group — [`data/providers/a.yaml`]');
    expect(markdown).not.toContain('refused an automatic check\n\nThese');
  });

  it('says plainly when there is nothing to do, and when websites were not checked', () => {
    expect(renderReport({ today: '2026-11-23', stale: [], websites: [], results: [] })).toMatchObject({ findings: 0 });
    const offline = renderReport({ today: '2026-11-23', stale: [], websites }).markdown;
    expect(offline).toContain('Websites were not checked this time.');
    expect(offline).toContain('None: every entry was checked with its group, or has a source, from the last 12 months.');
  });

  it('fits in a GitHub issue, saying how many rows were left out', () => {
    const many = Array.from({ length: 2000 }, (_, i) => ({ ...stale[0]!, slug: `e${i}`, name: `Entry ${i}`, file: `data/providers/e${i}.yaml` }));
    const { markdown, findings } = renderReport({ today: '2026-11-23', stale: many, websites: [], results: [], maxChars: 20_000 });
    expect(findings).toBe(2000);
    expect(markdown.length).toBeLessThanOrEqual(20_000);
    expect(markdown).toMatch(/…and \d+ more\. Run `npm run report:stale` for the full list\./);
  });
});

describe('npm run report:stale', () => {
  let dir: TempDataDir;
  let out: string;
  beforeAll(() => {
    out = mkdtempSync(path.join(os.tmpdir(), 'spsd-report-'));
    dir = makeDataDir({
      providers: {
        'fine.yaml': provider('Fine Group', `website: ${stub.url}/ok\n`),
        'gone.yaml': provider('Gone Group', `website: ${stub.url}/gone\n`).replace('last_checked: 2026-06-01', 'last_checked: 2025-06-01'),
      },
    });
  });
  afterAll(() => {
    dir.remove();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes the report and the number of findings for the workflow', async () => {
    const report = path.join(out, 'report.md');
    const outputs = path.join(out, 'github-output');
    writeFileSync(outputs, '');
    const r = await runScript('report-stale.ts', ['--data', dir.root, '--today', '2026-11-23', '--timeout', '2', '--output', report, '--github-output'], { env: { GITHUB_OUTPUT: outputs } });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/Wrote .*report\.md: 2 to check \(2 entries, 2 websites\)/);
    const markdown = readFileSync(report, 'utf8');
    expect(markdown).toContain('| Gone Group | checked 2025-06-01 (17 months ago) |');
    expect(markdown).toContain(`| <${stub.url}/gone> | page not found (HTTP 404) | Gone Group`);
    expect(markdown).not.toContain(`<${stub.url}/ok>`);
    expect(readFileSync(outputs, 'utf8')).toBe('findings=2\n');
  });

  it('uses no network with --offline', async () => {
    stub.requests.length = 0;
    const r = await runScript('report-stale.ts', ['--data', dir.root, '--today', '2026-11-23', '--offline']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Websites were not checked this time.');
    expect(stub.requests).toEqual([]);
  });

  it('refuses wrong options', async () => {
    expect((await runScript('report-stale.ts', ['--today', 'tomorrow'])).status).toBe(2);
    expect((await runScript('report-stale.ts', ['--timeout', '-1'])).status).toBe(2);
    expect((await runScript('report-stale.ts', ['--github-output', '--offline'])).stderr).toMatch(/needs \$GITHUB_OUTPUT/);
    const help = await runScript('report-stale.ts', ['--help']);
    expect(help.stdout).toMatch(/^Usage: npm run report:stale/);
  });
});

describe('.github/workflows/staleness.yml', () => {
  const text = readFileSync(path.join(PROJECT_ROOT, '.github/workflows/staleness.yml'), 'utf8');
  const workflow = parse(text) as {
    on: Record<string, unknown>;
    permissions: Record<string, string>;
    jobs: Record<string, { permissions?: unknown; steps: { uses?: string; run?: string; env?: Record<string, string> }[] }>;
  };

  it('runs weekly and by hand, with only contents: read and issues: write', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['schedule', 'workflow_dispatch']);
    const cron = (workflow.on.schedule as { cron: string }[])[0]?.cron ?? '';
    expect(cron.split(' ')).toHaveLength(5);
    expect(cron.split(' ')[4]).toMatch(/^[0-6]$/);
    expect(workflow.permissions).toEqual({ contents: 'read', issues: 'write' });
    for (const job of Object.values(workflow.jobs)) expect(job.permissions).toBeUndefined();
  });

  it('pins every action by the full commit SHA already used in ci.yml', () => {
    const ci = readFileSync(path.join(PROJECT_ROOT, '.github/workflows/ci.yml'), 'utf8');
    const uses = Object.values(workflow.jobs).flatMap((j) => j.steps.map((s) => s.uses).filter((u): u is string => Boolean(u)));
    expect(uses.length).toBeGreaterThan(0);
    for (const u of uses) {
      expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
      expect(ci).toContain(u);
    }
  });

  it('runs the report, then keeps one tracking issue found by its label, with the GitHub token', () => {
    const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
    expect(steps.some((s) => s.run?.includes('npm run report:stale') && s.run.includes('--github-output'))).toBe(true);
    const issue = steps.find((s) => s.run?.includes('gh issue'));
    expect(issue?.env?.GH_TOKEN).toBe('${{ github.token }}');
    expect(issue?.run).toContain('gh issue list --label "$LABEL"');
    expect(issue?.run).toMatch(/gh issue edit "\$number" --body-file/);
    expect(issue?.run).toMatch(/gh issue create --title "\$TITLE" --label "\$LABEL"/);
    // No ${{ }} expressions inside scripts: values reach the shell through env only.
    for (const s of steps) expect(s.run ?? '').not.toContain('${{');
  });
});
