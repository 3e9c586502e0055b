import { describe, expect, it } from 'vitest';
import { escapeHtml, escapeMarkup } from '../../../src/lib/text/html.ts';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });
});

describe('escapeMarkup', () => {
  it('escapes like escapeHtml but leaves apostrophes as they are', () => {
    expect(escapeMarkup(`Men's "Shed" & <co>`)).toBe("Men's &quot;Shed&quot; &amp; &lt;co&gt;");
  });
});
