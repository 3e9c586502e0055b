// Link previews: the 1200×630 picture a chat app or social site shows beside a link (og:image). One per
// provider (its name, its areas, "Peer support", the site's name) and one for the site. Pure: what the picture
// says and how it is laid out, as an element tree for satori. Drawing and caching are in previews-fs.ts.
import { areasKnown } from '../model/predicates.ts';
import { joinLabels } from '../text/format.ts';
import { joinBase } from '../site-url.ts';
import type { Provider } from '../model/types.ts';
import type { Vocabularies } from '../dataset/vocab.ts';
import { label } from '../dataset/vocab.ts';

export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
export const SITE_NAME = 'Sussex Peer Support Directory';
/** The family names the bundled font's two files are given (previews-fs.ts loads them from @fontsource/atkinson-hyperlegible). */
export const PREVIEW_FONT = 'Atkinson Hyperlegible';
export const PREVIEW_FONT_EXT = 'Atkinson Hyperlegible Ext';
const INNER_WIDTH = PREVIEW_WIDTH - 2 * 80;

/** What one picture says. */
export interface PreviewText {
  /** The big words: a provider's name, or what the site is for. */
  title: string;
  /** Where: the areas it serves. */
  areas: string;
}

/** The file of a provider's picture (under the output folder), or of the site's when there is no slug. */
export function previewFile(slug?: string): string {
  // Provider slugs never hold "--", so no provider's picture can be the site's.
  return `previews/${slug ?? 'site--directory'}.png`;
}

/** The address of a picture on the site, under the base path. */
export function previewPath(base: string, slug?: string): string {
  return joinBase(base, previewFile(slug));
}

export function providerPreviewText(vocab: Vocabularies, provider: Pick<Provider, 'name' | 'areas' | 'areas_unconfirmed'>): PreviewText {
  const areas = areasKnown(provider) ? joinLabels(provider.areas.map((a) => label(vocab, 'areas', a))) : 'Somewhere in Sussex';
  return { title: provider.name, areas };
}

export function sitePreviewText(vocab: Vocabularies): PreviewText {
  return { title: 'Find mental health peer support near you', areas: joinLabels(vocab.areas.terms.map((t) => t.label)) };
}

/** The picture in words, for og:image:alt: everything it shows. */
export function previewAlt(text: PreviewText): string {
  return `${text.title}. Peer support in ${text.areas}. ${SITE_NAME}.`;
}

/** Long names get smaller letters, so up to about 90 characters fit in three lines. */
function titleSize(title: string): number {
  if (title.length <= 34) return 84;
  if (title.length <= 60) return 70;
  return 58;
}

/** A node of satori's element tree (the shape of a React element, without React). */
export interface PreviewNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: string | PreviewNode | (string | PreviewNode)[] };
}

const div = (style: Record<string, string | number>, children: PreviewNode['props']['children']): PreviewNode => ({ type: 'div', props: { style, children } });

/**
 * The layout: white on the site's dark teal (contrast 9:1), a yellow bar, no photos. Every size is fixed, so
 * the same words always give the same picture.
 */
export function previewElement(text: PreviewText): PreviewNode {
  return div(
    {
      // Satori adds the padding to these, as CSS's content-box does: with it, the whole picture.
      width: INNER_WIDTH,
      height: PREVIEW_HEIGHT - 64 - 56,
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      paddingTop: 64,
      paddingBottom: 56,
      paddingLeft: 80,
      paddingRight: 80,
      backgroundColor: '#1d4e5f',
      color: '#ffffff',
      fontFamily: `${PREVIEW_FONT}, ${PREVIEW_FONT_EXT}`,
    },
    [
      div({ display: 'flex', alignItems: 'center', fontSize: 38, fontWeight: 700 }, [
        div({ width: 20, height: 48, marginRight: 20, backgroundColor: '#ffbf47' }, ''),
        'Peer support',
      ]),
      div({ display: 'flex', flexDirection: 'column', width: INNER_WIDTH }, [
        div({ display: 'block', width: INNER_WIDTH, fontSize: titleSize(text.title), fontWeight: 700, lineHeight: 1.15, lineClamp: 3 }, text.title),
        div({ display: 'block', width: INNER_WIDTH, marginTop: 24, fontSize: 40, lineHeight: 1.25, lineClamp: 2 }, text.areas),
      ]),
      div({ display: 'flex', width: INNER_WIDTH, paddingTop: 20, borderTop: '4px solid #ffffff', fontSize: 36 }, SITE_NAME),
    ],
  );
}
