// The files of the share kit and the correction form that are not pages of their own: the short-link
// redirect page /p/<slug>/, a calendar file for each service with sessions, and each provider's current data
// for /contribute/?edit=<slug>. They are made here in plain TypeScript, outside Astro's pages: one Astro route
// each cost more in Astro's per-page work than in making the file.
// Pure: the same inputs give the same files. The file writing is in share-files-fs.ts.
import { calendarPath, hasCalendar, serviceCalendar } from './ics.ts';
import { absoluteUrl, joinBase, providerPath } from './site-url.ts';
import { withoutTownCoordinates } from './gazetteer.ts';
import { isolate } from './text-safety.ts';
import { EDIT_DATA_PER_FILE, editDataFileName, type ProviderEditData } from './edit-data.ts';
import { previewAlt, providerPreviewText } from './previews.ts';
import type { Dataset, Entry, Provider } from './validate.ts';
import type { Vocabularies } from './vocab.ts';

export { EDIT_DATA_PER_FILE, type ProviderEditData };

/** The entry as its file says: the correction form must not write back the coordinates the build gave a town. */
function fileData(data: Provider): Provider {
  if (!data.services.some((s) => s.locations?.some((l) => l.precision === 'town'))) return data;
  return { ...data, services: data.services.map((s) => (s.locations ? { ...s, locations: s.locations.map(withoutTownCoordinates) } : s)) };
}

/** A file to write, its path relative to the output folder (no base path), and its text. */
export interface ShareFile {
  path: string;
  text: string;
}

/**
 * The short-link page is rendered by Astro once, for this made-up slug and name (src/pages/p/[slug].astro),
 * so it has the site's styles and crisis contacts; each provider's page is that template with its own slug
 * and name. Neither can be a real slug or a real name's escaped text.
 */
export const SHORT_LINK_TEMPLATE = { slug: '__short_link_slug__', name: '__SHORT_LINK_NAME__', alt: '__SHORT_LINK_PREVIEW_ALT__' } as const;

/** Escapes text the way Astro escapes `{expressions}` in a page. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>'"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' })[c]!);
}

/** Escapes text in a double-quoted attribute the way Astro does (only `&` and `"`), so the short link reads as the provider page. */
export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}

/** The folder of the short-link template in the output, which is removed once the real pages are written. */
export const shortLinkTemplateDir = `p/${SHORT_LINK_TEMPLATE.slug}`;

type Hole = { key: 'slug' | 'name' | 'alt'; attribute: boolean };

/** The template cut at every placeholder, each marked as inside a tag (an attribute) or in the text. */
function holesOf(template: string): (string | Hole)[] {
  const placeholders = new Map<string, Hole['key']>(Object.entries(SHORT_LINK_TEMPLATE).map(([key, value]) => [value, key as Hole['key']]));
  const pattern = new RegExp(`(<[^>]*>)|(${[...placeholders.keys()].join('|')})`, 'g');
  const out: (string | Hole)[] = [];
  let at = 0;
  for (const m of template.matchAll(pattern)) {
    out.push(template.slice(at, m.index));
    at = m.index + m[0].length;
    if (m[2]) out.push({ key: placeholders.get(m[2])!, attribute: false });
    else for (const piece of m[1]!.split(new RegExp(`(${[...placeholders.keys()].join('|')})`))) out.push(placeholders.has(piece) ? { key: placeholders.get(piece)!, attribute: true } : piece);
  }
  out.push(template.slice(at));
  return out;
}

/** One /p/<slug>/index.html for each provider, from the page Astro rendered for the template (with `vocab`, its link preview's words too). */
export function shortLinkPages(providers: readonly Entry<Provider>[], template: string, vocab?: Vocabularies): ShareFile[] {
  if (!template.includes(SHORT_LINK_TEMPLATE.slug) || !template.includes(SHORT_LINK_TEMPLATE.name)) {
    throw new Error('The short-link template page does not have the slug and name to fill in.');
  }
  // Cut once, each hole in one pass: a name holding another placeholder's text is never filled in again.
  const parts = holesOf(template);
  const hasAlt = template.includes(SHORT_LINK_TEMPLATE.alt);
  return providers.map((entry) => {
    const name = isolate(entry.data.name);
    // The link preview's words (they name the areas, which the template does not know).
    const alt = vocab && hasAlt ? previewAlt(providerPreviewText(vocab, entry.data)) : SHORT_LINK_TEMPLATE.alt;
    const values = { slug: entry.slug, name, alt };
    const text = parts.map((part) => (typeof part === 'string' ? part : (part.attribute ? escapeAttribute : escapeHtml)(values[part.key]))).join('');
    return { path: `p/${entry.slug}/index.html`, text };
  });
}

export interface CalendarOptions {
  site: string;
  base: string;
  /** YYYY-MM-DD, see build-info.ts. */
  buildDate: string;
}

/** The .ics file of every running service with regular sessions, at /calendar/<slug>--<service>.ics. */
export function calendarFiles(dataset: Dataset, { site, base, buildDate }: CalendarOptions): ShareFile[] {
  const uidDomain = new URL(site).hostname;
  return dataset.providers.flatMap((entry) =>
    entry.data.services.filter(hasCalendar).map((service) => ({
      path: calendarPath('', entry.slug, service.id).slice(1),
      text: serviceCalendar({
        slug: entry.slug,
        provider: entry.data,
        service,
        vocab: dataset.vocab,
        url: absoluteUrl(site, providerPath(base, entry.slug, service.id)),
        buildDate,
        uidDomain,
      }),
    })),
  );
}

/** The correction data file holding the provider at `index` in /contribute/slugs.json, under the site root. */
export function editDataPath(base: string, index: number): string {
  return joinBase(base, `contribute/providers/${editDataFileName(index)}`);
}

/**
 * The correction data of `entries`, which start at `first` in the order of slugs.json (a multiple of
 * EDIT_DATA_PER_FILE): each file an object of ProviderEditData by slug. `texts` are the entries' files as they are.
 */
export function editDataFiles(entries: readonly Entry<Provider>[], texts: readonly string[], first: number): ShareFile[] {
  if (first % EDIT_DATA_PER_FILE) throw new Error(`editDataFiles: ${first} does not start a file of ${EDIT_DATA_PER_FILE}`);
  const files: ShareFile[] = [];
  for (let i = 0; i < entries.length; i += EDIT_DATA_PER_FILE) {
    const body: Record<string, ProviderEditData> = {};
    entries.slice(i, i + EDIT_DATA_PER_FILE).forEach((entry, j) => {
      body[entry.slug] = { slug: entry.slug, file: `data/providers/${entry.slug}.yaml`, text: texts[i + j]!.replace(/\r\n?/g, '\n'), data: fileData(entry.data) };
    });
    files.push({ path: editDataPath('', first + i).slice(1), text: JSON.stringify(body) });
  }
  return files;
}
