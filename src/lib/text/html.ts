// Escaping text for HTML, SVG and XML written as strings (Astro escapes what it renders itself).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe anywhere in HTML: in an element or in a quoted attribute, with either quote. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/**
 * Text safe in an element or a double-quoted attribute, apostrophes left as they are: for markup a person
 * reads or copies (the embed snippet, the QR code's title, the sitemap), where "Men's" must stay "Men's".
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}
