import { describe, expect, it } from 'vitest';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH, previewAlt, previewElement, previewFile, previewPath, providerPreviewText, sitePreviewText, type PreviewNode } from '../../../src/lib/share/previews.ts';
import { validate } from '../../helpers/data-dir.ts';
import { fixtureFiles } from '../../helpers/fixtures.ts';

const { vocab } = validate({ providers: Object.fromEntries(fixtureFiles('providers', 'valid').map((f) => [f.path.split('/').pop()!, f.bytes])) }).dataset;

/** Every piece of text in the tree, in order. */
function words(node: PreviewNode | string): string[] {
  if (typeof node === 'string') return node ? [node] : [];
  const c = node.props.children;
  return c === undefined ? [] : (Array.isArray(c) ? c : [c]).flatMap(words);
}

describe('providerPreviewText', () => {
  it("says the provider's name and the areas it serves, by their labels", () => {
    expect(providerPreviewText(vocab, { name: 'Harbour Café', areas: ['west-sussex', 'brighton-and-hove'] })).toEqual({ title: 'Harbour Café', areas: 'West Sussex, Brighton & Hove' });
  });
  it('says "Somewhere in Sussex" when the areas are not known, rather than claim all three', () => {
    expect(providerPreviewText(vocab, { name: 'X', areas: ['west-sussex', 'east-sussex'], areas_unconfirmed: true }).areas).toBe('Somewhere in Sussex');
  });
});

describe('previewAlt', () => {
  it('puts everything the picture shows into words', () => {
    expect(previewAlt({ title: 'MindOut', areas: 'Brighton & Hove' })).toBe('MindOut. Peer support in Brighton & Hove. Sussex Peer Support Directory.');
  });
});

describe('previewElement', () => {
  it('shows "Peer support", the name, the areas and the site name, in that order', () => {
    expect(words(previewElement({ title: 'MindOut', areas: 'Brighton & Hove' }))).toEqual(['Peer support', 'MindOut', 'Brighton & Hove', 'Sussex Peer Support Directory']);
  });
  it('fills 1200 × 630 with its padding, as satori adds padding to width and height', () => {
    const style = previewElement(sitePreviewText(vocab)).props.style!;
    expect(Number(style.width) + Number(style.paddingLeft) + Number(style.paddingRight)).toBe(PREVIEW_WIDTH);
    expect(Number(style.height) + Number(style.paddingTop) + Number(style.paddingBottom)).toBe(PREVIEW_HEIGHT);
  });
  it('gives a long name smaller letters and at most three lines', () => {
    const size = (title: string) => (previewElement({ title, areas: 'x' }).props.children as PreviewNode[])[1]!.props.children as PreviewNode[];
    const short = size('MindOut')[0]!.props.style!;
    const long = size('Sussex Partnership NHS Foundation Trust peer support workers in the community teams')[0]!.props.style!;
    expect(Number(long.fontSize)).toBeLessThan(Number(short.fontSize));
    expect(long.lineClamp).toBe(3);
  });
});

describe('previewFile and previewPath', () => {
  it("is /previews/<slug>.png for a provider, under the base path", () => {
    expect(previewFile('mindout')).toBe('previews/mindout.png');
    expect(previewPath('/dir/', 'mindout')).toBe('/dir/previews/mindout.png');
  });
  it("gives the site's picture a name no provider slug can have", () => {
    expect(previewFile()).toMatch(/--/);
    expect(/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(previewFile().replace(/^previews\/|\.png$/g, ''))).toBe(false);
  });
});
