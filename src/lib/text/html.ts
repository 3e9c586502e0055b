// Escaping text for HTML, SVG and XML written as strings (Astro escapes what it renders itself).

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe anywhere in HTML: in an element or in a quoted attribute, with either quote. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Text in a double-quoted attribute escaped the way Astro does (only `&` and `"`), so a short link reads as the provider page. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/**
 * Text safe in an element or a double-quoted attribute, apostrophes left as they are: for markup a person
 * reads or copies (the embed snippet, the QR code's title, the sitemap), where "Men's" must stay "Men's".
 */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ENTITIES[c]!);
}
