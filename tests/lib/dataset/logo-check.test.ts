import { describe, expect, test } from 'vitest';
import { logoProblem, svgProblem } from '../../../src/lib/dataset/logo-check.ts';

const SVG = (inner: string, attrs = '') => `<svg xmlns="http://www.w3.org/2000/svg"${attrs}>${inner}</svg>`;
const bytes = (text: string) => new TextEncoder().encode(text);

describe('svgProblem', () => {
  test('a plain drawing passes, with an XML declaration, comments, gradients and links to its own parts', () => {
    const drawing = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- made by hand -->\n${SVG(
      '<defs><linearGradient id="g"><stop offset="0" stop-color="#fff"/></linearGradient></defs><title>Logo</title><rect width="10" height="10" fill="url(#g)"/><use href="#g"/><text x="1" y="9" style="font-family: sans-serif">A&amp;B</text>',
      ' xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"',
    )}`;
    expect(svgProblem(drawing)).toBeUndefined();
  });

  test('an SVG that runs script when opened is refused: an onload attribute, a <script>, a foreignObject', () => {
    expect(svgProblem('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')).toMatch(/"onload" attribute, which runs script/);
    expect(svgProblem(SVG('<script>alert(1)</script>'))).toMatch(/<script> element/);
    expect(svgProblem(SVG('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'))).toMatch(/<foreignObject> element/);
    expect(svgProblem(SVG('<a href="javascript:alert(1)"><rect/></a>'))).toMatch(/<a> element/);
    expect(svgProblem(SVG('<set attributeName="href" to="javascript:alert(1)"/>'))).toMatch(/<set> element/);
  });

  test('an SVG that loads anything from elsewhere is refused', () => {
    expect(svgProblem(SVG('<use href="https://evil.example/x.svg#a"/>'))).toMatch(/links to "https:\/\/evil\.example/);
    expect(svgProblem(SVG('<use xlink:href="data:image/svg+xml,x"/>'))).toMatch(/links to "data:/);
    expect(svgProblem(SVG('<rect fill="url(https://evil.example/p)"/>'))).toMatch(/refers to something outside the file/);
    expect(svgProblem(SVG('<style>@import url(https://evil.example/s.css);</style>'))).toMatch(/style that loads something/);
    expect(svgProblem(SVG('<image href="https://evil.example/i.png"/>'))).toMatch(/<image> element/);
  });

  test('a document type, entities, CDATA and anything that is not a tag are refused', () => {
    expect(svgProblem(`<svg xmlns="http://www.w3.org/2000/svg"><!DOCTYPE x [<!ENTITY a "b">]></svg>`)).toMatch(/"<!DOCTYPE"/);
    expect(svgProblem(SVG('<style><![CDATA[ x ]]></style>'))).toMatch(/CDATA/);
    expect(svgProblem(SVG('<rect style="background:&#117;rl(x)"/>'))).toMatch(/refers to something outside/);
    expect(svgProblem('<html><body onload="alert(1)"></body></html>')).toMatch(/must start with <svg/);
  });
});

describe('logoProblem', () => {
  test('an HTML page, or any file that is not an image, in the logos folder is refused', () => {
    expect(logoProblem('evil.html', bytes('<script>alert(1)</script>'))).toMatch(/^is not a logo image/);
    expect(logoProblem('notes.txt', bytes('x'))).toMatch(/^is not a logo image/);
  });

  test('a PNG, JPEG or WebP passes only when its bytes are that kind of image', () => {
    expect(logoProblem('a.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBeUndefined();
    expect(logoProblem('a.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBeUndefined();
    expect(logoProblem('a.webp', bytes('RIFF\x04\x00\x00\x00WEBPVP8 '))).toBeUndefined();
    expect(logoProblem('a.png', bytes('<svg onload="alert(1)"/>'))).toMatch(/does not hold a PNG image/);
    expect(logoProblem('a.jpg', bytes('<html>'))).toMatch(/does not hold a JPEG image/);
  });

  test('an SVG logo is checked against the allow-list, and a huge one is refused', () => {
    expect(logoProblem('x.svg', bytes('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toMatch(/onload/);
    expect(logoProblem('x.svg', bytes(SVG('<rect/>')))).toBeUndefined();
    expect(logoProblem('x.svg', new Uint8Array(600 * 1024))).toMatch(/larger than the 512 KB limit/);
  });
});
