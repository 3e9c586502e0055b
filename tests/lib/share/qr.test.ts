// The QR code decodes (with jsQR) to the short link, rendered by Chromium as a browser shows it, and by a
// tiny rasteriser of our own so the check also runs where there is no Chromium.
import { existsSync } from 'node:fs';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { posterId, shortPath, shortUrl, typedLink } from '../../../src/components/share/links.ts';
import { QR_MASK, qrCopy, qrSvg } from '../../../src/lib/share/qr.ts';
import { browser } from '../../browser/harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const URLS = [
  shortUrl('https://sussex-peer-support.example', '/', 'capital-project-trust'),
  shortUrl('https://example.github.io', '/sussex-directory/', 'sussex-partnership-nhs-foundation-trust'),
];

/** Renders qrcode's SVG (a white square, then one stroked path of horizontal runs) to RGBA pixels. */
function rasterise(svg: string, scale = 8): { data: Uint8ClampedArray; width: number; height: number } {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !d) throw new Error('not an SVG from qrcode');
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  let x = 0;
  let y = 0;
  for (const [, cmd, args] of d.matchAll(/([MmHh])([^MmHh]*)/g)) {
    const n = (args ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (cmd === 'M') [x, y] = [n[0]!, n[1]!];
    else if (cmd === 'm') [x, y] = [x + n[0]!, y + n[1]!];
    else {
      const to = cmd === 'h' ? x + n[0]! : n[0]!;
      const row = Math.floor(y); // strokes are one module wide, centred on y + 0.5
      for (let px = Math.round(x * scale); px < Math.round(to * scale); px++)
        for (let py = row * scale; py < (row + 1) * scale; py++) data.fill(0, (py * width + px) * 4, (py * width + px) * 4 + 3);
      x = to;
    }
  }
  return { data, width, height: width };
}

describe('qrSvg', () => {
  it.each(URLS)('decodes to the short link %s (rasterised here)', async (url) => {
    const svg = await qrSvg(url, { id: 'qr', title: 'QR code' });
    const { data, width, height } = rasterise(svg);
    expect(jsQR(data, width, height)?.data).toBe(url);
  });

  it('has an accessible name, from a <title>', async () => {
    const svg = await qrSvg(URLS[0]!, { id: 'share-qr', title: 'QR code. It opens the page about "A & B" <group>' });
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="share-qr-title"/);
    expect(svg).toContain('<title id="share-qr-title">QR code. It opens the page about &quot;A &amp; B&quot; &lt;group&gt;</title>');
  });

  it('is black on white with a quiet zone, so it scans in a dark colour scheme too', async () => {
    const svg = await qrSvg(URLS[0]!, { id: 'qr', title: 'QR code' });
    expect(svg).toContain('<path fill="#ffffff" d="M0 0h');
    expect(svg).toContain('stroke="#000000"');
    expect(svg).toMatch(/d="M4 4\.5h7/); // the first finder pattern starts 4 modules in
  });

  it('gives each use of the same link its own accessible name', async () => {
    const a = await qrSvg(URLS[0]!, { id: 'share-qr', title: 'On the page' });
    const b = await qrSvg(URLS[0]!, { id: 'poster-qr', title: 'On the poster' });
    expect(a).toContain('<title id="share-qr-title">On the page</title>');
    expect(b).toContain('<title id="poster-qr-title">On the poster</title>');
    expect(b).not.toContain('share-qr');
    const squares = (svg: string) => svg.slice(svg.indexOf('</title>')).replace(/<g id="[^"]+">/, '<g>');
    expect(squares(a)).toBe(squares(b));
  });

  it('groups its squares under an id, and a copy draws them again under its own name, at the same size', async () => {
    const a = await qrSvg(URLS[0]!, { id: 'share-qr', title: 'On the page' });
    const copy = await qrCopy(URLS[0]!, { id: 'poster-qr', of: 'share-qr', title: 'On the "poster"' });
    expect(a).toMatch(/<g id="share-qr-code"><path fill="#ffffff"[^]*<\/g><\/svg>$/);
    const viewBox = (svg: string) => /^<svg [^>]*viewBox="([^"]+)"/.exec(svg)?.[1];
    expect(viewBox(copy)).toBe(viewBox(a));
    expect(copy).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="poster-qr-title"/);
    expect(copy).toContain('<title id="poster-qr-title">On the &quot;poster&quot;</title><use href="#share-qr-code"/></svg>');
    expect(copy).not.toContain('<path');
  });

  it('encodes a link as one piece of bytes with the fixed mask, which the code is made with', async () => {
    const bytes = new TextEncoder().encode(URLS[0]!);
    const code = QRCode.create([{ data: bytes, mode: 'byte' }], { errorCorrectionLevel: 'M', maskPattern: QR_MASK });
    expect(code.segments.map((s) => s.mode.id)).toEqual(['Byte']);
    const expected = await QRCode.toString([{ data: bytes, mode: 'byte' }], { type: 'svg', errorCorrectionLevel: 'M', maskPattern: QR_MASK, margin: 4 });
    const path = (svg: string) => /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1];
    expect(path(await qrSvg(URLS[0]!, { id: 'qr', title: 'QR code' }))).toBe(path(expected));
  });

  it('is the same every build', async () => {
    expect(await qrSvg(URLS[0]!, { id: 'qr', title: 'QR code' })).toBe(await qrSvg(URLS[0]!, { id: 'qr', title: 'QR code' }));
  });

  it('is the same after many other links have been drawn, and a copy still fits it', async () => {
    const first = await qrSvg(URLS[0]!, { id: 'qr', title: 'QR code' });
    for (let i = 0; i < 40; i++) await qrSvg(`https://example.org/p/group-${i}/`, { id: 'qr', title: 'QR code' });
    expect(await qrSvg(URLS[0]!, { id: 'qr', title: 'QR code' })).toBe(first);
    const viewBox = (svg: string) => /viewBox="([^"]+)"/.exec(svg)?.[1];
    expect(viewBox(await qrCopy(URLS[0]!, { id: 'copy', of: 'qr', title: 'QR code' }))).toBe(viewBox(first));
  });
});

describe.skipIf(!existsSync(CHROMIUM))('in Chromium', () => {
  it.each(URLS)('a 200 px QR code of %s decodes to it, and is announced as an image with its name', async (url) => {
    const svg = await qrSvg(url, { id: 'qr', title: `QR code for ${typedLink(url)}` });
    const page = await (await browser()).newPage({ viewport: { width: 320, height: 320 } });
    try {
      await page.setContent(`<!doctype html><html lang="en"><body style="margin:20px;background:#fff"><div style="width:200px">${svg.replace('<svg ', '<svg width="200" height="200" ')}</div></body></html>`);
      const png = PNG.sync.read(await page.locator('svg').screenshot());
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url);
      await expect(page.getByRole('img', { name: `QR code for ${typedLink(url)}` }).count()).resolves.toBe(1);
    } finally {
      await page.close();
    }
  });
});

describe.skipIf(!existsSync(CHROMIUM))('a copy in Chromium', () => {
  it('decodes and is announced with its own name while the code it draws is hidden', async () => {
    const url = URLS[0]!;
    const first = await qrSvg(url, { id: 'share-qr', title: 'The code' });
    const copy = await qrCopy(url, { id: 'copy-qr', of: 'share-qr', title: 'The copy' });
    const page = await (await browser()).newPage({ viewport: { width: 320, height: 320 } });
    try {
      await page.setContent(`<!doctype html><html lang="en"><body style="margin:20px;background:#fff"><div style="display:none">${first}</div><div style="width:200px">${copy}</div></body></html>`);
      const png = PNG.sync.read(await page.locator('svg').nth(1).screenshot());
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url);
      await expect(page.getByRole('img', { name: 'The copy' }).count()).resolves.toBe(1);
      await expect(page.getByRole('img', { name: 'The code' }).count()).resolves.toBe(0);
    } finally {
      await page.close();
    }
  });
});

describe('links', () => {
  it('short links are /p/<slug>/ under the base path', () => {
    expect(shortPath('/', 'synergy')).toBe('/p/synergy/');
    expect(shortPath('/dir/', 'synergy')).toBe('/dir/p/synergy/');
    expect(typedLink('https://sussex-peer-support.example/p/synergy/')).toBe('sussex-peer-support.example/p/synergy/');
    expect(typedLink('https://sussex-peer-support.example/')).toBe('sussex-peer-support.example');
  });

  it('a poster is #poster--<service> on its provider page, never the anchor of another service', () => {
    expect(posterId('creative-space')).toBe('poster--creative-space');
    // A service called "poster-creative-space" has that anchor; ids are lower case words joined by single hyphens.
    expect(posterId('creative-space')).not.toBe('poster-creative-space');
  });
});
