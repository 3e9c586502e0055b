// QR codes made at build time as inline SVG: no script, no request, crisp at any size and in print.
import QRCode from 'qrcode';

export interface QrOptions {
  /** Unique on the page: the SVG's <title> gets the id `${id}-title`. */
  id: string;
  /** What the code is, for people who cannot see it, for example "QR code for the page about Synergy". */
  title: string;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * An SVG QR code of `url`: black on white with the standard four-module quiet zone (so it scans in a dark
 * colour scheme too), error correction level M, and an accessible name from its <title>.
 */
export async function qrSvg(url: string, { id, title }: QrOptions): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  const titleId = `${escapeXml(id)}-title`;
  const open = svg.indexOf('>', svg.indexOf('<svg'));
  if (open < 0) throw new Error('qrcode did not return an SVG');
  return `${svg.slice(0, open)} role="img" aria-labelledby="${titleId}" class="qr-code" focusable="false"><title id="${titleId}">${escapeXml(title)}</title>${svg.slice(open + 1).trim()}`;
}
