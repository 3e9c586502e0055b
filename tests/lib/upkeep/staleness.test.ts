// Without a network, the upkeep report says so, instead of saying every website's domain may have expired.
import { describe, expect, test } from 'vitest';
import { checkWebsite, checkWebsites, renderReport } from '../../../src/lib/upkeep/staleness.ts';

/** A fetch that fails as Node's does when a name cannot be looked up, with the code in error.cause. */
function failingFetch(code: string): typeof fetch {
  return (async () => {
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(`getaddrinfo ${code} example.org`), { code }) });
  }) as unknown as typeof fetch;
}

describe('checking websites with no network', () => {
  test('a name server that does not answer means the site could not be checked, not that its domain expired', async () => {
    expect(await checkWebsite('https://example.org/', { fetch: failingFetch('EAI_AGAIN') })).toMatchObject({ verdict: 'unchecked', reason: 'could not check: no network' });
  });

  test('when no site answers and every name is "not found", the sites are reported as not checked', async () => {
    const results = await checkWebsites(['https://a.example/', 'https://b.example/', 'https://c.example/'], { fetch: failingFetch('ENOTFOUND') });
    expect(results.map((r) => `${r.verdict}: ${r.reason}`)).toEqual(Array(3).fill('unchecked: could not check: no network'));
    const report = renderReport({ today: '2026-11-23', stale: [], websites: results.map((r) => ({ url: r.url, uses: [] })), results });
    expect(report.findings).toBe(0);
    expect(report.markdown).toContain('Could not check 3 websites: no network.');
    expect(report.markdown).not.toMatch(/may have expired/);
  });

  test('one missing domain among sites that answer is still reported as a domain that may have expired', async () => {
    const fetcher = (async (url: string) => {
      if (url.includes('gone')) throw new TypeError('fetch failed', { cause: Object.assign(new Error('getaddrinfo ENOTFOUND gone.example'), { code: 'ENOTFOUND' }) });
      return new Response(null, { status: 200 });
    }) as unknown as typeof fetch;
    const results = await checkWebsites(['https://gone.example/', 'https://fine.example/'], { fetch: fetcher });
    expect(results.map((r) => `${r.verdict}: ${r.reason}`)).toEqual(['failed: the domain name was not found (it may have expired)', 'ok: answered']);
  });
});
