// Which logo files may be published on the site's own domain. An SVG is a document that can run script when
// opened directly (no page CSP covers it), and GitHub shows it in a pull request as a picture, so a reviewer
// sees nothing: only a plain drawing passes a strict allow-list. PNG, JPEG and WebP are checked by their bytes.

/** A logo is a small picture; anything bigger is a mistake. */
export const MAX_LOGO_BYTES = 512 * 1024;
export const LOGO_EXTENSIONS = ['svg', 'png', 'jpg', 'webp'] as const;

/** Drawing elements only: no script, foreignObject, image, a, iframe, animate or set (which can change a link). */
const SVG_ELEMENTS = new Set(
  [
    'svg', 'g', 'defs', 'symbol', 'use', 'title', 'desc', 'metadata', 'style',
    'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan', 'textPath',
    'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern', 'filter',
    'feGaussianBlur', 'feOffset', 'feBlend', 'feColorMatrix', 'feFlood', 'feComposite', 'feMerge', 'feMergeNode',
  ].map((n) => n.toLowerCase()),
);

/** A tag: its name and the text of its attributes. */
const TAG = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'))?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g;
/** Anything that fetches or links to another document: only a link within the file itself ("#id") is allowed. */
const EXTERNAL_URL = /url\s*\(\s*(?!['"]?#)|@import|expression\s*\(|javascript:|data:/i;

const TEXT_PARTS = /<!--[^]*?-->|<\?xml\s[^?]*\?>|<!\[CDATA\[/y;

/** What is wrong with an SVG file, or undefined when it is a plain drawing. */
export function svgProblem(text: string): string | undefined {
  const fix = 'Export the logo again as a plain SVG (or as a PNG), with no script, links, embedded images or external references.';
  if (!/^\s*(?:<\?xml[^?]*\?>\s*)?(?:<!--[^]*?-->\s*)*<svg[\s>]/.test(text)) return `is not an SVG drawing: it must start with <svg. ${fix}`;
  let i = 0;
  let inStyle = false;
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    const between = text.slice(i, lt < 0 ? text.length : lt);
    if (inStyle && EXTERNAL_URL.test(between)) return `has a style that loads something from elsewhere. ${fix}`;
    if (lt < 0) break;
    TEXT_PARTS.lastIndex = lt;
    const part = TEXT_PARTS.exec(text);
    if (part) {
      if (part[0].startsWith('<![CDATA[')) return `has a CDATA section, which is not allowed in a logo. ${fix}`;
      i = TEXT_PARTS.lastIndex;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(text);
    if (!tag) return `has "${text.slice(lt, lt + 20).split(/\s/)[0]}", which is not allowed in a logo. ${fix}`;
    const [, closing, name = '', attributes = ''] = tag;
    if (!SVG_ELEMENTS.has(name.toLowerCase())) return `has a <${name}> element, which is not allowed in a logo. ${fix}`;
    inStyle = name.toLowerCase() === 'style' && !closing && !tag[4];
    for (const a of attributes.matchAll(ATTRIBUTE)) {
      const attr = (a[1] ?? '').toLowerCase();
      const value = a[2] ?? a[3] ?? '';
      if (attr.startsWith('on')) return `has an "${a[1]}" attribute, which runs script. ${fix}`;
      if (/(?:^|:)href$/.test(attr) && !/^#[\w.-]*$/.test(value)) return `links to "${value}"; a logo may link only to a part of itself ("#id"). ${fix}`;
      if (attr !== 'xmlns' && !attr.startsWith('xmlns:') && (EXTERNAL_URL.test(value) || (/&#|&\w+;/.test(value) && /href|style/.test(attr))))
        return `has an "${a[1]}" attribute that refers to something outside the file. ${fix}`;
    }
    i = TAG.lastIndex;
  }
  return undefined;
}

function startsWith(bytes: Uint8Array, ...values: number[]): boolean {
  return values.every((v, i) => bytes[i] === v);
}

/** What is wrong with a logo file, or undefined when it may be published. */
export function logoProblem(name: string, bytes: Uint8Array): string | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  if (!(LOGO_EXTENSIONS as readonly string[]).includes(ext)) return `is not a logo image. Logos are .svg, .png, .jpg or .webp files; remove it or convert it.`;
  if (bytes.byteLength > MAX_LOGO_BYTES) return `is ${Math.round(bytes.byteLength / 1024)} KB, larger than the ${MAX_LOGO_BYTES / 1024} KB limit for a logo. Make it smaller.`;
  const wrong = (kind: string) => `does not hold a ${kind} image, though its name ends in .${ext}. Save it again as ${kind}.`;
  if (ext === 'png') return startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) ? undefined : wrong('PNG');
  if (ext === 'jpg') return startsWith(bytes, 0xff, 0xd8, 0xff) ? undefined : wrong('JPEG');
  if (ext === 'webp') return startsWith(bytes, 0x52, 0x49, 0x46, 0x46) && new TextDecoder().decode(bytes.subarray(8, 12)) === 'WEBP' ? undefined : wrong('WebP');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return 'is not text, so it cannot be an SVG drawing. Save it again as SVG.';
  }
  return svgProblem(text.replace(/^\uFEFF/, ''));
}
