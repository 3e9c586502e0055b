import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from '../../../src/lib/text/markdown.ts';

describe('renderMarkdown', () => {
  it('renders paragraphs, lists, links and emphasis, and a link to a website sends it no referrer', () => {
    const html = renderMarkdown('Hello *there*.\n\n- one\n- two\n\n[Site](https://example.org)');
    expect(html).toContain('<em>there</em>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<a href="https://example.org" rel="external noopener noreferrer">Site</a>');
  });
  it('shows raw HTML as text, never as markup', () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
  });
  it('links an email address written between < and >', () => {
    expect(renderMarkdown('Email <hello@example.org>.')).toContain('<a href="mailto:hello@example.org">hello@example.org</a>');
  });
  it('does not make javascript: links', () => {
    const html = renderMarkdown('[click](javascript:alert(1))');
    expect(html).not.toContain('href="javascript');
  });
  it('does not render headings, images or code blocks', () => {
    const html = renderMarkdown('# Big\n\n![x](https://example.org/x.png)\n\n    code');
    expect(html).not.toMatch(/<h1|<img|<pre/);
  });
});

describe('markdownToText', () => {
  it('keeps link words and drops the markup', () => expect(markdownToText('See *our* [site](https://x.org).\n- a')).toBe('See our site. a'));
});
