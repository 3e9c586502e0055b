import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy, headersFile } from '../../src/lib/csp.ts';

/** The _headers file as path → header name → value, as Netlify and Cloudflare Pages read it. */
function parseHeaders(text: string): Record<string, Record<string, string>> {
  const rules: Record<string, Record<string, string>> = {};
  let current: Record<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    if (!/^\s/.test(line)) rules[line] = current = {};
    else {
      const [, name = '', value = ''] = /^\s+([^:]+):\s*(.*)$/.exec(line) ?? [];
      current![name] = value;
    }
  }
  return rules;
}

describe('headersFile', () => {
  test('sends, for every file of the site, the full policy with frame-ancestors, nosniff, a referrer policy and a permissions policy', () => {
    const rules = parseHeaders(headersFile({ extraImgSources: ['https://tile.openstreetmap.org'] }));
    expect(rules['/*']).toEqual({
      'Content-Security-Policy': `${contentSecurityPolicy({ extraImgSources: ['https://tile.openstreetmap.org'] })}; frame-ancestors 'none'`,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': expect.stringMatching(/camera=\(\).*microphone=\(\).*geolocation=\(self\)/),
    });
  });

  test('sandboxes logos opened directly, so even an SVG that slipped through could run no script', () => {
    expect(parseHeaders(headersFile())['/logos/*']?.['Content-Security-Policy']).toMatch(/^default-src 'none';.*sandbox$/);
  });

  test('puts the rules under the base path when the site is served from one', () => {
    expect(Object.keys(parseHeaders(headersFile({ base: '/directory/' })))).toEqual(['/directory/*', '/directory/logos/*']);
  });
});

describe('contentSecurityPolicy', () => {
  test('leaves frame-ancestors out of the meta tag, where browsers ignore it with a warning', () => {
    expect(contentSecurityPolicy()).not.toMatch(/frame-ancestors/);
  });
});
