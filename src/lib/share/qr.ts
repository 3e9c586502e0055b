// QR codes made at build time as inline SVG: no script, no request, crisp at any size and in print.
import QRCode, { type QRCodeMaskPattern } from 'qrcode';
import { escapeMarkup } from '../text/html.ts';

export interface QrOptions {
  /** Unique on the page: the SVG's <title> gets the id `${id}-title`. */
  id: string;
  /** What the code is, for people who cannot see it, for example "QR code for the page about Synergy". */
  title: string;
}

/**
 * The mask every code uses. Choosing the best of the eight masks for each code is about 85% of the time to
 * make one; every mask decodes, and mask 2 (every third column) is the one that search chose most often for
 * short links (42% of 1,000 synthetic ones) and has the lowest average penalty of the eight.
 */
export const QR_MASK: QRCodeMaskPattern = 2;

/**
 * The SVG of each recent URL, split around where the accessible name goes: a provider page and its posters share
 * one. Only the last few are kept, as pages are made a few at a time; all 10,000 would stay in memory to the end.
 */
const made = new Map<string, Promise<{ open: string; rest: string }>>();
const KEEP = 16;

async function makeSvg(url: string): Promise<{ open: string; rest: string }> {
  // One byte-mode segment: a URL gains nothing from qrcode's search for the shortest mix of modes.
  const svg = await QRCode.toString([{ data: new TextEncoder().encode(url), mode: 'byte' }], {
    type: 'svg',
    errorCorrectionLevel: 'M',
    maskPattern: QR_MASK,
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  });
  const open = svg.indexOf('>', svg.indexOf('<svg'));
  if (open < 0) throw new Error('qrcode did not return an SVG');
  return { open: svg.slice(0, open), rest: svg.slice(open + 1).trim() };
}

async function parts(url: string): Promise<{ open: string; rest: string }> {
  let svg = made.get(url);
  if (!svg) {
    made.set(url, (svg = makeSvg(url)));
    if (made.size > KEEP) made.delete(made.keys().next().value!);
  }
  return svg;
}

/** The opening tag with its accessible name, the same for a code and for a copy of it. */
function labelled(open: string, { id, title }: QrOptions): string {
  const titleId = `${escapeMarkup(id)}-title`;
  return `${open} role="img" aria-labelledby="${titleId}" class="qr-code" focusable="false"><title id="${titleId}">${escapeMarkup(title)}</title>`;
}

/**
 * An SVG QR code of `url`: black on white with the standard four-module quiet zone (so it scans in a dark
 * colour scheme too), error correction level M, and an accessible name from its <title>. Its squares are in
 * `<g id="${id}-code">`, so `qrCopy` can show the same code again on the page without repeating them.
 */
export async function qrSvg(url: string, options: QrOptions): Promise<string> {
  const { open, rest } = await parts(url);
  const end = rest.lastIndexOf('</svg>');
  return `${labelled(open, options)}<g id="${escapeMarkup(options.id)}-code">${rest.slice(0, end)}</g></svg>`;
}

/**
 * Another QR code of `url` on a page that already has `qrSvg(url, { id: of, … })`: an SVG of the same size,
 * with its own accessible name, that draws that code's squares with `<use>` (about 250 bytes instead of 1 to
 * 2 KB). It shows even where the first one is hidden, on screen or in print.
 */
export async function qrCopy(url: string, { of, ...options }: QrOptions & { of: string }): Promise<string> {
  const { open } = await parts(url);
  return `${labelled(open, options)}<use href="#${escapeMarkup(of)}-code"/></svg>`;
}
