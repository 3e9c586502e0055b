// Draws the link previews of previews.ts (satori lays out the text in the bundled font as shapes, resvg paints
// them into a PNG) and keeps each picture in a cache named by a hash of everything that makes it, so a rebuild
// draws only the pictures whose words changed. The same inputs give the same bytes on every machine: no system
// font is ever used.
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { inBatches } from '../build/batches.ts';
import { PROJECT_ROOT } from '../dataset/dataset-fs.ts';
import { PREVIEW_FONT, PREVIEW_FONT_EXT, PREVIEW_HEIGHT, PREVIEW_WIDTH, previewElement, previewFile, providerPreviewText, sitePreviewText, type PreviewText } from './previews.ts';
import type { Dataset } from '../model/types.ts';

const require = createRequire(import.meta.url);

/** The font files: Latin and Latin Extended (for names such as "Łukasz"), regular and bold. */
const FONT_FILES = [
  ['latin', 400],
  ['latin', 700],
  ['latin-ext', 400],
  ['latin-ext', 700],
] as const;

/** Where drawn pictures are kept between builds (SPSD_PREVIEW_CACHE moves it; deleting it is always safe). */
export function previewCacheDir(): string {
  return process.env.SPSD_PREVIEW_CACHE ?? path.join(PROJECT_ROOT, 'node_modules', '.cache', 'spsd-previews');
}

export interface PreviewRenderer {
  /** A hash of the font and the versions of the two libraries: a new one of any draws every picture again. */
  fingerprint: string;
  /** The cache key of a picture: the fingerprint and the element tree. */
  key(text: PreviewText): string;
  render(text: PreviewText): Promise<Buffer>;
}

let rendererPromise: Promise<PreviewRenderer> | undefined;

/** Loads the font once per process. */
export function previewRenderer(): Promise<PreviewRenderer> {
  rendererPromise ??= makeRenderer();
  return rendererPromise;
}

async function makeRenderer(): Promise<PreviewRenderer> {
  const fonts = await Promise.all(
    FONT_FILES.map(async ([subset, weight]) => ({
      name: subset === 'latin' ? PREVIEW_FONT : PREVIEW_FONT_EXT,
      weight,
      style: 'normal' as const,
      data: await readFile(require.resolve(`@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-${subset}-${weight}-normal.woff`)),
    })),
  );
  const hash = createHash('sha256');
  for (const name of ['satori', '@resvg/resvg-js']) hash.update(`${name}@${(require(`${name}/package.json`) as { version: string }).version}\n`);
  for (const f of fonts) hash.update(f.data);
  const fingerprint = hash.digest('hex');
  return {
    fingerprint,
    key: (text) => createHash('sha256').update(fingerprint).update(JSON.stringify(previewElement(text))).digest('hex').slice(0, 32),
    async render(text) {
      // satori reads the tree as React elements; ours has their shape.
      const svg = await satori(previewElement(text) as unknown as Parameters<typeof satori>[0], { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, fonts });
      // Text is already shapes, so resvg needs no font; renderAsync draws on another thread while satori lays out the next.
      const image = await renderAsync(svg, { font: { loadSystemFonts: false }, fitTo: { mode: 'original' } });
      return image.asPng();
    },
  };
}

export interface PreviewCounts {
  /** Pictures drawn in this build. */
  drawn: number;
  /** Pictures taken from the cache. */
  reused: number;
}

/** Pictures drawn at once: satori lays out one while resvg paints others on libuv's threads. */
const AT_ONCE = 4;

/** One picture in `out`: from the cache when it is there, else drawn and put in the cache first. */
async function writePreview(renderer: PreviewRenderer, cache: string, out: string, file: string, text: PreviewText, counts: PreviewCounts): Promise<void> {
  const cached = path.join(cache, `${renderer.key(text)}.png`);
  const target = path.join(out, file);
  try {
    await copyFile(cached, target);
    counts.reused++;
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const png = await renderer.render(text);
  // Written under another name and renamed, so a build stopped half-way never leaves half a picture in the cache.
  const partial = `${cached}.${process.pid}.part`;
  await writeFile(partial, png);
  await rename(partial, cached);
  await writeFile(target, png);
  counts.drawn++;
}

/** The site's picture and every provider's, under `out`/previews/. */
export async function writePreviews({ out, dataset, cache = previewCacheDir() }: { out: string; dataset: Dataset; cache?: string }): Promise<PreviewCounts> {
  const renderer = await previewRenderer();
  await mkdir(path.join(out, 'previews'), { recursive: true });
  await mkdir(cache, { recursive: true });
  const counts: PreviewCounts = { drawn: 0, reused: 0 };
  await writePreview(renderer, cache, out, previewFile(), sitePreviewText(dataset.vocab), counts);
  await inBatches(dataset.providers, AT_ONCE, (entry) => writePreview(renderer, cache, out, previewFile(entry.slug), providerPreviewText(dataset.vocab, entry.data), counts));
  return counts;
}
