// The small, safe Markdown subset for descriptions: paragraphs, lists, links and emphasis; never raw HTML.
import MarkdownIt from 'markdown-it';
import { isSafeLink } from '../validate/contact-checks.ts';

const md = new MarkdownIt('zero', { html: false, linkify: false, breaks: false })
  .enable(['paragraph', 'list', 'link', 'emphasis', 'newline', 'text', 'escape', 'autolink', 'entity', 'balance_pairs', 'fragments_join', 'text_join']);
md.validateLink = (url) => isSafeLink(url);

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  if (token && /^https?:/.test(String(token.attrGet('href') ?? ''))) token.attrSet('rel', 'external noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(text: string): string {
  return md.render(text);
}

/** Markdown reduced to plain text, for meta descriptions and search records. */
export function markdownToText(text: string): string {
  return text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/^\s*[-+*]\s+/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
